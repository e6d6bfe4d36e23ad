import { detectHref } from '../pages/registry';
import { stripTags } from '../pages/text';
import { Annotation } from '../storage/records';
import { z } from '../zod';

/**
 * Reads one W3C Web Annotation from another tool into one of ours. Checked by hand, field by
 * field, against what the model requires (the rules the W3C test suite asserts), so a refusal
 * names the field, what was expected and what was found, where a schema union could only say
 * "Invalid input"; the result still passes the stored schema, `Annotation`, at the end.
 * What the extension cannot keep is not dropped silently: each loss is one line of `simplified`.
 */

/** A read annotation, and what was lost or changed on the way, in words. */
export interface Read {
  annotation: Annotation;
  simplified: string[];
}

export const MODEL_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Some tools write the context's address with https; it names the same document. */
const CONTEXTS = new Set([MODEL_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

/** An absolute IRI: a scheme, then no white space (the suite's `uri` format, as its validator checks it). */
const IRI = /^[a-z][a-z0-9+.-]*:\S*$/i;
/** xsd:dateTime, the model's date format; the zone is optional there (SHOULD, not MUST). */
const DATE_TIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(Z|[+-]\d\d:\d\d)?$/;
const TEXT_DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);
const SELECTOR_TYPES = new Set([
  'FragmentSelector',
  'CssSelector',
  'XPathSelector',
  'TextQuoteSelector',
  'TextPositionSelector',
  'DataPositionSelector',
  'SvgSelector',
  'RangeSelector',
]);
const GROUPS = new Set(['Choice', 'Composite', 'List', 'Independents']);
/** Annotation properties the extension has no place for. */
const NOT_KEPT = [
  'creator',
  'generator',
  'generated',
  'audience',
  'rights',
  'via',
  'canonical',
  'stylesheet',
] as const;

type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const many = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const typesOf = (value: Json): string[] =>
  many(value.type).filter((t): t is string => typeof t === 'string');

/** What a person sees of a value in a message: short, never a cut surrogate pair. */
export function shown(value: unknown): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') {
    const points = [...value];
    return JSON.stringify(points.length > 60 ? `${points.slice(0, 57).join('')}…` : value);
  }
  if (isObject(value)) return 'an object';
  return `${typeof value} ${String(value)}`;
}

const isIri = (value: unknown) => typeof value === 'string' && IRI.test(value);

/** The model's checks, collecting every problem with its place in the annotation. */
class Checker {
  readonly problems: string[] = [];

  expect(ok: boolean, field: string, expected: string, found: unknown) {
    if (!ok) this.problems.push(`${field}: expected ${expected}, found ${shown(found)}`);
    return ok;
  }

  singleIri(value: unknown, field: string) {
    if (value !== undefined) this.expect(isIri(value), field, 'one web address (IRI)', value);
  }

  iris(value: unknown, field: string) {
    for (const item of many(value)) this.expect(isIri(item), field, 'web addresses (IRIs)', item);
  }

  date(value: unknown, field: string) {
    if (value === undefined) return;
    this.expect(
      typeof value === 'string' && DATE_TIME.test(value),
      field,
      'one date and time such as 2015-01-28T12:00:00Z',
      value,
    );
  }

  agents(value: unknown, field: string) {
    for (const agent of many(value)) {
      if (isObject(agent)) this.singleIri(agent.id, `${field}.id`);
      else this.expect(isIri(agent), field, 'a web address or a description of an agent', agent);
    }
  }

  textDirection(value: Json, field: string) {
    if (value.textDirection === undefined) return;
    this.expect(
      typeof value.textDirection === 'string' && TEXT_DIRECTIONS.has(value.textDirection),
      `${field}.textDirection`,
      'one of "ltr", "rtl" or "auto"',
      value.textDirection,
    );
  }

  selector(value: unknown, field: string) {
    if (!isObject(value)) {
      this.expect(isIri(value), field, 'a selector or its web address', value);
      return;
    }
    const [type] = typesOf(value);
    if (
      !this.expect(
        type !== undefined && SELECTOR_TYPES.has(type),
        `${field}.type`,
        'a selector type of the model',
        value.type,
      )
    ) {
      return;
    }
    const single = (key: string, expected: string, ok: (v: unknown) => boolean) =>
      this.expect(ok(value[key]), `${field}.${key}`, expected, value[key]);
    const position = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
    if (type === 'FragmentSelector' || type === 'CssSelector' || type === 'XPathSelector') {
      single('value', 'one text value', (v) => typeof v === 'string');
    } else if (type === 'TextQuoteSelector') {
      single('exact', 'the quoted text', (v) => typeof v === 'string');
    } else if (type === 'TextPositionSelector' || type === 'DataPositionSelector') {
      single('start', 'a whole number from 0', position);
      single('end', 'a whole number from 0', position);
    } else if (type === 'SvgSelector') {
      this.expect(
        typeof value.value === 'string' || isIri(value.id),
        field,
        'an SVG value or its web address (id)',
        value,
      );
    } else if (type === 'RangeSelector') {
      if (single('startSelector', 'a selector', isObject))
        this.selector(value.startSelector, `${field}.startSelector`);
      if (single('endSelector', 'a selector', isObject))
        this.selector(value.endSelector, `${field}.endSelector`);
    }
    if (value.refinedBy !== undefined) {
      for (const refined of many(value.refinedBy)) this.selector(refined, `${field}.refinedBy`);
    }
  }

  /** A body or a target: an IRI, an embedded text (bodies only), a group, or a resource. */
  resource(value: unknown, field: string, isBody: boolean) {
    if (!isObject(value)) {
      this.expect(
        isIri(value),
        field,
        isBody
          ? 'a web address (a plain string body is one) or an object'
          : 'a web address or an object',
        value,
      );
      return;
    }
    const types = typesOf(value);
    this.textDirection(value, field);
    for (const key of ['created', 'modified'] as const) this.date(value[key], `${field}.${key}`);
    this.iris(value.rights, `${field}.rights`);
    this.iris(value.via, `${field}.via`);
    this.singleIri(value.canonical, `${field}.canonical`);
    if (
      types.includes('TextualBody') ||
      (isBody && value.value !== undefined && value.source === undefined)
    ) {
      if (!isBody)
        this.problems.push(
          `${field}.type: expected a resource, found a TextualBody (text belongs in a body)`,
        );
      this.expect(
        typeof value.value === 'string',
        `${field}.value`,
        'the text of the body',
        value.value,
      );
      this.singleIri(value.id, `${field}.id`);
    } else if (types.some((t) => GROUPS.has(t))) {
      const items = many(value.items);
      this.expect(items.length > 0, `${field}.items`, 'the resources of the group', value.items);
      items.forEach((item, i) => {
        this.resource(item, `${field}.items[${i}]`, isBody);
      });
    } else if (value.source !== undefined || types.includes('SpecificResource')) {
      if (
        this.expect(
          isIri(value.source) || isObject(value.source),
          `${field}.source`,
          'the web address of the resource it is part of',
          value.source,
        )
      ) {
        if (isObject(value.source)) this.singleIri(value.source.id, `${field}.source.id`);
      }
      for (const selector of many(value.selector)) this.selector(selector, `${field}.selector`);
    } else {
      this.expect(isIri(value.id), `${field}.id`, 'the web address of the resource', value.id);
    }
  }
}

/** Whether a value is or holds the model's context. */
export const hasModelContext = (value: unknown) =>
  many(value).some((entry) => typeof entry === 'string' && CONTEXTS.has(entry));

/** The model's own checks on one annotation: every problem, in words. */
export function checkAnnotation(item: Json, contextInScope: boolean): string[] {
  const check = new Checker();
  if (!contextInScope) {
    check.expect(
      hasModelContext(item['@context']),
      '@context',
      `"${MODEL_CONTEXT}"`,
      item['@context'],
    );
  }
  check.singleIri(item.id, 'id');
  check.expect(typesOf(item).includes('Annotation'), 'type', '"Annotation"', item.type);
  for (const key of ['created', 'modified', 'generated'] as const) check.date(item[key], key);
  check.agents(item.creator, 'creator');
  check.agents(item.generator, 'generator');
  check.iris(item.rights, 'rights');
  check.iris(item.via, 'via');
  check.singleIri(item.canonical, 'canonical');
  if (item.body !== undefined && item.bodyValue !== undefined) {
    check.problems.push('body, bodyValue: expected one of them, found both');
  }
  if (item.bodyValue !== undefined) {
    check.expect(typeof item.bodyValue === 'string', 'bodyValue', 'one text value', item.bodyValue);
  }
  many(item.body).forEach((body, i) => {
    check.resource(body, Array.isArray(item.body) ? `body[${i}]` : 'body', true);
  });
  if (
    check.expect(item.target !== undefined, 'target', 'the page the annotation is about', undefined)
  ) {
    many(item.target).forEach((target, i) => {
      check.resource(target, Array.isArray(item.target) ? `target[${i}]` : 'target', false);
    });
  }
  return check.problems;
}

/** Every resource a target names, groups opened: the page each is on, and the resource. */
function targetsOf(value: unknown): { href: string; resource: unknown }[] {
  return many(value).flatMap((target) => {
    if (typeof target === 'string') return [{ href: target, resource: target }];
    if (!isObject(target)) return [];
    if (typesOf(target).some((t) => GROUPS.has(t))) return targetsOf(target.items);
    const source = isObject(target.source) ? target.source.id : target.source;
    const href = typeof source === 'string' ? source : target.id;
    return typeof href === 'string' ? [{ href, resource: target }] : [];
  });
}

/** Another tool's quote and position selectors, as the model (and Hypothesis) write them. */
export const TextQuote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1)),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
});
export const TextPosition = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});

/** The quote and position among a target's selectors, refinements followed, and what else was there. */
function passageOf(resource: unknown, simplified: string[]) {
  let quote: z.infer<typeof TextQuote> | undefined;
  let position: z.infer<typeof TextPosition> | undefined;
  /** Whether the selector, or a refinement of it, is a quote or position. */
  const visit = (selector: unknown, outer: string | null): boolean => {
    const type = isObject(selector) ? typesOf(selector)[0] : undefined;
    const asQuote = TextQuote.safeParse(selector);
    const asPosition = TextPosition.safeParse(selector);
    if (asQuote.success) quote ??= asQuote.data;
    if (asPosition.success) position ??= asPosition.data;
    const used = asQuote.success || asPosition.success;
    if (used && outer)
      simplified.push(`selector: the ${type} inside a ${outer} was kept, the ${outer} left out`);
    const refinedUsed = isObject(selector)
      ? many(selector.refinedBy)
          .map((refined) => visit(refined, type ?? null))
          .some(Boolean)
      : false;
    if (!used && !refinedUsed) {
      simplified.push(
        `selector: ${type ?? 'a selector given by its web address'} cannot be used here, so it was left out`,
      );
    }
    return used || refinedUsed;
  };
  if (isObject(resource)) {
    for (const selector of many(resource.selector)) visit(selector, null);
    const extras = ['state', 'styleClass', 'scope', 'renderedVia'].filter(
      (key) => resource[key] !== undefined,
    );
    if (extras.length) simplified.push(`target: not kept: ${extras.join(', ')}`);
  }
  return { quote, position };
}

/** A date the model allows, as a time; the import time when JavaScript cannot read it, said so. */
function timeOf(value: unknown, field: string, now: number, simplified: string[]): number | null {
  if (typeof value !== 'string') return null;
  const zoned = /(Z|[+-]\d\d:\d\d)$/.test(value);
  const parsed = Date.parse(zoned ? value : `${value}Z`);
  if (Number.isNaN(parsed)) {
    simplified.push(
      `${field}: ${shown(value)} is not a date that can be read, so the import time is used`,
    );
    return now;
  }
  if (!zoned) simplified.push(`${field}: ${shown(value)} has no time zone, so it was read as UTC`);
  return parsed;
}

/** The note and tags the bodies carry; each body that cannot be kept is said in `simplified`. */
function bodyParts(item: Json, simplified: string[]) {
  const notes: string[] = [];
  const tags: string[] = [];
  const motivations = many(item.motivation).filter((m): m is string => typeof m === 'string');
  // A body without a purpose has the annotation's motivation (model 3.3.5).
  const defaultPurpose = motivations.length === 1 ? motivations : [];
  const visit = (body: unknown) => {
    if (typeof body === 'string') {
      simplified.push(`body: the linked resource ${shown(body)} is not text, so it was left out`);
      return;
    }
    if (!isObject(body)) return;
    const types = typesOf(body);
    if (types.includes('Choice')) {
      const items = many(body.items);
      if (items.length > 1)
        simplified.push(`body: a Choice of ${items.length}; only the first was kept`);
      visit(items[0]);
      return;
    }
    if (types.some((t) => GROUPS.has(t))) return void many(body.items).forEach(visit);
    if (typeof body.value !== 'string' || body.source !== undefined) {
      const link = body.id ?? (isObject(body.source) ? body.source.id : body.source);
      simplified.push(
        `body: the ${types[0] ?? 'web resource'} ${shown(link)} is not text, so it was left out`,
      );
      return;
    }
    const purposes = body.purpose === undefined ? defaultPurpose : many(body.purpose);
    if (purposes.includes('tagging')) tags.push(body.value.trim());
    else {
      const html = body.format === 'text/html';
      if (html) simplified.push('body: an HTML body was kept as its text, without its markup');
      notes.push(html ? stripTags(body.value).replace(/\s+/g, ' ').trim() : body.value);
    }
  };
  many(item.body).forEach(visit);
  if (typeof item.bodyValue === 'string') {
    simplified.push('bodyValue: read as the text of the note');
    notes.push(item.bodyValue);
  }
  return {
    note: notes.filter(Boolean).join('\n\n'),
    tags: [...new Set(tags.filter(Boolean))],
    motivations,
  };
}

/** The first `count` code points of a text, so a cut never leaves half a surrogate pair. */
const codePointSlice = (text: string, count: number) => [...text].slice(0, count).join('');

/** A short hash of a record's text (cyrb53), so a record without an id gets the same one each time. */
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A stable id from the foreign one (or the record itself), so importing a file twice adds nothing. */
export const importedId = (prefix: string, id: unknown, item: unknown) =>
  `imported:${prefix}${typeof id === 'string' ? id : `content:${hashOf(JSON.stringify(item))}`}`;

/** Another tool's W3C annotation, as one of ours; a string is every reason it cannot be. */
export function readW3c(item: unknown, contextInScope: boolean, now: number): Read | string {
  if (!isObject(item)) return `record: expected an annotation (an object), found ${shown(item)}`;
  const problems = checkAnnotation(item, contextInScope);
  if (problems.length) return problems.join('; ');
  const simplified: string[] = [];
  const targets = targetsOf(item.target);
  const supported = targets.flatMap(({ href, resource }) => {
    const found = detectHref(href);
    return found ? [{ ...found, resource }] : [];
  });
  const [chosen] = supported;
  if (!chosen) {
    const found = targets.map((t) => shown(t.href)).join(', ') || 'none';
    return `target: expected a petition, consultation or Hansard debate page, found ${found}`;
  }
  if (targets.length > 1) {
    simplified.push(
      `target: the annotation is about ${targets.length} resources; only ${chosen.url.href} was kept`,
    );
  }
  const { quote, position } = passageOf(chosen.resource, simplified);
  const { note, tags, motivations } = bodyParts(item, simplified);
  const kept = NOT_KEPT.filter((key) => item[key] !== undefined);
  if (kept.length) simplified.push(`not kept: ${kept.join(', ')}`);
  if (!quote && position) {
    simplified.push(
      'selector: a position without its quoted text cannot be found again; kept as a note on the page',
    );
  }
  let kind: Annotation['kind'] = quote ? 'highlight' : 'page-note';
  if (motivations.includes('bookmarking')) {
    if (quote) kind = 'bookmark';
    else simplified.push('motivation: a bookmark of a whole page is kept as a note on the page');
  }
  const createdAt = timeOf(item.created, 'created', now, simplified) ?? now;
  const candidate = {
    id: importedId('', item.id, item),
    kind,
    pageKey: chosen.page.key,
    pageUrl: chosen.url.href,
    pageTitle: null,
    pageKind: chosen.page.kind,
    target: quote ? targetFrom(quote, position) : null,
    ...(kind === 'bookmark'
      ? { bookmark: { label: codePointSlice(note, 80) || 'Imported bookmark', date: null } }
      : {}),
    note,
    tags,
    colour: 'yellow',
    createdAt,
    updatedAt: timeOf(item.modified, 'modified', now, simplified) ?? createdAt,
  };
  return finish(candidate, simplified);
}

/** Our stored selectors from another tool's quote and (maybe) position. */
export function targetFrom(
  quote: { exact: string; prefix?: string | undefined; suffix?: string | undefined },
  position: { start: number; end: number } | undefined,
): Annotation['target'] {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
    },
    // Without a position, 0–0 never matches the quote, so anchoring searches for it.
    position: {
      type: 'TextPositionSelector',
      start: position?.start ?? 0,
      end: position?.end ?? 0,
    },
  };
}

/** The stored schema has the last word; its message names the field. */
export function finish(candidate: unknown, simplified: string[]): Read | string {
  const valid = Annotation.safeParse(candidate);
  if (valid.success) return { annotation: valid.data, simplified };
  return valid.error.issues
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}
