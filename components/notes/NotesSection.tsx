import { useState } from 'preact/hooks';
import type { BookmarkOffer } from '../../utils/messaging/tab-report';
import { formatDate } from '../format';
import { SEND_WARNING, type Sharing } from '../sharing/useSharing';
import { NoteItem } from './NoteItem';
import { SHORTCUT } from './SelectionToolbar';
import type { Annotations } from './useAnnotations';

/** The user's highlights and notes on this page, and a form for a note about the whole page. */
export function NotesSection({
  notes,
  responses,
  editingId,
  setEditingId,
  sharing,
}: {
  notes: Annotations;
  /** Responses on the page that can be bookmarked. */
  responses: BookmarkOffer[];
  editingId: string | null;
  setEditingId: (id: string | null) => void;
  sharing: Sharing | null;
}) {
  const [pageNote, setPageNote] = useState('');
  const saved = new Set(
    notes.items.flatMap(({ annotation }) =>
      annotation.kind === 'bookmark' && annotation.bookmark ? [annotation.bookmark.label] : [],
    ),
  );
  return (
    <section class="section notes" aria-labelledby="ct-notes-heading">
      <h3 id="ct-notes-heading">Your notes</h3>
      {responses.length > 0 && (
        <ul class="plain-list bookmark-buttons" aria-label="Save a response">
          {responses.map((block) => (
            <li key={block.label}>
              <button
                type="button"
                class="secondary"
                disabled={saved.has(block.label)}
                onClick={() => notes.bookmark(block)}
              >
                {saved.has(block.label) ? 'Bookmarked: ' : 'Bookmark '}
                {block.label}
                {block.date ? ` (${formatDate(block.date)})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notes.problem && (
        <p class="notice notice-error" role="alert">
          {notes.problem}
        </p>
      )}
      {notes.deleted && (
        <div class="notice" role="status">
          <p>{notes.deleted.kind === 'page-note' ? 'Note' : 'Highlight'} deleted.</p>
          <button type="button" class="secondary" onClick={notes.undo}>
            Undo
          </button>
        </div>
      )}
      {notes.items.length === 0 ? (
        <p class="muted">
          Select text on the page and choose Highlight, or press {SHORTCUT.label}. Notes stay on
          this computer.
        </p>
      ) : (
        <ul class="plain-list note-list">
          {notes.items.map((item) => (
            <NoteItem
              key={item.annotation.id}
              item={item}
              notes={notes}
              editing={editingId === item.annotation.id}
              setEditing={(editing) => setEditingId(editing ? item.annotation.id : null)}
              sharing={sharing}
            />
          ))}
        </ul>
      )}
      {sharing && notes.items[0] && (
        <PublishPage pageKey={notes.items[0].annotation.pageKey} sharing={sharing} />
      )}
      <form
        class="note-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const text = pageNote.trim();
          // Clear the field only if it still holds what was saved: words typed while the save
          // was under way are the start of the next note.
          if (text && (await notes.addPageNote(text))) {
            setPageNote((current) => (current.trim() === text ? '' : current));
          }
        }}
      >
        <label for="ct-page-note">Note about this page</label>
        <textarea
          id="ct-page-note"
          rows={2}
          value={pageNote}
          onInput={(e) => setPageNote(e.currentTarget.value)}
        />
        <button type="submit">Save note</button>
      </form>
    </section>
  );
}

function PublishPage({ pageKey, sharing }: { pageKey: string; sharing: Sharing }) {
  return (
    <div class="publish-page">
      <button type="button" class="secondary" onClick={() => void sharing.publish({ pageKey })}>
        Publish this page's notes to {sharing.groupName}
      </button>
      <p class="muted">{SEND_WARNING}</p>
      {sharing.message && <p role="status">{sharing.message}</p>}
    </div>
  );
}
