import type { SourceError } from '../../utils/net/source-error';

/** Says, in words, why live data is missing or old. */
export function describeError(error: SourceError, site: string): string {
  switch (error.kind) {
    case 'offline':
      return `Could not reach ${site}. You may be offline.`;
    case 'timeout':
      return `${site} took too long to answer.`;
    case 'rate-limited':
      return `${site} asked us to slow down. Try again in a minute.`;
    case 'site-error':
      return `${site} had a problem${error.status ? ` (error ${error.status})` : ''}.`;
    case 'redirected':
      return `${site} redirected too often, or to another site.`;
    case 'unexpected-data':
      return `${site} sent data Civic Thread could not understand.`;
  }
}
