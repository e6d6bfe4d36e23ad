import { useEffect, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { ConsultationContext, PetitionContext } from '../../utils/pages/context';
import type { Follow } from '../../utils/storage/records';
import { MILESTONES } from '../../utils/watchlist/milestones';
import { formatCount } from '../format';

type State = { status: 'loading' } | { status: 'ready'; follow: Follow | null };

const WHAT_YOU_HEAR = {
  petition: `You will hear when it reaches ${MILESTONES.map(formatCount).join(' or ')} signatures, gets a government response, has a debate scheduled or held, or closes.`,
  consultation:
    'You will hear when it opens, a week and a day before it closes, when it closes, when the outcome is published, and if it is withdrawn.',
};

/** Follow or stop following this petition or consultation. */
export function FollowControl({
  context,
  send,
}: {
  context: PetitionContext | ConsultationContext;
  send: typeof sendRequest;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    send({ type: 'watch/get', pageKey: context.key }).then((answer) =>
      answer.ok
        ? setState({ status: 'ready', follow: answer.data })
        : setProblem(answer.error.message),
    );
  }, [context.key, send]);

  if (state.status === 'loading') return problem ? <p class="notice">{problem}</p> : null;
  const { follow } = state;
  const noun = context.kind === 'petition' ? 'petition' : 'consultation';

  const toggle = async () => {
    setProblem(null);
    const answer = follow
      ? await send({ type: 'watch/unfollow', pageKey: context.key })
      : await send({ type: 'watch/follow', context });
    if (!answer.ok) return setProblem(answer.error.message);
    setState({ status: 'ready', follow: follow ? null : (answer.data as Follow) });
  };

  return (
    <section class="section follow" aria-labelledby="ct-follow-heading">
      <h3 id="ct-follow-heading">Watchlist</h3>
      <button type="button" aria-pressed={follow !== null} onClick={toggle}>
        {follow ? `Following this ${noun}` : `Follow this ${noun}`}
      </button>
      {follow && (
        <p class="muted">
          {WHAT_YOU_HEAR[context.kind]} Changes appear in the library (the Civic Thread toolbar
          button), where you can also add your own signature milestones.
        </p>
      )}
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
