// Facts of the fixture site that several unit tests start from or expect.
import type { PetitionContext } from '../../utils/pages/context';
import type { WaysToRespond } from '../../utils/sources/govuk-content-api';

/** The open petition 701234 as its page reads, before any response. */
export const OPEN_PETITION: PetitionContext = {
  kind: 'petition',
  url: 'https://petition.parliament.uk/petitions/701234',
  key: 'petition:701234',
  title: 'Fund SEND provision properly',
  links: [],
  unread: [],
  petitionNumber: 701234,
  archived: false,
  parliament: null,
  state: 'open',
  signatureCount: 8123,
  closesOn: null,
  response: null,
  debate: null,
};

/** A petition's page as its URL alone tells it: nothing read from the page yet. */
export function petitionAt(
  id: number,
  archived = false,
  title: string | null = null,
): PetitionContext {
  return {
    kind: 'petition',
    url: `https://petition.parliament.uk/${archived ? 'archived/' : ''}petitions/${id}`,
    key: `petition:${id}`,
    title,
    links: [],
    unread: [],
    petitionNumber: id,
    archived,
    parliament: null,
    state: null,
    signatureCount: null,
    closesOn: null,
    response: null,
    debate: null,
  };
}

/** The SEN workforce consultation's own ways to respond (its Content API item). */
export const WORKFORCE_WAYS: WaysToRespond = {
  online: 'https://consult.education.gov.uk/sen-workforce/sen-workforce-training-standards',
  email: 'SEN.WORKFORCE@education.gov.uk',
  postalAddress: [
    'SEN workforce consultation team',
    'Department for Education',
    'Sanctuary Buildings',
    'Great Smith Street',
    'London',
    'SW1P 3BT',
  ],
  form: null,
};
