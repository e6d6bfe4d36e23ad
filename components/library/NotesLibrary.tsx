import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  createLibraryIndex,
  groupByPage,
  type LibraryFilters,
  NO_FILTERS,
} from '../../utils/library/search';
import { sendRequest } from '../../utils/messaging/client';
import { ALL_PAGES, watchPageChanges } from '../../utils/messaging/page-channel';
import type { PageKind } from '../../utils/pages/context';
import type { Annotation } from '../../utils/storage/records';
import { KIND_LABEL } from '../format';
import { RetryButton } from '../RetryButton';
import { UnreadableNotice } from '../settings/UnreadableNotice';
import { SEND_WARNING, useSharing } from '../sharing/useSharing';
import { ExportImport } from './ExportImport';
import { NoteCard } from './NoteCard';

type Load =
  | { status: 'loading' }
  | {
      status: 'ready';
      annotations: Annotation[];
      skipped: number;
      total: number;
      complete: boolean;
    }
  | { status: 'failed'; message: string };

/** Items drawn at first; more on request, so ten thousand notes open as fast as ten. */
const PAGE_SIZE = 60;

export const LIBRARY_MARKS = {
  start: 'civic-thread:library-start',
  listShown: 'civic-thread:library-shown',
} as const;

/** Every note, highlight and bookmark, grouped by page: search, filter, edit, delete, export, import. */
export function NotesLibrary() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [deleted, setDeleted] = useState<Annotation[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sharing = useSharing();

  type Change = (annotations: Annotation[]) => Annotation[];
  // Changes the background has confirmed, kept while a list request is out: a list read before
  // a delete or an edit must not bring the note back, or its old text, when it arrives late.
  const journal = useRef<{ listing: number; changes: Change[] }>({ listing: 0, changes: [] });
  const applyTo = (current: Load, changes: Change[]): Load => {
    if (current.status !== 'ready') return current;
    const annotations = changes.reduce((list, apply) => apply(list), current.annotations);
    return {
      ...current,
      annotations,
      total: current.total + annotations.length - current.annotations.length,
    };
  };

  const list = async (limit?: number) => {
    const sent = journal.current.changes.length;
    journal.current.listing++;
    const answer = await sendRequest({ type: 'library/list', limit });
    const since = journal.current.changes.slice(sent);
    if (--journal.current.listing === 0) journal.current.changes = [];
    if (!answer.ok) {
      setLoad({ status: 'failed', message: answer.error.message });
      return null;
    }
    const complete = limit === undefined || answer.data.total <= answer.data.annotations.length;
    setLoad(applyTo({ status: 'ready', ...answer.data, complete }, since));
    return complete;
  };
  const reload = () => list();
  /** Applies a change the background has confirmed to the list in hand, without fetching every note again. */
  const change = (apply: Change) => {
    if (journal.current.listing > 0) journal.current.changes.push(apply);
    setLoad((current) => applyTo(current, [apply]));
  };
  // Asked for in a layout effect so the request leaves at mount, not a frame later.
  useLayoutEffect(() => {
    // The newest first, drawn at once; then everything, for search and filters.
    void list(PAGE_SIZE).then((complete) => complete === false && list());
  }, []);
  // Once the list is in the document: what the bench times as "the library opened". A layout
  // effect, as a plain one waits for an animation frame that unfocused windows hold back.
  const ready = load.status === 'ready';
  useLayoutEffect(() => {
    if (ready && performance.getEntriesByName(LIBRARY_MARKS.listShown).length === 0) {
      performance.mark(LIBRARY_MARKS.listShown);
    }
  }, [ready]);

  const annotations = load.status === 'ready' ? load.annotations : [];
  const complete = load.status === 'ready' && load.complete;
  const index = useMemo(() => createLibraryIndex(annotations), [annotations]);
  // Build the search index while the user reads, not on their first keystroke.
  useEffect(() => {
    if (!complete) return;
    const building = new AbortController();
    void index.prepare(building.signal);
    return () => building.abort();
  }, [index, complete]);
  const results = useMemo(() => index.search(filters), [index, filters]);
  const groups = useMemo(() => groupByPage(results.slice(0, shown)), [results, shown]);

  const set = (changes: Partial<LibraryFilters>) => {
    setFilters({ ...filters, ...changes });
    setShown(PAGE_SIZE);
  };

  const remove = async (ids: string[]) => {
    const answer = await sendRequest({ type: 'annotations/delete-many', ids });
    if (!answer.ok) return setMessage(`Nothing was deleted: ${answer.error.message}`);
    const gone = new Set(answer.data.deleted.map((a) => a.id));
    change((annotations) => annotations.filter((a) => !gone.has(a.id)));
    setDeleted(answer.data.deleted);
    setSelected(new Set());
    setMessage(null);
  };
  const undo = async () => {
    if (!deleted) return;
    const answer = await sendRequest({ type: 'annotations/add-many', annotations: deleted });
    if (!answer.ok) return setMessage(`Could not undo: ${answer.error.message}`);
    setDeleted(null);
    // All back as they were: put them back in hand; otherwise ask for the list as it is now.
    if (answer.data.added.length === deleted.length) {
      const restored = new Set(deleted.map((a) => a.id));
      change((annotations) => [...annotations.filter((a) => !restored.has(a.id)), ...deleted]);
    } else await reload();
  };
  const replace = (saved: Annotation) =>
    change((annotations) => annotations.map((a) => (a.id === saved.id ? saved : a)));
  // While an import here writes its batches, the notices they cause are ours: the notes it
  // wrote are put in hand when it ends, rather than each page read again (400 pages of a
  // 100,000-note import, each redrawing the whole library).
  const importing = useRef(false);
  // A tab or another library window changed notes: read that page's notes again, so an open
  // card shows the new version (and its edit form says so) instead of saving the old one over it.
  useEffect(
    () =>
      watchPageChanges(ALL_PAGES, async (pageKey) => {
        if (importing.current) return;
        if (pageKey === ALL_PAGES) return void reload();
        const answer = await sendRequest({ type: 'annotations/list', pageKey });
        if (!answer.ok) return;
        const fresh = answer.data.annotations;
        change((annotations) => [...annotations.filter((a) => a.pageKey !== pageKey), ...fresh]);
      }),
    [],
  );

  if (load.status === 'loading') return <p role="status">Loading your notes…</p>;
  if (load.status === 'failed') {
    return (
      <div role="alert">
        <p>Your notes could not be loaded: {load.message}</p>
        <RetryButton
          onRetry={() => {
            setLoad({ status: 'loading' });
            void reload();
          }}
        />
      </div>
    );
  }
  const allShownSelected = results.length > 0 && results.every((a) => selected.has(a.id));

  return (
    <section aria-labelledby="notes-heading" class="notes-library">
      <h2 id="notes-heading">Notes, highlights and bookmarks</h2>
      {load.skipped > 0 && <UnreadableNotice count={load.skipped} what="stored note" />}
      <search class="filters">
        <div class="field">
          <label for="library-query">Search your notes</label>
          <input
            id="library-query"
            type="search"
            value={filters.query}
            onInput={(event) => set({ query: event.currentTarget.value })}
            placeholder="Words in notes, quotes, tags or page titles"
          />
        </div>
        <div class="field">
          <label for="library-page">Page</label>
          <select
            id="library-page"
            value={filters.pageKind}
            onChange={(e) => set({ pageKind: e.currentTarget.value as PageKind | '' })}
          >
            <option value="">All pages</option>
            <option value="petition">Petitions</option>
            <option value="consultation">Consultations</option>
            <option value="debate">Hansard debates</option>
          </select>
        </div>
        <div class="field">
          <label for="library-type">Type</label>
          <select
            id="library-type"
            value={filters.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as Annotation['kind'] | '' })}
          >
            <option value="">All types</option>
            <option value="highlight">Highlights</option>
            <option value="page-note">Page notes</option>
            <option value="bookmark">Bookmarks</option>
          </select>
        </div>
        <div class="field">
          <label for="library-tag">Tag</label>
          <select
            id="library-tag"
            value={filters.tag}
            onChange={(e) => set({ tag: e.currentTarget.value })}
          >
            <option value="">Any tag</option>
            {index.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-from">Changed from</label>
          <input
            id="library-from"
            type="date"
            value={filters.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="library-to">to</label>
          <input
            id="library-to"
            type="date"
            value={filters.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </div>
      </search>
      {sharing && filters.tag && (
        <div class="publish-tag">
          <button
            type="button"
            class="secondary"
            onClick={() => void sharing.publish({ tag: filters.tag })}
          >
            Publish every note tagged “{filters.tag}” to {sharing.groupName}
          </button>
          <p class="muted">{SEND_WARNING}</p>
        </div>
      )}
      {sharing?.message && <p role="status">{sharing.message}</p>}
      <p role="status" class="result-count">
        {!complete
          ? `Showing the newest ${annotations.length} of ${load.total} items; loading the rest…`
          : results.length === annotations.length
            ? `${annotations.length} item${annotations.length === 1 ? '' : 's'}`
            : `${results.length} of ${annotations.length} items match`}
      </p>
      <ExportImport
        all={annotations}
        shown={results}
        complete={complete}
        total={load.total}
        onImporting={(busy) => {
          importing.current = busy;
        }}
        // An import writes only ids not stored before, so none of them is in hand yet.
        onImported={(added) => change((annotations) => [...added, ...annotations])}
        onUndone={(removed) => {
          const gone = new Set(removed.map((a) => a.id));
          change((annotations) => annotations.filter((a) => !gone.has(a.id)));
        }}
      />
      {(deleted || message) && (
        <div class="notice" role="status">
          {deleted && (
            <p>
              Deleted {deleted.length} item{deleted.length === 1 ? '' : 's'}.{' '}
              <button type="button" class="secondary" onClick={undo}>
                Undo
              </button>
            </p>
          )}
          {message && <p>{message}</p>}
        </div>
      )}
      {annotations.length === 0 ? (
        <p>
          No notes yet. Select text on a petition, consultation or Hansard debate to highlight it,
          or bookmark a government response from the Civic Thread panel.
        </p>
      ) : (
        <>
          <div class="bulk">
            <label class="checkbox">
              <input
                type="checkbox"
                checked={allShownSelected}
                onChange={(e) =>
                  setSelected(
                    e.currentTarget.checked ? new Set(results.map((a) => a.id)) : new Set(),
                  )
                }
              />
              Select all {results.length} matching
            </label>
            <button
              type="button"
              disabled={selected.size === 0}
              onClick={() => remove([...selected])}
            >
              Delete selected ({selected.size})
            </button>
          </div>
          {results.length === 0 && <p>Nothing matches. Try fewer words or other filters.</p>}
          {groups.map((group) => {
            const first = group.items[0];
            if (!first) return null;
            return (
              <section
                key={group.pageKey}
                class="page-group"
                aria-label={first.pageTitle ?? first.pageUrl}
              >
                <h3>
                  <span class={`badge badge-${first.pageKind}`}>{KIND_LABEL[first.pageKind]}</span>{' '}
                  <a href={first.pageUrl} target="_blank" rel="noopener">
                    {first.pageTitle ?? first.pageUrl}
                  </a>
                </h3>
                <ul class="note-cards">
                  {group.items.map((annotation) => (
                    <NoteCard
                      key={annotation.id}
                      annotation={annotation}
                      selected={selected.has(annotation.id)}
                      onSelect={(on) => {
                        const next = new Set(selected);
                        if (on) next.add(annotation.id);
                        else next.delete(annotation.id);
                        setSelected(next);
                      }}
                      onSaved={replace}
                      onDelete={() => remove([annotation.id])}
                      sharing={sharing}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          {results.length > shown && (
            <button type="button" class="secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
              Show more ({results.length - shown} left)
            </button>
          )}
        </>
      )}
    </section>
  );
}
