import { describe, expect, it } from 'vitest';
import {
  ConsultationShape,
  DebateShape,
  PageKind,
  PetitionShape,
} from '../../utils/pages/context-shape';
import { extractPage } from '../../utils/pages/registry';
import { ALL_READERS, loadFixtureDocument } from '../load-fixture';

// The shapes the page's world checks its reading with are built from few zod kinds (oneOf, bool,
// nonEmptyString: content_script_gzip_kb); they must refuse all that z.enum, z.boolean and
// z.minLength(1) refused.
const read = (url: string) => {
  const result = extractPage(new URL(url), loadFixtureDocument(url), ALL_READERS);
  if (!result?.ok) throw new Error(`${url} is not read`);
  return result.context;
};

describe('the page’s context shapes', () => {
  it('refuse a kind, state, locale or house outside their lists, and a non-boolean `archived`', () => {
    const petition = read('https://petition.parliament.uk/archived/petitions/591092');
    expect(PetitionShape.safeParse(petition).success).toBe(true);
    for (const bad of [
      { state: 'pending' },
      { archived: 'true' },
      { archived: 1 },
      { debate: { status: 'maybe', date: null, links: [] } },
      { links: [{ kind: 'bill', key: 'k', url: 'u', label: 'l' }] },
    ])
      expect(PetitionShape.safeParse({ ...petition, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
    const consultation = read(
      'https://www.gov.uk/government/consultations/alternative-provision-funding-review',
    );
    expect(ConsultationShape.safeParse(consultation).success).toBe(true);
    expect(ConsultationShape.safeParse({ ...consultation, locale: 'fr' }).success).toBe(false);
    expect(ConsultationShape.safeParse({ ...consultation, state: 'archived' }).success).toBe(false);
    expect(PageKind.options).toEqual(['petition', 'consultation', 'debate']);
  });

  it('refuse a debate without its sitting date', () => {
    const debate = read(
      'https://hansard.parliament.uk/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions',
    );
    expect(DebateShape.safeParse(debate).success).toBe(true);
    expect(DebateShape.safeParse({ ...debate, house: 'Senate' }).success).toBe(false);
    expect(DebateShape.safeParse({ ...debate, sittingDate: '' }).success).toBe(false);
  });
});
