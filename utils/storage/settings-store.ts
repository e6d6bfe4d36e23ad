import type { CivicThreadDB } from './db';
import { Settings } from './records';

const NAME = 'settings';

/** The user's settings; defaults fill anything missing or unreadable. */
export async function getSettings(db: CivicThreadDB): Promise<Settings> {
  const parsed = Settings.safeParse((await db.get('settings', NAME))?.value ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

export async function updateSettings(
  db: CivicThreadDB,
  changes: Partial<Settings>,
): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const current = Settings.safeParse((await tx.store.get(NAME))?.value ?? {});
  const next = Settings.parse({ ...(current.success ? current.data : {}), ...changes });
  await tx.store.put({ name: NAME, value: next });
  await tx.done;
  return next;
}
