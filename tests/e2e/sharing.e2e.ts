// Sharing with a Hypothesis group, below its UI: the fixture Hypothesis API is reached at its
// real host, and the built extension's background asks it nothing before the user has granted
// the optional host permission (wxt.config.ts), through the real protocol from an extension page.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Request } from '../../utils/messaging/protocol';
import { extensionPage, launch } from './harness';

const harness = await launch();
afterAll(() => harness.close());

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
/** The page's own extension API (the test's code has no `chrome` types). */
type WithRuntime = { chrome: { runtime: { sendMessage(message: unknown): Promise<Answer> } } };
const send = (page: Page, request: Request): Promise<Answer> =>
  page.evaluate(
    (message) => (globalThis as unknown as WithRuntime).chrome.runtime.sendMessage(message),
    request as never,
  );

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
