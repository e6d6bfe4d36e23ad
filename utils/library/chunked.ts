import type { Annotation } from '../storage/records';
import type { ResponseDraft } from '../storage/response-draft';
import { EXPORT_FORMATS, type ExportFormat, exportParts } from './export';
import { createImportReader, type ImportPreview } from './import';

/**
 * Exports, imports and their writes in short tasks, so a library of 100,000 notes never holds
 * the page for long: each job works for at most `SLICE_MS`, then gives the event loop back
 * (input, painting, the progress it reports) before it goes on.
 */

/** Well under the 100 ms a reader notices, with room for the work the page does between slices. */
const SLICE_MS = 20;

export interface Progress {
  done: number;
  total: number;
  /** Records read so far (an import's preview). */
  records?: number;
}

export interface JobOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** A macrotask, so input and rendering run: `scheduler.yield()` where there is one. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function timeSlices(signal: AbortSignal | undefined) {
  let started = performance.now();
  return {
    /** Whether this slice's time has run out. */
    get due() {
      return performance.now() - started >= SLICE_MS;
    },
    /** Gives the page the event loop; false when the job was cancelled meanwhile. */
    async next() {
      await yieldToPage();
      started = performance.now();
      return !signal?.aborted;
    },
  };
}

/** Parts of the export gathered into strings of about this size, each one Blob part. */
const BLOB_PART_CHARS = 1 << 20;

/**
 * The export as a Blob built from many parts, never one string: 100,000 notes are 190 MB of
 * W3C JSON-LD. Null when cancelled.
 */
export async function exportFile(
  format: ExportFormat,
  annotations: Annotation[],
  now: number,
  { onProgress, signal, responses = [] }: JobOptions & { responses?: ResponseDraft[] } = {},
): Promise<Blob | null> {
  const type = EXPORT_FORMATS[format].type;
  const blobs: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  let done = 0;
  const slices = timeSlices(signal);
  // About one part per note, plus the file's head and tail.
  const total = annotations.length;
  for (const part of exportParts(format, annotations, now, responses)) {
    pending.push(part);
    pendingChars += part.length;
    done++;
    if (pendingChars >= BLOB_PART_CHARS) {
      blobs.push(new Blob(pending, { type }));
      pending = [];
      pendingChars = 0;
    }
    if (slices.due) {
      onProgress?.({ done: Math.min(done, total), total });
      if (!(await slices.next())) return null;
    }
  }
  blobs.push(new Blob(pending, { type }));
  return new Blob(blobs, { type });
}

/** Bytes read from the file per step: a few milliseconds of scanning and validating. */
const READ_BYTES = 128 * 1024;
/** Stored notes made known to the reader per step. */
const KNOW_STEP = 2_000;

/**
 * Reads an import file piece by piece (`Blob.slice`, decoded as a stream of UTF-8), so any size
 * the extension can hold is read; progress counts bytes. Null when cancelled.
 */
export async function readImportFile(
  file: Blob,
  existing: Annotation[],
  now: number,
  { onProgress, signal }: JobOptions = {},
): Promise<ImportPreview | { error: string } | null> {
  const reader = createImportReader(now);
  const slices = timeSlices(signal);
  for (let start = 0; start < existing.length; start += KNOW_STEP) {
    reader.know(existing.slice(start, start + KNOW_STEP));
    if (slices.due && !(await slices.next())) return null;
  }
  const decoder = new TextDecoder();
  for (let start = 0; start < file.size; start += READ_BYTES) {
    const bytes = await file.slice(start, start + READ_BYTES).arrayBuffer();
    reader.push(decoder.decode(bytes, { stream: true }));
    if (slices.due) {
      const done = Math.min(start + READ_BYTES, file.size);
      onProgress?.({ done, total: file.size, records: reader.records });
      if (!(await slices.next())) return null;
    }
  }
  reader.push(decoder.decode());
  return reader.finish();
}

/**
 * Messages of at most this many notes, and about this many characters: far below the 64 MiB
 * Chromium allows one extension message ("Message exceeded maximum allowed size of 64MiB"),
 * and each one validated and cloned in a short task.
 */
const BATCH_COUNT = 1_000;
const BATCH_CHARS = 4_000_000;

/** A note's size in a message, roughly: its free text plus its fixed fields (a tag is at most 60). */
export const noteSize = (a: Annotation) =>
  512 +
  a.note.length +
  (a.pageTitle?.length ?? 0) +
  (a.target ? a.target.quote.exact.length + 64 : 0) +
  (a.bookmark?.label.length ?? 0) +
  a.tags.length * 64;

/**
 * The notes with each page's together (in the order pages first appear): the background reads
 * the stored notes of a batch's pages to find duplicates, so a batch that spans few pages reads
 * few, and a whole import reads the library about once, not once per batch.
 */
export function pageByPage(annotations: Annotation[]): Annotation[] {
  const pages = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const page = pages.get(a.pageKey);
    if (page) page.push(a);
    else pages.set(a.pageKey, [a]);
  }
  return [...pages.values()].flat();
}

/** One batch at a time, as it is sent: sizing 100,000 notes up front would be one long task. */
export function* batchesOf<T>(items: T[], sizeOf: (item: T) => number): Generator<T[]> {
  let batch: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (batch.length > 0 && (batch.length >= BATCH_COUNT || chars + size > BATCH_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(item);
    chars += size;
  }
  if (batch.length > 0) yield batch;
}
