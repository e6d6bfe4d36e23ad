import type { QueueRun } from './queue';

/** The alarm that wakes a worker stopped while the queue waited (timers die with it). */
export const SHARE_ALARM = 'share-queue';

const RETRY_FAILED_RUN_MS = 60_000;

interface DriverDeps {
  run: () => Promise<QueueRun>;
  now: () => number;
  setTimer: (run: () => void, ms: number) => void;
  /** Chromium's alarms fire at most every 30 s: the backstop, not the clock. */
  setAlarm: (when: number) => void;
}

/**
 * Runs the queue one run at a time: a kick during a run asks for one more run after it. A run
 * that has to wait sets a timer for the wait, and an alarm in case the worker stops meanwhile.
 */
export function createQueueDriver(deps: DriverDeps) {
  let running: Promise<QueueRun> | null = null;
  let again = false;
  let last: QueueRun | null = null;
  async function loop(): Promise<QueueRun> {
    let run: QueueRun;
    do {
      again = false;
      // A run that failed (the database, say) is tried again in a minute, not lost.
      run = await deps
        .run()
        .catch((): QueueRun => ({ status: 'waiting', until: deps.now() + RETRY_FAILED_RUN_MS }));
    } while (again);
    last = run;
    if (run.status === 'waiting') {
      deps.setTimer(() => void kick(), Math.max(0, run.until - deps.now()));
      deps.setAlarm(run.until);
    }
    return run;
  }
  function kick(): Promise<QueueRun> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }
  return { kick, last: () => last };
}
