import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import type { Annotation, CacheEntry, Follow, LinkRecord, PageRecord, WatchEvent } from './records';
import type { ResponseDraft } from './response-draft';
import type { GroupNotesEntry, PublishedNote, ShareJob } from './sharing-records';

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
  shareQueue: { key: string; value: ShareJob; indexes: { byQueued: number } };
  published: { key: string; value: PublishedNote; indexes: { byAnnotation: string } };
  groupNotes: { key: string; value: GroupNotesEntry; indexes: { byFetchedAt: number } };
}

export type CivicThreadDB = IDBPDatabase<CivicThreadSchema>;
/** The upgrade's own transaction: the one way to add an index to a store that exists. */
type Upgrade = IDBPTransaction<CivicThreadSchema, StoreNames<CivicThreadSchema>[], 'versionchange'>;

/**
 * Schema migrations, in order: step N upgrades a database at version N to N+1.
 * Never edit a shipped step; append a new one so every user's data upgrades
 * the same way, whatever version they start from.
 */
const MIGRATIONS: ((db: CivicThreadDB, tx: Upgrade) => void)[] = [
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
  // 6: sharing with a Hypothesis group: pending writes, the group's id of each published note,
  // and the group's notes per page (the account itself is a record of `settings`).
  (db) => {
    db.createObjectStore('shareQueue', { keyPath: 'noteId' }).createIndex('byQueued', 'queuedAt');
    db.createObjectStore('published', { keyPath: 'noteId' }).createIndex(
      'byAnnotation',
      'annotationId',
    );
    db.createObjectStore('groupNotes', { keyPath: 'uri' });
  },
  // 7: the group's notes by when they were read, so only the latest pages' are kept.
  (_db, tx) => {
    tx.objectStore('groupNotes').createIndex('byFetchedAt', 'fetchedAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** `version`: an older one, for tests of an upgrade from a database as that version left it. */
export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<CivicThreadDB> {
  return openDB<CivicThreadSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (const migrate of MIGRATIONS.slice(oldVersion, newVersion ?? DB_VERSION)) migrate(db, tx);
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
  'shareQueue',
  'published',
  'groupNotes',
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
