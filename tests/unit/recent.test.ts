import { describe, expect, it, vi } from 'vitest';
import { createShared } from '../../utils/view/recent';

describe('one ranking shared by the callers of one page', () => {
  it('shares a ranking while it is under way, and ranks afresh once it is done', async () => {
    const shared = createShared<string>();
    const make = vi.fn(async () => 'ranked');
    await Promise.all([shared('petition:1', make), shared('petition:1', make)]);
    expect(make).toHaveBeenCalledOnce();
    // Done: a caller a moment later (the sites' answers may have changed since) ranks again.
    await shared('petition:1', make);
    expect(make).toHaveBeenCalledTimes(2);
    await shared('petition:2', make);
    expect(make).toHaveBeenCalledTimes(3);
  });

  it('after all data is deleted, a ranking under way is not shared, and its end keeps the new one', async () => {
    const shared = createShared<string>();
    let finish = (_: string) => {};
    const old = shared('petition:1', () => new Promise<string>((resolve) => (finish = resolve)));
    shared.clear();
    const make = vi.fn(async () => 'after');
    const next = shared('petition:1', () => new Promise<string>(() => {}));
    finish('before');
    await old;
    // The old ranking's end does not forget the one asked for after the clear.
    expect(shared('petition:1', make)).toBe(next);
    expect(make).not.toHaveBeenCalled();
  });

  it('keeps no failure, so Try again asks again', async () => {
    const shared = createShared<string>();
    const failing = vi.fn(async () => Promise.reject(new Error('storage')));
    await expect(shared('petition:1', failing)).rejects.toThrow('storage');
    await expect(shared('petition:1', failing)).rejects.toThrow('storage');
    expect(failing).toHaveBeenCalledTimes(2);
  });
});
