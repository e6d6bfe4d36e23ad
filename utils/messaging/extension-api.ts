import type { WxtBrowser } from 'wxt/browser';

/**
 * The extension API as the browser gives it, without the polyfill (22 KB the content script
 * would otherwise carry): Firefox names it `browser`, Chromium `chrome`, and both return
 * promises from the calls used here. Looked up when needed: the browser sets it up on first
 * use. (A page element with id="browser" is also a global, hence the check.)
 */
export function extensionApi(): WxtBrowser {
  const { browser, chrome } = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };
  return browser?.runtime?.getURL ? browser : (chrome as WxtBrowser);
}
