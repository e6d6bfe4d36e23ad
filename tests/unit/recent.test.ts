import { describe, expect, it, vi } from 'vitest';
import { createRecent } from '../../utils/view/recent';

describe('one ranking shared by the callers of one page', () => {
  it('shares an answer under way and a recent one, and asks again once it is old', async () => {
    let now = 0;
    const recent = createRecent<string>(30_000, { now: () => now });
    const make = vi.fn(async () => 'ranked');
    await Promise.all([recent('petition:1', make), recent('petition:1', make)]);
    now = 29_000;
    await recent('petition:1', make);
    expect(make).toHaveBeenCalledOnce();
    await recent('petition:2', make);
    now = 60_000;
    await recent('petition:1', make);
    expect(make).toHaveBeenCalledTimes(3);
    // All data deleted: nothing is shared any more.
    recent.clear();
    await recent('petition:1', make);
    expect(make).toHaveBeenCalledTimes(4);
  });

  it('keeps neither a failure nor an answer it is told not to keep, so Try again asks again', async () => {
    const recent = createRecent<{ failed: string[] }>(30_000, {
      keep: (answer) => answer.failed.length === 0,
    });
    const failing = vi.fn(async () => Promise.reject(new Error('storage')));
    await expect(recent('petition:1', failing)).rejects.toThrow('storage');
    const partial = vi.fn(async () => ({ failed: ['Hansard'] }));
    await recent('petition:1', partial);
    await recent('petition:1', partial);
    expect(partial).toHaveBeenCalledTimes(2);
  });
});
