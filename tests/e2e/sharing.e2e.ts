// Sharing with a Hypothesis group, below its UI: the fixture Hypothesis API is reached at its
// real host, and the built extension's background asks it nothing before the user has granted
// the optional host permission (wxt.config.ts), through the real protocol from an extension page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SharingStatus } from '../../utils/sharing/messages';
import { type HypothesisControl, revokeToken } from '../fixture-site/hypothesis';
import {
  extensionPage,
  type Harness,
  launch,
  paintedText,
  readStore,
  sendFromPage as send,
} from './harness';
import { openWithView } from './view';

const harness = await launch();
afterAll(() => harness.close());

describe('sharing with a Hypothesis group, in the built extension', () => {
  it('reaches the fixture Hypothesis API at api.hypothes.is', async () => {
    const page = await harness.context.newPage();
    const response = await page.goto('https://api.hypothes.is/api/profile');
    expect(response?.status()).toBe(200);
    expect(JSON.parse((await response?.text()) ?? '')).toMatchObject({ userid: null });
    await page.close();
  });

  it('asks Hypothesis nothing, and keeps no token, before the permission is granted', async () => {
    const page = await harness.context.newPage();
    await page.goto(extensionPage(harness, 'options.html'));
    const before = harness.site.hypothesis.requests.length;
    const [user] = harness.site.hypothesis.users;
    expect(await send(page, { type: 'sharing/connect', token: user?.token ?? '' })).toEqual({
      ok: true,
      data: {
        status: 'refused',
        reason: 'no-permission',
        message: 'Civic Thread needs your permission to reach api.hypothes.is first.',
      },
    });
    expect(await send(page, { type: 'sharing/status' })).toEqual({
      ok: true,
      data: {
        account: null,
        permission: false,
        stopped: null,
        lastError: null,
        jobs: [],
        published: [],
      },
    });
    // Nothing can be queued before an account and a group are chosen.
    expect(await send(page, { type: 'sharing/publish', selection: { tag: 'x' } })).toEqual({
      ok: true,
      data: {
        status: 'not-connected',
        message: 'Connect a Hypothesis account and choose a group first.',
      },
    });
    expect(harness.site.hypothesis.requests.slice(before)).toEqual([]);
    await page.close();
  });
});

const PETITION = 'https://petition.parliament.uk/petitions/701234';
const GROUP = 'Kd3VxYp2';
/** Three passages of the fixture petition, as the selection toolbar saves them. */
const PASSAGES = [
  [
    'ring-fenced budget for special educational needs',
    'give every mainstream school in England a ',
    ' and disabilities (SEND) support',
  ],
  ['Families wait months for support', '', ' while councils and schools argue'],
  [
    'Ring-fenced money would follow the child.',
    'Training means little without the funding to release staff. ',
    '',
  ],
] as const;

function noteOn(index: number, now: number) {
  const [exact, prefix, suffix] = PASSAGES[index] ?? PASSAGES[0];
  return {
    id: `e2e-note-${index}`,
    kind: 'highlight' as const,
    pageKey: 'petition:701234',
    pageUrl: PETITION,
    pageTitle: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
    pageKind: 'petition' as const,
    target: {
      quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
      position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
    },
    note: `Briefing point ${index}`,
    tags: ['briefing'],
    colour: 'yellow' as const,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Grants the optional host permission as a user does on the extension's page in chrome://extensions
 * (Site access → add a site), through that page's own API: headless Chromium cannot answer the
 * prompt `permissions.request` shows, and the request then resolves with no prompt, as for any
 * host the user has already allowed. What is not proven here: Chromium's prompt itself.
 */
async function allowApiHostOnExtensionsPage(harness: Harness): Promise<void> {
  const id = new URL(harness.worker.url()).host;
  const page = await harness.context.newPage();
  await page.goto(`chrome://extensions/?id=${id}`);
  await page.evaluate(
    (extensionId) =>
      (
        globalThis as unknown as {
          chrome: {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          };
        }
      ).chrome.developerPrivate.addHostPermission(extensionId, 'https://api.hypothes.is/*'),
    id,
  );
  await page.close();
}

const mine = (control: HypothesisControl) =>
  control.annotations.filter((a) => a.user === 'acct:amira_campaigns@hypothes.is');

describe('connecting, publishing and following edits through a restart', () => {
  const profile = mkdtempSync(join(tmpdir(), 'civic-thread-sharing-'));
  let flow: Harness;
  afterAll(async () => {
    await flow?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('connects with the token in settings, after the permission is asked in the click', async () => {
    flow = await launch({ userDataDir: profile });
    const settings = await flow.context.newPage();
    await settings.goto(extensionPage(flow, 'options.html'));
    const section = settings.getByRole('region', {
      name: 'Share with a campaign team (Hypothesis)',
    });
    await expect
      .poll(() => section.innerText())
      .toContain("Notes you publish are sent to hypothes.is and readable by the group's members.");
    const token = section.getByLabel('Your Hypothesis developer token');
    expect(await token.getAttribute('type')).toBe('password');
    expect(await token.getAttribute('autocomplete')).toBe('off');

    // A token Hypothesis does not know is refused with a message saying what to do.
    await token.fill('not-a-token-at-all');
    await allowApiHostOnExtensionsPage(flow);
    await section.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => section.getByRole('alert').innerText())
      .toBe('Hypothesis does not accept this token. Copy it again from your developer page.');

    const [user] = flow.site.hypothesis.users;
    await token.fill(user?.token ?? '');
    await section.getByRole('button', { name: 'Connect' }).click();
    await section.getByText('Connected as Amira Hassan').waitFor();
    await section.getByLabel('Publish to the group').selectOption(GROUP);
    await expect
      .poll(async () => (await send(settings, { type: 'sharing/status' })).data)
      .toMatchObject({ account: { groupId: GROUP }, permission: true });
    await settings.close();
  });

  it('publishes three notes, follows an edit and a delete, and finishes its queue after a restart', async () => {
    const control = flow.site.hypothesis;
    const settings = await flow.context.newPage();
    await settings.goto(extensionPage(flow, 'options.html'));
    const now = Date.now();
    const notes = [0, 1, 2].map((i) => noteOn(i, now));
    const secret = { ...noteOn(0, now), id: 'e2e-secret', note: 'Our tactics', tags: ['private'] };
    expect(
      (await send(settings, { type: 'annotations/add-many', annotations: [...notes, secret] })).ok,
    ).toBe(true);
    await settings.close();

    const { view } = await openWithView(flow, PETITION);
    const secretItem = view.locator('[data-note-id="e2e-secret"]');
    await expect.poll(() => secretItem.innerText()).toContain('Tagged private: never published.');
    expect(await secretItem.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    await view
      .getByText("Notes you publish are sent to hypothes.is and readable by the group's members.")
      .waitFor();
    // The first post is written and its answer lost; the retries then find the network down.
    control.faults = [{ kind: 'lose-answer' }, ...Array(8).fill({ kind: 'offline' })];
    await view
      .getByRole('button', { name: "Publish this page's notes to SEND funding campaign" })
      .click();
    await view
      .getByText('3 notes queued for SEND funding campaign; 1 tagged private was left out.')
      .waitFor();
    await expect.poll(() => mine(control).length).toBe(1);

    // The browser quits mid-queue, and the same user comes back to the same group.
    await flow.close();
    control.faults = [];
    flow = await launch({ userDataDir: profile, hypothesis: control });
    await expect.poll(() => mine(control).length, { timeout: 20_000 }).toBe(3);
    expect(
      mine(control)
        .map((a) => a.text)
        .sort(),
    ).toEqual(notes.map((n) => n.note).sort());
    for (const a of mine(control)) {
      expect(a).toMatchObject({ group: GROUP, uri: PETITION, tags: ['briefing'] });
    }

    const page = await flow.context.newPage();
    await page.goto(extensionPage(flow, 'options.html'));
    const status = async () => (await send(page, { type: 'sharing/status' })).data as SharingStatus;
    await expect.poll(async () => (await status()).published.length).toBe(3);
    const [edited, removed] = notes;
    const ids = new Map((await status()).published.map((p) => [p.noteId, p.annotationId]));
    if (!edited || !removed) throw new Error('three notes');
    const changed = {
      ...edited,
      note: 'Briefing point 0, with the council figures',
      updatedAt: now + 1,
    };
    expect(
      (await send(page, { type: 'annotations/edit', base: edited, annotation: changed })).ok,
    ).toBe(true);
    expect((await send(page, { type: 'annotations/delete-many', ids: [removed.id] })).ok).toBe(
      true,
    );
    await expect.poll(() => mine(control).length).toBe(2);
    await expect
      .poll(() => mine(control).map((a) => a.text))
      .toContain('Briefing point 0, with the council figures');
    // The lost post was found in the group (and brought up to date), not posted again; the
    // edit and the delete went to the annotations the group gave those notes.
    const writes = control.requests.filter((r) => !r.startsWith('GET'));
    expect(writes.filter((r) => r.startsWith('POST'))).toHaveLength(4);
    expect(writes.slice(-2)).toEqual([
      `PATCH /api/annotations/${ids.get(edited.id)}`,
      `DELETE /api/annotations/${ids.get(removed.id)}`,
    ]);
    await page.close();
  });

  it("lists the teammate's note in the view, and paints its passage on the page in the group's style", async () => {
    const { page, view } = await openWithView(flow, PETITION);
    const section = view.getByRole('region', { name: "SEND funding campaign's notes" });
    const teammate = section.locator('.group-note');
    await expect.poll(() => teammate.count()).toBe(1);
    const shown = await teammate.innerText();
    expect(shown).toContain('Sam Okafor');
    expect(shown).toContain('Schools tell us they cannot afford teaching assistants');
    expect(shown).toContain("This is the line the council's own survey backs up");
    expect(await section.innerText()).toMatch(/As of .+, from hypothes\.is\. Read-only\./);
    // Only the teammate's passage: the user's own published notes are painted as theirs.
    await expect
      .poll(() => paintedText(page, 'group'))
      .toEqual(['Schools tell us they cannot afford teaching assistants']);
    expect(await paintedText(page, 'yellow')).toHaveLength(3);
    await page.close();
    await view.close();
  });

  it('marks published notes in the library and publishes by tag; a revoked token stops the queue in settings; disconnect forgets the token and the group', async () => {
    const control = flow.site.hypothesis;
    const [user] = control.users;
    const page = await flow.context.newPage();
    await page.goto(extensionPage(flow, 'options.html'));
    // The group's notes read for the petition, kept on this computer until disconnecting.
    expect(
      await send(page, { type: 'sharing/group-notes', uri: PETITION, refresh: true }),
    ).toMatchObject({ ok: true, data: { error: null, entry: { uri: PETITION } } });
    expect(await readStore(flow, 'groupNotes')).toHaveLength(1);

    const library = await flow.context.newPage();
    await library.goto(extensionPage(flow, 'library.html'));
    const card = library.locator('.note-card').filter({ hasText: 'Briefing point 2' });
    await card.getByText('Published', { exact: true }).waitFor();
    await expect
      .poll(() => library.locator('.note-card').filter({ hasText: 'Our tactics' }).innerText())
      .toContain('Tagged private: never published.');

    // Every note with a tag, from the library's tag filter: the private one has not that tag.
    await library.locator('#library-tag').selectOption('briefing');
    await library
      .getByRole('button', {
        name: 'Publish every note tagged “briefing” to SEND funding campaign',
      })
      .click();
    await library.getByText('2 notes queued for SEND funding campaign.').waitFor();
    await expect
      .poll(async () => ((await send(page, { type: 'sharing/status' })).data as SharingStatus).jobs)
      .toEqual([]);
    expect(mine(control)).toHaveLength(2);

    // The token is regenerated on hypothes.is: the unpublish is refused, and the queue stops.
    revokeToken(control, user?.token ?? '');
    await card.getByRole('button', { name: 'Unpublish' }).click();
    // Settings, open all along, hears of the stop from the background (sharing/changed).
    const section = page.getByRole('region', { name: 'Share with a campaign team (Hypothesis)' });
    await expect
      .poll(() => section.innerText(), { timeout: 15_000 })
      .toContain(
        'Sending stopped: Hypothesis no longer accepts the API token. Connect again with a new one.',
      );
    expect(mine(control).map((a) => a.text)).toContain('Briefing point 2');

    await section.getByRole('button', { name: 'Disconnect' }).click();
    await section
      .getByText("This removes your token, the notes waiting to be sent and the group's notes")
      .waitFor();
    await section.getByRole('button', { name: 'Yes, disconnect' }).click();
    await section.getByLabel('Your Hypothesis developer token').waitFor();
    expect(JSON.stringify(await readStore(flow, 'settings'))).not.toContain(user?.token);
    expect(await readStore(flow, 'groupNotes')).toEqual([]);
    expect(await readStore(flow, 'shareQueue')).toEqual([]);
    await library.close();
    await page.close();
  });
});
