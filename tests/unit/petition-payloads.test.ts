// The fixture payloads follow e-petitions' jbuilder views @ c87c8b60: the keys, in the order
// `app/views/petitions/_petition.json.jbuilder` and `app/views/archived/petitions/_petition.json.jbuilder` write them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROOT } from '../fixture-site/api';

const ROOT = join(API_ROOT, 'petition.parliament.uk');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );

const LIVE = [
  'action',
  'background',
  'additional_details',
  'committee_note',
  'state',
  'signature_count',
  'closing_date', // only while open
  'created_at',
  'updated_at',
  'rejected_at',
  'opened_at',
  'closed_at',
  'moderation_threshold_reached_at',
  'response_threshold_reached_at',
  'government_response_at',
  'debate_threshold_reached_at',
  'debate_scheduled_on',
  'scheduled_debate_date',
  'debate_outcome_at',
  'creator_name', // live only
  'rejection',
  'government_response',
  'debate',
  'departments',
  'topics',
  // A published petition's own page only.
  'signatures_by_country',
  'signatures_by_constituency',
  'signatures_by_region',
  'other_parliamentary_business',
];
const PUBLISHED_ONLY = LIVE.slice(-4);
const DEBATE = {
  petition: [
    'debated_on',
    'transcript_url',
    'video_url',
    'debate_pack_url',
    'public_engagement_url',
    'debate_summary_url',
    'overview',
  ],
  'archived-petition': [
    'debated_on',
    'transcript_url',
    'video_url',
    'debate_pack_url',
    'overview',
    'public_engagement_url',
    'debate_summary_url',
  ],
};

describe.each(files(ROOT).map((file) => relative(ROOT, file)))('%s', (file) => {
  const { data } = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  const type = data.type as keyof typeof DEBATE;
  const a = data.attributes;

  it('has the jbuilder’s keys in its order', () => {
    const expected = LIVE.filter(
      (key) =>
        (key !== 'closing_date' || a.state === 'open') &&
        !(type === 'archived-petition' && (key === 'closing_date' || key === 'creator_name')) &&
        !(a.state === 'rejected' && PUBLISHED_ONLY.includes(key)),
    );
    expect(Object.keys(a)).toEqual(expected);
    expect(Object.keys(data)).toEqual(
      type === 'archived-petition'
        ? ['type', 'id', 'parliament', 'attributes']
        : ['type', 'id', 'attributes'],
    );
    if (a.debate) expect(Object.keys(a.debate)).toEqual(DEBATE[type]);
    if (type === 'petition' && a.state !== 'open') expect(a.creator_name).toBeNull();
  });
});
