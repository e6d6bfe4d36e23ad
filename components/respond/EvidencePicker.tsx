import { useEffect, useState } from 'preact/hooks';
import { dateText } from '../../utils/dates';
import type { sendRequest } from '../../utils/messaging/client';
import type { Annotation } from '../../utils/storage/records';

/** How many notes the picker lists at once; the search narrows the rest. */
const SHOWN = 30;

const searchable = (a: Annotation) =>
  [a.target?.quote.exact, a.note, a.pageTitle, a.bookmark?.label, ...a.tags]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();

/** Any of the user's highlights and bookmarks, on any page, to attach as evidence. */
export function EvidencePicker({
  send,
  used,
  onPick,
  onClose,
}: {
  send: typeof sendRequest;
  used: Set<string>;
  onPick: (note: Annotation) => void;
  onClose: () => void;
}) {
  const [notes, setNotes] = useState<Annotation[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void send({ type: 'library/list' }).then((answer) => {
      if (!answer.ok) return setProblem(`Your notes could not be read: ${answer.error.message}`);
      // Only passages quote something: a page note has no text from a page.
      setNotes(answer.data.annotations.filter((a) => a.target !== null));
    });
  }, [send]);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = (notes ?? []).filter((a) => {
    const text = searchable(a);
    return words.every((word) => text.includes(word));
  });
  return (
    <fieldset class="evidence-picker">
      <legend>Your notes</legend>
      <label>
        Search your highlights and bookmarks
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {notes === null && !problem && <p class="muted">Reading your notes…</p>}
      {notes !== null && matching.length === 0 && (
        <p class="muted">
          {notes.length === 0
            ? 'You have no highlights or bookmarks yet: save passages on petitions, consultations and debates to quote them here.'
            : 'No note matches.'}
        </p>
      )}
      <ul class="plain-list picker-list">
        {matching.slice(0, SHOWN).map((note) => (
          <li key={note.id}>
            <blockquote>{note.target?.quote.exact}</blockquote>
            <p class="muted">
              {note.bookmark ? `${note.bookmark.label} — ` : ''}
              {note.pageTitle ?? note.pageUrl}
              {note.bookmark?.date ? ` · ${dateText(note.bookmark.date)}` : ''}
            </p>
            <button
              type="button"
              class="secondary"
              disabled={used.has(note.id)}
              onClick={() => onPick(note)}
            >
              {used.has(note.id) ? 'Added' : 'Add as evidence'}
            </button>
          </li>
        ))}
      </ul>
      {matching.length > SHOWN && (
        <p class="muted">{matching.length - SHOWN} more: search to narrow them down.</p>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        Done adding evidence
      </button>
    </fieldset>
  );
}
