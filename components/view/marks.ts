/** Performance marks the bench reads (`view_from_cache_ms`); they carry no data. */
export const VIEW_MARKS = {
  /** In the page: the content script sent what the tab shows (`tab/context`). */
  reported: 'civic-thread:tab-reported',
  /** In the view: the page's title and its story are drawn. */
  drawn: 'civic-thread:view-drawn',
} as const;
