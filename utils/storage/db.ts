import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Annotation, CacheEntry, Follow, LinkRecord, PageRecord, WatchEvent } from './records';
import type { ResponseDraft } from './response-draft';

export const DB_NAME = 'civic-thread';

interface CivicThreadSchema extends DBSchema {
  pages: { key: string; value: PageRecord; indexes: { byLastVisited: number } };
  links: { key: [string, string]; value: LinkRecord; indexes: { byTo: string } };
  settings: { key: string; value: { name: string; value: unknown } };
  cache: { key: string; value: CacheEntry; indexes: { byFetchedAt: number } };
  annotations: {
    key: string;
    value: Annotation;
    indexes: { byPage: string; byTag: string; byKind: string; byUpdated: number };
  };
  follows: { key: string; value: Follow; indexes: { byNextCheck: number } };
  events: { key: string; value: WatchEvent; indexes: { byPage: string; byAt: number } };
  responses: { key: string; value: ResponseDraft; indexes: { byUpdated: number } };
}

export type CivicThreadDB = IDBPDatabase<CivicThreadSchema>;

/**
 * Schema migrations, in order: step N upgrades a database at version N to N+1.
 * Never edit a shipped step; append a new one so every user's data upgrades
 * the same way, whatever version they start from.
 */
const MIGRATIONS: ((db: CivicThreadDB) => void)[] = [
  // 1: the thread (visited pages and their links) and settings.
  (db) => {
    const pages = db.createObjectStore('pages', { keyPath: 'key' });
    pages.createIndex('byLastVisited', 'lastVisitedAt');
    const links = db.createObjectStore('links', { keyPath: ['from', 'to'] });
    links.createIndex('byTo', 'to');
    db.createObjectStore('settings', { keyPath: 'name' });
  },
  // 2: cached API answers, by URL.
  (db) => {
    db.createObjectStore('cache', { keyPath: 'url' }).createIndex('byFetchedAt', 'fetchedAt');
  },
  // 3: the user's highlights, page notes and bookmarks.
  (db) => {
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('byPage', 'pageKey');
    annotations.createIndex('byTag', 'tags', { multiEntry: true });
    annotations.createIndex('byKind', 'kind');
    annotations.createIndex('byUpdated', 'updatedAt');
  },
  // 4: followed petitions and consultations, and the changes seen on them.
  (db) => {
    db.createObjectStore('follows', { keyPath: 'pageKey' }).createIndex(
      'byNextCheck',
      'nextCheckAt',
    );
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byPage', 'pageKey');
    events.createIndex('byAt', 'at');
  },
  // 5: consultation response drafts, one per consultation.
  (db) => {
    db.createObjectStore('responses', { keyPath: 'key' }).createIndex('byUpdated', 'updatedAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openDatabase(name = DB_NAME): Promise<CivicThreadDB> {
  return openDB<CivicThreadSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db);
    },
  });
}

/** Every store the user's data lives in, for "delete all my data". */
export const USER_STORES = [
  'pages',
  'links',
  'settings',
  'cache',
  'annotations',
  'follows',
  'events',
  'responses',
] as const;

/** Deletes everything the extension keeps, in one transaction. */
export async function deleteAllData(db: CivicThreadDB): Promise<void> {
  const tx = db.transaction([...USER_STORES], 'readwrite');
  await Promise.all(USER_STORES.map((store) => tx.objectStore(store).clear()));
  await tx.done;
}

/** How many records each kind of data has. */
export async function dataStats(db: CivicThreadDB) {
  const [annotations, pages, follows, cache, responses] = await Promise.all([
    db.count('annotations'),
    db.count('pages'),
    db.count('follows'),
    db.count('cache'),
    db.count('responses'),
  ]);
  return { annotations, pages, follows, cache, responses };
}
