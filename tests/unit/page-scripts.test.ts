import { describe, expect, it, vi } from 'vitest';
import {
  createPageInjector,
  LOAD_FALLBACK_MS,
  pageScriptFor,
} from '../../utils/inject/page-scripts';

const PETITION = 'https://petition.parliament.uk/petitions/701234';
const CONSULTATION = 'https://www.gov.uk/government/consultations/sen-workforce-training-standards';

describe('the content script a page gets', () => {
  it.each([
    [PETITION, '/content-petitions.js'],
    ['https://petition.parliament.uk/archived/petitions/591092', '/content-petitions.js'],
    [CONSULTATION, '/content-govuk.js'],
    [
      `${CONSULTATION}/sen-workforce-training-standards-consultation-document`,
      '/content-govuk-document.js',
    ],
    [
      'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview',
      '/content-hansard.js',
    ],
  ])('%s gets %s', (url, file) => {
    expect(pageScriptFor(url)).toBe(file);
  });

  it.each([
    'https://petition.parliament.uk/petitions?state=open',
    'https://www.gov.uk/government/publications/send-review',
    'https://www.gov.uk/',
    'http://petition.parliament.uk/petitions/701234',
    'https://example.com/petitions/701234',
    'about:blank',
    'not a url',
    undefined,
  ])('%s gets none', (url) => {
    expect(pageScriptFor(url)).toBeNull();
  });
});

describe('the page injector', () => {
  const injector = () => {
    vi.useFakeTimers();
    const inject = vi.fn((_tabId: number, _file: string, _url: string) => Promise.resolve());
    return { inject, pages: createPageInjector({ inject }) };
  };

  it('injects a supported page once it has loaded, and nothing while it loads', () => {
    const { inject, pages } = injector();
    pages.updated(1, 'loading', PETITION);
    expect(inject).not.toHaveBeenCalled();
    pages.updated(1, 'complete', PETITION);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS * 2);
    expect(inject.mock.calls).toEqual([[1, '/content-petitions.js', PETITION]]);
    vi.useRealTimers();
  });

  it('injects a page whose load event is held back once the fallback time has passed', () => {
    const { inject, pages } = injector();
    pages.updated(2, 'loading', CONSULTATION);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS - 1);
    expect(inject).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(inject.mock.calls).toEqual([[2, '/content-govuk.js', CONSULTATION]]);
    vi.useRealTimers();
  });

  it('forgets the fallback of a tab that navigated elsewhere or closed', () => {
    const { inject, pages } = injector();
    pages.updated(3, 'loading', PETITION);
    pages.updated(3, 'loading', 'https://example.com/');
    pages.updated(4, 'loading', PETITION);
    pages.closed(4);
    // An update that is not a load (a title, a favicon) changes nothing.
    pages.updated(5, 'loading', PETITION);
    pages.updated(5, undefined, PETITION);
    vi.advanceTimersByTime(LOAD_FALLBACK_MS);
    expect(inject.mock.calls).toEqual([[5, '/content-petitions.js', PETITION]]);
    vi.useRealTimers();
  });

  it('leaves unsupported pages alone, and shrugs off a tab it cannot run in', async () => {
    vi.useFakeTimers();
    const inject = vi.fn(() => Promise.reject(new Error('Frame with ID 0 is showing error page')));
    const pages = createPageInjector({ inject });
    pages.updated(6, 'complete', 'https://www.gov.uk/');
    expect(inject).not.toHaveBeenCalled();
    pages.updated(6, 'complete', PETITION);
    expect(inject).toHaveBeenCalledOnce();
    // The rejection is handled: no unhandled rejection fails the run.
    await vi.runAllTimersAsync();
    vi.useRealTimers();
  });
});
