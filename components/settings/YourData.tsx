import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import type { ResponseData } from '../../utils/messaging/protocol';
import { plural } from '../../utils/plural';

type Stats = ResponseData<'data/stats'>;

const UNREADABLE_NAMES: { [K in keyof Stats['unreadable']]: [string, string] } = {
  annotations: ['note', 'notes'],
  pages: ['page in your thread', 'pages in your thread'],
  links: ['link between pages', 'links between pages'],
  follows: ['followed item', 'followed items'],
  events: ['watchlist change', 'watchlist changes'],
  responses: ['consultation response draft', 'consultation response drafts'],
};

const unreadableTotal = (stats: Stats) =>
  Object.values(stats.unreadable).reduce((sum, count) => sum + count, 0);

/** "2 notes, 5 followed items" */
function describeUnreadable(counts: Stats['unreadable']): string {
  return (Object.keys(UNREADABLE_NAMES) as (keyof typeof UNREADABLE_NAMES)[])
    .filter((store) => counts[store] > 0)
    .map((store) => plural(counts[store], ...UNREADABLE_NAMES[store]))
    .join(', ');
}

/** What Civic Thread keeps, and a way to delete all of it (after saying yes twice). */
export function YourData() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = () =>
    sendRequest({ type: 'data/stats' }).then((answer) =>
      answer.ok ? setStats(answer.data) : setMessage(answer.error.message),
    );
  useEffect(() => {
    void refresh();
  }, []);

  const removeUnreadable = async () => {
    const answer = await sendRequest({ type: 'data/remove-unreadable' });
    setMessage(
      answer.ok
        ? `${plural(answer.data.removed, 'unreadable record was', 'unreadable records were')} removed.`
        : `Nothing was removed: ${answer.error.message}`,
    );
    await refresh();
  };

  const deleteAll = async () => {
    const answer = await sendRequest({ type: 'data/delete-all' });
    setConfirming(false);
    setMessage(
      answer.ok
        ? 'All your Civic Thread data was deleted.'
        : `Nothing was deleted: ${answer.error.message}`,
    );
    await refresh();
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      {stats && (
        <ul class="data-stats">
          <li>{stats.annotations} notes, highlights and bookmarks</li>
          <li>{stats.pages} pages in your thread</li>
          <li>{stats.follows} followed petitions and consultations</li>
          <li>{stats.cache} saved answers from the sites</li>
          <li>{stats.responses} consultation response drafts</li>
        </ul>
      )}
      {stats && unreadableTotal(stats) > 0 && (
        <div class="notice" role="status">
          <p>
            {plural(unreadableTotal(stats), 'stored record', 'stored records')} could not be read
            (made by a damaged or older version) and {unreadableTotal(stats) === 1 ? 'is' : 'are'}{' '}
            left out everywhere: {describeUnreadable(stats.unreadable)}.
          </p>
          <button type="button" class="secondary" onClick={removeUnreadable}>
            Remove unreadable records
          </button>
        </div>
      )}
      {confirming ? (
        <div class="notice" role="alertdialog" aria-labelledby="delete-question">
          <p id="delete-question">
            Delete every note, bookmark, followed item and setting? This cannot be undone: export
            your notes from the library first if you want to keep them.
          </p>
          <button type="button" class="warning" onClick={deleteAll}>
            Yes, delete everything
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep my data
          </button>
        </div>
      ) : (
        <button type="button" class="warning" onClick={() => setConfirming(true)}>
          Delete all my data
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
