import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONTENT_MATCHES, HOSTS } from './utils/pages/hosts';
import { API_PERMISSION as HYPOTHESIS_API } from './utils/sharing/api';
import { HANSARD_API_HOST } from './utils/sources/hansard-api';

const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Civic Thread',
    description:
      'Links UK petitions, GOV.UK consultations and Hansard debates to each other. Your notes stay on your machine.',
    // Scheduled checks of followed items, and the notifications the user can opt into.
    permissions: ['alarms', 'notifications'],
    // On a supported page the button opens the view beside it; anywhere else, the library.
    action: { default_title: 'Civic Thread' },
    // The same from the keyboard. Not Alt+Shift+T: Chrome's own "focus the toolbar" (Windows,
    // Linux); Alt+Shift+H is the selection toolbar's. Firefox's sidebar has a command of its own.
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+V' },
              description: 'Open the Civic Thread view beside the page',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+V' },
              description: 'Open the Civic Thread view beside the page (or the library)',
            },
          },
    // The background reads only the three sites' public JSON APIs.
    host_permissions: [
      `https://${HOSTS.petitions}/*`,
      `https://${HOSTS.govuk}/api/*`,
      `https://${HANSARD_API_HOST}/*`,
    ],
    // Hypothesis's API, for sharing with a group: asked for only when the user connects an
    // account (utils/sharing/permission.ts), never at install. Firefox's MV2 has no
    // optional_host_permissions: there, hosts are optional permissions like any other.
    ...(browser === 'firefox'
      ? { optional_permissions: [HYPOTHESIS_API] }
      : { optional_host_permissions: [HYPOTHESIS_API] }),
    // A small script that loads the panel once the page has loaded (entrypoints/content-boot).
    // At document_start, because Chromium holds a page's load event back until document_idle
    // scripts have run, even empty ones: ~26 ms here (`npm run bench`).
    content_scripts: [
      { matches: [...CONTENT_MATCHES], js: ['content-boot.js'], run_at: 'document_start' },
    ],
    // The panel module `content-boot` imports after the page's load event. In Chromium only the
    // three sites may load it, through a per-session URL, so no page can probe a fixed URL to
    // tell the extension is installed; Firefox's extension URLs are random per install.
    web_accessible_resources: [
      {
        resources: ['content-panel.js'],
        matches: Object.values(HOSTS).map((host) => `https://${host}/*`),
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    // Extension pages run only the extension's own scripts: no inline code, plugins or forms.
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // Firefox: a fixed id, and the statement that nothing about the user is collected.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'civic-thread@civic-thread.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
