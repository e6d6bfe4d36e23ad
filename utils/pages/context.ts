import { z } from '../zod';

export const PageKind = z.enum(['petition', 'consultation', 'debate']);
export type PageKind = z.infer<typeof PageKind>;

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const HttpsUrl = z.url({ protocol: /^https$/ });
/** An https page on one of the three sites: the only pages a stored note may point at. */
export const SupportedPageUrl = z.url({
  protocol: /^https$/,
  hostname: /^(petition\.parliament\.uk|www\.gov\.uk|hansard\.parliament\.uk)$/,
});

/** A link on the page that points at another supported page. */
export const LinkedPage = z.object({
  kind: PageKind,
  key: z.string().check(z.minLength(1)),
  url: HttpsUrl,
  label: z.string(),
});
export type LinkedPage = z.infer<typeof LinkedPage>;

export const ExternalLink = z.object({ label: z.string(), url: HttpsUrl });

/** Fields every page kind shares. `unread` names what the page did not let us read. */
const common = {
  url: HttpsUrl,
  key: z.string().check(z.minLength(1)),
  title: z.nullable(z.string().check(z.minLength(1))),
  links: z.array(LinkedPage),
  unread: z.array(z.string()),
};

export const PetitionState = z.enum(['open', 'closed', 'rejected']);

export const PetitionContext = z.object({
  kind: z.literal('petition'),
  ...common,
  petitionNumber: z.number().check(z.int(), z.positive()),
  archived: z.boolean(),
  /** "2019-2024", from the archived note. */
  parliament: z.nullable(z.string()),
  state: z.nullable(PetitionState),
  signatureCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** An open petition's "Closes on" date: the page moves it to the dissolution date (absent in older records). */
  closesOn: z._default(z.nullable(IsoDate), null),
  response: z.nullable(
    z.object({ respondedOn: z.nullable(IsoDate), summary: z.nullable(z.string()) }),
  ),
  debate: z.nullable(
    z.object({
      status: z.enum(['debated', 'scheduled', 'not-debated']),
      date: z.nullable(IsoDate),
      links: z.array(ExternalLink),
    }),
  ),
});

/**
 * `upcoming`, `open`, `closed` and `outcome` follow the document type; GOV.UK withdraws a
 * consultation in any of them (its document type stays, a withdrawn notice is added), and
 * a withdrawn one is neither open nor awaiting anything, so it is a state of its own.
 */
export const ConsultationState = z.enum(['upcoming', 'open', 'closed', 'outcome', 'withdrawn']);

export const ConsultationContext = z.object({
  kind: z.literal('consultation'),
  ...common,
  contentId: z.nullable(z.string()),
  locale: z.enum(['en', 'cy']),
  state: z.nullable(ConsultationState),
  opensOn: z.nullable(IsoDate),
  closesOn: z.nullable(IsoDate),
  // Pages stored before withdrawals were read have no such field.
  withdrawnOn: z._default(z.nullable(IsoDate), null),
  organisations: z.array(z.object({ name: z.string(), url: z.nullable(HttpsUrl) })),
});

export const DebateContext = z.object({
  kind: z.literal('debate'),
  ...common,
  debateId: z.string().check(z.minLength(1)),
  house: z.enum(['Commons', 'Lords']),
  sittingDate: IsoDate,
  location: z.nullable(z.string()),
  /** E-petition numbers the debate text mentions, in order of first mention. */
  petitionNumbers: z.array(z.number().check(z.int(), z.positive())),
});

export const PageContext = z.discriminatedUnion('kind', [
  PetitionContext,
  ConsultationContext,
  DebateContext,
]);
export type PageContext = z.infer<typeof PageContext>;
export type PetitionContext = z.infer<typeof PetitionContext>;
export type ConsultationContext = z.infer<typeof ConsultationContext>;
export type DebateContext = z.infer<typeof DebateContext>;
export type ConsultationState = z.infer<typeof ConsultationState>;
