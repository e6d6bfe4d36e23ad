import { useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import { plural } from '../../utils/plural';
import type { SharingStatus } from '../../utils/sharing/messages';
import { requestApiAccess } from '../../utils/sharing/permission';
import { SEND_WARNING, useSharingStatus } from './useSharing';

/** Settings for sharing notes with a private Hypothesis group: connect, pick a group, the queue. */
export function SharingSettings() {
  const { status, problem, refresh } = useSharingStatus();
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const connect = (event: Event) => {
    event.preventDefault();
    // Asked before any await: the browser shows its prompt only within the click.
    const granted = requestApiAccess().catch(() => false);
    void (async () => {
      // Without the permission the background refuses with its own message: one path for each refusal.
      await granted;
      const answer = await sendRequest({ type: 'sharing/connect', token: token.trim() });
      if (!answer.ok) setMessage(answer.error.message);
      else if (answer.data.status === 'refused') setMessage(answer.data.message);
      else {
        setToken('');
        setMessage(null);
      }
      await refresh();
    })();
  };

  const chooseGroup = async (groupId: string) => {
    const answer = await sendRequest({ type: 'sharing/choose-group', groupId });
    if (!answer.ok) setMessage(answer.error.message);
    else setMessage(answer.data.status === 'refused' ? answer.data.message : null);
    await refresh();
  };

  const resume = async (skip: boolean) => {
    const answer = await sendRequest({ type: 'sharing/resume', skip });
    setMessage(answer.ok ? null : answer.error.message);
    await refresh();
  };

  const disconnect = async () => {
    const answer = await sendRequest({ type: 'sharing/disconnect' });
    setConfirming(false);
    setMessage(answer.ok ? 'Disconnected from Hypothesis.' : answer.error.message);
    await refresh();
  };

  const account = status?.account ?? null;
  return (
    <section aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Share with a campaign team (Hypothesis)</h2>
      <p>
        Publish chosen notes to a private group on hypothes.is, and see your team's notes on the
        pages you read. Nothing is sent until you publish a note.
      </p>
      <p class="notice">{SEND_WARNING}</p>
      {(message ?? problem) && <p role="alert">{message ?? problem}</p>}
      {status && !account && (
        <form onSubmit={connect}>
          <label>
            Your Hypothesis developer token{' '}
            <input
              type="password"
              autocomplete="off"
              name="hypothesis-token"
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" disabled={token.trim() === ''}>
            Connect
          </button>
          <p>
            Generate one at{' '}
            <a href="https://hypothes.is/account/developer">hypothes.is/account/developer</a>. Civic
            Thread then asks your browser for access to api.hypothes.is.
          </p>
        </form>
      )}
      {account && (
        <>
          <p>
            Connected as <strong>{account.displayName ?? account.userid}</strong> ({account.userid}
            ).
          </p>
          {account.groups.length === 0 ? (
            <p>
              This account is in no private group. Create one on hypothes.is, or join your team's
              with its invite link, then connect again.
            </p>
          ) : (
            <label>
              Publish to the group{' '}
              <select
                name="hypothesis-group"
                value={account.groupId ?? ''}
                onChange={(event) => void chooseGroup(event.currentTarget.value)}
              >
                {account.groupId === null && <option value="">Choose a group</option>}
                {account.groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      {status && <QueueState status={status} onResume={resume} />}
      {account &&
        (confirming ? (
          <fieldset class="notice">
            <legend>Disconnect from Hypothesis?</legend>
            <p>
              This removes your token, the notes waiting to be sent and the group's notes kept on
              this computer. Your own notes stay here, and what you published stays in the group on
              hypothes.is.
            </p>
            <button type="button" onClick={() => void disconnect()}>
              Yes, disconnect
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </fieldset>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        ))}
    </section>
  );
}

function QueueState({
  status,
  onResume,
}: {
  status: SharingStatus;
  onResume: (skip: boolean) => void;
}) {
  const { jobs, published, stopped, lastError } = status;
  return (
    <div role="status" aria-label="Sharing queue">
      <p>
        {plural(jobs.length, 'change', 'changes')} waiting to be sent;{' '}
        {plural(published.length, 'note', 'notes')} published to the group.
      </p>
      {lastError && !stopped && <p>The last attempt failed and will be tried again: {lastError}</p>}
      {stopped && (
        <div class="notice">
          <p>Sending stopped: {stopped.message}</p>
          {stopped.kind === 'refused' ? (
            <>
              <button type="button" onClick={() => onResume(false)}>
                Resume
              </button>{' '}
              <button type="button" onClick={() => onResume(true)}>
                Skip this note and resume
              </button>
            </>
          ) : (
            <button type="button" onClick={() => onResume(false)}>
              Resume
            </button>
          )}
        </div>
      )}
    </div>
  );
}
