import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launch } from './harness';
import { openWithView } from './view';

const SENCO = 'https://petition.parliament.uk/archived/petitions/591092';
const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';
const WORKFORCE = 'https://www.gov.uk/government/consultations/sen-workforce-training-standards';

const harness = await launch();
afterAll(() => harness.close());

/** The related items under one group heading: title, facts line and reasons, as a reader sees them. */
async function group(view: Page, heading: string) {
  const related = view.locator('.related');
  await related.locator('.related-list').first().waitFor();
  const list = related.locator('.related-group', { has: view.locator(`h4:text-is("${heading}")`) });
  return list.locator('.related-item').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('a')?.textContent ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      meta: item.querySelector('.meta')?.textContent ?? '',
      why: item.querySelector('.why')?.textContent?.replace(/^Why: /, '') ?? '',
    })),
  );
}

/** Opens the petition's "Related activity" note that links the SEND review consultation. */
async function openRelatedActivity(page: Page) {
  await page.locator('summary', { hasText: "Share your views on Government's plans" }).click();
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe('related threads', () => {
  it('links the SENCO petition to the SEND review consultation and the SEND debates, not to false friends', async () => {
    const { page, view, errors } = await openWithView(harness, SENCO);
    const consultations = await group(view, 'Related consultations');
    expect(consultations[0]).toMatchObject({
      title: 'SEND review: right support, right place, right time',
      href: 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
    });
    expect(consultations[0]?.why).toContain('in the petitions site’s notes on related business');
    expect(titles(consultations)).toContain(
      'SEN workforce: training standards for SENCOs and support staff',
    );
    expect(titles(consultations)).not.toContain('Sending vehicle logbooks (V5C) digitally');

    const debates = await group(view, 'Related debates');
    expect(titles(debates).slice(0, 3).sort()).toEqual([
      'Special Educational Needs and Disabilities Funding',
      'Special Educational Needs and Disabilities Review',
      'Special Educational Needs and Disabilities: Provision and Funding',
    ]);
    expect(debates.find((d) => d.title.endsWith('Provision and Funding'))).toMatchObject({
      meta: 'Commons Chamber · 11 January 2024',
      why: expect.stringContaining('mentions e-petition 591092'),
    });
    for (const debate of debates)
      expect(debate.title).toMatch(/^(Special Educational Needs|SEND:)/);

    const petitions = await group(view, 'Similar petitions');
    expect(titles(petitions)).toContain(
      'Give every SENCO protected time in the school week to do their job',
    );
    expect(petitions[0]?.meta).toMatch(/· Open ·/); // open ones first
    expect(titles(petitions)).not.toContain(
      "Send all MPs' expenses claims to an independent auditor every year",
    );
    expect(titles(petitions)).not.toContain('Cut university tuition fees');
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('on an open petition, finds the Westminster Hall debate that considered it through the contributions search, and a petition of an earlier Parliament', async () => {
    const { page, view, errors } = await openWithView(
      harness,
      'https://petition.parliament.uk/petitions/701234',
    );
    // The petition's page links no debate: Hansard's debate search reads titles only, so the
    // debate is found by searching contributions for the petition's number.
    const debates = await group(view, 'Related debates');
    expect(debates.find((d) => d.href === WH_DEBATE)).toMatchObject({
      title: 'Special Educational Needs and Disabilities Funding',
      meta: expect.stringContaining('Westminster Hall'),
      why: expect.stringContaining('mentions e-petition 701234'),
    });
    // Archived in the 2017–2019 Parliament: an archived search without parliament= never finds it.
    const petitions = await group(view, 'Similar petitions');
    expect(petitions.map((p) => p.href)).toContain(
      'https://petition.parliament.uk/archived/petitions/248716',
    );
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('lists the petitions a Westminster Hall debate considered, with their signatures', async () => {
    const { page, view } = await openWithView(harness, WH_DEBATE);
    const petitions = await group(view, 'Petitions debated, mentioned or similar');
    expect(petitions.slice(0, 2).map(({ title, meta }) => ({ title, meta }))).toEqual(
      expect.arrayContaining([
        {
          title:
            'Fully fund Education, Health and Care Plans for children and young people with SEND',
          meta: 'Petition 654321 · 118,407 signatures · Closed · Government responded · Debated',
        },
        {
          title: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
          meta: 'Petition 701234 · 8,213 signatures · Open · No response yet',
        },
      ]),
    );
    expect(petitions[0]?.why).toMatch(/e-petition (654321|701234) is debated here/);
    // The debate before it in the sitting is linked from the page but is not on its subject.
    expect(titles(await group(view, 'Other debates on this subject'))).not.toContain(
      'Lyme Disease',
    );
    await view.close();
    await page.close();
  });

  it('shows a consultation the petitions on its subject, each with the reason it is there', async () => {
    const { page, view } = await openWithView(harness, WORKFORCE);
    const petitions = await group(view, 'Related petitions');
    expect(titles(petitions)).toContain(
      'Give every SENCO protected time in the school week to do their job',
    );
    for (const petition of petitions) {
      expect(petition.why).toMatch(/linked from this page|shares key terms: /);
      expect(petition.meta).toMatch(/^Petition \d+ · [\d,]+ signatures/);
    }
    await view.close();
    await page.close();
  });

  it('says which sites could not be searched, keeps what the page itself links, and offers a retry', async () => {
    // A browser of its own: after a 5xx, Chromium throttles an extension's requests to that URL
    // for a while, which would slow the searches of the tests after this one.
    const failing = await launch();
    failing.site.api.fault = 'server-error';
    try {
      const { view, errors } = await openWithView(failing, SENCO);
      const related = view.locator('.related');
      await related.locator('.notice').waitFor({ timeout: 45_000 });
      expect(await related.locator('.notice p').textContent()).toBe(
        'Hansard, GOV.UK and Petitions could not be searched just now; showing what Civic Thread found without them.',
      );
      expect(await related.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      // The links the petition page itself gives are still listed, with their reason.
      const consultations = await group(view, 'Related consultations');
      expect(consultations[0]).toMatchObject({
        href: 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
        why: expect.stringContaining('linked from this page'),
      });
      expect(errors).toEqual([]);
    } finally {
      await failing.close();
    }
  }, 90_000);

  it('lists the pages of the user’s own thread, with where they came from', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    await view.locator('.related-list').first().waitFor();
    // The petition page's own link to the consultation, followed as a reader would.
    await openRelatedActivity(page);
    await page
      .locator(
        'a[href="https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time"]',
      )
      .first()
      .click();
    await page.waitForURL(/send-review/);
    // The view followed its tab there.
    const thread = view.locator('.thread');
    await expect
      .poll(() => thread.locator('.related-item').first().textContent())
      .toContain('Require School SENCOs to be fully qualified for the role.');
    expect(await thread.locator('.related-item .why').first().textContent()).toBe(
      'you came here from this page',
    );
    await view.close();
    await page.close();
  });

  it('reaches and opens every related item from the keyboard', async () => {
    const { page, view } = await openWithView(harness, SENCO);
    const links = view.locator('.related .related-item a');
    await links.first().waitFor();
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(8);
    const reached: string[] = [];
    for (let i = 0; i < 200 && reached.length < count; i++) {
      await view.keyboard.press('Tab');
      const href = await view.evaluate(() => {
        const active = document.activeElement;
        return active?.closest('.related-item') ? active.getAttribute('href') : null;
      });
      if (href && !reached.includes(href)) reached.push(href);
    }
    expect(reached).toEqual(
      await links.evaluateAll((all) => all.map((a) => a.getAttribute('href'))),
    );
    // Enter on the focused item opens it, in a tab of its own beside the view.
    const opened = harness.context.waitForEvent('page');
    await view.keyboard.press('Enter');
    const next = await opened;
    await next.waitForURL(reached.at(-1) ?? '');
    await next.close();
    await view.close();
    await page.close();
  });
});
