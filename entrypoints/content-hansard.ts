import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runOnce } from '../components/content/run-once';
import { startPanel } from '../components/content/start-panel';
import { debateReader } from '../utils/pages/debate';

// hansard.parliament.uk's pages, injected by the background (utils/inject/page-scripts.ts).
export default defineUnlistedScript(() => runOnce(() => startPanel({ debate: debateReader })));
