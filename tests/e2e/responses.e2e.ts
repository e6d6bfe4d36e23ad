import { afterAll, describe, expect, it } from 'vitest';
import { ministerContribution, sampleDraft } from '../respond-sample';
import { extensionPage, launch, readStore, sendFromPage as send } from './harness';

const harness = await launch();
afterAll(() => harness.close());

describe('response drafts in the background', () => {
  it('saves, refuses a stale save, marks a deleted note’s quote, lists, counts and deletes', async () => {
    const page = await harness.context.newPage();
    await page.goto(extensionPage(harness, 'options.html'));
    const draft = sampleDraft(2, 2);

    const first = await send(page, { type: 'responses/save', draft });
    expect(first).toMatchObject({ ok: true, data: { status: 'saved', draft: { revision: 1 } } });
    const stale = await send(page, { type: 'responses/save', draft });
    expect(stale).toMatchObject({
      ok: true,
      data: { status: 'conflict', current: { revision: 1 } },
    });

    // Only the minister's contribution is among the user's notes: the petition response's quote
    // (the first evidence of each answer) is marked, and kept.
    await send(page, { type: 'annotations/save', annotation: ministerContribution });
    const opened = await send(page, { type: 'responses/get', key: draft.key });
    const evidence = (opened.data as { draft: typeof draft }).draft.questions[0]?.answer.evidence;
    expect(evidence?.map((e) => e.noteDeleted)).toEqual([true, false]);
    expect(evidence?.[0]?.quote).toBe(draft.questions[0]?.answer.evidence[0]?.quote);

    expect(await send(page, { type: 'responses/list' })).toMatchObject({
      ok: true,
      data: { drafts: [{ key: draft.key }], skipped: 0 },
    });
    expect(await send(page, { type: 'data/stats' })).toMatchObject({
      ok: true,
      data: { responses: 1, unreadable: { responses: 0 } },
    });

    const deleted = await send(page, { type: 'responses/delete', key: draft.key });
    expect(deleted).toMatchObject({ ok: true, data: { deleted: { key: draft.key, revision: 1 } } });
    expect(await send(page, { type: 'responses/get', key: draft.key })).toEqual({
      ok: true,
      data: { draft: null },
    });
    // Undo: the deleted draft saved again as new.
    const undone = await send(page, {
      type: 'responses/save',
      draft: { ...(deleted.data as { deleted: typeof draft }).deleted, revision: 0 },
    });
    expect(undone).toMatchObject({ ok: true, data: { status: 'saved' } });
    expect(await readStore(harness, 'responses')).toHaveLength(1);

    expect(await send(page, { type: 'data/delete-all' })).toEqual({ ok: true, data: {} });
    expect(await readStore(harness, 'responses')).toEqual([]);
  });

  it('refuses a draft that is not valid with a typed error, writing nothing', async () => {
    const page = await harness.context.newPage();
    await page.goto(extensionPage(harness, 'options.html'));
    const answer = await send(page, {
      type: 'responses/save',
      draft: { ...sampleDraft(1), key: 'petition:1' } as never,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readStore(harness, 'responses')).toEqual([]);
  });
});
