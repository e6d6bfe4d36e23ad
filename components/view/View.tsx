import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../utils/messaging/client';
import type { BookmarkOffer } from '../../utils/messaging/tab-report';
import { type PageContext, PageKind } from '../../utils/pages/context';
import type { StoryEntry } from '../../utils/story/timeline';
import type { TabState } from '../../utils/view/tab-state';
import { watchTab } from '../../utils/view/view-channel';
import { KIND_LABEL } from '../format';
import { LiveSection } from '../live/LiveSection';
import { NotesSection } from '../notes/NotesSection';
import { useAnnotations } from '../notes/useAnnotations';
import { RelatedSection } from '../related/RelatedSection';
import { RespondSection } from '../respond/RespondSection';
import type { RespondingTo } from '../respond/Workspace';
import { GroupNotes } from '../sharing/GroupNotes';
import { useSharing } from '../sharing/useSharing';
import { FollowControl } from '../watchlist/FollowControl';
import { Story } from './Story';
import { summaryLine } from './summary';

const LIBRARY_URL = () => browser.runtime.getURL('/library.html');

/**
 * The tab the view shows: the one named by `?tab=` (tests, screenshots), or else the active
 * tab of the view's window, followed as the user switches tabs.
 */
function useShownTab(fixed: number | null): number | null {
  const [active, setActive] = useState<number | null>(null);
  useEffect(() => {
    if (fixed !== null) return;
    let windowId: number | undefined;
    const follow = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setActive(info.tabId);
    };
    void browser.windows.getCurrent().then(async (current) => {
      windowId = current.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      if (tab?.id !== undefined) setActive(tab.id);
    });
    browser.tabs.onActivated.addListener(follow);
    return () => browser.tabs.onActivated.removeListener(follow);
  }, [fixed]);
  return fixed ?? active;
}

/** The full view beside the page: the story first, then related items, notes and follow. */
export function View({
  fixedTab,
  send = sendRequest,
}: {
  fixedTab: number | null;
  send?: typeof sendRequest;
}) {
  const tabId = useShownTab(fixedTab);
  const [shown, setShown] = useState<{
    tabId: number;
    state: TabState;
    story?: StoryEntry[];
  } | null>(null);
  useEffect(
    () =>
      tabId === null
        ? undefined
        : watchTab(tabId, (state, story) => setShown({ tabId, state, story })),
    [tabId],
  );
  // Only what this tab reported is shown: never the last tab's, while the new one is asked.
  const current = shown && shown.tabId === tabId ? shown : null;

  return (
    <>
      <main class="view">
        {current?.state.status === 'page' ? (
          // Keyed by page: nothing of the previous page survives a navigation.
          <PageView
            key={current.state.context.key}
            context={current.state.context}
            offers={current.state.offers}
            orphans={current.state.orphans ?? []}
            story={current.story}
            tabId={current.tabId}
            send={send}
          />
        ) : current?.state.status === 'document' ? (
          <DocumentView key={current.state.consultation.key} state={current.state} send={send} />
        ) : (
          <Elsewhere state={current?.state ?? { status: 'loading' }} />
        )}
      </main>
      <nav class="view-nav" aria-label="Civic Thread">
        <a href={LIBRARY_URL()} target="_blank" rel="noopener">
          Your library and watchlist
        </a>
      </nav>
    </>
  );
}

/** What the view says when the tab shows no page it can tell about. */
function Elsewhere({ state }: { state: Exclude<TabState, { status: 'page' | 'document' }> }) {
  const text = {
    loading: 'Reading the page…',
    none: 'This tab is not a petition, a GOV.UK consultation or a Hansard debate, so there is nothing to show here.',
    closed: 'The tab this view showed has been closed.',
    unreadable:
      state.status === 'unreadable'
        ? `Civic Thread could not read this ${KIND_LABEL[state.kind].toLowerCase()} page: ${state.reason}`
        : '',
  }[state.status];
  return (
    <>
      <h1>Civic Thread</h1>
      <p role="status" class={state.status === 'loading' ? 'muted' : 'notice'}>
        {text}
      </p>
      {state.status !== 'loading' && (
        <p>
          <a href={LIBRARY_URL()} target="_blank" rel="noopener">
            Open your library
          </a>{' '}
          to see your notes and the pages you follow.
        </p>
      )}
    </>
  );
}

/**
 * Beside one of a consultation's HTML documents: the response workspace of its consultation,
 * whose closing date and state come from GOV.UK's record of it.
 */
function DocumentView({
  state,
  send,
}: {
  state: Extract<TabState, { status: 'document' }>;
  send: typeof sendRequest;
}) {
  const { key, url } = state.consultation;
  const [consultation, setConsultation] = useState<RespondingTo | null>(null);
  useEffect(() => {
    void send({ type: 'responses/documents', url }).then((answer) => {
      // Unread, the draft is still the user's: the workspace says why the documents are missing.
      const live = answer.ok ? answer.data.consultation : null;
      setConsultation({
        key,
        url,
        title: live?.title ?? null,
        closesOn: live?.closesOn ?? null,
        state: live?.state ?? null,
      });
    });
  }, [send, key, url]);
  return (
    <>
      <header class="view-header">
        <p class="kind">
          <span class="badge badge-consultation">{KIND_LABEL.consultation}</span>
        </p>
        <h1 class="page-title">{state.title ?? 'Untitled document'}</h1>
        <p class="page-line document-of">
          A document of the consultation{' '}
          <a href={url} target="_blank" rel="noopener">
            {consultation?.title ?? url}
          </a>
        </p>
      </header>
      {consultation ? (
        <RespondSection context={consultation} send={send} />
      ) : (
        <p class="muted">Reading the consultation…</p>
      )}
    </>
  );
}

function PageView({
  context: reported,
  offers,
  orphans,
  story,
  tabId,
  send,
}: {
  context: PageContext;
  offers: BookmarkOffer[];
  /** The notes whose passage the page no longer has, as its content script found. */
  orphans: string[];
  /** The story's first screen, sent with the tab's report. */
  story?: StoryEntry[];
  tabId: number;
  send: typeof sendRequest;
}) {
  // A report that changed only its orphans or offers keeps the context, so nothing is asked again.
  const same = useRef(reported);
  if (JSON.stringify(same.current) !== JSON.stringify(reported)) same.current = reported;
  const context = same.current;
  // Notes only on the kinds of page the user chose in settings, as on the page itself.
  const [annotating, setAnnotating] = useState(false);
  useEffect(() => {
    void send({ type: 'settings/get' }).then((answer) =>
      setAnnotating(
        (answer.ok ? answer.data.annotateKinds : PageKind.options).includes(context.kind),
      ),
    );
  }, [send, context.kind]);
  // No page here: the notes are listed, and bookmarks saved from what the page reported.
  const notes = useAnnotations(annotating ? context : null, send, orphans);
  const [editingId, setEditingId] = useState<string | null>(null);
  const sharing = useSharing(send);
  // The title and the story are drawn first, alone; the sections after them (and their
  // requests) start once that frame is on screen (a plain effect runs after the paint).
  const [rest, setRest] = useState(false);
  useEffect(() => setRest(true), []);
  return (
    <>
      <header class="view-header">
        <p class="kind">
          <span class={`badge badge-${context.kind}`}>{KIND_LABEL[context.kind]}</span>
        </p>
        <h1 class="page-title">{context.title ?? 'Untitled page'}</h1>
        <p class="page-line">{summaryLine(context)}</p>
        {context.unread.length > 0 && (
          <p class="notice" role="status">
            Could not read from this page: {context.unread.join(', ')}.
          </p>
        )}
      </header>
      <Story context={context} first={story} tabId={tabId} send={send} />
      {rest && <RelatedSection context={context} send={send} tabId={tabId} />}
      {rest && annotating && (
        <NotesSection
          notes={notes}
          responses={offers}
          editingId={editingId}
          setEditingId={setEditingId}
          sharing={sharing}
        />
      )}
      {rest && sharing && (
        <GroupNotes uri={context.url} groupName={sharing.groupName} send={send} />
      )}
      {rest && context.kind === 'consultation' && <RespondSection context={context} send={send} />}
      {rest && context.kind !== 'debate' && <FollowControl context={context} send={send} />}
      {rest && <LiveSection context={context} send={send} />}
    </>
  );
}
