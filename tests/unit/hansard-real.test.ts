// Contract tests on the real Hansard material in ../shared/real/hansard (see its README): every
// captured page and API answer goes through the code users hit, and the facts checked come from
// each file itself, so a file dropped in is tested without a change here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveAnswer } from '../../utils/live/live-fetcher';
import type { DebateContext } from '../../utils/pages/context';
import { debateReader } from '../../utils/pages/debate';
import { extractPage, findResponses } from '../../utils/pages/registry';
import { debateCandidates } from '../../utils/related/candidates';
import { relatedFor } from '../../utils/related/related-view';
import { debateText, HansardDebateDocument, toLiveDebate } from '../../utils/sources/hansard-api';
import type { LiveRequest } from '../../utils/sources/request';
import {
  contributionSearchUrl,
  debateSearchUrl,
  HansardContributionResults,
  HansardDebateResults,
} from '../../utils/sources/search-apis';
import { API_ROOT } from '../fixture-site/api';
import { searchHansardContributions, searchHansardDebates } from '../fixture-site/search';

const REAL = resolve(process.cwd(), '../shared/real/hansard');

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

const decode = (html: string) =>
  new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.textContent ?? '';
const squash = (text: string) =>
  decode(text.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** One contribution as the raw HTML has it, read with regular expressions, not the extension's code. */
interface RawContribution {
  id: string;
  primary: string;
  secondary: string;
  memberId: string | null;
}

function rawContributions(html: string): RawContribution[] {
  return html
    .split('<div class="contribution"')
    .slice(1)
    .map((chunk) => {
      const header = chunk.slice(0, chunk.indexOf('<div class="content">'));
      return {
        id: /\bid="(contribution-[^"]+)"/.exec(header)?.[1] ?? '',
        primary: squash(/<div class="primary-text">([\s\S]*?)<\/div>/.exec(header)?.[1] ?? ''),
        secondary: squash(/<div class="secondary-text">([\s\S]*?)<\/div>/.exec(header)?.[1] ?? ''),
        memberId: /memberId=(\d+)/.exec(header)?.[1] ?? null,
      };
    });
}

/**
 * The ministers' contributions, each with the office and holder a reader sees, by the markup's
 * rule: a first contribution is the office, then "(Name)"; later ones carry the member link's id
 * (or, unlinked, the same title and surname) under the name alone, or the office alone.
 */
function ministersIn(
  contributions: RawContribution[],
): Map<string, { office: string; name: string }> {
  const speaker = (c: RawContribution, name: string) => {
    const words = name.toLowerCase().split(' ');
    return c.memberId ?? `${words[0]} ${words.at(-1)}`;
  };
  const byOffice = new Map<string, string>();
  const bySpeaker = new Map<string, string>();
  const found = new Map<string, { office: string; name: string }>();
  for (const c of contributions) {
    const holder = /^\(([^()]+)\)$/.exec(c.secondary)?.[1];
    if (holder && !/Speaker|Chair/i.test(c.primary)) {
      byOffice.set(c.primary, holder);
      bySpeaker.set(speaker(c, holder), c.primary);
      found.set(c.id, { office: c.primary, name: holder });
    } else if (byOffice.has(c.primary)) {
      found.set(c.id, { office: c.primary, name: byOffice.get(c.primary) ?? '' });
    } else if (bySpeaker.has(speaker(c, c.primary))) {
      found.set(c.id, { office: bySpeaker.get(speaker(c, c.primary)) ?? '', name: c.primary });
    }
  }
  return found;
}

const PAGES = filesUnder(join(REAL, 'pages'), '.html');

describe.each(PAGES.map((file) => [relative(REAL, file), file]))('real page %s', (_, file) => {
  const html = readFileSync(file, 'utf8');
  const url = new URL(
    `https://hansard.parliament.uk/${relative(join(REAL, 'pages'), file).replace(/\.html$/, '')}`,
  );
  // Parsed once per file: the captures are ~650 KB each.
  let parsed: { doc: Document; context: DebateContext } | null = null;
  const read = () => {
    if (parsed) return parsed;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const result = extractPage(url, doc, { debate: debateReader });
    if (!result?.ok || result.context.kind !== 'debate') throw new Error(`no debate: ${url}`);
    parsed = { doc, context: result.context };
    return parsed;
  };
  const doc = () => read().doc;
  const context = () => read().context;

  it("reads the debate's title from its hero banner, not the site header's h1", () => {
    const title = decode(
      /<title>([\s\S]*?) - Hansard - UK Parliament<\/title>/.exec(html)?.[1] ?? '',
    );
    expect(title).not.toBe('');
    expect(context().title).toBe(title.trim());
    expect(context().unread).toEqual([]);
  });

  it('reads its location from the breadcrumb link to the day’s section', () => {
    const section = /<li><a title="([^"]+)" href="\/(?:Commons|Lords)\/[\d-]+\/debates\//.exec(
      html,
    );
    expect(context().location).toBe(section?.[1]);
  });

  it('keys the page case-blind, and asks the API with the id as the site writes it', () => {
    const id = url.pathname.split('/')[4] ?? '';
    expect(context().key).toBe(`debate:${id.toUpperCase()}`);
    expect(context().debateId).toBe(id);
  });

  it('leaves the breadcrumb and the previous/next debates out of the page’s links', () => {
    const links = context().links.map((link) => link.url);
    const navigation = [...doc().querySelectorAll('.breadcrumb a, .hero-banner-debate .actions a')]
      .map((anchor) => new URL(anchor.getAttribute('href') ?? '', url).href)
      .filter((href) => href.includes('/debates/'));
    expect(navigation.length).toBeGreaterThan(0);
    expect(links.filter((href) => navigation.includes(href))).toEqual([]);
  });

  it("offers every minister's contribution as a bookmark, with office and name, and no one else's", () => {
    const expected = ministersIn(rawContributions(html));
    expect(expected.size).toBeGreaterThan(0);
    const found = findResponses(context(), doc(), { debate: debateReader });
    expect(found.map((block) => block.element.closest('.contribution')?.id).sort()).toEqual(
      [...expected.keys()].sort(),
    );
    for (const block of found) {
      const { office, name } = expected.get(block.element.closest('.contribution')?.id ?? '') ?? {};
      expect(block.label.startsWith(`${name}, ${office}: “`), block.label).toBe(true);
      expect(block.date).toBe(context().sittingDate);
    }
  });
});

const ANSWERS = filesUnder(join(REAL, 'api'), '.json').filter((file) => !file.includes('swagger'));
const SWAGGER = JSON.parse(readFileSync(join(REAL, 'api/swagger-hansard-v1.json'), 'utf8')) as {
  paths: Record<string, { get: { parameters: { name: string }[] } }>;
  definitions: Record<string, { properties: Record<string, unknown> }>;
};
const keysOf = (definition: string) =>
  Object.keys(SWAGGER.definitions[definition]?.properties ?? {});

/** Where a debate answer's keys differ from the Swagger's `Debate`, recursively ("" when none). */
function offSwagger(debate: Record<string, unknown>, at = 'debate'): string[] {
  const differs = (value: object, definition: string, where: string) =>
    JSON.stringify(Object.keys(value).sort()) === JSON.stringify(keysOf(definition).sort())
      ? []
      : [`${where} (${Object.keys(value).join(', ')})`];
  return [
    ...differs(debate, 'Debate', at),
    ...differs(debate.Overview as object, 'DebateOverview', `${at}.Overview`),
    ...(debate.Navigator as object[]).flatMap((n, i) =>
      differs(n, 'SectionTreeItem', `${at}.Navigator[${i}]`),
    ),
    ...(debate.Items as object[]).flatMap((n, i) => differs(n, 'DebateItem', `${at}.Items[${i}]`)),
    ...(debate.ChildDebates as Record<string, unknown>[]).flatMap((child, i) =>
      offSwagger(child, `${at}.ChildDebates[${i}]`),
    ),
  ];
}

/** Every contribution's text in a raw debate answer, children included. */
function rawTexts(section: {
  Items?: { ItemType?: string; Value?: string | null }[];
  ChildDebates?: unknown[];
}): string[] {
  return [
    ...(section.Items ?? [])
      .filter(
        (item) => item.ItemType === 'Contribution' && /[a-z]{3}/i.test(squash(item.Value ?? '')),
      )
      .map((item) => squash(item.Value ?? '')),
    ...((section.ChildDebates ?? []) as (typeof section)[]).flatMap(rawTexts),
  ];
}

describe.each(
  ANSWERS.map((file) => [relative(REAL, file), file]),
)('real API answer %s', (_, file) => {
  const body = JSON.parse(readFileSync(file, 'utf8'));

  if ('Overview' in body) {
    it('passes the debate schema, and the live view shows its title, location and date', () => {
      const debate = HansardDebateDocument.parse(body);
      expect(toLiveDebate(debate)).toEqual({
        title: body.Overview.Title.trim(),
        location: body.Overview.Location,
        house: body.Overview.House,
        date: body.Overview.Date.slice(0, 10),
      });
    });

    it('reads the words of every contribution, in its child sections too', () => {
      const text = debateText(HansardDebateDocument.parse(body)).replace(/\s+/g, ' ');
      const texts = rawTexts(body);
      expect(texts.length).toBeGreaterThan(0);
      for (const expected of texts) expect(text).toContain(expected.slice(0, 60));
    });

    it('gives the debate key terms and searches, parent sections included', async () => {
      const asked: string[] = [];
      const get = async <T>(request: LiveRequest<T>): Promise<LiveAnswer<T>> => {
        asked.push(request.url);
        const data = request.url.includes('/debates/debate/') ? request.schema.parse(body) : null;
        return {
          data,
          fetchedAt: 0,
          stale: false,
          error: data ? null : { kind: 'offline' },
        } as LiveAnswer<T>;
      };
      const context: DebateContext = {
        kind: 'debate',
        url: `https://hansard.parliament.uk/${body.Overview.House}/${body.Overview.Date.slice(0, 10)}/debates/${body.Overview.ExtId}/Debate`,
        key: `debate:${body.Overview.ExtId.toUpperCase()}`,
        title: null,
        links: [],
        unread: [],
        debateId: body.Overview.ExtId,
        house: body.Overview.House,
        sittingDate: body.Overview.Date.slice(0, 10),
        location: body.Overview.Location,
        petitionNumbers: [],
      };
      const view = await relatedFor(context, get);
      expect(asked.some((url) => url.includes('/search/debates.json'))).toBe(true);
      expect(view.failed.length).toBeGreaterThan(0);
    });
  }

  if ('Results' in body) {
    it('passes the search schema; results with a debate id become debates, the rest are dropped', () => {
      const results = HansardDebateResults.parse(body);
      const candidates = debateCandidates(results, []);
      const guids = body.Results.filter((r: { DebateSectionExtId: string }) =>
        /^[0-9a-f-]{36}$/i.test(r.DebateSectionExtId),
      );
      expect(candidates.map((c) => c.key)).toEqual(
        guids.map(
          (r: { DebateSectionExtId: string }) => `debate:${r.DebateSectionExtId.toUpperCase()}`,
        ),
      );
      expect(candidates.map((c) => c.location)).toEqual(
        guids.map((r: { DebateSection: string }) => r.DebateSection),
      );
    });
  }
});

const FIXTURE_DEBATES = filesUnder(
  resolve(process.cwd(), 'tests/fixtures/api/hansard-api.parliament.uk/debates/debate'),
  '.json',
);

describe('the Hansard Swagger', () => {
  it.each([
    ...ANSWERS.filter((file) => file.includes('debate_')),
    ...FIXTURE_DEBATES,
  ])('%s has exactly the keys of the Swagger’s Debate, at every level', (file) => {
    expect(offSwagger(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('has the endpoints and query parameters the extension asks for', () => {
    expect(SWAGGER.paths['/debates/debate/{debateSectionExtId}.{format}']).toBeDefined();
    const search = SWAGGER.paths['/search/debates.{format}']?.get.parameters.map((p) => p.name);
    const asked = [...new URL(debateSearchUrl('SEND', 10)).searchParams.keys()];
    expect(asked.filter((name) => !search?.includes(name))).toEqual([]);
  });

  it('the fixture site searches as the Swagger says: debates by title, contributions by their words', () => {
    const paths = SWAGGER.paths as unknown as Record<string, { get: { summary: string } }>;
    expect(paths['/search/debates.{format}']?.get.summary).toMatch(/title \(from search term\)/);
    // "e-petition 591092" is said in a debate on SEND provision; no debate title holds it.
    const byTitle = searchHansardDebates(API_ROOT, new URL(debateSearchUrl('591092', 10)));
    expect(HansardDebateResults.parse(byTitle.body).Results).toEqual([]);
    const bySpeech = searchHansardContributions(
      API_ROOT,
      new URL(contributionSearchUrl('591092', 10)),
    );
    const found = HansardContributionResults.parse(bySpeech.body).Results;
    expect(found.map((result) => result.DebateSection)).toContain(
      'Special Educational Needs and Disabilities: Provision and Funding',
    );
    const body = bySpeech.body as { Results: object[] };
    expect(Object.keys(body).sort()).toEqual(keysOf('SearchContributionsQueryResult').sort());
    for (const result of body.Results) {
      expect(Object.keys(result).sort()).toEqual(keysOf('SearchReferencesItem').sort());
    }
    const titles = searchHansardDebates(
      API_ROOT,
      new URL(debateSearchUrl('special educational needs', 10)),
    );
    for (const result of (titles.body as { Results: object[] }).Results) {
      expect(Object.keys(result).sort()).toEqual(keysOf('SearchDebateItem').sort());
    }
  });
});
