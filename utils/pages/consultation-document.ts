import { HOSTS, isOn } from './hosts';
import { cleanText, textOf } from './text';

/**
 * A consultation's HTML document: a GOV.UK HTML publication at a path under the consultation's
 * own (`/government/consultations/<slug>/<document>`; publishing-api gives an html_publication
 * attachment the parent's base path plus its own slug).
 */
const PATH = /^\/government\/consultations\/([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\/?$/;

/** The consultation a document address belongs to (its page key and address), or null. */
export function consultationOfDocument(url: URL): { key: string; url: string } | null {
  const match = isOn(url, HOSTS.govuk) ? PATH.exec(url.pathname) : null;
  if (!match) return null;
  return {
    key: `consultation:${match[1]}`,
    url: `https://${HOSTS.govuk}/government/consultations/${match[1]}`,
  };
}

/**
 * True when the document is an HTML publication by GOV.UK's own schema name (frontend's
 * html_publication layout), so an error page at such an address is left alone.
 */
export function recognisesDocument(doc: Document): boolean {
  return doc.querySelector('meta[name="govuk:schema-name"][content="html_publication"]') !== null;
}

/** The document's title, from its inverse header (as frontend's html_publication renders it). */
export function documentTitle(doc: Document): string | null {
  return (
    textOf(doc, '.gem-c-inverse-header h1, main h1') ??
    (cleanText(doc.title).replace(/\s+-\s+GOV\.UK$/, '') || null)
  );
}
