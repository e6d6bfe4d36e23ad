import type { CivicThreadDB } from '../storage/db';
import type { ResponseDraft } from '../storage/response-draft';
import { getDraft } from '../storage/response-store';
import { markDeletedEvidence, quotedNoteIds } from './draft';

/** A consultation's draft as the view opens it: evidence whose note is gone is marked so. */
export async function openDraft(db: CivicThreadDB, key: string): Promise<ResponseDraft | null> {
  const draft = await getDraft(db, key);
  if (!draft) return null;
  const ids = quotedNoteIds(draft);
  const tx = db.transaction('annotations');
  const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  await tx.done;
  const stored = new Set(ids.filter((_, index) => keys[index] !== undefined));
  return markDeletedEvidence(draft, stored);
}
