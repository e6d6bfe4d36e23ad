import { afterEach, describe, expect, it } from 'vitest';
import { createCard } from '../../components/card/Card';
import { siteLinks } from '../../components/card/site-links';
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
    await expect.poll(() => sent).toContain('page/visited');
    // Awaited here after the card's own handlers of the same answers, which therefore have run.
    await Promise.all(answered);
    expect(sent).not.toContain('sharing/page-passages');
  });

  it('is drawn with its summary before its page work (the visit, notes, link marks) begins', async () => {
    const { sent, answered } = show(false);
    // The card's own handlers of its two answers have run: it is drawn and placed.
    await Promise.all(answered);
    expect(sent).toEqual(['settings/get', 'card/summary']);
    await expect
      .poll(() => sent)
      .toEqual(expect.arrayContaining(['page/visited', 'annotations/list']));
  });

  it('destroyed before its page work begins, asks nothing more', async () => {
    const { sent } = show(false);
    destroy();
    destroy = () => {};
    await new Promise((resolve) => setTimeout(resolve));
    expect(sent).toEqual(['settings/get', 'card/summary']);
  });
});

describe('the card’s links', () => {
  it('are only to the three sites’ pages, whatever the summary it is sent holds', () => {
    const link = (url: string) => ({ key: url, url, title: url, reason: null });
    const debate =
      'https://hansard.parliament.uk/Commons/2021-03-08/debates/1A2B3C4D-0000-0000-0000-000000000000/SENCOs';
    expect(
      siteLinks([
        link(debate),
        link('javascript:alert(1)'),
        link('https://example.com/petitions/1'),
        link('http://petition.parliament.uk/petitions/701234'),
      ]).map((shown) => shown.url),
    ).toEqual([debate]);
  });
});
