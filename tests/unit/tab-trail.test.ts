import { describe, expect, it } from 'vitest';
import { createTabTrail } from '../../utils/related/tab-trail';

describe('tab trail', () => {
  it('remembers the page a tab showed before, whichever message arrives first', () => {
    const trail = createTabTrail();
    trail.visited(1, 'petition:591092');
    // The consultation asks for its related pages before its visit is recorded…
    expect(trail.cameFrom(1, 'consultation:send-review')).toBe('petition:591092');
    trail.visited(1, 'consultation:send-review');
    // …and after: the answer is the same.
    expect(trail.cameFrom(1, 'consultation:send-review')).toBe('petition:591092');
    // A re-read of the same page does not lose the trail.
    trail.visited(1, 'consultation:send-review');
    expect(trail.cameFrom(1, 'consultation:send-review')).toBe('petition:591092');
  });

  it('keeps tabs apart and forgets closed ones', () => {
    const trail = createTabTrail();
    trail.visited(1, 'petition:1');
    trail.visited(2, 'petition:2');
    expect(trail.cameFrom(2, 'petition:3')).toBe('petition:2');
    trail.closed(2);
    expect(trail.cameFrom(2, 'petition:3')).toBeNull();
    expect(trail.cameFrom(3, 'petition:3')).toBeNull();
  });
});
