import { createHighlightLayer } from '../../utils/annotations/painter';
import type { PageSend } from '../../utils/messaging/page-client';
import type { PageContext, PageKind } from '../../utils/pages/context';
import { supportedAnchors } from '../../utils/pages/registry';
import type { LinkCard } from '../../utils/related/related-item';
import { el, placeAt, type Spot } from '../card/dom';
import { KIND_LABEL } from '../format';

/** Hover this long before a card opens, so sweeping the pointer over text opens nothing. */
const HOVER_DELAY_MS = 300;
/** The link's mark per kind of page it points at: a coloured underline, painted, not drawn. */
const MARK_COLOUR: Record<PageKind, string> = {
  petition: '#0f7a52',
  consultation: '#1d70b8',
  debate: '#4c2c92',
};
const KINDS = Object.keys(MARK_COLOUR) as PageKind[];
export const LINK_MARK = (kind: PageKind) => `civic-thread-link-${kind}`;

type CardState =
  | { status: 'loading' }
  | { status: 'ready'; card: LinkCard | null }
  | { status: 'failed'; message: string };

function cardBody(doc: Document, state: CardState): Node[] {
  if (state.status === 'loading') return [el(doc, 'p', { class: 'muted' }, 'Loading…')];
  if (state.status === 'failed')
    return [el(doc, 'p', {}, `Civic Thread could not look this page up: ${state.message}`)];
  const { card } = state;
  if (!card) return [];
  return [
    el(
      doc,
      'p',
      { class: 'kind' },
      el(doc, 'span', { class: `badge badge-${card.kind}` }, KIND_LABEL[card.kind]),
    ),
    el(doc, 'p', { class: 'link-card-title' }, card.problem ? 'Details unavailable' : card.title),
    el(doc, 'p', { class: 'meta' }, card.problem ?? card.facts.join(' · ')),
  ];
}

/**
 * Marks each link on the page that points at a supported page with a coloured underline of its
 * kind (CSS Custom Highlight API: nothing is drawn over the text, and the page's DOM and layout
 * never change), and shows a card about its target in `container` on hover or keyboard focus,
 * never over the link. Escape closes it. Returns a function that takes it all off the page.
 */
export function showLinkCards(
  container: Element,
  context: PageContext,
  send: PageSend,
  doc: Document = document,
): () => void {
  const anchors = supportedAnchors(doc, new URL(context.url), context.key);
  const targets = new Map(anchors.map(({ anchor, url }) => [anchor, url.href]));
  const cache = new Map<string, Promise<CardState>>();

  // Ranges follow their links through scrolling and layout changes by themselves.
  const marks = createHighlightLayer(
    doc,
    Object.fromEntries(
      KINDS.map((kind) => [LINK_MARK(kind), `text-decoration: underline 3px ${MARK_COLOUR[kind]}`]),
    ),
  );
  for (const kind of KINDS)
    marks.set(
      LINK_MARK(kind),
      anchors
        .filter(({ page }) => page.kind === kind)
        .map(({ anchor }) => {
          const range = doc.createRange();
          range.selectNodeContents(anchor);
          return range;
        }),
    );

  /** The card shown, and the link it is for. */
  let open: { box: HTMLElement; url: string } | null = null;
  const close = () => {
    open?.box.remove();
    open = null;
  };
  const draw = (url: string, spot: Spot) => {
    close();
    const box = el(doc, 'div', { class: 'link-card', role: 'tooltip', 'aria-live': 'polite' });
    placeAt(box, spot);
    container.append(box);
    const shown = { box, url };
    open = shown;
    let pending = cache.get(url);
    if (!pending) {
      pending = send({ type: 'card/get', url }).then(
        (answer): CardState =>
          answer.ok
            ? { status: 'ready', card: answer.data }
            : { status: 'failed', message: answer.error.message },
      );
      cache.set(url, pending);
    }
    box.replaceChildren(...cardBody(doc, { status: 'loading' }));
    void pending.then((state) => {
      if (open === shown) box.replaceChildren(...cardBody(doc, state));
      // A failure is not remembered: the next hover asks again.
      if (state.status === 'failed') cache.delete(url);
    });
  };

  const find = (target: EventTarget | null) => {
    const anchor = target instanceof Element ? target.closest('a[href]') : null;
    const url = anchor ? targets.get(anchor) : undefined;
    return anchor && url ? { anchor, url } : null;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (anchor: Element, url: string) => {
    const rect = anchor.getBoundingClientRect();
    const root = doc.documentElement;
    const left = Math.max(8, Math.min(rect.left, root.clientWidth - 308));
    // On the side with more room, its edge 6 px from the link's: never over the link itself.
    const below = root.clientHeight - rect.bottom >= rect.top;
    draw(
      url,
      below ? { left, top: rect.bottom + 6 } : { left, bottom: root.clientHeight - rect.top + 6 },
    );
  };
  const onOver = (event: Event) => {
    const hit = find(event.target);
    clearTimeout(timer);
    if (hit) timer = setTimeout(() => show(hit.anchor, hit.url), HOVER_DELAY_MS);
  };
  const onOut = (event: Event) => {
    if (find(event.target)) {
      clearTimeout(timer);
      close();
    }
  };
  const onFocus = (event: Event) => {
    const hit = find(event.target);
    if (hit) show(hit.anchor, hit.url);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      clearTimeout(timer);
      close();
    }
  };
  const listeners = [
    ['mouseover', onOver],
    ['mouseout', onOut],
    ['focusin', onFocus],
    ['focusout', onOut],
    ['keydown', onKey as (event: Event) => void],
  ] as const;
  for (const [type, listener] of listeners) doc.addEventListener(type, listener);

  return () => {
    clearTimeout(timer);
    close();
    for (const [type, listener] of listeners) doc.removeEventListener(type, listener);
    marks.clear();
  };
}
