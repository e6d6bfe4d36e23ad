// Reaching into the extension's closed shadow root from a test, the way assistive technology
// does: through the browser's own DOM agent (CDP), not through page script, which cannot.
import type { CDPSession, Page } from 'playwright-core';
import { PANEL_HOST_ATTRIBUTE } from '../../components/card/host';

type CdpNode = {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
};

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Depth-first search of the pierced DOM tree for the extension's host. */
function findHost(node: CdpNode): CdpNode | null {
  if (node.attributes?.includes(PANEL_HOST_ATTRIBUTE)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/**
 * The extension's UI on a page, read and driven through CDP: `DOM.getDocument` with
 * `pierce: true` reaches closed shadow roots; functions then run on the resolved root, and
 * clicks and keys go through `page.mouse` and `page.keyboard`, as a user's would.
 */
export class ExtensionUi {
  private root: string | null = null;
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<ExtensionUi> {
    return new ExtensionUi(page, await page.context().newCDPSession(page));
  }

  /** The shadow root's remote object, or null while the extension has mounted nothing. */
  private async rootObject(): Promise<string | null> {
    if (this.root) return this.root;
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    this.root = object.objectId ?? null;
    return this.root;
  }

  /** Runs `fn(root, ...args)` on the shadow root; null when there is no root yet. */
  async run<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    const objectId = await this.rootObject();
    if (!objectId) return null;
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (...args) { return (${fn})(this, ...args); }`,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'failed');
    return result.value as T;
  }

  /** How many elements match `selector` in the root. */
  async count(selector: string): Promise<number> {
    return (await this.run<number>('(root, s) => root.querySelectorAll(s).length', selector)) ?? 0;
  }

  /** The text of the first match, or null. */
  text(selector: string): Promise<string | null> {
    return this.run<string | null>(
      '(root, s) => root.querySelector(s)?.textContent ?? null',
      selector,
    );
  }

  /** The text of every match. */
  async texts(selector: string): Promise<string[]> {
    return (
      (await this.run<string[]>(
        '(root, s) => [...root.querySelectorAll(s)].map((e) => e.textContent)',
        selector,
      )) ?? []
    );
  }

  attribute(selector: string, name: string): Promise<string | null> {
    return this.run<string | null>(
      '(root, s, n) => root.querySelector(s)?.getAttribute(n) ?? null',
      selector,
      name,
    );
  }

  /** The first match's box in the viewport, or null when it is missing or not rendered. */
  box(selector: string): Promise<Box | null> {
    return this.run<Box | null>(
      `(root, s) => {
        const element = root.querySelector(s);
        const r = element?.getBoundingClientRect();
        return r && r.width > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
      }`,
      selector,
    );
  }

  /** The boxes the extension draws over the page: each top-level element it rendered. */
  async drawn(): Promise<(Box & { name: string })[]> {
    return (
      (await this.run<(Box & { name: string })[]>(`(root) => {
        const body = root.querySelector('body');
        return [...(body?.children ?? [])].flatMap((element) => {
          const r = element.getBoundingClientRect();
          return r.width > 0 && r.height > 0
            ? [{ name: element.className, left: r.left, top: r.top, right: r.right, bottom: r.bottom }]
            : [];
        });
      }`)) ?? []
    );
  }

  /** Waits until `selector` matches and is rendered. */
  async waitFor(selector: string, timeout = 15_000): Promise<Box> {
    const until = Date.now() + timeout;
    for (;;) {
      const found = await this.box(selector);
      if (found) return found;
      if (Date.now() > until) throw new Error(`${selector} did not appear in the extension's UI`);
      // Each check is a CDP round trip; waiting on the next frame keeps this a condition poll.
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    }
  }

  /** Clicks the middle of the first match with the mouse. */
  async click(selector: string): Promise<void> {
    const target = await this.waitFor(selector);
    await this.page.mouse.click((target.left + target.right) / 2, (target.top + target.bottom) / 2);
  }

  /** Moves keyboard focus to the first match, as a screen reader's cursor can. */
  async focus(selector: string): Promise<void> {
    await this.waitFor(selector);
    await this.run('(root, s) => root.querySelector(s).focus()', selector);
  }

  /** The selector-matching element that has focus inside the root, described, or null. */
  focused(): Promise<string | null> {
    return this.run<string | null>(
      `(root) => { const a = root.activeElement; return a ? a.tagName + ':' + a.textContent : null; }`,
    );
  }

  /**
   * Copies the root's content (its styles included) into an open shadow root on a new host at
   * the same place, for axe-core, which cannot enter closed roots. Returns the copy's selector.
   */
  async openCopy(): Promise<string> {
    const id = 'civic-thread-axe-copy';
    await this.run(
      `(root, id) => {
        document.getElementById(id)?.remove();
        const host = document.createElement('div');
        host.id = id;
        host.attachShadow({ mode: 'open' }).append(root.querySelector('html').cloneNode(true));
        document.body.append(host);
      }`,
      id,
    );
    return `#${id}`;
  }

  /** Forgets the root, for a page that reloaded or navigated. */
  reset(): void {
    this.root = null;
  }
}
