/**
 * The tender annex as a Word document (.docx), written with the `docx` package from the structure that
 * src/model/tender/annex.ts builds. No text of its own: headings, paragraphs, formulas, lists and tables
 * come from the annex; the footer's "Page X of Y" from src/i18n/<lang>/tender.json.
 *
 * Heavy (the docx package and its zip): load it on demand, `await import("./templates/docx/annexDocx")`,
 * never from an eagerly loaded module. Runs in the browser and in Node alike (bytes, no Buffer).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { translate } from "../../i18n";
import type { AnnexBlock, TenderAnnex } from "../../model/tender/annex";

/** Arial: in Word everywhere, and LibreOffice draws it with the metric-compatible Liberation Sans. */
const FONT = "Arial";
const MARGIN = 1134;
const ACCENT = "1F4E79";
const HEADER_FILL = "DCE6F1";
const FORMULA_FILL = "F2F2F2";
/** Word's language tags for the document's spelling and hyphenation. */
const LANGUAGE_TAG = { en: "en-GB", nl: "nl-BE", fr: "fr-BE" } as const;

/** A number keeps its per cent sign on the same line ("4 %"). */
const typeset = (text: string): string => text.replace(/(\d) %/g, "$1\u00a0%");

/** A formula's powers raised and its indices lowered: "(1 + d)^(t − 1)", "P_on × h_on". */
function formulaRuns(text: string): TextRun[] {
  // split with a capture: text at even places, "^power" or "_index" at odd ones.
  const parts = text.split(/([\^_](?:\([^()]*\)|[\p{L}\d]+))/u);
  return parts.flatMap((part, i) => {
    if (i % 2 === 0) return part ? [new TextRun(typeset(part))] : [];
    const raised = part.startsWith("^");
    return [new TextRun({ text: part.slice(1).replace(/^\((.*)\)$/, "$1"), superScript: raised, subScript: !raised })];
  });
}

const cellParagraph = (text: string, bold = false): Paragraph =>
  new Paragraph({ spacing: { before: 40, after: 40 }, children: [new TextRun({ text: typeset(text), bold })] });

/** A4 (11906 × 16838 twentieths of a point) less the margins. */
const TEXT_WIDTH = 11906 - 2 * MARGIN;

/** Roughly the width of one character of 10.5 pt Arial, and a cell's left and right margins, in twips. */
const CHAR_WIDTH = 105;
const CELL_MARGINS = 200;

/**
 * Column widths after the average length of their text (a long explanation gets the room), but never so
 * narrow that a column's longest word ("optional", "facultatief") is broken in two.
 */
function columnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const columns = header.map((h, i) => [h, ...rows.map((r) => r[i] ?? "")]);
  const least = columns.map((texts) => Math.max(...texts.flatMap((x) => x.split(/\s+/).map((w) => w.length))) * CHAR_WIDTH + CELL_MARGINS);
  const weights = columns.map((texts) => Math.min(60, Math.max(4, texts.reduce((s, x) => s + x.length, 0) / texts.length)));
  const sum = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w, i) => Math.max(least[i], (TEXT_WIDTH * w) / sum));
  // Take what the narrow columns needed from the columns that have room to spare.
  const excess = widths.reduce((s, w) => s + w, 0) - TEXT_WIDTH;
  const spare = widths.map((w, i) => Math.max(0, w - least[i]));
  const spareSum = spare.reduce((s, x) => s + x, 0);
  return widths.map((w, i) => Math.floor(excess > 0 && spareSum > 0 ? w - (excess * spare[i]) / spareSum : w));
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const widths = columnWidths(header, rows);
  const cell = (text: string, head: boolean, column: number): TableCell =>
    new TableCell({
      width: { size: widths[column], type: WidthType.DXA },
      children: [cellParagraph(text, head)],
      shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // Repeated at the top of every page the table runs over.
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function blockOf(b: AnnexBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: [new TextRun(b.text)],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ children: [new TextRun(typeset(b.text))] })];
    case "formula":
      return [
        new Paragraph({
          indent: { left: 360 },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: FORMULA_FILL },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 6 } },
          children: formulaRuns(b.text),
        }),
      ];
    case "bullets":
      return b.items.map((text) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(typeset(text))] }));
    case "table":
      // An empty paragraph after a table keeps two tables, or a table and a heading, apart.
      return [table(b.header, b.rows), new Paragraph({ spacing: { after: 0 }, children: [] })];
  }
}

/** "Page {page} of {pages}" with the two numbers as Word fields. */
function footer(annex: TenderAnnex): Footer {
  const template = translate(annex.language, "tender", "footer.page");
  const runs = template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => {
      if (part === "{page}") return new TextRun({ children: [PageNumber.CURRENT], size: 16 });
      if (part === "{pages}") return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 });
      return new TextRun({ text: part, size: 16 });
    });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: runs })] });
}

export function annexDocument(annex: TenderAnnex): Document {
  const heading = (size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 } },
  });
  return new Document({
    title: annex.title,
    subject: annex.subtitle.join(" — "),
    creator: translate(annex.language, "tender", "docx.creator"),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: LANGUAGE_TAG[annex.language] } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { after: 160 } } },
        heading1: heading(26, 320),
        heading2: heading(22, 200),
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        footers: { default: footer(annex) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(annex.title)] }),
          ...annex.subtitle.map((s) => new Paragraph({ children: [new TextRun({ text: s, italics: true })] })),
          ...annex.blocks.flatMap(blockOf),
        ],
      },
    ],
  });
}

/** The annex as the bytes of a .docx file. */
export async function annexDocx(annex: TenderAnnex): Promise<Uint8Array> {
  return Packer.pack(annexDocument(annex), "uint8array");
}
