import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '../../utils/annotations/selectors';
import {
  annotationsForPage,
  deleteAnnotation,
  saveAnnotation,
} from '../../utils/storage/annotation-store';
import { openDatabase } from '../../utils/storage/db';
import { type Annotation, MAX_QUOTE_LENGTH } from '../../utils/storage/records';

let name = '';
let n = 0;
afterEach(() => indexedDB.deleteDatabase(name));
const fresh = () => {
  name = `notes-${++n}`;
  return openDatabase(name);
};

const TEXT = 'Ensuring SENCOs are fully qualified is integral to this. 👩‍🏫 עברית';

function highlight(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: crypto.randomUUID(),
    kind: 'highlight',
    pageKey: 'petition:591092',
    pageUrl: 'https://petition.parliament.uk/archived/petitions/591092',
    pageTitle: 'Require School SENCOs to be fully qualified for the role.',
    pageKind: 'petition',
    target: describeText(TEXT, 9, 35),
    note: 'Quote this in the briefing',
    tags: ['senco', 'training'],
    colour: 'yellow',
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

describe('annotation store', () => {
  it('saves, lists by page (oldest first) and indexes by tag and kind', async () => {
    const db = await fresh();
    const first = await saveAnnotation(db, highlight({ createdAt: 1 }));
    const second = await saveAnnotation(db, highlight({ createdAt: 2, tags: ['funding'] }));
    await saveAnnotation(db, highlight({ pageKey: 'petition:701234' }));
    expect((await annotationsForPage(db, 'petition:591092')).annotations).toEqual([first, second]);
    expect((await db.getAllFromIndex('annotations', 'byTag', 'funding')).map((a) => a.id)).toEqual([
      second.id,
    ]);
    expect(await db.countFromIndex('annotations', 'byKind', 'highlight')).toBe(3);
  });

  it('keeps text with emoji, right-to-left script and combining marks intact', async () => {
    const db = await fresh();
    const note = 'Noté ✅ — שלום 👩🏽‍🏫 e\u0301';
    const saved = await saveAnnotation(db, highlight({ note }));
    expect((await annotationsForPage(db, saved.pageKey)).annotations[0]?.note).toBe(note);
  });

  it('refuses a quote over the length cap, and writes nothing', async () => {
    const db = await fresh();
    const long = 'x'.repeat(MAX_QUOTE_LENGTH + 1);
    await expect(
      saveAnnotation(db, highlight({ target: describeText(long, 0, long.length) })),
    ).rejects.toThrow(/at most 5000 characters/);
    expect(await db.count('annotations')).toBe(0);
  });

  it('skips and counts a corrupt record; the others still load', async () => {
    const db = await fresh();
    const good = await saveAnnotation(db, highlight());
    await db.put('annotations', { id: 'broken', pageKey: 'petition:591092', tags: [] } as never);
    expect(await annotationsForPage(db, 'petition:591092')).toEqual({
      annotations: [good],
      skipped: 1,
    });
  });

  it('returns what it deleted, so the delete can be undone by saving it again', async () => {
    const db = await fresh();
    const saved = await saveAnnotation(db, highlight());
    const deleted = await deleteAnnotation(db, saved.id);
    expect(deleted).toEqual(saved);
    expect(await db.count('annotations')).toBe(0);
    await saveAnnotation(db, deleted as Annotation);
    expect((await annotationsForPage(db, saved.pageKey)).annotations).toEqual([saved]);
    expect(await deleteAnnotation(db, 'no-such-id')).toBeNull();
  });
});
