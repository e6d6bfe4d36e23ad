import type { DetectedPage } from '../pages/registry';
import { consultationRecord } from './govuk-content-api';
import { debateRecord } from './hansard-api';
import { petitionRecord } from './petitions-api';

/**
 * The API record of a supported page known only by its URL (a link's target,
 * a followed page): which request fetches it, tagged by kind.
 */
export function pageRecord(url: URL, page: DetectedPage) {
  const id = page.key.slice(page.key.indexOf(':') + 1);
  switch (page.kind) {
    case 'petition':
      return {
        kind: page.kind,
        request: petitionRecord(Number(id), url.pathname.startsWith('/archived/')),
      } as const;
    case 'consultation':
      return { kind: page.kind, request: consultationRecord(url.pathname) } as const;
    case 'debate':
      return { kind: page.kind, request: debateRecord(id) } as const;
  }
}
