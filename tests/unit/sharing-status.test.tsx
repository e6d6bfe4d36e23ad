import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSharingStatus } from '../../components/sharing/useSharing';
import type { sendRequest } from '../../utils/messaging/client';
import type { SharingStatus } from '../../utils/sharing/messages';

const WAITING: SharingStatus = {
  account: null,
  permission: true,
  stopped: null,
  lastError: null,
  jobs: [{ noteId: 'a', op: 'put', attempts: 0, notBefore: 0, lastError: null }],
  published: [],
};

describe('the sharing status in a view', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    vi.useRealTimers();
  });

  it('is read again when the background says it changed, never on a timer', async () => {
    let reads = 0;
    const send = (async () => {
      reads++;
      return { ok: true, data: { ...WAITING, lastError: `read ${reads}` } };
    }) as unknown as typeof sendRequest;
    let tell: (() => void) | null = null;
    const stop = vi.fn();
    const watch = (onChanged: () => void) => {
      tell = onChanged;
      return stop;
    };
    function Shown() {
      const { status } = useSharingStatus(send, watch);
      return <p>{status?.lastError ?? 'none'}</p>;
    }
    await act(async () => render(<Shown />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('read 1'));
    // A job waits: nothing is asked while the background says nothing.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(reads).toBe(1);
    act(() => tell?.());
    expect(reads).toBe(2);
    await vi.waitFor(() => expect(root.textContent).toBe('read 2'));
    render(null, root);
    expect(stop).toHaveBeenCalled();
  });
});
