import { consultationOfDocument } from '../pages/consultation-document';
import { detectPage } from '../pages/registry';

/** Each site's content script (entrypoints/content-*.ts): it carries only that site's readers. */
const SCRIPTS = {
  petition: '/content-petitions.js',
  consultation: '/content-govuk.js',
  debate: '/content-hansard.js',
} as const;
/** A consultation's HTML document: no page of its own, but its questions are read there. */
const DOCUMENT_SCRIPT = '/content-govuk-document.js';
type PageScript = (typeof SCRIPTS)[keyof typeof SCRIPTS] | typeof DOCUMENT_SCRIPT;

/**
 * If a page is still loading after this long (a slow image holding its `load` event back), its
 * script is injected anyway: `executeScript` runs it once the document has been parsed
 * (`document_idle`), and it reads whatever has arrived, again as more does (utils/pages/watch.ts).
 */
export const LOAD_FALLBACK_MS = 3000;

/** The content script for the page at `href`, or null for a page the extension leaves alone. */
export function pageScriptFor(href: string | undefined): PageScript | null {
  let url: URL;
  try {
    url = new URL(href ?? '');
  } catch {
    return null;
  }
  const page = detectPage(url);
  if (page) return SCRIPTS[page.kind];
  return consultationOfDocument(url) ? DOCUMENT_SCRIPT : null;
}

interface InjectorDeps {
  /** Runs the file in the tab's top document (`scripting.executeScript`), showing `url`. */
  inject(tabId: number, file: PageScript, url: string): Promise<unknown>;
  setTimer?: (run: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer?: (timer: ReturnType<typeof setTimeout> | undefined) => void;
}

/**
 * Injects each supported page's content script once the page has loaded (`tabs.onUpdated`
 * `complete`), so nothing of the extension runs while the page loads and its `load` event
 * comes no later than without it (`npm run bench`, page_load_vs_empty_script_ratio). A script
 * injected twice into one document does nothing the second time (components/content/run-once.ts).
 */
export function createPageInjector({
  inject,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer),
}: InjectorDeps) {
  const fallbacks = new Map<number, ReturnType<typeof setTimeout>>();
  const cancel = (tabId: number) => {
    clearTimer(fallbacks.get(tabId));
    fallbacks.delete(tabId);
  };
  // A tab closed or navigated meanwhile, or showing the browser's error page: nothing to run in.
  const run = (tabId: number, file: PageScript, url: string) =>
    void inject(tabId, file, url).catch(() => {});
  return {
    /** A tab's `tabs.onUpdated`: its `status` change and the address it now shows. */
    updated(tabId: number, status: string | undefined, url: string | undefined) {
      if (status !== 'loading' && status !== 'complete') return;
      cancel(tabId);
      const file = pageScriptFor(url);
      if (!file || !url) return;
      if (status === 'complete') run(tabId, file, url);
      else
        fallbacks.set(
          tabId,
          setTimer(() => {
            fallbacks.delete(tabId);
            run(tabId, file, url);
          }, LOAD_FALLBACK_MS),
        );
    },
    closed: cancel,
  };
}
