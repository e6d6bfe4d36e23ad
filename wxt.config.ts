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
    // Scheduled checks of followed items, the notifications the user can opt into, and the
    // injection of each supported page's content script once it has loaded (no content script
    // is declared: ARCHITECTURE.md, "Why the background injects the content script").
    permissions: ['alarms', 'notifications', 'scripting'],
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
    // The pages the content script runs on (GOV.UK only under its consultations), and the three
    // sites' public JSON APIs the background reads.
    host_permissions: [
      ...CONTENT_MATCHES,
      `https://${HOSTS.govuk}/api/*`,
      `https://${HANSARD_API_HOST}/*`,
    ],
    // Hypothesis's API, for sharing with a group: asked for only when the user connects an
    // account (utils/sharing/permission.ts), never at install. Firefox's MV2 has no
    // optional_host_permissions: there, hosts are optional permissions like any other.
    ...(browser === 'firefox'
      ? { optional_permissions: [HYPOTHESIS_API] }
      : { optional_host_permissions: [HYPOTHESIS_API] }),
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
