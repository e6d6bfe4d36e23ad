import { PANEL_HOST_ATTRIBUTE, PANEL_NAME } from './host';

/** A host at the end of `<body>` with a closed shadow root: `<html><head><style/></head><body/>`. */
function attach(doc: Document, name: string, css: string) {
  const host = doc.createElement(name);
  // Throws when the page defined `name` first: its element already owns a shadow root.
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  const container = doc.createElement('body');
  style.textContent = css;
  head.append(style);
  html.append(head, container);
  shadow.append(html);
  host.setAttribute(PANEL_HOST_ATTRIBUTE, '');
  doc.body.append(host);
  return { host, container };
}

/**
 * Mounts the extension's UI in a closed shadow root (no page script reaches the card, the
 * toolbar or the link cards). A page that took the element's name first owns what it creates,
 * so the UI then mounts under a name the page cannot know. Written here rather than with WXT's
 * `createShadowRootUi`, which brings the API polyfill into the content script.
 */
export function mountClosedRoot(doc: Document, css: string) {
  try {
    return attach(doc, PANEL_NAME, css);
  } catch {
    return attach(doc, `${PANEL_NAME}-${crypto.randomUUID().slice(0, 8)}`, css);
  }
}
