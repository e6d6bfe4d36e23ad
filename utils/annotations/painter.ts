import type { Colour } from '../storage/records';

const COLOURS: Record<Colour, string> = {
  yellow: 'rgb(255 221 0 / 45%)',
  green: 'rgb(0 180 90 / 30%)',
  blue: 'rgb(80 160 255 / 32%)',
  pink: 'rgb(255 100 170 / 32%)',
};
/** The Hypothesis group's passages: a style of their own, not one of the user's colours. */
const GROUP = 'civic-thread-group';

/**
 * Paints highlights with the CSS Custom Highlight API: the page's DOM is never
 * changed (no wrapper elements, no style element; the rules go in an adopted
 * stylesheet). Where the API is missing, highlights are listed but not painted.
 */
export function createPainter(doc: Document) {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  const sheet = registry ? new CSSStyleSheet() : null;
  if (sheet) {
    sheet.replaceSync(
      [
        ...Object.entries(COLOURS).map(
          ([colour, background]) =>
            `::highlight(civic-thread-${colour}) { background-color: ${background}; }`,
        ),
        `::highlight(${GROUP}) { background-color: rgb(150 90 220 / 18%); text-decoration: underline dotted rgb(110 50 190); }`,
      ].join('\n'),
    );
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  return {
    paint(items: { range: Range; colour: Colour }[]) {
      if (!registry) return;
      for (const colour of Object.keys(COLOURS) as Colour[]) {
        const ranges = items.filter((item) => item.colour === colour).map((item) => item.range);
        registry.set(`civic-thread-${colour}`, new Highlight(...ranges));
      }
    },
    paintGroup(ranges: Range[]) {
      registry?.set(GROUP, new Highlight(...ranges));
    },
    /** Takes every highlight and the rules it added off the page (the extension was reloaded). */
    clear() {
      if (!registry) return;
      for (const name of [...Object.keys(COLOURS).map((c) => `civic-thread-${c}`), GROUP])
        registry.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
export type Painter = ReturnType<typeof createPainter>;
