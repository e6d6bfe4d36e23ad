import { useState } from 'preact/hooks';
import { openLink } from '../../utils/library/open-link';
import type { Annotation } from '../../utils/storage/records';
import { formatAsOf } from '../format';
import { NoteEditForm } from '../notes/NoteEditForm';
import { TagList } from '../notes/TagList';
import { NoteSharing } from '../sharing/NoteSharing';
import type { Sharing } from '../sharing/useSharing';

/** Quotes longer than this (a whole bookmarked response) are folded. */
const LONG_QUOTE = 400;

const TYPE_LABEL: Record<Annotation['kind'], string> = {
  highlight: 'Highlight',
  'page-note': 'Page note',
  bookmark: 'Bookmark',
};

/** One note in the library: open it on its page, edit, retag, select or delete. */
export function NoteCard({
  annotation,
  selected,
  onSelect,
  onSaved,
  onDelete,
  sharing,
}: {
  annotation: Annotation;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** The note as the background stored it after an edit. */
  onSaved: (annotation: Annotation) => void;
  onDelete: () => void;
  /** Publishing to the user's Hypothesis group, once one is chosen. */
  sharing: Sharing | null;
}) {
  const [editing, setEditing] = useState(false);
  const quote = annotation.target?.quote.exact ?? null;
  const name = (quote ?? annotation.note).slice(0, 40);

  return (
    <li class="note-card">
      <label class="select">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
        <span class="visually-hidden">Select “{name}”</span>
      </label>
      <div class="note-body">
        <p class="note-meta">
          {TYPE_LABEL[annotation.kind]}
          {annotation.bookmark && `: ${annotation.bookmark.label}`} ·{' '}
          {formatAsOf(annotation.updatedAt)}
        </p>
        {quote && quote.length <= LONG_QUOTE && <blockquote class="note-quote">{quote}</blockquote>}
        {quote && quote.length > LONG_QUOTE && (
          <details class="long-quote">
            <summary>
              <blockquote class="note-quote">{quote.slice(0, LONG_QUOTE - 100)}…</blockquote>
              Show the whole text
            </summary>
            <blockquote class="note-quote">{quote}</blockquote>
          </details>
        )}
        {editing ? (
          <NoteEditForm
            annotation={annotation}
            onSaved={onSaved}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            {annotation.note && <p class="note-text">{annotation.note}</p>}
            <TagList tags={annotation.tags} />
            <p class="note-actions">
              <a href={openLink(annotation)} target="_blank" rel="noopener">
                Open on the page<span class="visually-hidden">: “{name}”</span>
              </a>{' '}
              <button type="button" class="secondary" onClick={() => setEditing(true)}>
                Edit<span class="visually-hidden"> “{name}”</span>
              </button>{' '}
              <button type="button" class="secondary" onClick={onDelete}>
                Delete<span class="visually-hidden"> “{name}”</span>
              </button>
            </p>
            {sharing && <NoteSharing note={annotation} sharing={sharing} />}
          </>
        )}
      </div>
    </li>
  );
}
