import type { CivicThreadDB } from './db';
import { type DraftSaveOutcome, ResponseDraft } from './response-draft';

/** The draft for a consultation, or null (none yet, or a record that no longer validates). */
export async function getDraft(db: CivicThreadDB, key: string): Promise<ResponseDraft | null> {
  return ResponseDraft.safeParse(await db.get('responses', key)).data ?? null;
}

/**
 * Saves a draft made from the stored version `draft.revision` (0 for a new one), read and written
 * in one transaction: when another view saved meanwhile, nothing is written and the stored
 * version comes back, so neither view's typing is lost without the user knowing.
 */
export async function saveDraft(
  db: CivicThreadDB,
  draft: ResponseDraft,
): Promise<DraftSaveOutcome> {
  const mine = ResponseDraft.parse(draft);
  const tx = db.transaction('responses', 'readwrite');
  const row = await tx.store.get(mine.key);
  const stored = ResponseDraft.safeParse(row);
  // A stored record that no longer validates counts as revision 0 of nothing: a save replaces it.
  const storedRevision = stored.success ? stored.data.revision : 0;
  if (storedRevision !== mine.revision) {
    await tx.done;
    return { status: 'conflict', current: stored.success ? stored.data : null };
  }
  const saved = { ...mine, revision: mine.revision + 1 };
  await Promise.all([tx.store.put(saved), tx.done]);
  return { status: 'saved', draft: saved };
}

/** Every readable draft, most recently changed first; unreadable ones are counted. */
export async function listDrafts(
  db: CivicThreadDB,
): Promise<{ drafts: ResponseDraft[]; skipped: number }> {
  const rows = await db.getAll('responses');
  const drafts = rows.flatMap((row) => ResponseDraft.safeParse(row).data ?? []);
  drafts.sort((a, b) => b.updatedAt - a.updatedAt);
  return { drafts, skipped: rows.length - drafts.length };
}

/** Deletes a draft and returns it, so the user can undo (by saving it again as new). */
export async function deleteDraft(db: CivicThreadDB, key: string): Promise<ResponseDraft | null> {
  const tx = db.transaction('responses', 'readwrite');
  const existing = ResponseDraft.safeParse(await tx.store.get(key));
  await Promise.all([tx.store.delete(key), tx.done]);
  return existing.success ? existing.data : null;
}
