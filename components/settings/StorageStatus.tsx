import { useEffect, useState } from 'preact/hooks';

type Status = { persisted: boolean; usage: number | null; quota: number | null };

const megabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/**
 * Whether the browser may clear the extension's data when the disk fills,
 * and a way to ask it not to (`navigator.storage.persist()`, extension pages only).
 */
export function StorageStatus({ storage = navigator.storage }: { storage?: StorageManager }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [refused, setRefused] = useState(false);

  const refresh = async () => {
    const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
    setStatus({ persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null });
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (!status) return <p role="status">Checking your storage…</p>;
  return (
    <>
      <p role="status" class="storage-state">
        {status.persisted
          ? 'Protected: the browser will not clear your notes to free disk space.'
          : 'Not protected yet: if the disk fills up, the browser may clear your notes.'}
      </p>
      {status.usage !== null && status.quota !== null && (
        <p>
          Civic Thread uses {megabytes(status.usage)} of the {megabytes(status.quota)} the browser
          allows it.
        </p>
      )}
      {!status.persisted && (
        <button
          type="button"
          onClick={async () => {
            setRefused(!(await storage.persist()));
            await refresh();
          }}
        >
          Protect my notes
        </button>
      )}
      {refused && (
        <p role="alert">
          The browser did not agree to this. Your notes are still saved; export them from time to
          time to be safe.
        </p>
      )}
    </>
  );
}
