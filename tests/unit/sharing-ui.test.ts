import { describe, expect, it } from 'vitest';
import { publishMessage } from '../../components/sharing/useSharing';

describe('what publishing says', () => {
  it('names the group, the notes queued and the private ones left out', () => {
    expect(publishMessage(3, 1, 'SEND funding campaign')).toBe(
      '3 notes queued for SEND funding campaign; 1 tagged private was left out.',
    );
    expect(publishMessage(1, 0, 'Hansard watchers')).toBe('1 note queued for Hansard watchers.');
    expect(publishMessage(0, 2, 'Hansard watchers')).toBe(
      'Nothing to publish; 2 tagged private were left out.',
    );
  });
});
