import type { PageSend } from '../../utils/messaging/page-client';

/**
 * "Add as question": the background adds the selected text to the consultation's draft, and the
 * view beside the page hears of it. Resolves to why it failed, or null.
 */
export async function addQuestion(send: PageSend, text: string): Promise<string | null> {
  const answer = await send({ type: 'responses/add-question', pageUrl: location.href, text });
  return answer.ok ? null : answer.error.message;
}
