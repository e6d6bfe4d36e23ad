import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '../../utils/annotations/selectors';
import {
  annotationsForPage,
  deleteAnnotation,
  saveAnnotation,
  saveEdit,
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

describe('edits from two views of one note', () => {
  it('ten rounds of two tabs saving edits to different fields lose neither', async () => {
    const db = await fresh();
    const stored = await saveAnnotation(db, highlight({ note: 'round 0', tags: [] }));
    let current = stored;
    for (let round = 1; round <= 10; round++) {
      // Both tabs opened the same version; one edits the note, the other the tags.
      const base = current;
      const first = await saveEdit(db, base, { ...base, note: `round ${round}`, updatedAt: 2 });
      const second = await saveEdit(db, base, { ...base, tags: [`t${round}`], updatedAt: 3 });
      expect(first.status).toBe('saved');
      expect(second).toMatchObject({
        status: 'merged',
        annotation: { note: `round ${round}`, tags: [`t${round}`] },
      });
      current = (await annotationsForPage(db, base.pageKey)).annotations[0] as Annotation;
      expect(current).toMatchObject({ note: `round ${round}`, tags: [`t${round}`] });
    }
    expect(current.revision).toBe(20);
  });

  it('refuses an edit of the same field made from an old version, and keeps the stored one', async () => {
    const db = await fresh();
    const base = await saveAnnotation(db, highlight({ note: 'draft' }));
    await saveEdit(db, base, { ...base, note: 'from the library' });
    const late = await saveEdit(db, base, { ...base, note: 'from the panel' });
    expect(late).toMatchObject({
      status: 'conflict',
      current: { note: 'from the library', revision: 1 },
      fields: ['note'],
    });
    const [kept] = (await annotationsForPage(db, base.pageKey)).annotations;
    expect(kept?.note).toBe('from the library');
    // The user chose theirs over the saved one: saved from the version they were shown.
    const current = late.status === 'conflict' ? late.current : null;
    if (!current) throw new Error('no current version');
    expect(await saveEdit(db, current, { ...current, note: 'from the panel' })).toMatchObject({
      status: 'saved',
      annotation: { note: 'from the panel', revision: 2 },
    });
  });

  it('says a note deleted meanwhile is a conflict, and writes nothing', async () => {
    const db = await fresh();
    const base = await saveAnnotation(db, highlight());
    await deleteAnnotation(db, base.id);
    expect(await saveEdit(db, base, { ...base, note: 'too late' })).toEqual({
      status: 'conflict',
      current: null,
      fields: [],
    });
    expect((await annotationsForPage(db, base.pageKey)).annotations).toEqual([]);
  });
});
