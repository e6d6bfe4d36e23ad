import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import config from '../../wxt.config';

/** The manifest wxt.config.ts gives for a browser, before WXT adapts it to MV2 or MV3. */
async function manifestFor(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts gives a manifest function');
  return manifest({
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
    mode: 'production',
    command: 'build',
  });
}

describe('the manifest', () => {
  it('asks for the same permissions at install as before sharing, in both browsers', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = await manifestFor(browser);
      expect(manifest.permissions).toEqual(['alarms', 'notifications', 'scripting']);
      // The pages the content script is injected into, and the sites' APIs: no other host.
      expect(manifest.host_permissions).toEqual([
        'https://petition.parliament.uk/*',
        'https://www.gov.uk/government/consultations/*',
        'https://hansard.parliament.uk/*',
        'https://www.gov.uk/api/*',
        'https://hansard-api.parliament.uk/*',
      ]);
      // None declared: the background injects each site's script once its page has loaded.
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
    }
  });

  it('asks for Hypothesis’s API only as an optional permission', async () => {
    const chrome = await manifestFor('chrome');
    expect(chrome.optional_host_permissions).toEqual(['https://api.hypothes.is/*']);
    expect(chrome.optional_permissions).toBeUndefined();
    const firefox = await manifestFor('firefox');
    expect(firefox.optional_permissions).toEqual(['https://api.hypothes.is/*']);
    expect(firefox.optional_host_permissions).toBeUndefined();
  });
});
