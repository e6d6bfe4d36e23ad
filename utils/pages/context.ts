import { z } from '../zod';
import {
  ConsultationShape,
  DebateShape,
  ExternalLinkShape,
  LinkedPageShape,
  OrganisationShape,
  PetitionDebateShape,
  PetitionResponseShape,
  PetitionShape,
} from './context-shape';

// The strict schemas of a page's context: what the background checks and stores. Each adds the
// checks of form to the shape the content script reads (context-shape.ts).

export { ConsultationState, PageKind, PetitionState } from './context-shape';

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const HttpsUrl = z.url({ protocol: /^https$/ });
/** An https page on one of the three sites: the only pages a stored note may point at. */
export const SupportedPageUrl = z.url({
  protocol: /^https$/,
  hostname: /^(petition\.parliament\.uk|www\.gov\.uk|hansard\.parliament\.uk)$/,
});
const Key = z.string().check(z.minLength(1));
const Count = z.number().check(z.int(), z.positive());

/** A link on the page that points at another supported page. */
export const LinkedPage = z.extend(LinkedPageShape, { key: Key, url: HttpsUrl });
export type LinkedPage = z.infer<typeof LinkedPage>;

export const ExternalLink = z.extend(ExternalLinkShape, { url: HttpsUrl });

const common = {
  url: HttpsUrl,
  key: Key,
  title: z.nullable(z.string().check(z.minLength(1))),
  links: z.array(LinkedPage),
};

export const PetitionContext = z.extend(PetitionShape, {
  ...common,
  petitionNumber: Count,
  signatureCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  // Absent in records stored before it was read.
  closesOn: z._default(z.nullable(IsoDate), null),
  response: z.nullable(z.extend(PetitionResponseShape, { respondedOn: z.nullable(IsoDate) })),
  debate: z.nullable(
    z.extend(PetitionDebateShape, { date: z.nullable(IsoDate), links: z.array(ExternalLink) }),
  ),
});

export const ConsultationContext = z.extend(ConsultationShape, {
  ...common,
  opensOn: z.nullable(IsoDate),
  closesOn: z.nullable(IsoDate),
  // Pages stored before withdrawals were read have no such field.
  withdrawnOn: z._default(z.nullable(IsoDate), null),
  organisations: z.array(z.extend(OrganisationShape, { url: z.nullable(HttpsUrl) })),
});

export const DebateContext = z.extend(DebateShape, {
  ...common,
  debateId: Key,
  sittingDate: IsoDate,
  petitionNumbers: z.array(Count),
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
