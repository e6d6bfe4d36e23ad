// The card's and the view's colours come from one file, components/theme.css: a second set of
// `--ct-*` values anywhere else could drift from it unseen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return stylesheets(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

/** The custom properties a stylesheet sets (not the ones it only reads with `var()`). */
const declared = (css: string) => [...css.matchAll(/(--ct-[\w-]+)\s*:/g)].map((m) => m[1]);

describe('the colour variables', () => {
  const files = ['components', 'entrypoints'].flatMap(stylesheets);

  it('are set in components/theme.css only, light and dark alike', () => {
    expect(files).toContain(join('components', 'theme.css'));
    for (const file of files) {
      if (file === join('components', 'theme.css')) continue;
      expect(declared(readFileSync(file, 'utf8')), file).toEqual([]);
    }
    const theme = declared(readFileSync(join('components', 'theme.css'), 'utf8'));
    expect(theme).toContain('--ct-text');
    // Every colour the dark scheme changes is one the light scheme sets.
    const light = theme.slice(0, theme.lastIndexOf('--ct-error') + 1);
    expect(new Set(light).size).toBe(light.length);
    for (const name of theme.slice(light.length)) expect(light).toContain(name);
  });

  it('reach the card and the view: both stylesheets import the theme', () => {
    for (const file of ['components/card/card.css', 'components/view/view.css']) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/@import "\.\.\/theme\.css";/);
    }
  });
});
