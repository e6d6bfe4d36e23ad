import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  closingStatus,
  debateStatus,
  responseStatus,
  responseSummary,
} from '../../utils/live/petition-status';
import { PetitionDocument, toLivePetition } from '../../utils/sources/petitions-api';
import { API_ROOT } from '../fixture-site/api';

/** A fixture payload, optionally changed in its attributes first. */
function petition(path: string, change: (attributes: Record<string, unknown>) => void = () => {}) {
  const json = JSON.parse(readFileSync(join(API_ROOT, 'petition.parliament.uk', path), 'utf8'));
  change(json.data.attributes);
  return toLivePetition(PetitionDocument.parse(json));
}

const on = (isoDate: string) => Date.parse(`${isoDate}T12:00:00Z`);

describe('what the panel says about a petition’s response', () => {
  it('an open petition can still get one', () => {
    expect(responseStatus(petition('petitions/745902.json'))).toBe('No government response yet');
  });

  it('a closed petition past the threshold is owed one', () => {
    const owed = petition('petitions/738842.json', (a) => {
      a.government_response = null;
    });
    expect(responseStatus(owed)).toBe('Awaiting the government’s response');
  });

  it('a closed petition below the threshold will not get one', () => {
    const closed = petition('petitions/738842.json', (a) => {
      a.government_response = null;
      a.response_threshold_reached_at = null;
    });
    expect(responseStatus(closed)).toBe('No government response: it closed below the threshold');
  });

  it('an archived petition’s Parliament is over, and a rejected one never gets a response', () => {
    const archived = petition('archived/petitions/591092.json', (a) => {
      a.government_response = null;
    });
    expect(responseStatus(archived)).toBe('No government response');
    expect(responseStatus(petition('petitions/702222.json'))).toBeNull();
  });

  it('no quote for a response given without a summary', () => {
    const bare = petition('petitions/742316.json', (a) => {
      (a.government_response as { summary: string }).summary = '';
    });
    expect(responseSummary(bare)).toBeNull();
    expect(responseSummary(petition('petitions/742316.json'))).toMatch(/^All teachers must/);
  });
});

describe('what the panel says about a debate', () => {
  const scheduled = petition('petitions/738842.json');

  it('a scheduled debate, before its day', () => {
    expect(debateStatus(scheduled, on('2026-11-20'))).toBe('Debate scheduled for 23 November 2026');
  });

  it('a debate whose day has come, before its outcome is published', () => {
    expect(debateStatus(scheduled, on('2026-11-23'))).toBe(
      'Debated on 23 November 2026; the outcome is not published yet',
    );
    expect(debateStatus(scheduled, on('2026-11-26'))).toMatch(/^Debated on 23 November 2026/);
  });

  it('a published outcome, either way', () => {
    expect(debateStatus(petition('petitions/654321.json'), on('2026-11-26'))).toBe(
      'Debated on 16 November 2026',
    );
    expect(debateStatus(petition('petitions/729114.json'), on('2026-11-26'))).toBe(
      'Parliament decided not to debate it',
    );
  });
});

describe('when an open petition closes', () => {
  const open = petition('petitions/745902.json');

  it('the deadline, unless the page shows an earlier date for a dissolution', () => {
    expect(closingStatus(open, null)).toBe('30 April 2027');
    expect(closingStatus(open, '2027-04-30')).toBe('30 April 2027');
    expect(closingStatus(open, '2026-12-17')).toBe(
      '17 December 2026, early: Parliament is being dissolved',
    );
  });

  it('nothing for a closed petition', () => {
    expect(closingStatus(petition('petitions/738842.json'), null)).toBeNull();
  });
});
