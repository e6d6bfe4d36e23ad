import type { CivicThreadDB } from './db';
import { Annotation } from './records';

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

/** Validates, then writes one annotation (insert or update). */
export async function saveAnnotation(
  db: CivicThreadDB,
  annotation: Annotation,
): Promise<Annotation> {
  const valid = Annotation.parse(annotation);
  await db.put('annotations', valid);
  return valid;
}

/** Deletes one annotation and returns what was deleted, so the user can undo. */
export async function deleteAnnotation(db: CivicThreadDB, id: string): Promise<Annotation | null> {
  const tx = db.transaction('annotations', 'readwrite');
  const existing = Annotation.safeParse(await tx.store.get(id));
  await tx.store.delete(id);
  await tx.done;
  return existing.success ? existing.data : null;
}
