import { describe, expect, it } from 'vitest';
import { hasApiAccess, requestApiAccess } from '../../utils/sharing/permission';

describe('asking for the Hypothesis API’s host', () => {
  it('asks for that one origin at once, within the click that called it', async () => {
    const asked: unknown[] = [];
    const permissions = {
      request: async (p: unknown) => {
        asked.push(p);
        return true;
      },
      contains: async () => false,
    } as unknown as Parameters<typeof requestApiAccess>[0];
    const granted = requestApiAccess(permissions);
    // Asked before anything was awaited: the browser counts only a request made in the gesture.
    expect(asked).toEqual([{ origins: ['https://api.hypothes.is/*'] }]);
    expect(await granted).toBe(true);
    expect(await hasApiAccess(permissions)).toBe(false);
  });
});
