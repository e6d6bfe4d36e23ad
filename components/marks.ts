/** Names of the performance marks the benchmark reads. */
export const MARKS = {
  /** The content script's work starts: the background injected it once the page had loaded. */
  start: 'civic-thread:start',
  /** The content script has finished: its panel is mounted, or the page gets none. */
  done: 'civic-thread:done',
  /** The card shows its headline with both its answers, from cache or network. */
  cardShown: 'civic-thread:card-shown',
  /** The live section first shows data, from cache or network. */
  liveShown: 'civic-thread:live-shown',
  /** The user asked for the view's response workspace ("Respond to this consultation"). */
  responseOpened: 'civic-thread:response-opened',
  /** The view's response workspace shows the consultation's draft. */
  responseShown: 'civic-thread:response-shown',
} as const;
