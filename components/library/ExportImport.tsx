import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat, exportAs } from '../../utils/library/export';
import {
  describePreview,
  type ImportPreview,
  MAX_IMPORT_BYTES,
  parseImport,
} from '../../utils/library/import';
import { sendRequest } from '../../utils/messaging/client';
import type { Annotation } from '../../utils/storage/records';

/** Saves text as a file the user downloads. */
function download(text: string, format: ExportFormat) {
  const { extension, type } = EXPORT_FORMATS[format];
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `civic-thread-notes-${new Date().toISOString().slice(0, 10)}.${extension}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export everything or what the filters show; import a Web Annotation file after a preview. */
export function ExportImport({
  all,
  shown,
  onImported,
}: {
  all: Annotation[];
  shown: Annotation[];
  onImported: (message: string) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    setPreview(null);
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setProblem('The file is larger than 20 MB.');
    const read = parseImport(await file.text(), all, Date.now());
    if ('error' in read) return setProblem(read.error);
    setPreview(read);
  };

  const write = async () => {
    if (!preview) return;
    const answer = await sendRequest({
      type: 'annotations/add-many',
      annotations: preview.annotations,
    });
    setPreview(null);
    if (!answer.ok) return setProblem(`Nothing was imported: ${answer.error.message}`);
    onImported(
      `Imported ${answer.data.added} item${answer.data.added === 1 ? '' : 's'}` +
        (answer.data.duplicates ? `; ${answer.data.duplicates} were already here.` : '.'),
    );
  };

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
        <button type="button" onClick={() => download(exportAs(format, all, Date.now()), format)}>
          Export all ({all.length})
        </button>{' '}
        {shown.length !== all.length && (
          <button
            type="button"
            class="secondary"
            onClick={() => download(exportAs(format, shown, Date.now()), format)}
          >
            Export the {shown.length} shown
          </button>
        )}
      </div>
      <div class="import">
        <label>
          Import a W3C Web Annotation file (or a Civic Thread export)
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(e) => {
              void readFile(e.currentTarget.files?.[0]);
              // Cleared, so choosing the same file again (a second import) reads it again.
              e.currentTarget.value = '';
            }}
          />
        </label>
        {problem && <p role="alert">{problem}</p>}
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
            <button type="button" disabled={preview.annotations.length === 0} onClick={write}>
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
