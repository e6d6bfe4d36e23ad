// The group's passages on the page (components/sharing/group-passages.ts), in happy-dom.
import { describe, expect, it } from 'vitest';
import { readPageText } from '../../components/notes/annotations';
import { paintGroupPassages } from '../../components/sharing/group-passages';
import type { Painter } from '../../utils/annotations/painter';
import { describe as describeText } from '../../utils/annotations/selectors';
import type { PageSend } from '../../utils/messaging/page-client';
import { OPEN_PETITION } from './fixture-facts';

describe('the group’s passages', () => {
  it('are found in the page as it is when the answer comes, not as it was when asked', async () => {
    document.body.innerHTML = '<main><p>Early words.</p><p>Late words here.</p></main>';
    const target = describeText(readPageText(document).model.text, 12, 27);
    const painted: string[][] = [];
    const painter = {
      paintGroup: (ranges: Range[]) => painted.push(ranges.map(String)),
    } as unknown as Painter;
    const send = (async () => ({
      ok: true,
      data: { passages: [{ id: 'a1', target }] },
    })) as unknown as PageSend;
    document.body.innerHTML = '<main><p>Early words.</p></main>';
    paintGroupPassages(OPEN_PETITION, send, document, painter);
    // The page fills in after the passages were asked for, before the group's answer comes.
    document.body.innerHTML = '<main><p>Early words.</p><p>Late words here.</p></main>';
    await expect.poll(() => painted).toEqual([['Late words here']]);
  });
});
