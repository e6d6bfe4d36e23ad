import { useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import type { Follow } from '../../utils/storage/records';
import { MILESTONES } from '../../utils/watchlist/milestones';
import { formatCount } from '../format';

/** A followed petition's own signature milestones: add and remove. */
export function MilestoneEditor({
  follow,
  onSaved,
}: {
  follow: Follow;
  onSaved: (follow: Follow) => void;
}) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `milestone-${follow.pageKey}`;

  const save = async (milestones: number[]) => {
    const answer = await sendRequest({
      type: 'watch/milestones',
      pageKey: follow.pageKey,
      milestones,
    });
    if (!answer.ok) return setProblem(answer.error.message);
    setProblem(null);
    setValue('');
    onSaved(answer.data);
  };

  return (
    <div class="milestones">
      <p class="watch-meta">
        Alerts at{' '}
        {[...MILESTONES, ...follow.milestones]
          .sort((a, b) => a - b)
          .map(formatCount)
          .join(', ')}{' '}
        signatures.
      </p>
      {follow.milestones.length > 0 && (
        <ul class="inline-list" aria-label="Your own milestones">
          {follow.milestones.map((milestone) => (
            <li key={milestone}>
              {formatCount(milestone)}{' '}
              <button
                type="button"
                class="secondary"
                onClick={() => save(follow.milestones.filter((m) => m !== milestone))}
              >
                Remove<span class="visually-hidden"> the {formatCount(milestone)} milestone</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="milestone-form"
        onSubmit={(event) => {
          event.preventDefault();
          const count = Number(value.replace(/[,\s]/g, ''));
          if (!Number.isInteger(count) || count <= 0) {
            return setProblem('A milestone is a whole number of signatures, such as 50000.');
          }
          void save([...follow.milestones, count]);
        }}
      >
        <label for={id}>Also tell me at this many signatures</label>{' '}
        <input
          id={id}
          inputMode="numeric"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />{' '}
        <button type="submit" class="secondary">
          Add milestone
        </button>
      </form>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
