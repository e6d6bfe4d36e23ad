import { bool, nonEmptyString, oneOf, z } from '../zod';

// A page's context as the content script reads and checks it: every field's type and kind, with
// none of the checks of its form (addresses, dates, lengths; utils/pages/context.ts adds them).
// The page's world carries only these (its size: `npm run bench`, content_script_gzip_kb); the
// background checks what the page sends against the strict schemas. Built from few zod kinds
// (`oneOf`, `bool`, `nonEmptyString`: utils/zod.ts), so the page carries no enum, boolean or
// minLength class.

export const PageKind = oneOf(['petition', 'consultation', 'debate']);
export type PageKind = z.infer<typeof PageKind>;

export const LinkedPageShape = z.object({
  kind: PageKind,
  key: z.string(),
  url: z.string(),
  label: z.string(),
});
export const ExternalLinkShape = z.object({ label: z.string(), url: z.string() });

/** Fields every page kind shares. `unread` names what the page did not let us read. */
const common = {
  url: z.string(),
  key: z.string(),
  title: z.nullable(z.string()),
  links: z.array(LinkedPageShape),
  unread: z.array(z.string()),
};

export const PetitionState = oneOf(['open', 'closed', 'rejected']);
export const PetitionResponseShape = z.object({
  respondedOn: z.nullable(z.string()),
  summary: z.nullable(z.string()),
});
export const PetitionDebateShape = z.object({
  status: oneOf(['debated', 'scheduled', 'not-debated']),
  date: z.nullable(z.string()),
  links: z.array(ExternalLinkShape),
});

export const PetitionShape = z.object({
  kind: z.literal('petition'),
  ...common,
  petitionNumber: z.number(),
  archived: bool(),
  /** "2019-2024", from the archived note. */
  parliament: z.nullable(z.string()),
  state: z.nullable(PetitionState),
  signatureCount: z.nullable(z.number()),
  /** An open petition's "Closes on" date: the page moves it to the dissolution date. */
  closesOn: z.nullable(z.string()),
  response: z.nullable(PetitionResponseShape),
  debate: z.nullable(PetitionDebateShape),
});

/**
 * `upcoming`, `open`, `closed` and `outcome` follow the document type; GOV.UK withdraws a
 * consultation in any of them (its document type stays, a withdrawn notice is added), and
 * a withdrawn one is neither open nor awaiting anything, so it is a state of its own.
 */
export const ConsultationState = oneOf(['upcoming', 'open', 'closed', 'outcome', 'withdrawn']);
export type ConsultationState = z.infer<typeof ConsultationState>;
export const OrganisationShape = z.object({ name: z.string(), url: z.nullable(z.string()) });

export const ConsultationShape = z.object({
  kind: z.literal('consultation'),
  ...common,
  contentId: z.nullable(z.string()),
  locale: oneOf(['en', 'cy']),
  state: z.nullable(ConsultationState),
  opensOn: z.nullable(z.string()),
  closesOn: z.nullable(z.string()),
  withdrawnOn: z.nullable(z.string()),
  organisations: z.array(OrganisationShape),
});

export const DebateShape = z.object({
  kind: z.literal('debate'),
  ...common,
  debateId: z.string(),
  house: oneOf(['Commons', 'Lords']),
  /** Empty where the address's date is no real day: such a page is not read. */
  sittingDate: nonEmptyString(),
  location: z.nullable(z.string()),
  /** E-petition numbers the debate text mentions, in order of first mention. */
  petitionNumbers: z.array(z.number()),
});
