// What a store reviewer checks in the built extension: the permissions it asks for and
// the code it ships. Runs on the build the E2E suite tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the built extension', () => {
  it('asks for nothing beyond the three sites, their APIs and its own features', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'notifications',
      'scripting',
      'sidePanel',
    ]);
    // The pages it runs on (GOV.UK only under its consultations) and the sites' APIs.
    expect([...manifest.host_permissions].sort()).toEqual([
      'https://hansard-api.parliament.uk/*',
      'https://hansard.parliament.uk/*',
      'https://petition.parliament.uk/*',
      'https://www.gov.uk/api/*',
      'https://www.gov.uk/government/consultations/*',
    ]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Hypothesis's API only when the user connects an account to share with a group.
    expect(manifest.optional_host_permissions).toEqual(['https://api.hypothes.is/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    // No content script runs while a page loads: the background injects each site's once the
    // page has loaded. And no file is loadable by a page (panel-behaviour.e2e.ts checks a page
    // cannot fetch one).
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('gives its own pages a strict content security policy', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    });
  });

  it('ships no eval, no new Function and no remote code', () => {
    const scripts = files(EXTENSION_DIR).filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const path of scripts) {
      const code = readFileSync(path, 'utf8');
      // Also `F = Function; new F(...)`, the aliasing minifiers and libraries use.
      expect(code, path).not.toMatch(
        /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|[=(,]\s*Function\s*[;,)]/,
      );
      expect(code, path).not.toMatch(
        /import\s*\(\s*['"`]https?:|importScripts\s*\(\s*['"`]https?:/,
      );
    }
    for (const path of files(EXTENSION_DIR).filter((p) => p.endsWith('.html'))) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });

  it('runs no Preact and sets no innerHTML in the page’s world: its UI is plain DOM', () => {
    const scripts = readdirSync(EXTENSION_DIR).filter((name) => /^content-.+\.js$/.test(name));
    expect(scripts.sort()).toEqual([
      'content-govuk-document.js',
      'content-govuk.js',
      'content-hansard.js',
      'content-petitions.js',
    ]);
    for (const name of scripts) {
      const code = readFileSync(join(EXTENSION_DIR, name), 'utf8');
      // Preact's vnode children (`__k`) and hooks (`__H`), and its `dangerouslySetInnerHTML`.
      expect(code, name).not.toMatch(/\.__k\b|\.__H\b|innerHTML/);
    }
  });
});
