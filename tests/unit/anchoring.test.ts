import { expect, describe as group, it } from 'vitest';
import { prepareText } from '../../utils/annotations/code-points';
import { anchor, describe, trimOffsets } from '../../utils/annotations/selectors';
import {
  buildTextModel,
  offsetsFromRange,
  rangeFromOffsets,
} from '../../utils/annotations/text-model';
import { loadFixtureDocument } from '../load-fixture';

const DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';

/** A Hansard-length text: the fixture debate's contributions, repeated with numbered sittings. */
function longDebate(): string {
  const page = buildTextModel(loadFixtureDocument(DEBATE).body).text;
  const parts: string[] = [];
  for (let sitting = 1; parts.join('').split(/\s+/).length < 50_000; sitting++) {
    parts.push(`\nSitting ${sitting}.\n${page}`);
  }
  return parts.join('');
}

const TEXT = longDebate();
const PASSAGE = 'Behind every signature is a family that has waited too long.';
/** The occurrence in the 7th sitting: the passage repeats in every sitting. */
const START = (() => {
  let at = TEXT.indexOf('Sitting 7.');
  at = TEXT.indexOf(PASSAGE, at);
  return at;
})();
const TARGET = describe(TEXT, START, START + PASSAGE.length);

group('anchoring on a Hansard-length debate', () => {
  it('is long enough to matter', () => {
    expect(TEXT.split(/\s+/).length).toBeGreaterThanOrEqual(50_000);
    expect(START).toBeGreaterThan(0);
  });

  it('finds an unchanged passage at its stored position', () => {
    expect(anchor(TEXT, TARGET)).toEqual({
      start: START,
      end: START + PASSAGE.length,
      method: 'position',
    });
  });

  it('finds the same occurrence after an edit before it, by its context', () => {
    const edited = `A new first paragraph was added to the record. ${TEXT}`;
    const shift = 'A new first paragraph was added to the record. '.length;
    expect(anchor(edited, TARGET)).toEqual({
      start: START + shift,
      end: START + shift + PASSAGE.length,
      method: 'quote',
    });
  });

  it('picks the right one of many identical passages by prefix and suffix', () => {
    // Shift everything so the stored position misses; 40 sittings repeat the passage.
    const edited = `x${TEXT}`;
    const found = anchor(edited, TARGET);
    expect(found?.start).toBe(START + 1);
  });

  it('prefers a farther copy whose context matches over a near copy whose context does not', () => {
    const copy = (name: string) =>
      `${name} said: the repeated passage about SENCO time. ${name} sat.`;
    const filler = (n: number) => 'lorem '.repeat(n);
    const before = `${copy('First')}${filler(500)}${copy('Second')}`;
    const start = before.lastIndexOf('the repeated passage');
    const target = describe(before, start, start + 'the repeated passage about SENCO time.'.length);
    // A copy with other speakers now sits where the passage was; the passage itself moved 3,000 on.
    const edited = `${copy('First')}${filler(500)}${copy('Third')}${filler(500)}${copy('Second')}`;
    const found = anchor(edited, target);
    expect(found?.start).toBe(edited.lastIndexOf('the repeated passage'));
  });

  it('finds a passage edited inside, approximately', () => {
    // A passage that occurs once: the sitting number makes it unique.
    const start = TEXT.indexOf('Sitting 7.');
    const passage = TEXT.slice(start, start + 120);
    const target = describe(TEXT, start, start + passage.length);
    const changed = passage.replace('Sitting 7.', 'Sitting seven.');
    const edited = TEXT.slice(0, start) + changed + TEXT.slice(start + passage.length);
    const found = anchor(edited, target);
    expect(found?.method).toBe('fuzzy');
    expect(found?.start).toBe(start);
    expect(edited.slice(found?.start, found?.end)).toBe(changed);
  });

  it('is unaffected by an edit after the passage', () => {
    const edited = `${TEXT.slice(0, START + PASSAGE.length + 200)} inserted words ${TEXT.slice(START + PASSAGE.length + 200)}`;
    expect(anchor(edited, TARGET)?.method).toBe('position');
  });

  it('gives null for a passage that is gone', () => {
    const target = describe('Only here: a unique sentence about SENCO time.', 11, 44);
    expect(anchor(TEXT, target)).toBeNull();
  });
});

group('positions count Unicode code points', () => {
  const text = 'Emoji 👩‍🏫 and RTL ‏שלום and é (e + ◌́) then the passage.';
  const start = text.indexOf('the passage');
  const target = describe(text, start, start + 'the passage'.length);

  it('stores code points, not UTF-16 units', () => {
    expect(target.position.start).toBe([...text.slice(0, start)].length);
    expect(target.position.start).toBeLessThan(start);
    const prepared = prepareText(text);
    expect(prepared.toUtf16(prepared.toCodePoints(start))).toBe(start);
    // Every offset round-trips, including those next to surrogate pairs.
    for (let offset = 0; offset <= text.length; offset++) {
      const units = text.charCodeAt(offset - 1);
      if (units >= 0xd800 && units <= 0xdbff) continue; // inside a pair: not a boundary
      expect(prepared.toUtf16(prepared.toCodePoints(offset))).toBe(offset);
      expect(prepared.toCodePoints(offset)).toBe([...text.slice(0, offset)].length);
    }
  });

  it('anchors back to the same UTF-16 offsets', () => {
    expect(anchor(text, target)).toEqual({ start, end: start + 11, method: 'position' });
  });
});

group('the page text model', () => {
  // The live document: happy-dom's Ranges misbehave in DOMParser documents.
  const doc = document;
  doc.body.innerHTML = `<p>First <b>bold</b> line<br>second line</p><script>var hidden = 1;</script>
     <style>p { color: red }</style><div id="ui">panel text</div><p>Last</p>`;
  const model = buildTextModel(doc.body, (element) => element.id === 'ui');

  it('reads rendered text: <br> as a space, no script, style or extension UI', () => {
    expect(model.text).not.toMatch(/hidden|color|panel text/);
    expect(model.text).toContain('First bold line second line');
  });

  it('maps offsets to a Range across element boundaries and back', () => {
    const start = model.text.indexOf('bold line');
    const range = rangeFromOffsets(model, start, start + 'bold line'.length);
    expect(range?.toString()).toBe('bold line');
    expect(range && offsetsFromRange(model, range)).toEqual({
      start,
      end: start + 'bold line'.length,
    });
  });

  it('maps a Range that starts and ends on elements', () => {
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('b') as Element);
    const offsets = offsetsFromRange(model, range);
    expect(offsets && model.text.slice(offsets.start, offsets.end)).toBe('bold');
  });
});

group('trimming a selection', () => {
  it('leaves out white space at both ends only', () => {
    const text = 'a \n  the passage  \t b';
    expect(trimOffsets(text, 1, text.length - 1)).toEqual({ start: 5, end: 16 });
    expect(text.slice(5, 16)).toBe('the passage');
    expect(trimOffsets('   ', 0, 3)).toEqual({ start: 3, end: 3 });
  });
});

group('a passage that moved to the very start of the text', () => {
  it('is found by its quote at offset 0, not taken for none', () => {
    // Too short for an approximate search: found by its quote or not at all.
    const before = 'Order. Petitions. Aye. The rest of the sitting follows.';
    const target = describe(before, before.indexOf('Aye'), before.indexOf('Aye') + 3);
    // What came before it was taken off the page: the quote now starts the text.
    const after = 'Aye. The rest of the sitting follows.';
    expect(anchor(after, target)).toEqual({ start: 0, end: 3, method: 'quote' });
  });
});
