import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { dateText } from '../dates';
import { escapeMarkdown } from '../library/export';
import type { DraftQuestion, ResponseDraft } from '../storage/response-draft';

/**
 * A response's exports, laid out as campaign groups write them (issue 17's seed): the question,
 * its options with the chosen one marked, the answer's numbered points, the quotes with their
 * sources, then the views gathered. Every format is drawn from the same blocks, so they say the
 * same thing; what the user typed or pasted is always text, never markup.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'line'; text: string; link?: string }
  | { kind: 'question'; text: string }
  | { kind: 'options'; items: { text: string; chosen: boolean }[] }
  | { kind: 'heading'; text: string }
  | { kind: 'numbered'; items: string[] }
  | { kind: 'quote'; text: string; source: string; link: string };

export const questionLabel = (q: DraftQuestion) =>
  q.number ? `Question ${q.number}: ${q.text}` : q.text;

/** The chosen option is marked; one no longer among the options is kept, and marked. */
function options(q: DraftQuestion): Block[] {
  const chosen = q.answer.option;
  const items = q.options.map((text) => ({ text, chosen: text === chosen }));
  if (chosen !== null && !q.options.includes(chosen)) items.push({ text: chosen, chosen: true });
  return items.length ? [{ kind: 'options', items }] : [];
}

/** The answer alone: what goes into a survey's answer box. */
export function answerBlocks(q: DraftQuestion): Block[] {
  const { points, evidence, views } = q.answer;
  const blocks: Block[] = [];
  const written = points.filter((point) => point.trim());
  if (written.length) blocks.push({ kind: 'numbered', items: written });
  if (evidence.length) {
    blocks.push({ kind: 'heading', text: 'Evidence' });
    for (const item of evidence) {
      const source = [item.sourceTitle, item.sourceDate && dateText(item.sourceDate)]
        .filter(Boolean)
        .join(', ');
      blocks.push({ kind: 'quote', text: item.quote, source, link: item.link });
    }
  }
  if (views.length) {
    blocks.push({ kind: 'heading', text: 'Views gathered' });
    blocks.push({
      kind: 'numbered',
      items: views.map((view) => `“${view.text}” — ${view.attribution ?? 'Anonymous'}`),
    });
  }
  return blocks;
}

export function questionBlocks(q: DraftQuestion): Block[] {
  return [
    { kind: 'question', text: questionLabel(q) },
    ...(q.vanished
      ? [
          {
            kind: 'line',
            text: 'This question is no longer in the consultation document.',
          } as const,
        ]
      : []),
    ...options(q),
    ...(q.answer.points.some((p) => p.trim()) || q.answer.evidence.length || q.answer.views.length
      ? [{ kind: 'heading', text: 'Our response' } as const]
      : []),
    ...answerBlocks(q),
  ];
}

export function responseBlocks(draft: ResponseDraft): Block[] {
  return [
    { kind: 'title', text: `Response to: ${draft.title ?? draft.url}` },
    { kind: 'line', text: draft.url, link: draft.url },
    ...(draft.closesOn
      ? [{ kind: 'line', text: `Closes on ${dateText(draft.closesOn)}` } as const]
      : []),
    ...draft.questions.flatMap(questionBlocks),
  ];
}

const lines = (text: string) => text.split(/\r\n?|\n/);

/** Plain text, for pasting into an online survey. */
export function toText(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
      case 'question':
      case 'heading':
      case 'line':
        out.push(block.text, '');
        break;
      case 'options':
        out.push(...block.items.map((o) => `${o.chosen ? '[x]' : '[ ]'} ${o.text}`), '');
        break;
      case 'numbered':
        block.items.forEach((item, i) => {
          const [first = '', ...rest] = lines(item);
          out.push(`${i + 1}. ${first}`, ...rest.map((line) => `   ${line}`));
        });
        out.push('');
        break;
      case 'quote':
        out.push(
          `“${block.text}”`,
          `— ${[block.source, block.link].filter(Boolean).join(' ')}`,
          '',
        );
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  const md = (text: string) => lines(text).map(escapeMarkdown);
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${md(block.text).join(' ')}`, '');
        break;
      case 'question':
        out.push(`## ${md(block.text).join(' ')}`, '');
        break;
      case 'heading':
        out.push(`### ${escapeMarkdown(block.text)}`, '');
        break;
      case 'line':
        out.push(block.link ? `<${block.link}>` : md(block.text).join('  \n'), '');
        break;
      case 'options':
        out.push(
          ...block.items.map((o) =>
            o.chosen ? `- [x] **${escapeMarkdown(o.text)}**` : `- [ ] ${escapeMarkdown(o.text)}`,
          ),
          '',
        );
        break;
      case 'numbered':
        block.items.forEach((item, i) => {
          const [first = '', ...rest] = md(item);
          out.push(`${i + 1}. ${first}`, ...rest.map((line) => (line ? `   ${line}` : '')));
        });
        out.push('');
        break;
      case 'quote':
        out.push(
          ...md(block.text).map((line) => `> ${line}`),
          '>',
          `> — [${escapeMarkdown(block.source || block.link)}](<${block.link}>)`,
          '',
        );
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * A run per line, with breaks between: Word keeps the user's line breaks. (docx itself drops the
 * characters XML cannot hold, such as a pasted control character.)
 */
const runs = (text: string, style: { bold?: boolean; italics?: boolean } = {}) =>
  lines(text).map((line, i) => new TextRun({ text: line, break: i ? 1 : 0, ...style }));

function toParagraphs(blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) }));
        break;
      case 'question':
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(block.text) }));
        break;
      case 'heading':
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(block.text) }));
        break;
      case 'line':
        out.push(
          new Paragraph({
            children: block.link
              ? [
                  new ExternalHyperlink({
                    link: block.link,
                    children: [new TextRun({ text: block.text, style: 'Hyperlink' })],
                  }),
                ]
              : runs(block.text),
          }),
        );
        break;
      case 'options':
        for (const o of block.items) {
          out.push(
            new Paragraph({
              indent: { left: 360 },
              children: runs(`${o.chosen ? '☒' : '☐'} ${o.text}`, { bold: o.chosen }),
            }),
          );
        }
        break;
      case 'numbered':
        block.items.forEach((item, i) => {
          out.push(
            new Paragraph({
              indent: { left: 360, hanging: 360 },
              children: runs(`${i + 1}.\t${item}`),
            }),
          );
        });
        break;
      case 'quote':
        out.push(
          new Paragraph({
            indent: { left: 720 },
            children: runs(`“${block.text}”`, { italics: true }),
          }),
          new Paragraph({
            indent: { left: 720 },
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({ text: '— ' }),
              new ExternalHyperlink({
                link: block.link,
                children: [new TextRun({ text: block.source || block.link, style: 'Hyperlink' })],
              }),
            ],
          }),
        );
        break;
    }
  }
  return out;
}

/** A Word document of the blocks (through the `docx` library: no hand-written XML). */
export function toDocx(blocks: Block[], title: string): Promise<Blob> {
  const doc = new Document({
    title,
    creator: 'Civic Thread',
    sections: [{ children: toParagraphs(blocks) }],
  });
  return Packer.toBlob(doc);
}

export const RESPONSE_FORMATS = {
  markdown: { label: 'Markdown', extension: 'md', type: 'text/markdown' },
  text: { label: 'Plain text', extension: 'txt', type: 'text/plain' },
  docx: {
    label: 'Word document',
    extension: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
} as const;
export type ResponseFormat = keyof typeof RESPONSE_FORMATS;

/** The whole response, or one question of it, as a file's contents. */
export async function exportResponse(
  draft: ResponseDraft,
  format: ResponseFormat,
  questionId?: string,
): Promise<Blob> {
  const question = questionId ? draft.questions.find((q) => q.id === questionId) : undefined;
  if (questionId && !question) throw new Error('That question is not in this draft.');
  const blocks = question ? questionBlocks(question) : responseBlocks(draft);
  const { type } = RESPONSE_FORMATS[format];
  if (format === 'docx') return toDocx(blocks, draft.title ?? draft.url);
  return new Blob([format === 'markdown' ? toMarkdown(blocks) : toText(blocks)], { type });
}
