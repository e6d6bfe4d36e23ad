import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { updateAnswer } from '../../utils/respond/draft';
import {
  answerBlocks,
  exportResponse,
  responseBlocks,
  toMarkdown,
  toText,
} from '../../utils/respond/export';
import { docxFileText, SOFFICE } from '../docx-text';
import { petitionResponse, sampleDraft } from '../respond-sample';

const draft = sampleDraft(2, 2);
const [first] = draft.questions;
if (!first) throw new Error('no question');

const work = mkdtempSync(join(tmpdir(), 'civic-thread-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The .docx as LibreOffice reads it. */
async function docxText(blob: Blob, name: string): Promise<string> {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return docxFileText(file);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('response exports', () => {
  it('writes Markdown in the seed’s order: question, options, points, quotes, views', () => {
    const md = toMarkdown(responseBlocks(draft));
    expect(
      md.startsWith(
        '# Response to: SEN workforce: training standards for SENCOs and support staff\n',
      ),
    ).toBe(true);
    const order = [
      '## Question 1: To what extent do you agree or disagree',
      '- [ ] Strongly agree',
      '- [x] **Agree**',
      '- [ ] Strongly disagree',
      '### Our response',
      '1. It seems that many teachers do support the idea of an NPQ (point for 1).',
      '2. However, it is important not to throw out',
      '### Evidence',
      `> ${petitionResponse.target?.quote.exact}`,
      '> — [Government response — Require School SENCOs to be fully qualified for the role., 29 September 2021](<https://petition.parliament.uk/archived/petitions/592213#:~:text=',
      '### Views gathered',
      '1. “Too often SEND provision is bolt-on, rather than built-in.” — Our SENCo columnist',
      '2. “Sencos should only be employed for that role alone.” — Anonymous',
      '## Question 2:',
    ];
    let at = 0;
    for (const piece of order) {
      const found = md.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(0);
      at = found + piece.length;
    }
  });

  it('gives one answer as plain text for a survey’s answer box, without the question', () => {
    const text = toText(answerBlocks(first));
    expect(text).toBe(
      [
        '1. It seems that many teachers do support the idea of an NPQ (point for 1).',
        '2. However, it is important not to throw out the esteemed academic qualification.',
        '',
        'Evidence',
        '',
        `“${first.answer.evidence[0]?.quote}”`,
        `— Government response — Require School SENCOs to be fully qualified for the role., 29 September 2021 ${first.answer.evidence[0]?.link}`,
        '',
        `“${first.answer.evidence[1]?.quote}”`,
        `— The Secretary of State for Education (Nadhim Zahawi) — Special Educational Needs and Disabilities Review, 29 March 2022 ${first.answer.evidence[1]?.link}`,
        '',
        'Views gathered',
        '',
        '1. “Too often SEND provision is bolt-on, rather than built-in.” — Our SENCo columnist',
        '2. “Sencos should only be employed for that role alone.” — Anonymous',
        '',
      ].join('\n'),
    );
  });

  const hostile = updateAnswer(
    draft,
    first.id,
    (answer) => ({
      ...answer,
      points: [
        '<script>alert(1)</script> <b>bold</b> [link](javascript:alert(1)) # not a heading',
        'Line one\nLine two',
        `Control \u0007 character and ${'SENCOs need time. '.repeat(6000)}end of the long point`,
      ],
    }),
    1,
  );

  it('keeps pasted HTML and Markdown as text in Markdown', () => {
    const md = toMarkdown(responseBlocks(hostile));
    expect(md).toContain(
      '1. \\<script\\>alert(1)\\</script\\> \\<b\\>bold\\</b\\> \\[link\\](javascript:alert(1)) \\# not a heading',
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain('2. Line one\n   Line two');
  });

  it('exports one question or the whole response, refusing a question not in the draft', async () => {
    const one = await (await exportResponse(draft, 'text', first.id)).text();
    expect(one.startsWith('Question 1: To what extent')).toBe(true);
    expect(one).not.toContain('Question 2:');
    await expect(exportResponse(draft, 'markdown', 'nope')).rejects.toThrow('not in this draft');
  });

  it('writes a .docx that LibreOffice opens, whose text is the draft’s, a 100 KB answer and pasted HTML included', async () => {
    expect(existsSync(SOFFICE), `LibreOffice at ${SOFFICE}: run tests/e2e/ensure-browsers.sh`).toBe(
      true,
    );
    const blob = await exportResponse(hostile, 'docx');
    expect(blob.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const text = await docxText(blob, 'whole');
    // The same words as the plain-text export, block by block: Word marks options with boxes,
    // and a quote's source is the text of its link rather than followed by it.
    const blocks = responseBlocks(hostile).map((block) =>
      block.kind === 'quote' ? { ...block, link: '' } : block,
    );
    const expected = toText(blocks)
      .replace(/^\[x\] /gm, '☒ ')
      .replace(/^\[ \] /gm, '☐ ')
      .replaceAll('\u0007', '');
    expect(squash(text)).toBe(squash(expected));
    expect(text).toContain('<script>alert(1)</script> <b>bold</b>');
    expect(text).toContain('end of the long point');
  }, 180_000);

  it('writes one question alone as a .docx', async () => {
    expect(existsSync(SOFFICE)).toBe(true);
    const text = await docxText(await exportResponse(draft, 'docx', first.id), 'one');
    expect(text.startsWith('Question 1: To what extent')).toBe(true);
    expect(text).toContain('☒ Agree');
    expect(text).toContain('— Our SENCo columnist');
    expect(text).not.toContain('Question 2');
  }, 180_000);
});
