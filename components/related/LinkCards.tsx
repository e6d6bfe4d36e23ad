import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { PageContext, PageKind } from '../../utils/pages/context';
import { supportedAnchors } from '../../utils/pages/registry';
import type { LinkCard } from '../../utils/related/related-item';
import { KIND_LABEL } from '../panel/format';
import { factsOf } from './facts';

const BADGE_LETTER: Record<PageKind, string> = { petition: 'P', consultation: 'C', debate: 'H' };
/** Hover this long before a card opens, so sweeping the pointer over text opens nothing. */
const HOVER_DELAY_MS = 300;
/** Room a card needs (three short lines), to choose between below and above its link. */
const CARD_HEIGHT = 100;

type Badge = { key: number; kind: PageKind; top: number; left: number };
type Open = { url: string; top: number; left: number };
type CardState =
  | { status: 'loading' }
  | { status: 'ready'; card: LinkCard | null }
  | { status: 'failed'; message: string };

/**
 * Marks each link on the page that points at a supported page with a small
 * badge, and shows a card about its target on hover or keyboard focus.
 * Badges and card are drawn in the panel's shadow root over the page, so the
 * page's own DOM and layout never change. Escape closes the card.
 */
export function LinkCards({
  context,
  send,
  doc = document,
}: {
  context: PageContext;
  send: typeof sendRequest;
  doc?: Document;
}) {
  const anchors = useMemo(
    () => supportedAnchors(doc, new URL(context.url), context.key),
    [doc, context],
  );
  const [badges, setBadges] = useState<Badge[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [card, setCard] = useState<CardState>({ status: 'loading' });
  const cache = useRef(new Map<string, Promise<CardState>>());

  // Badges follow their links through scrolling and layout changes; only links on screen get one.
  useEffect(() => {
    const view = doc.defaultView;
    if (!view) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const height = view.innerHeight;
      setBadges(
        anchors.flatMap(({ anchor, page }, key) => {
          const rects = anchor.getClientRects();
          const last = rects[rects.length - 1];
          if (!last || last.bottom < 0 || last.top > height || last.width === 0) return [];
          return [{ key, kind: page.kind, top: last.top - 6, left: last.right - 2 }];
        }),
      );
    };
    const schedule = () => {
      if (!frame) frame = view.requestAnimationFrame(place);
    };
    // First placement in the next frame, with the layout the page draws anyway: reading
    // link positions now would force an extra layout while the page is still loading.
    schedule();
    view.addEventListener('scroll', schedule, { passive: true, capture: true });
    view.addEventListener('resize', schedule, { passive: true });
    // Opening a <details> or late content moves links without any scroll.
    const resized = new view.ResizeObserver(schedule);
    resized.observe(doc.body);
    return () => {
      resized.disconnect();
      view.cancelAnimationFrame(frame);
      view.removeEventListener('scroll', schedule, { capture: true });
      view.removeEventListener('resize', schedule);
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
      const view = doc.defaultView;
      const height = view?.innerHeight ?? 768;
      setOpen({
        url,
        // Below the link when there is room, else above it: never over the link itself.
        top:
          rect.bottom + CARD_HEIGHT + 12 < height
            ? rect.bottom + 6
            : Math.max(8, rect.top - CARD_HEIGHT - 6),
        left: Math.min(Math.max(8, rect.left), (view?.innerWidth ?? 1024) - 320),
      });
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
      {badges.map((badge) => (
        <span
          key={badge.key}
          class={`link-badge badge-${badge.kind}`}
          style={{ top: `${badge.top}px`, left: `${badge.left}px` }}
          aria-hidden="true"
        >
          {BADGE_LETTER[badge.kind]}
        </span>
      ))}
      {open && (
        <div
          class="link-card"
          role="tooltip"
          aria-live="polite"
          style={{ top: `${open.top}px`, left: `${open.left}px` }}
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
