import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Installed by tests/e2e/ensure-browsers.sh (Debian's libreoffice-writer-nogui), as CI runs it first.
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** A .docx file as LibreOffice reads it: converted to text by `soffice --headless` beside it. */
export function docxFileText(file: string): string {
  const work = dirname(file);
  execFileSync(
    SOFFICE,
    [
      // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'txt:Text',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const text = join(work, `${basename(file).replace(/\.docx$/, '')}.txt`);
  return readFileSync(text, 'utf8').replace(/^\uFEFF/, '');
}
