import MiniSearch from 'minisearch';
import type { PageKind } from '../pages/context';
import type { Annotation } from '../storage/records';
import { timeSlices } from './chunked';

/** What the library can narrow the list by. Empty fields do not narrow. */
export interface LibraryFilters {
  query: string;
  pageKind: PageKind | '';
  kind: Annotation['kind'] | '';
  tag: string;
  /** ISO dates, inclusive, on the day an item was last changed (UTC). */
  from: string;
  to: string;
}

export const NO_FILTERS: LibraryFilters = {
  query: '',
  pageKind: '',
  kind: '',
  tag: '',
  from: '',
  to: '',
};

/**
 * A full-text index over notes, quotes, tags and page titles (MiniSearch:
 * BM25, prefix matches as the user types, small typos forgiven), plus the
 * filters. The index is built in short tasks by `prepare()` while the user reads (100,000
 * notes at once would hold the page for seconds), or at once by a query that comes first, so
 * listing without a query never waits for it.
 */
export function createLibraryIndex(annotations: Annotation[]) {
  let byId: Map<string, Annotation> | null = null;
  let built: MiniSearch<Annotation> | null = null;
  const buildNow = () => {
    built ??= newIndex(annotations);
    return built;
  };
  const prepare = async (signal: AbortSignal) => {
    const index = newIndex([]);
    const slices = timeSlices(signal);
    for (let start = 0; start < annotations.length; start += INDEX_STEP) {
      index.addAll(annotations.slice(start, start + INDEX_STEP));
      // Cancelled (the notes changed), or a query built it meanwhile.
      if (slices.due && (!(await slices.next()) || built)) return;
    }
    built ??= index;
  };
  const newestFirst = [...annotations].sort((a, b) => b.updatedAt - a.updatedAt);

  return {
    prepare,
    search(filters: LibraryFilters): Annotation[] {
      const from = filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : -Infinity;
      const to = filters.to ? Date.parse(`${filters.to}T23:59:59.999Z`) : Infinity;
      const keep = (a: Annotation) =>
        (!filters.pageKind || a.pageKind === filters.pageKind) &&
        (!filters.kind || a.kind === filters.kind) &&
        (!filters.tag || a.tags.includes(filters.tag)) &&
        a.updatedAt >= from &&
        a.updatedAt <= to;
      const query = filters.query.trim();
      if (!query) return newestFirst.filter(keep);
      return buildNow()
        .search(query)
        .flatMap((hit) => {
          byId ??= new Map(annotations.map((a) => [a.id, a]));
          return byId.get(hit.id as string) ?? [];
        })
        .filter(keep);
    },
    tags: tagsOf(annotations),
  };
}

/** Every tag once, in order: a loop, not one array per note (a library may hold 100,000). */
function tagsOf(annotations: Annotation[]): string[] {
  const tags = new Set<string>();
  for (const a of annotations) for (const tag of a.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** Notes indexed per step: a few milliseconds. */
const INDEX_STEP = 200;

function newIndex(annotations: Annotation[]): MiniSearch<Annotation> {
  const index = new MiniSearch<Annotation>({
    fields: ['note', 'quote', 'tags', 'pageTitle'],
    extractField: (a, field) => {
      switch (field) {
        case 'quote':
          return a.target?.quote.exact ?? a.bookmark?.label ?? '';
        case 'tags':
          return a.tags.join(' ');
        case 'pageTitle':
          return a.pageTitle ?? '';
        case 'note':
          return a.note;
        default:
          return a.id;
      }
    },
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { tags: 2, note: 1.5 }, combineWith: 'AND' },
  });
  index.addAll(annotations);
  return index;
}

/** Items grouped by page, the groups in the order of their first item (rank or recency). */
export function groupByPage(items: Annotation[]): { pageKey: string; items: Annotation[] }[] {
  const groups = new Map<string, Annotation[]>();
  for (const item of items) {
    const group = groups.get(item.pageKey);
    if (group) group.push(item);
    else groups.set(item.pageKey, [item]);
  }
  return [...groups].map(([pageKey, grouped]) => ({ pageKey, items: grouped }));
}
