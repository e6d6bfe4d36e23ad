import { useCallback, useState } from 'preact/hooks';
import type { PageSend } from '../../utils/messaging/page-client';

/**
 * "Add as question": the background adds the selected text to the consultation's draft, and the
 * view beside the page hears of it. Returns the toolbar's callback and why the last add failed.
 */
export function useAddQuestion(send: PageSend) {
  const [problem, setProblem] = useState<string | null>(null);
  const add = useCallback(
    (text: string) =>
      void send({ type: 'responses/add-question', pageUrl: location.href, text }).then((answer) =>
        setProblem(answer.ok ? null : answer.error.message),
      ),
    [send],
  );
  return { add, problem };
}
