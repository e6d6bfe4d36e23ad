import { useEffect, useRef, useState } from 'preact/hooks';
import {
  exportFile,
  noteSize,
  type Progress,
  pageByPage,
  readImportFile,
} from '../../utils/library/chunked';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/library/export';
import { pagesOf } from '../../utils/library/hypothesis';
import { describePreview, type ImportPreview } from '../../utils/library/import';
import { sendRequest } from '../../utils/messaging/client';
import { plural } from '../../utils/plural';
import type { Annotation } from '../../utils/storage/records';
import type { ResponseDraft } from '../../utils/storage/response-draft';
import { inBatches } from './in-batches';

/** Saves a file the user downloads. */
function download(blob: Blob, format: ExportFormat) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `civic-thread-notes-${new Date().toISOString().slice(0, 10)}.${EXPORT_FORMATS[format].extension}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const count = (n: number) => n.toLocaleString('en-GB');
const items = (n: number) => `${count(n)} item${n === 1 ? '' : 's'}`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Job =
  | { kind: 'waiting' }
  | { kind: 'export' | 'read' | 'write' | 'undo'; progress: Progress | null };

/** What an import wrote: every id, so Undo removes exactly those and nothing already there. */
interface Written {
  added: Annotation[];
  duplicates: number;
  /** How many the preview offered. */
  offered: number;
  stopped: 'cancelled' | { error: string } | null;
}

function describeJob(job: Job, total: number): string {
  if (job.kind === 'waiting') return `Waiting for all ${items(total)} to load before exporting…`;
  const p = job.progress;
  switch (job.kind) {
    case 'export':
      return p ? `Exporting: ${count(p.done)} of ${items(p.total)}…` : 'Exporting…';
    case 'read':
      return p
        ? `Reading the file: ${megabytes(p.done)} of ${megabytes(p.total)}, ${plural(p.records ?? 0, 'record', 'records')} so far…`
        : 'Reading the file…';
    case 'write':
      return p ? `Importing: ${count(p.done)} of ${items(p.total)} written…` : 'Importing…';
    case 'undo':
      return p ? `Undoing the import: ${count(p.done)} of ${items(p.total)} removed…` : 'Undoing…';
  }
}

function describeWritten({ added, duplicates, offered, stopped }: Written): string {
  const already = duplicates ? `; ${duplicates} were already here.` : '.';
  if (stopped === null) return `Imported ${items(added.length)}${already}`;
  const why = stopped === 'cancelled' ? 'you stopped it' : stopped.error;
  if (added.length === 0 && stopped !== 'cancelled') return `Nothing was imported: ${why}`;
  return (
    `The import stopped (${why}) after ${items(added.length)} of ${count(offered)} were written${already} ` +
    'Importing the same file again adds only the rest.'
  );
}

/**
 * Export everything or what the filters show; import a Web Annotation file after a preview.
 * Each step runs in short tasks with its progress shown and a Cancel; a large import is
 * written in batches (see ARCHITECTURE.md, "Backups"), and can be undone as a whole.
 */
export function ExportImport({
  all,
  shown,
  complete,
  total,
  onImporting,
  onImported,
  onUndone,
}: {
  all: Annotation[];
  shown: Annotation[];
  /** Whether `all` is every stored note yet (the library loads the newest first). */
  complete: boolean;
  total: number;
  /** While an import (or its undo) writes, the library ignores the change notices it causes. */
  onImporting: (busy: boolean) => void;
  onImported: (added: Annotation[]) => void;
  onUndone: (removed: Annotation[]) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('w3c');
  /** Hypothesis imports a file into the page open in it, so its export is one page's notes. */
  const [hypothesisPage, setHypothesisPage] = useState<string | null>(null);
  const pages = format === 'hypothesis' ? pagesOf(all) : [];
  const page = pages.find((p) => p.pageKey === hypothesisPage) ?? pages[0] ?? null;
  const onPage = (notes: Annotation[]) =>
    format === 'hypothesis' ? notes.filter((a) => a.pageKey === page?.pageKey) : notes;
  const [job, setJob] = useState<Job | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const cancel = useRef<AbortController | null>(null);

  /** Runs one job at a time, with its own Cancel. */
  const run = async (
    kind: Exclude<Job['kind'], 'waiting'>,
    work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<void>,
  ) => {
    const controller = new AbortController();
    cancel.current = controller;
    setJob({ kind, progress: null });
    try {
      await work(controller.signal, (progress) => setJob({ kind, progress }));
    } finally {
      cancel.current = null;
      setJob(null);
    }
  };

  const exportNotes = (notes: Annotation[]) =>
    run('export', async (signal, onProgress) => {
      // The library's own format carries the consultation response drafts too.
      const drafts = format === 'w3c' ? await sendRequest({ type: 'responses/list' }) : null;
      if (drafts && !drafts.ok) return setProblem(drafts.error.message);
      const responses = drafts?.ok ? drafts.data.drafts : [];
      const blob = await exportFile(format, onPage(notes), Date.now(), {
        signal,
        onProgress,
        responses,
      });
      if (blob) download(blob, format);
    });
  // "Export all" means every note: while the rest are still loading, it waits for them.
  useEffect(() => {
    if (job?.kind === 'waiting' && complete) void exportNotes(all);
  }, [job, complete, all]);

  const readFile = (file: File | undefined) => {
    setPreview(null);
    setProblem(null);
    setWritten(null);
    if (!file) return;
    void run('read', async (signal, onProgress) => {
      const read = await readImportFile(file, all, Date.now(), { signal, onProgress });
      if (!read) return;
      if ('error' in read) return setProblem(read.error);
      setPreview(read);
    });
  };

  const write = (offered: Annotation[], drafts: ResponseDraft[]) => {
    setPreview(null);
    onImporting(true);
    void run('write', async (signal, onProgress) => {
      // Each as new (revision 0): a consultation that has a draft here already keeps its own.
      for (const draft of drafts) {
        await sendRequest({ type: 'responses/save', draft: { ...draft, revision: 0 } });
      }
      // Gathered batch by batch, so the end of a large import is no one long task.
      const ids = new Set<string>();
      const outcome = await inBatches(
        pageByPage(offered),
        noteSize,
        async (batch) => {
          const answer = await sendRequest({ type: 'annotations/add-many', annotations: batch });
          if (answer.ok) for (const id of answer.data.added) ids.add(id);
          return answer;
        },
        { signal, onProgress },
      );
      // In the file's order (an export's is newest first), which the library sorts cheaply.
      const added = offered.filter((a) => ids.has(a.id));
      setWritten({
        added,
        duplicates: outcome.answers.reduce((sum, answer) => sum + answer.duplicates, 0),
        offered: offered.length,
        stopped: outcome.cancelled ? 'cancelled' : outcome.error ? { error: outcome.error } : null,
      });
      onImporting(false);
      onImported(added);
    });
  };

  const undo = (imported: Written) => {
    onImporting(true);
    void run('undo', async (signal, onProgress) => {
      const outcome = await inBatches(
        imported.added.map((a) => a.id),
        (id) => id.length + 64,
        (ids) => sendRequest({ type: 'annotations/delete-many', ids }),
        { signal, onProgress },
      );
      const removed = outcome.answers.flatMap((answer) => answer.deleted);
      const gone = new Set(removed.map((a) => a.id));
      const left = imported.added.filter((a) => !gone.has(a.id));
      onImporting(false);
      onUndone(removed);
      setWritten(left.length > 0 ? { ...imported, added: left } : null);
      setProblem(
        left.length > 0
          ? `Undo stopped (${outcome.error ?? 'you stopped it'}): ${items(removed.length)} removed, ${items(left.length)} of the import are still here.`
          : null,
      );
    });
  };

  const busy = job !== null;
  return (
    <details class="export-import">
      <summary>Export or import</summary>
      <div class="export">
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {Object.entries(EXPORT_FORMATS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>{' '}
        {format === 'hypothesis' && (
          <label>
            Page for Hypothesis
            <select
              value={page?.pageKey ?? ''}
              onChange={(e) => setHypothesisPage(e.currentTarget.value)}
            >
              {pages.map((p) => (
                <option key={p.pageKey} value={p.pageKey}>
                  {p.title} ({items(p.count)})
                </option>
              ))}
            </select>
          </label>
        )}
        {format === 'hypothesis' && (
          <p class="hint">
            Hypothesis adds the notes of a file to the page open in it: export one page, open that
            page with Hypothesis, then import the file there.
          </p>
        )}{' '}
        <button
          type="button"
          disabled={busy || (format === 'hypothesis' && !page)}
          onClick={() => (complete ? void exportNotes(all) : setJob({ kind: 'waiting' }))}
        >
          {format === 'hypothesis'
            ? `Export this page (${page?.count ?? 0})`
            : `Export all (${complete ? all.length : total})`}
        </button>{' '}
        {format !== 'hypothesis' && shown.length !== all.length && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void exportNotes(shown)}
          >
            Export the {shown.length} shown
          </button>
        )}
      </div>
      <div class="import">
        <label>
          Import a W3C Web Annotation file (a Civic Thread export, or a Hypothesis export)
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={busy || !complete}
            onChange={(e) => {
              readFile(e.currentTarget.files?.[0]);
              // Cleared, so choosing the same file again (a second import) reads it again.
              e.currentTarget.value = '';
            }}
          />
        </label>
        {!complete && <p class="hint">You can import once all your notes have loaded.</p>}
        {job && (
          <div class="progress" role="status">
            <p>{describeJob(job, total)}</p>
            {job.kind !== 'waiting' && job.progress && (
              <progress
                aria-label={describeJob(job, total)}
                max={job.progress.total}
                value={job.progress.done}
              />
            )}{' '}
            {job.kind !== 'undo' && (
              <button
                type="button"
                class="secondary"
                onClick={() => (job.kind === 'waiting' ? setJob(null) : cancel.current?.abort())}
              >
                {job.kind === 'write' ? 'Stop importing' : 'Cancel'}
              </button>
            )}
          </div>
        )}
        {problem && <p role="alert">{problem}</p>}
        {written && !busy && (
          <div class="imported" role="status">
            <p>{describeWritten(written)}</p>
            {written.added.length > 0 && (
              <button type="button" class="secondary" onClick={() => undo(written)}>
                Undo this import ({items(written.added.length)})
              </button>
            )}
          </div>
        )}
        {preview && (
          <div class="preview" role="status">
            <p>{describePreview(preview)}.</p>
            {preview.invalid.length > 0 && (
              <ul>
                {preview.invalid.slice(0, 20).map(({ record, reason }) => (
                  <li key={record}>
                    Record {record}: {reason}
                  </li>
                ))}
                {preview.invalid.length > 20 && <li>…and {preview.invalid.length - 20} more.</li>}
              </ul>
            )}
            {preview.simplified.length > 0 && (
              <>
                <p>Read with something left out or changed:</p>
                <ul class="simplified">
                  {preview.simplified.slice(0, 20).map(({ record, what }, i) => (
                    <li key={`${record}:${i}`}>
                      {record === 0 ? 'The file' : `Record ${record}`}: {what}
                    </li>
                  ))}
                  {preview.simplified.length > 20 && (
                    <li>…and {preview.simplified.length - 20} more.</li>
                  )}
                </ul>
              </>
            )}
            <button
              type="button"
              disabled={preview.annotations.length + preview.responses.length === 0}
              onClick={() => write(preview.annotations, preview.responses)}
            >
              Import {preview.annotations.length} item{preview.annotations.length === 1 ? '' : 's'}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
