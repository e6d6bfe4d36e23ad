import { describe, expect, it } from 'vitest';
import { describe as describeText } from '../../utils/annotations/selectors';
import { sendRequest, UNAVAILABLE, UNCONFIRMED } from '../../utils/messaging/client';
import { sendPageRequest } from '../../utils/messaging/page-client';
import { createMessageHandler, type Handlers } from '../../utils/messaging/server';
import type { PageContext } from '../../utils/pages/context';
import { type Annotation, Settings } from '../../utils/storage/records';
import { OPEN_PETITION } from './fixture-facts';

const EXTENSION_ID = 'civic-thread-test';

const context: PageContext = OPEN_PETITION;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'page/visited': async () => ({ visitCount: 1, firstVisitedAt: 1, sharing: false }),
    'live/get': async () => ({
      kind: 'consultation',
      consultation: { data: null, fetchedAt: null, stale: false, error: null },
    }),
    'related/get': async () => ({ groups: [], thread: [], threadSkipped: 0, failed: [] }),
    'card/get': async () => null,
    'tab/context': async () => ({}),
    'story/get': async () => ({ entries: [] }),
    'annotations/list': async () => ({ annotations: [], skipped: 0 }),
    'annotations/save': async ({ annotation }) => annotation,
    'annotations/edit': async ({ annotation }) => ({ status: 'saved', annotation }),
    'annotations/delete': async () => ({ deleted: null }),
    'library/list': async () => ({ annotations: [], skipped: 0, total: 0 }),
    'annotations/delete-many': async () => ({ deleted: [] }),
    'annotations/add-many': async () => ({ added: [], duplicates: 0 }),
    'data/stats': async () => ({
      annotations: 0,
      pages: 0,
      follows: 0,
      cache: 0,
      responses: 0,
      unreadable: { annotations: 0, pages: 0, links: 0, follows: 0, events: 0, responses: 0 },
    }),
    'data/delete-all': async () => ({}),
    'data/remove-unreadable': async () => ({ removed: 0 }),
    'watch/get': async () => null,
    'watch/follow': async () => {
      throw new Error('not in this test');
    },
    'watch/unfollow': async () => ({}),
    'watch/milestones': async () => {
      throw new Error('not in this test');
    },
    'watch/list': async () => ({ items: [], skipped: 0 }),
    'watch/seen': async () => ({}),
    'settings/get': async () => Settings.parse({ panelCollapsed: true }),
    'settings/set': async ({ settings }) => Settings.parse(settings),
    'view/open': async () => ({ openedIn: 'tab' }),
    'responses/get': async () => ({ draft: null }),
    'responses/save': async ({ draft }) => ({ status: 'saved', draft }),
    'responses/delete': async () => ({ deleted: null }),
    'responses/list': async () => ({ drafts: [], skipped: 0 }),
    'responses/documents': async () => ({
      consultation: null,
      ways: null,
      documents: [],
      problem: null,
    }),
    'responses/add-question': async () => {
      throw new Error('Only text on a consultation’s page can be added as one of its questions.');
    },
    'sharing/connect': async () => ({
      status: 'refused',
      reason: 'no-permission',
      message: 'not in this test',
    }),
    'sharing/choose-group': async ({ groupId }) => ({
      status: 'chosen',
      account: {
        userid: 'acct:a@hypothes.is',
        displayName: null,
        groups: [{ id: groupId, name: 'A group' }],
        groupId,
      },
    }),
    'sharing/disconnect': async () => ({}),
    'sharing/publish': async () => ({ status: 'queued', queued: [], privateIds: [] }),
    'sharing/unpublish': async () => ({}),
    'sharing/resume': async () => ({}),
    'sharing/status': async () => ({
      account: null,
      permission: false,
      stopped: null,
      lastError: null,
      jobs: [],
      published: [],
    }),
    'sharing/group-notes': async () => ({ entry: null, error: null }),
    'sharing/page-passages': async () => ({ passages: [] }),
    'card/summary': async () => ({ headline: [], links: [], incomplete: false }),
    ...overrides,
  };
}

/** Wires the client straight to the background's handler, as the runtime would. */
function transportTo(handle: ReturnType<typeof createMessageHandler>, senderId = EXTENSION_ID) {
  return (message: unknown) => handle(structuredClone(message), { id: senderId });
}

/** A highlight on the test page, as the page saves one. */
const highlight = (): Annotation => ({
  id: 'n1',
  kind: 'highlight',
  pageKey: context.key,
  pageUrl: context.url,
  pageTitle: context.title,
  pageKind: 'petition',
  target: describeText('Fund SEND provision properly', 5, 9),
  note: '',
  tags: [],
  colour: 'yellow',
  createdAt: 1,
  updatedAt: 1,
});

describe('message protocol', () => {
  it('runs the handler in the task the message arrived in, so a user gesture still holds', () => {
    let ranWith: number | undefined;
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({
        'view/open': (_request, sender) => {
          ranWith = sender.tab?.id;
          return Promise.resolve({ openedIn: 'side-panel' });
        },
      }),
    );
    void handle({ type: 'view/open' }, { id: EXTENSION_ID, tab: { id: 7, index: 2 } });
    // Not awaited: an `await` before dispatch would leave this undefined here.
    expect(ranWith).toBe(7);
  });

  it('carries a valid request to its handler and the answer back', async () => {
    const handle = createMessageHandler(EXTENSION_ID, handlers());
    const answer = await sendRequest({ type: 'settings/get' }, transportTo(handle));
    expect(answer).toEqual({ ok: true, data: Settings.parse({ panelCollapsed: true }) });
  });

  it('the content script’s client sends only the page’s requests; the background checks them', async () => {
    const handle = createMessageHandler(EXTENSION_ID, handlers());
    expect(await sendPageRequest({ type: 'settings/get' }, transportTo(handle))).toEqual({
      ok: true,
      data: Settings.parse({ panelCollapsed: true }),
    });
    let sent = false;
    const transport = async () => {
      sent = true;
    };
    // The view's requests are not the page's: refused before anything is sent.
    const viewRequest = { type: 'library/list' } as unknown as Parameters<
      typeof sendPageRequest
    >[0];
    expect(await sendPageRequest(viewRequest, transport)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(sent).toBe(false);
    // A page request the page got wrong is sent (the page carries no request schemas) and
    // refused by the background's check, as a typed error.
    expect(
      await sendPageRequest(
        {
          type: 'page/visited',
          visitId: 'v1',
          context: { ...context, url: 'javascript:alert(1)' },
        },
        transportTo(handle),
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('the content script’s client refuses a card summary that fails its schema', async () => {
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({
        'card/summary': async () =>
          ({ headline: 'not a list', links: [], incomplete: false }) as never,
      }),
    );
    expect(
      await sendPageRequest({ type: 'card/summary', context, referrer: null }, transportTo(handle)),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-response', message: 'The extension answered with unexpected data.' },
    });
  });

  it('the content script’s client refuses a value outside its sets of values (oneOf, bool)', async () => {
    const unexpected = {
      ok: false,
      error: { code: 'invalid-response', message: 'The extension answered with unexpected data.' },
    };
    const settings = { panelCollapsed: false, notifyChanges: false, annotateKinds: ['blog'] };
    expect(
      await sendPageRequest({ type: 'settings/get' }, async () => ({ ok: true, data: settings })),
    ).toEqual(unexpected);
    expect(
      await sendPageRequest({ type: 'settings/get' }, async () => ({
        ok: true,
        data: { ...settings, annotateKinds: [], panelCollapsed: 'yes' },
      })),
    ).toEqual(unexpected);
    expect(
      await sendPageRequest({ type: 'view/open' }, async () => ({
        ok: true,
        data: { openedIn: 'window' },
      })),
    ).toEqual(unexpected);
    // The same answer with a kind it knows is taken.
    expect(
      await sendPageRequest({ type: 'settings/get' }, async () => ({
        ok: true,
        data: { ...settings, annotateKinds: ['debate'] },
      })),
    ).toEqual({ ok: true, data: { ...settings, annotateKinds: ['debate'] } });
  });

  it('the content script’s client refuses an envelope that is neither a success nor a failure', async () => {
    const unexpectedForm = {
      ok: false,
      error: { code: 'invalid-response', message: 'The extension answered in an unexpected form.' },
    };
    for (const reply of [
      undefined,
      { ok: 'yes', data: null },
      { ok: false, error: { code: 'nope', message: 'x' } },
      { ok: false },
    ]) {
      expect(await sendPageRequest({ type: 'settings/get' }, async () => reply)).toEqual(
        unexpectedForm,
      );
    }
    // A failure in its form is handed on as it came.
    const refused = { ok: false, error: { code: 'storage', message: 'Nothing was saved.' } };
    expect(await sendPageRequest({ type: 'settings/get' }, async () => refused)).toEqual(refused);
  });

  it('the content script’s client refuses a success that carries no data', async () => {
    // The envelope leaves `data` to the answer's own schema: a null card is an answer, none is not.
    expect(
      await sendPageRequest({ type: 'card/get', url: 'https://example.org/' }, async () => ({
        ok: true,
      })),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-response', message: 'The extension answered with unexpected data.' },
    });
    expect(
      await sendPageRequest({ type: 'card/get', url: 'https://example.org/' }, async () => ({
        ok: true,
        data: null,
      })),
    ).toEqual({ ok: true, data: null });
  });

  it('the content script’s client refuses a link card whose facts are not words', async () => {
    const card = { kind: 'petition', title: 'A petition', facts: ['Open'], problem: null };
    const answer = (data: unknown) =>
      sendPageRequest({ type: 'card/get', url: 'https://example.org/' }, async () => ({
        ok: true,
        data,
      }));
    expect(await answer(card)).toEqual({ ok: true, data: card });
    for (const bad of [{ facts: [118407] }, { facts: 'Open' }, { kind: 'bill' }, { title: null }])
      expect(await answer({ ...card, ...bad })).toMatchObject({
        ok: false,
        error: { code: 'invalid-response' },
      });
  });

  it('refuses a request that fails the schema before sending it', async () => {
    let sent = false;
    const answer = await sendRequest(
      { type: 'page/visited', visitId: 'v1', context: { ...context, url: 'javascript:alert(1)' } },
      async () => {
        sent = true;
      },
    );
    expect(sent).toBe(false);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('background refuses malformed messages with a typed error', async () => {
    const handle = createMessageHandler(EXTENSION_ID, handlers());
    for (const message of [null, 'hello', { type: 'notes/delete-all' }, { type: 'settings/set' }]) {
      expect(await handle(message, { id: EXTENSION_ID })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });

  it('asks the Hypothesis group about supported pages only, never any other address', async () => {
    const handle = createMessageHandler(EXTENSION_ID, handlers());
    for (const uri of ['https://example.org/petitions/1', 'http://www.gov.uk/x', 'not a url']) {
      for (const message of [
        { type: 'sharing/group-notes', uri, refresh: false },
        { type: 'sharing/page-passages', uri },
      ]) {
        expect(await handle(message, { id: EXTENSION_ID })).toMatchObject({
          ok: false,
          error: { code: 'invalid-request' },
        });
      }
    }
    expect(
      await handle(
        { type: 'sharing/group-notes', uri: context.url, refresh: false },
        { id: EXTENSION_ID },
      ),
    ).toMatchObject({ ok: true });
  });

  it('background refuses messages from anything but this extension', async () => {
    const handle = createMessageHandler(EXTENSION_ID, handlers());
    expect(await handle({ type: 'settings/get' }, { id: 'another-extension' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown sender.' },
    });
    expect(await handle({ type: 'settings/get' }, {})).toMatchObject({ ok: false });
  });

  it('turns a failing handler into a storage error in words, not the browser’s', async () => {
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({
        'settings/get': async () => {
          throw new DOMException('The transaction was aborted.', 'TransactionInactiveError');
        },
      }),
    );
    expect(await sendRequest({ type: 'settings/get' }, transportTo(handle))).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message: 'Your browser could not complete this, so nothing was changed. Try again.',
      },
    });
  });

  it('explains a full disk in words, when IndexedDB runs out of quota', async () => {
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({
        'annotations/delete': async () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      }),
    );
    expect(await sendRequest({ type: 'annotations/delete', id: 'x' }, transportTo(handle))).toEqual(
      {
        ok: false,
        error: {
          code: 'storage',
          message:
            'Your browser has no room left to save this. Free some disk space, then try again.',
        },
      },
    );
  });

  it('says in words why a note over its limits was refused', async () => {
    const note = highlight();
    const refusal = (annotation: Annotation) =>
      sendRequest({ type: 'annotations/save', annotation }, async () => {
        throw new Error('sent');
      });
    expect(await refusal({ ...note, note: 'x'.repeat(20_001) })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'A note can be at most 20000 characters.' },
    });
    expect(await refusal({ ...note, tags: ['x'.repeat(61)] })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'A tag can be at most 60 characters.' },
    });
    expect(
      await refusal({ ...note, tags: Array.from({ length: 31 }, (_, i) => `tag ${i}`) }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'A note can have at most 30 tags.' },
    });
  });

  it('explains a record that fails its schema in the background', async () => {
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({ 'settings/get': async () => Settings.parse({ panelCollapsed: 'yes' }) }),
    );
    expect(await sendRequest({ type: 'settings/get' }, transportTo(handle))).toEqual({
      ok: false,
      error: { code: 'storage', message: 'The data was not valid, so nothing was saved.' },
    });
  });

  it('rejects an answer of the wrong shape', async () => {
    const wrongShape = async () => ({ ok: true, data: { panelCollapsed: 'yes' } });
    expect(await sendRequest({ type: 'settings/get' }, wrongShape)).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
    expect(await sendRequest({ type: 'settings/get' }, async () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });

  it('reports an unreachable background as unavailable, in words, after one more try', async () => {
    let tries = 0;
    const answer = await sendRequest({ type: 'settings/get' }, async () => {
      tries++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(tries).toBe(2);
    expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: UNAVAILABLE } });
  });

  it('asks again once when a restarted worker dropped the reply, and gets the answer', async () => {
    let tries = 0;
    const answer = await sendRequest({ type: 'settings/get' }, async () => {
      if (++tries === 1) {
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      }
      // The background answers with the settings as stored, defaults filled in.
      return { ok: true, data: Settings.parse({ panelCollapsed: false }) };
    });
    expect(answer).toMatchObject({ ok: true, data: { panelCollapsed: false } });
  });
  /**
   * A transport that delivers each message to the handler, then loses the first reply, as a
   * worker stopped after handling a message does: what the handler saw shows what was sent.
   */
  function losingFirstReply() {
    const seen: string[] = [];
    let sends = 0;
    const handle = createMessageHandler(
      EXTENSION_ID,
      handlers({
        'responses/add-question': async ({ text }) => {
          seen.push(text);
          return { key: 'consultation:x' };
        },
        'settings/get': async () => {
          seen.push('settings');
          return Settings.parse({ panelCollapsed: true });
        },
        'annotations/save': async ({ annotation }) => {
          seen.push(annotation.id);
          return annotation;
        },
      }),
    );
    const transport = async (message: unknown) => {
      const reply = await transportTo(handle)(message);
      if (++sends === 1) throw new Error('The message port closed before a response was received.');
      return reply;
    };
    return { seen, transport };
  }

  it('sends a write once when its reply is lost, and says it may have arrived', async () => {
    const { seen, transport } = losingFirstReply();
    const answer = await sendPageRequest(
      {
        type: 'responses/add-question',
        pageUrl: 'https://www.gov.uk/government/consultations/x',
        text: 'Why?',
      },
      transport,
    );
    expect(seen).toEqual(['Why?']);
    expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: UNCONFIRMED } });
  });

  it('sends a highlight again when its reply is lost: written by its own id, the second is the first', async () => {
    const { seen, transport } = losingFirstReply();
    const annotation = highlight();
    const answer = await sendPageRequest({ type: 'annotations/save', annotation }, transport);
    expect(seen).toEqual(['n1', 'n1']);
    expect(answer).toMatchObject({ ok: true, data: { id: 'n1' } });
  });

  it('asks a read again when its reply is lost, and gets the answer', async () => {
    const { seen, transport } = losingFirstReply();
    const answer = await sendPageRequest({ type: 'settings/get' }, transport);
    expect(seen).toEqual(['settings', 'settings']);
    expect(answer).toMatchObject({ ok: true, data: { panelCollapsed: true } });
  });
});
