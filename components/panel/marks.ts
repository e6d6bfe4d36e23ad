/** Names of the performance marks the benchmark reads. */
export const MARKS = {
  start: 'civic-thread:start',
  /** The live section first shows data, from cache or network. */
  liveShown: 'civic-thread:live-shown',
} as const;
