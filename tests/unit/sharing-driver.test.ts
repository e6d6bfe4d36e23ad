import { describe, expect, it } from 'vitest';
import { createQueueDriver } from '../../utils/sharing/driver';
import type { QueueRun } from '../../utils/sharing/queue';

describe('the queue driver', () => {
  it('runs once at a time, runs again when kicked meanwhile, and wakes itself after a wait', async () => {
    const runs: ((run: QueueRun) => void)[] = [];
    const timers: number[] = [];
    const alarms: number[] = [];
    const driver = createQueueDriver({
      run: () => new Promise((resolve) => runs.push(resolve)),
      now: () => 1_000,
      setTimer: (_fn, ms) => timers.push(ms),
      setAlarm: (when) => alarms.push(when),
    });
    const first = driver.kick();
    const second = driver.kick();
    expect(runs).toHaveLength(1);
    runs[0]?.({ status: 'idle' });
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]?.({ status: 'waiting', until: 61_000 });
    expect(await first).toEqual({ status: 'waiting', until: 61_000 });
    expect(await second).toBe(await first);
    expect(timers).toEqual([60_000]);
    expect(alarms).toEqual([61_000]);
    expect(driver.last()).toEqual({ status: 'waiting', until: 61_000 });
  });

  it('tries a run that failed again a minute later', async () => {
    const alarms: number[] = [];
    const driver = createQueueDriver({
      run: () => Promise.reject(new Error('UnknownError')),
      now: () => 1_000,
      setTimer: () => {},
      setAlarm: (when) => alarms.push(when),
    });
    expect(await driver.kick()).toEqual({ status: 'waiting', until: 61_000 });
    expect(alarms).toEqual([61_000]);
  });
});
