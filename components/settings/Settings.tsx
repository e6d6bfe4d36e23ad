import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import { PageKind } from '../../utils/pages/context';
import type { Settings as SettingsRecord } from '../../utils/storage/records';
import { KIND_PLURAL } from '../format';
import { SharingSettings } from '../sharing/SharingSettings';
import { StorageStatus } from './StorageStatus';
import { YourData } from './YourData';

/** The extension's settings page. */
export function Settings() {
  const [settings, setSettings] = useState<SettingsRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    sendRequest({ type: 'settings/get' }).then((answer) =>
      answer.ok ? setSettings(answer.data) : setProblem(answer.error.message),
    );
  }, []);

  const update = async (changes: Partial<SettingsRecord>) => {
    const answer = await sendRequest({ type: 'settings/set', settings: changes });
    if (answer.ok) setSettings(answer.data);
    else setProblem(answer.error.message);
  };

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
        <h2 id="panel-heading">The panel and your watchlist</h2>
        {problem && <p role="alert">Settings could not be loaded or saved: {problem}</p>}
        {settings && (
          <>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={settings.panelCollapsed}
                onChange={(event) => update({ panelCollapsed: event.currentTarget.checked })}
              />{' '}
              Start with the panel hidden
            </label>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={settings.notifyChanges}
                onChange={(event) => update({ notifyChanges: event.currentTarget.checked })}
              />{' '}
              Show a notification when a petition or consultation I follow changes
            </label>
            <fieldset>
              <legend>Offer highlights and notes on</legend>
              {PageKind.options.map((kind) => (
                <label class="checkbox" key={kind}>
                  <input
                    type="checkbox"
                    checked={settings.annotateKinds.includes(kind)}
                    onChange={(event) =>
                      update({
                        annotateKinds: event.currentTarget.checked
                          ? [...settings.annotateKinds, kind]
                          : settings.annotateKinds.filter((k) => k !== kind),
                      })
                    }
                  />{' '}
                  {KIND_PLURAL[kind]}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </section>
      <SharingSettings />
      <YourData />
    </main>
  );
}
