import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import { watchPageChanges } from '../../utils/messaging/page-channel';
import type { ResponseData, Result } from '../../utils/messaging/protocol';
import { type ConsultationFacts, newDraft } from '../../utils/respond/draft';
import type { ResponseDraft } from '../../utils/storage/response-draft';

/** Typing pauses this long before the draft is saved. */
export const SAVE_DELAY_MS = 400;

export type SaveStatus = 'unsaved' | 'saving' | 'saved' | 'failed';

export interface DraftHandle {
  /** The draft as the user sees it: stored, or being written (null before it is read). */
  draft: ResponseDraft | null;
  loaded: boolean;
  /** Whether the stored draft exists (the user has written or added something). */
  stored: boolean;
  status: SaveStatus;
  notice: string | null;
  /** A draft just deleted, for Undo. */
  deleted: ResponseDraft | null;
  change(update: (draft: ResponseDraft) => ResponseDraft): void;
  /** A change that is no edit of the user's (questions re-read from the documents): not saved by itself. */
  refresh(update: (draft: ResponseDraft) => ResponseDraft): void;
  remove(): void;
  undo(): void;
}

/**
 * A consultation's draft, read once and saved as the user types (debounced, revision-checked).
 * A save refused because another view (or the page's "Add as question") saved first takes the
 * stored draft and says so; nothing of it is merged silently. A pending save is written at once
 * when the page is hidden or closed.
 */
export function useDraft(
  facts: ConsultationFacts,
  send: typeof sendRequest,
  /** Applied to the draft each time it is read (the documents' questions matched into it). */
  prepare: (draft: ResponseDraft) => ResponseDraft,
  /** The stored draft, asked for before the workspace opened: its first read. */
  early?: Promise<Result<ResponseData<'responses/get'>>>,
): DraftHandle {
  const [draft, setDraft] = useState<ResponseDraft | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [notice, setNotice] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<ResponseDraft | null>(null);
  const latest = useRef<ResponseDraft | null>(null);
  /** The stored revision (0: none stored). */
  const revision = useRef(0);
  const dirty = useRef(false);
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { key } = facts;
  const factsRef = useRef(facts);
  factsRef.current = facts;
  const prepareRef = useRef(prepare);
  prepareRef.current = prepare;

  const show = useCallback((next: ResponseDraft | null) => {
    latest.current = next;
    setDraft(next);
  }, []);

  const earlyRef = useRef(early);
  const read = useCallback(async () => {
    const asked = earlyRef.current;
    earlyRef.current = undefined;
    const answer = await (asked ?? send({ type: 'responses/get', key }));
    // Typed while it was read: the user's change wins, and its save meets the stored one.
    if (dirty.current) return;
    if (!answer.ok) {
      setNotice(`Your draft could not be read: ${answer.error.message}`);
      return;
    }
    revision.current = answer.data.draft?.revision ?? 0;
    show(prepareRef.current(answer.data.draft ?? newDraft(factsRef.current, Date.now())));
    setLoaded(true);
  }, [send, key, show]);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const mine = latest.current;
    if (saving.current || !dirty.current || !mine) return;
    saving.current = true;
    dirty.current = false;
    setStatus('saving');
    const answer = await send({
      type: 'responses/save',
      draft: { ...mine, revision: revision.current },
    });
    saving.current = false;
    if (!answer.ok) {
      dirty.current = true;
      setStatus('failed');
      setNotice(`Your draft could not be saved: ${answer.error.message}`);
      return;
    }
    if (answer.data.status === 'conflict') {
      const current = answer.data.current;
      revision.current = current?.revision ?? 0;
      dirty.current = false;
      show(prepareRef.current(current ?? newDraft(factsRef.current, Date.now())));
      setStatus('saved');
      setNotice(
        current
          ? 'This draft was changed elsewhere (another view, or a question added from the page) before your last change was saved. The saved version is shown: check your last change and make it again.'
          : 'This draft was deleted elsewhere before your last change was saved.',
      );
      return;
    }
    revision.current = answer.data.draft.revision;
    // Typed while it was being written: that goes next.
    if (dirty.current) void save();
    else setStatus('saved');
  }, [send, show]);

  const change = useCallback(
    (update: (draft: ResponseDraft) => ResponseDraft) => {
      const base = latest.current ?? newDraft(factsRef.current, Date.now());
      show({ ...update(base), updatedAt: Date.now() });
      dirty.current = true;
      setStatus('unsaved');
      setDeleted(null);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save, show],
  );

  const refresh = useCallback(
    (update: (draft: ResponseDraft) => ResponseDraft) => {
      if (latest.current) show(update(latest.current));
    },
    [show],
  );

  useEffect(() => {
    void read();
    // "Add as question" on the page, or another view: read again unless the user is mid-edit
    // (then the next save meets the change and says so).
    const stop = watchPageChanges(key, () => {
      if (!dirty.current && !saving.current) void read();
    });
    const flush = () => void save();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, read, save]);

  const remove = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    const answer = await send({ type: 'responses/delete', key });
    if (!answer.ok) return setNotice(`The draft could not be deleted: ${answer.error.message}`);
    revision.current = 0;
    setDeleted(answer.data.deleted);
    setNotice(null);
    show(prepareRef.current(newDraft(factsRef.current, Date.now())));
  }, [send, key, show]);

  const undo = useCallback(async () => {
    if (!deleted) return;
    const answer = await send({ type: 'responses/save', draft: { ...deleted, revision: 0 } });
    if (!answer.ok) return setNotice(`The draft could not be restored: ${answer.error.message}`);
    if (answer.data.status === 'saved') {
      revision.current = answer.data.draft.revision;
      show(answer.data.draft);
      setDeleted(null);
    } else setNotice('A new draft was started meanwhile, so the deleted one was not restored.');
  }, [send, deleted, show]);

  return {
    draft,
    loaded,
    stored: revision.current > 0,
    status,
    notice,
    deleted,
    change,
    refresh,
    remove: () => void remove(),
    undo: () => void undo(),
  };
}
