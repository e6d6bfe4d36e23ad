import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageSend } from '../../utils/messaging/page-client';
import type { PageContext, PageKind } from '../../utils/pages/context';
import { supportedAnchors } from '../../utils/pages/registry';
import type { LinkCard } from '../../utils/related/related-item';
import { KIND_LABEL } from '../panel/format';
import { factsOf } from './facts';

/** Hover this long before a card opens, so sweeping the pointer over text opens nothing. */
const HOVER_DELAY_MS = 300;
/** The link's mark per kind of page it points at: a coloured underline, painted, not drawn. */
const MARK_COLOUR: Record<PageKind, string> = {
  petition: '#0f7a52',
  consultation: '#1d70b8',
  debate: '#4c2c92',
};
export const LINK_MARK = (kind: PageKind) => `civic-thread-link-${kind}`;

/** Where the card opens: below its link, or above it (anchored by its bottom edge). */
type Open = { url: string; left: number } & ({ top: number } | { bottom: number });
type CardState =
  | { status: 'loading' }
  | { status: 'ready'; card: LinkCard | null }
  | { status: 'failed'; message: string };

/**
 * Marks each link on the page that points at a supported page with a coloured
 * underline of its kind (CSS Custom Highlight API: nothing is drawn over the
 * text, and the page's DOM and layout never change), and shows a card about its
 * target on hover or keyboard focus, never over the link. Escape closes it.
 */
export function LinkCards({
  context,
  send,
  doc = document,
}: {
  context: PageContext;
  send: PageSend;
  doc?: Document;
}) {
  const anchors = useMemo(
    () => supportedAnchors(doc, new URL(context.url), context.key),
    [doc, context],
  );
  const [open, setOpen] = useState<Open | null>(null);
  const [card, setCard] = useState<CardState>({ status: 'loading' });
  const cache = useRef(new Map<string, Promise<CardState>>());

  // Ranges follow their links through scrolling and layout changes by themselves.
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    if (!registry) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      Object.entries(MARK_COLOUR)
        .map(
          ([kind, colour]) =>
            `::highlight(${LINK_MARK(kind as PageKind)}) { text-decoration: underline 3px ${colour}; }`,
        )
        .join('\n'),
    );
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    for (const kind of Object.keys(MARK_COLOUR) as PageKind[]) {
      const ranges = anchors
        .filter(({ page }) => page.kind === kind)
        .map(({ anchor }) => {
          const range = doc.createRange();
          range.selectNodeContents(anchor);
          return range;
        });
      registry.set(LINK_MARK(kind), new Highlight(...ranges));
    }
    return () => {
      for (const kind of Object.keys(MARK_COLOUR) as PageKind[]) registry.delete(LINK_MARK(kind));
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [doc, anchors]);

  useEffect(() => {
    const targets = new Map(anchors.map(({ anchor, url }) => [anchor, url.href]));
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
      setOpen(
        below
          ? { url, left, top: rect.bottom + 6 }
          : { url, left, bottom: root.clientHeight - rect.top + 6 },
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
        setOpen(null);
      }
    };
    const onFocus = (event: Event) => {
      const hit = find(event.target);
      if (hit) show(hit.anchor, hit.url);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        clearTimeout(timer);
        setOpen(null);
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
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener);
    };
  }, [doc, anchors]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    let pending = cache.current.get(open.url);
    if (!pending) {
      pending = send({ type: 'card/get', url: open.url }).then(
        (answer): CardState =>
          answer.ok
            ? { status: 'ready', card: answer.data }
            : { status: 'failed', message: answer.error.message },
      );
      cache.current.set(open.url, pending);
    }
    setCard({ status: 'loading' });
    pending.then((state) => {
      if (current) setCard(state);
      // A failure is not remembered: the next hover asks again.
      if (state.status === 'failed') cache.current.delete(open.url);
    });
    return () => {
      current = false;
    };
  }, [open, send]);

  return (
    <>
      {open && (
        <div
          class="link-card"
          role="tooltip"
          aria-live="polite"
          style={{
            left: `${open.left}px`,
            ...('top' in open ? { top: `${open.top}px` } : { bottom: `${open.bottom}px` }),
          }}
        >
          <CardBody state={card} />
        </div>
      )}
    </>
  );
}

function CardBody({ state }: { state: CardState }) {
  if (state.status === 'loading') return <p class="muted">Loading…</p>;
  if (state.status === 'failed')
    return <p>Civic Thread could not look this page up: {state.message}</p>;
  const { card } = state;
  if (!card) return null;
  return (
    <>
      <p class="kind">
        <span class={`badge badge-${card.kind}`}>{KIND_LABEL[card.kind]}</span>
      </p>
      <p class="link-card-title">{card.problem ? 'Details unavailable' : card.title}</p>
      <p class="meta">{card.problem ?? factsOf(card).join(' · ')}</p>
    </>
  );
}
