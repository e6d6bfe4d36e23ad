import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runOnce } from '../components/content/run-once';
import { startPanel } from '../components/content/start-panel';
import { consultationReader } from '../utils/pages/consultation';

// GOV.UK's consultation pages, injected by the background (utils/inject/page-scripts.ts).
export default defineUnlistedScript(() =>
  runOnce(() => startPanel({ consultation: consultationReader })),
);
