/** The three sites Civic Thread reads, and nothing else. */
export const HOSTS = {
  petitions: 'petition.parliament.uk',
  govuk: 'www.gov.uk',
  hansard: 'hansard.parliament.uk',
} as const;

/** True for an https URL on exactly `host` (the sites are https-only). */
export function isOn(url: URL, host: string): boolean {
  return url.protocol === 'https:' && url.hostname === host;
}

/** The pages the content script runs on: GOV.UK only under its consultations. */
export const CONTENT_MATCHES = [
  `https://${HOSTS.petitions}/*`,
  `https://${HOSTS.govuk}/government/consultations/*`,
  `https://${HOSTS.hansard}/*`,
] as const;
