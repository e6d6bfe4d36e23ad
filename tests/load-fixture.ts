import { readFileSync } from 'node:fs';
import { consultationReader } from '../utils/pages/consultation';
import { debateReader } from '../utils/pages/debate';
import type { PageReaders } from '../utils/pages/page-module';
import { petitionReader } from '../utils/pages/petition';
import { extractPage } from '../utils/pages/registry';
import { pagePath } from './fixture-site/server';

/** Parses the fixture page the fixture site serves for `url`, as the browser would receive it. */
export function loadFixtureDocument(url: string): Document {
  const { hostname, pathname } = new URL(url);
  const file = pagePath(hostname, pathname);
  if (!file) throw new Error(`No fixture page for ${url}`);
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
}

/** Every site's readers: each site's content script carries its own (entrypoints/content-*.ts). */
export const ALL_READERS: PageReaders = {
  petition: petitionReader,
  consultation: consultationReader,
  debate: debateReader,
};

/** Extracts the fixture page served for `url`, as the content script would. */
export function extractFixture(url: string) {
  return extractPage(new URL(url), loadFixtureDocument(url), ALL_READERS);
}
