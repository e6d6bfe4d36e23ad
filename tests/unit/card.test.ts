import { afterEach, describe, expect, it } from 'vitest';
import { createCard } from '../../components/card/Card';
import type { PageSend } from '../../utils/messaging/page-client';
import { Settings } from '../../utils/storage/records';
import { OPEN_PETITION } from './fixture-facts';

/** A background that answers the card's requests, its page/visited answer saying `sharing`. */
function background(sharing: boolean) {
  const sent: string[] = [];
  const answered: Promise<unknown>[] = [];
  const answers: Record<string, unknown> = {
    'settings/get': Settings.parse({}),
    'page/visited': { visitCount: 1, firstVisitedAt: 1, sharing },
    'card/summary': { headline: ['Government responded'], links: [], incomplete: false },
    'annotations/list': { annotations: [], skipped: 0 },
    'sharing/page-passages': { passages: [] },
  };
  const send = ((request: { type: string }) => {
    sent.push(request.type);
    const answer = Promise.resolve({ ok: true, data: answers[request.type] ?? {} });
    answered.push(answer);
    return answer;
  }) as unknown as PageSend;
  return { sent, send, answered };
}

describe('the card', () => {
  let destroy = () => {};
  afterEach(() => destroy());

  const show = (sharing: boolean) => {
    document.body.innerHTML = '<main><h1>Fund the NHS</h1><p>Some text.</p></main>';
    const container = document.createElement('div');
    document.body.append(container);
    const { sent, send, answered } = background(sharing);
    const card = createCard(container, {
      result: { ok: true, context: OPEN_PETITION },
      visitId: 'visit-1',
      send,
    });
    destroy = card.destroy;
    return { sent, answered };
  };

  it('asks for the group’s passages when the user shares with a group', async () => {
    const { sent } = show(true);
    await expect.poll(() => sent).toContain('sharing/page-passages');
  });

  it('asks for no group passages when the user does not share (the background would ask no one)', async () => {
    const { sent, answered } = show(false);
    expect(sent).toContain('page/visited');
    // Awaited here after the card's own handlers of the same answers, which therefore have run.
    await Promise.all(answered);
    expect(sent).not.toContain('sharing/page-passages');
  });
});
