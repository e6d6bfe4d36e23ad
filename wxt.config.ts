import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Civic Thread',
    description:
      'Links UK petitions, GOV.UK consultations and Hansard debates to each other. Your notes stay on your machine.',
    // The content script's `matches` are its only reach; nothing else is asked for yet.
    permissions: [],
  },
});
