import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOSTS } from './utils/pages/hosts';
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
    action: { default_title: 'Civic Thread library' },
    // The background reads only the three sites' public JSON APIs.
    host_permissions: [
      `https://${HOSTS.petitions}/*`,
      `https://${HOSTS.govuk}/api/*`,
      `https://${HANSARD_API_HOST}/*`,
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
