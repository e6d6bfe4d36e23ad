import type { CivicThreadDB } from './db';
import { type EditOutcome, resolveEdit } from './merge-edit';
import { Annotation } from './records';

/** Two annotations are the same note when they say the same thing, tagged the same, about the same passage. */
export function contentKey(a: Annotation): string {
  return JSON.stringify([
    a.pageKey,
    a.kind,
    a.target?.quote.exact ?? '',
    a.note,
    [...a.tags].sort(),
  ]);
}

/** A page's annotations, oldest first; records that no longer validate are counted, not returned. */
export async function annotationsForPage(
  db: CivicThreadDB,
  pageKey: string,
): Promise<{ annotations: Annotation[]; skipped: number }> {
  const rows = await db.getAllFromIndex('annotations', 'byPage', pageKey);
  const annotations: Annotation[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = Annotation.safeParse(row);
    if (parsed.success) annotations.push(parsed.data);
    else skipped++;
  }
  annotations.sort((a, b) => a.createdAt - b.createdAt);
  return { annotations, skipped };
}

/** One annotation, or null (none, or a record that no longer validates). */
export async function getAnnotation(db: CivicThreadDB, id: string): Promise<Annotation | null> {
  return Annotation.safeParse(await db.get('annotations', id)).data ?? null;
}

/** Validates, then writes one annotation (insert or update). */
export async function saveAnnotation(
  db: CivicThreadDB,
  annotation: Annotation,
): Promise<Annotation> {
  const valid = Annotation.parse(annotation);
  await db.put('annotations', valid);
  return valid;
}

/**
 * Writes an edit made from `base`, in one transaction with reading what is stored, so two views
 * saving at once cannot both win: see `resolveEdit`. A note deleted meanwhile is a conflict too.
 */
export async function saveEdit(
  db: CivicThreadDB,
  base: Annotation,
  edited: Annotation,
): Promise<EditOutcome> {
  const mine = Annotation.parse(edited);
  const tx = db.transaction('annotations', 'readwrite');
  const stored = Annotation.safeParse(await tx.store.get(mine.id));
  const outcome: EditOutcome = stored.success
    ? resolveEdit(base, mine, stored.data)
    : { status: 'conflict', current: null, fields: [] };
  if (outcome.status !== 'conflict') await tx.store.put(outcome.annotation);
  await tx.done;
  return outcome;
}

/** Deletes one annotation and returns what was deleted, so the user can undo. */
export async function deleteAnnotation(db: CivicThreadDB, id: string): Promise<Annotation | null> {
  const tx = db.transaction('annotations', 'readwrite');
  const existing = Annotation.safeParse(await tx.store.get(id));
  await tx.store.delete(id);
  await tx.done;
  return existing.success ? existing.data : null;
}

/**
 * Readable annotations, most recently changed first: all of them, or only the
 * newest `limit` (read from the `byUpdated` index, so the rest are not even
 * parsed). Unreadable records are counted, not returned.
 */
export async function allAnnotations(
  db: CivicThreadDB,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ annotations: Annotation[]; skipped: number; total: number }> {
  const annotations: Annotation[] = [];
  let skipped = 0;
  const total = await db.count('annotations');
  let cursor = await db
    .transaction('annotations')
    .store.index('byUpdated')
    .openCursor(null, 'prev');
  while (cursor && annotations.length < limit) {
    const parsed = Annotation.safeParse(cursor.value);
    if (parsed.success) annotations.push(parsed.data);
    else skipped++;
    cursor = await cursor.continue();
  }
  // A record without a numeric `updatedAt` is not in the index at all; once the whole index has
  // been read, whatever it did not hold is unreadable too.
  if (!cursor) skipped = total - annotations.length;
  return { annotations, skipped, total };
}

/** Deletes several annotations in one transaction; returns them, for undo. */
export async function deleteAnnotations(db: CivicThreadDB, ids: string[]): Promise<Annotation[]> {
  const tx = db.transaction('annotations', 'readwrite');
  // Queued together, not one after another: a batch of an import's undo is a thousand.
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  return rows.flatMap((row) => Annotation.safeParse(row).data ?? []);
}

/**
 * Writes imported (or restored) annotations in one transaction: all or none.
 * Ones already stored, by id or by content, are skipped, so importing the
 * same file twice adds nothing. A large import comes as several of these, one
 * per message (see `inBatches`): each batch is all or nothing, and the library
 * keeps the ids each one added so the user can undo the whole import.
 */
export async function addAnnotations(
  db: CivicThreadDB,
  annotations: Annotation[],
): Promise<{ added: Annotation[]; duplicates: number }> {
  const valid = annotations.map((a) => Annotation.parse(a));
  const tx = db.transaction('annotations', 'readwrite');
  // A duplicate's content key names its page, so only those pages' notes are read: undoing
  // one delete reads one page, not the whole library.
  const pageKeys = [...new Set(valid.map((a) => a.pageKey))];
  const rows = await Promise.all(pageKeys.map((key) => tx.store.index('byPage').getAll(key)));
  const keys = new Set(
    rows
      .flat()
      .flatMap((row) => Annotation.safeParse(row).data ?? [])
      .map(contentKey),
  );
  // Each id looked up as a key alone (not every stored key: a batch of an import into a large
  // library reads only its own): one that is stored already is never overwritten, even by a
  // record that no longer validates.
  const stored = await Promise.all(valid.map((a) => tx.store.getKey(a.id)));
  const ids = new Set(stored.filter((id) => id !== undefined));
  const added: Annotation[] = [];
  let duplicates = 0;
  for (const annotation of valid) {
    const key = contentKey(annotation);
    if (ids.has(annotation.id) || keys.has(key)) {
      duplicates++;
      continue;
    }
    ids.add(annotation.id);
    keys.add(key);
    added.push(annotation);
  }
  // Queued together rather than one after another: the transaction still commits all or none.
  await Promise.all([...added.map((a) => tx.store.put(a)), tx.done]);
  return { added, duplicates };
}
