/**
 * Column widths, row heights and print pages, estimated from the text: widths in Excel's characters (the
 * width of a digit), heights in points. Headers wrap between words, never inside one: a column is at least
 * as wide as the longest word of its header. Estimates err on the roomy side, for fonts wider than Calibri
 * (LibreOffice without it prints in DejaVu Sans).
 */

/** A bold header character is about this many digit widths; body text a little less. */
const BOLD = 1.1;
const BODY = 0.9;
/** Points per line of 11-point text, and the padding of a row. */
export const LINE_POINTS = 15;
const ROW_PADDING = 4;

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The width a wrapped header needs so that its longest word fits on a line. */
export const headerWidth = (label: string, min: number): number =>
  Math.max(min, Math.ceil(Math.max(0, ...words(label).map((w) => w.length)) * BOLD) + 3);

/** Lines a text takes wrapped at word boundaries in a column `width` characters wide. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1) / (bold ? BOLD : BODY)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    let count = 1;
    for (const w of words(paragraph)) {
      if (used === 0) used = w.length;
      else if (used + 1 + w.length <= perLine) used += 1 + w.length;
      else {
        count++;
        used = w.length;
      }
      // A word longer than the line is cut across lines.
      for (; used > perLine; used -= perLine) count++;
    }
    lines += count;
  }
  return lines;
}

export const rowPoints = (lines: number, size = 11): number => Math.ceil(lines * LINE_POINTS * (size / 11) + ROW_PADDING);

/**
 * Excel's column width in characters → pixels at 96 dpi: the workbook's font (Arial 10, or Liberation
 * Sans with the same metrics where LibreOffice runs without Arial) has 7 px digits; 7.5 leaves a margin.
 */
export const columnPixels = (chars: number): number => Math.round(chars * 7.5 + 5);

/** A4 landscape, 0.5 inch side margins: the printable width in pixels at 96 dpi. */
export const MARGIN_INCHES = 0.5;
export const PRINTABLE_PIXELS = Math.floor((297 / 25.4 - 2 * MARGIN_INCHES) * 96);

/** The largest whole percentage (at most 100) at which `pixels` fit the printable width. */
export const scaleToFit = (pixels: number): number => Math.max(10, Math.min(100, Math.floor((PRINTABLE_PIXELS / pixels) * 100)));

/** The height of a bold header row whose texts wrap within their columns: as tall as its tallest header. */
export const headerRowPoints = (headers: readonly string[], widths: readonly number[]): number =>
  rowPoints(Math.max(...headers.map((h, i) => wrappedLines(h, widths[i], true))));
