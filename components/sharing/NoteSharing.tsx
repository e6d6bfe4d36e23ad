import { isPrivate } from '../../utils/sharing/mapping';
import type { Annotation } from '../../utils/storage/records';
import type { Sharing } from './useSharing';

/** One note's place in the group: published (and unpublish), publish, or never (tagged private). */
export function NoteSharing({ note, sharing }: { note: Annotation; sharing: Sharing }) {
  if (isPrivate(note)) return <p class="muted note-sharing">Tagged private: never published.</p>;
  if (sharing.published.has(note.id)) {
    return (
      <p class="note-sharing">
        <span class="badge">Published</span>{' '}
        <button type="button" class="secondary" onClick={() => void sharing.unpublish([note.id])}>
          Unpublish
        </button>
      </p>
    );
  }
  return (
    <p class="note-sharing">
      <button
        type="button"
        class="secondary"
        onClick={() => void sharing.publish({ noteIds: [note.id] })}
      >
        Publish to {sharing.groupName}
      </button>
    </p>
  );
}
