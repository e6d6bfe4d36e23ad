import { useEffect, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { ResponseData } from '../../utils/messaging/protocol';
import { formatAsOf } from '../format';
import { TagList } from '../notes/TagList';

type Answer = ResponseData<'sharing/group-notes'>;

/** The group's annotations on this page, read-only, as last read from Hypothesis (kept offline). */
export function GroupNotes({
  uri,
  groupName,
  send,
}: {
  uri: string;
  groupName: string;
  send: typeof sendRequest;
}) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void send({ type: 'sharing/group-notes', uri, refresh: false }).then((result) =>
      result.ok ? setAnswer(result.data) : setProblem(result.error.message),
    );
  }, [send, uri]);
  const error = problem ?? answer?.error ?? null;
  const entry = answer?.entry ?? null;
  // The user's own published notes are listed with their notes already.
  const notes = entry?.notes.filter((note) => !note.mine) ?? [];
  return (
    <section class="section group-notes" aria-labelledby="ct-group-notes-heading">
      <h3 id="ct-group-notes-heading">{groupName}'s notes</h3>
      {error && (
        <p class="notice" role="status">
          Hypothesis could not be read now: {error}
        </p>
      )}
      {entry && (
        <p class="muted">As of {formatAsOf(entry.fetchedAt)}, from hypothes.is. Read-only.</p>
      )}
      {entry && notes.length === 0 && <p class="muted">No one else in the group has notes here.</p>}
      <ul class="plain-list note-list">
        {notes.map((note) => (
          <li key={note.id} class="note group-note">
            <p class="note-meta">
              {note.displayName ?? note.user} · {formatAsOf(note.created)}
            </p>
            {note.target && <blockquote class="note-quote">{note.target.quote.exact}</blockquote>}
            {note.text && <p class="note-text">{note.text}</p>}
            <TagList tags={note.tags} />
          </li>
        ))}
      </ul>
    </section>
  );
}
