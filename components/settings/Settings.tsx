import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import { StorageStatus } from './StorageStatus';

/** The extension's settings page. */
export function Settings() {
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    sendRequest({ type: 'settings/get' }).then((answer) =>
      answer.ok ? setCollapsed(answer.data.panelCollapsed) : setProblem(answer.error.message),
    );
  }, []);

  return (
    <main>
      <h1>Civic Thread settings</h1>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Your notes on this computer</h2>
        <p>
          Your highlights, notes and bookmarks are kept in this browser, for Civic Thread only.
          Nothing is sent anywhere.
        </p>
        <StorageStatus />
      </section>
      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">The panel</h2>
        {problem && <p role="alert">Settings could not be loaded: {problem}</p>}
        {collapsed !== null && (
          <label class="checkbox">
            <input
              type="checkbox"
              checked={collapsed}
              onChange={async (event) => {
                const panelCollapsed = event.currentTarget.checked;
                const answer = await sendRequest({
                  type: 'settings/set',
                  settings: { panelCollapsed },
                });
                if (answer.ok) setCollapsed(answer.data.panelCollapsed);
                else setProblem(answer.error.message);
              }}
            />{' '}
            Start with the panel hidden
          </label>
        )}
      </section>
    </main>
  );
}
