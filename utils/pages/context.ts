import { z } from '../zod';

export const PageKind = z.enum(['petition', 'consultation', 'debate']);
export type PageKind = z.infer<typeof PageKind>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HttpsUrl = z.url({ protocol: /^https$/ });

/** A link on the page that points at another supported page. */
export const LinkedPage = z.object({
  kind: PageKind,
  key: z.string().min(1),
  url: HttpsUrl,
  label: z.string(),
});
export type LinkedPage = z.infer<typeof LinkedPage>;

export const ExternalLink = z.object({ label: z.string(), url: HttpsUrl });

/** Fields every page kind shares. `unread` names what the page did not let us read. */
const common = {
  url: HttpsUrl,
  key: z.string().min(1),
  title: z.string().min(1).nullable(),
  links: z.array(LinkedPage),
  unread: z.array(z.string()),
};

export const PetitionState = z.enum(['open', 'closed', 'rejected']);

export const PetitionContext = z.object({
  kind: z.literal('petition'),
  ...common,
  petitionNumber: z.number().int().positive(),
  archived: z.boolean(),
  /** "2019-2024", from the archived note. */
  parliament: z.string().nullable(),
  state: PetitionState.nullable(),
  signatureCount: z.number().int().nonnegative().nullable(),
  response: z
    .object({ respondedOn: IsoDate.nullable(), summary: z.string().nullable() })
    .nullable(),
  debate: z
    .object({
      status: z.enum(['debated', 'scheduled', 'not-debated']),
      date: IsoDate.nullable(),
      links: z.array(ExternalLink),
    })
    .nullable(),
});

export const ConsultationState = z.enum(['upcoming', 'open', 'closed', 'outcome']);

export const ConsultationContext = z.object({
  kind: z.literal('consultation'),
  ...common,
  contentId: z.string().nullable(),
  locale: z.enum(['en', 'cy']),
  state: ConsultationState.nullable(),
  opensOn: IsoDate.nullable(),
  closesOn: IsoDate.nullable(),
  organisations: z.array(z.object({ name: z.string(), url: HttpsUrl.nullable() })),
});

export const DebateContext = z.object({
  kind: z.literal('debate'),
  ...common,
  debateId: z.string().min(1),
  house: z.enum(['Commons', 'Lords']),
  sittingDate: IsoDate,
  location: z.string().nullable(),
  /** E-petition numbers the debate text mentions, in order of first mention. */
  petitionNumbers: z.array(z.number().int().positive()),
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
