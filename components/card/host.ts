/** The panel's host element's usual name; a page that takes it gets a random one instead. */
export const PANEL_NAME = 'civic-thread-panel';
/** Marks the panel's host whatever its name, so the extension's own code can tell it apart. */
export const PANEL_HOST_ATTRIBUTE = 'data-civic-thread-panel';

/** Whether `element` is the panel's host (its text is not the page's). */
export function isPanelHost(element: Element): boolean {
  return element.hasAttribute(PANEL_HOST_ATTRIBUTE);
}
