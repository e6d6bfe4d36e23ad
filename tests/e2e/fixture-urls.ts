/** Every supported fixture page, for the screenshot run and the smoke pass over all pages. */
export const SUPPORTED_FIXTURE_URLS: Record<string, string> = {};
