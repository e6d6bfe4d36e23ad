import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the extension (not its tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the extension source', () => {
  const files = ['components', 'utils', 'entrypoints'].flatMap(sources);

  it('never inserts text as HTML: every page, API and import string reaches the DOM as text', () => {
    // (Preact's own runtime keeps an innerHTML path for dangerouslySetInnerHTML, which
    // web-ext lint reports; nothing here uses it.)
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function/,
      );
    }
  });

  it('never listens to window.postMessage: page scripts cannot talk to the extension', () => {
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /addEventListener\(\s*['"]message['"]|onmessage\s*=/,
      );
    }
  });
});
