/** Names of the performance marks the benchmark reads. */
export const MARKS = {
  /** The content script was injected (at document_start), so the page will get `done` too. */
  injected: 'civic-thread:injected',
  /** The content script asks for the panel module (the task after the page's load event). */
  loadPanel: 'civic-thread:load-panel',
  /** The panel module's code starts. */
  start: 'civic-thread:start',
  /** The panel module has finished: its panel is mounted, or the page gets none. */
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
