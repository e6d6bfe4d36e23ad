import type { Colour } from '../storage/records';

/**
 * Named highlights and their rules with the CSS Custom Highlight API: the page's DOM is never
 * changed (no wrapper elements, no style element; the rules go in one adopted stylesheet).
 * Where the API is missing, nothing is painted. Shared by the notes' painter and the link marks.
 */
export function createHighlightLayer(doc: Document, rules: Record<string, string>) {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  const sheet = registry && new CSSStyleSheet();
  if (sheet) {
    sheet.replaceSync(
      Object.entries(rules)
        .map(([name, rule]) => `::highlight(${name}) { ${rule}; }`)
        .join('\n'),
    );
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  return {
    set(name: string, ranges: Range[]) {
      registry?.set(name, new Highlight(...ranges));
    },
    /** Takes every highlight and the rules it added off the page. */
    clear() {
      if (!registry) return;
      for (const name in rules) registry.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

const COLOURS: Record<Colour, string> = {
  yellow: 'rgb(255 221 0 / 45%)',
  green: 'rgb(0 180 90 / 30%)',
  blue: 'rgb(80 160 255 / 32%)',
  pink: 'rgb(255 100 170 / 32%)',
};
/** The Hypothesis group's passages: a style of their own, not one of the user's colours. */
const GROUP = 'civic-thread-group';

/** Paints the notes' highlights, one highlight per colour, and the group's passages. */
export function createPainter(doc: Document) {
  const rules: Record<string, string> = {
    [GROUP]:
      'background-color: rgb(150 90 220 / 18%); text-decoration: underline dotted rgb(110 50 190)',
  };
  for (const [colour, background] of Object.entries(COLOURS))
    rules[`civic-thread-${colour}`] = `background-color: ${background}`;
  const layer = createHighlightLayer(doc, rules);
  return {
    paint(items: { range: Range; colour: Colour }[]) {
      for (const colour of Object.keys(COLOURS) as Colour[])
        layer.set(
          `civic-thread-${colour}`,
          items.filter((item) => item.colour === colour).map((item) => item.range),
        );
    },
    paintGroup: (ranges: Range[]) => layer.set(GROUP, ranges),
    /** Takes every highlight and the rules it added off the page (the extension was reloaded). */
    clear: layer.clear,
  };
}
export type Painter = ReturnType<typeof createPainter>;
