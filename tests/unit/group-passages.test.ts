// The group's passages on the page (components/sharing/group-passages.ts), in happy-dom.
import { describe, expect, it } from 'vitest';
import { createPageText } from '../../components/notes/annotations';
import { paintGroupPassages } from '../../components/sharing/group-passages';
import type { Painter } from '../../utils/annotations/painter';
import { describe as describeText } from '../../utils/annotations/selectors';
import type { PageSend } from '../../utils/messaging/page-client';
import { OPEN_PETITION } from './fixture-facts';

describe('the group’s passages', () => {
  it('are found in the page as it is now, not as it was last read', async () => {
    document.body.innerHTML = '<main><p>Early words.</p></main>';
    const text = createPageText(document);
    text.current(); // read before the page filled in
    document.body.innerHTML = '<main><p>Early words.</p><p>Late words here.</p></main>';
    const target = describeText(text.read().model.text, 12, 27);
    document.body.innerHTML = '<main><p>Early words.</p></main>';
    text.read(); // the last reading again lacks the late part
    document.body.innerHTML = '<main><p>Early words.</p><p>Late words here.</p></main>';
    const painted: string[][] = [];
    const painter = {
      paintGroup: (ranges: Range[]) => painted.push(ranges.map(String)),
    } as unknown as Painter;
    const send = (async () => ({
      ok: true,
      data: { passages: [{ id: 'a1', target }] },
    })) as unknown as PageSend;
    paintGroupPassages(OPEN_PETITION, send, text, painter);
    await expect.poll(() => painted).toEqual([['Late words here']]);
  });
});
