/** Test helpers: fill a generated bid form as a bidder would (exceljs), and read back what came in. */
import ExcelJS from "exceljs";
import type { Bid } from "../../src/model";
import { type BidFormStamp, a1, fromA1, layoutFromStamp } from "../../src/model/bidForm";
import { type Answer, type CriterionId, answerEntry } from "../../src/model/criteria";
import { randomComputerBids, withRandomAnswers } from "../fixtures/randomBids";

export interface Fill {
  readonly supplier?: string;
  readonly bids?: readonly Bid[];
  /** Raw cell edits on the Offer sheet after filling ("E15" → value), for the refusal cases. */
  readonly cells?: Readonly<Record<string, ExcelJS.CellValue>>;
}

/** The form with the bidder's name and one row per offer: numbers as numbers, blanks (null) left empty. */
export async function fillForm(bytes: Uint8Array, stamp: BidFormStamp, fill: Fill): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(stamp.sheet)!;
  const layout = layoutFromStamp(stamp);
  if (fill.supplier !== undefined) ws.getCell(stamp.supplierCell).value = fill.supplier;
  (fill.bids ?? []).forEach((bid, i) => {
    layout.columns.forEach((f, col) => {
      const value = bid[f.key];
      if (value !== null) ws.getCell(a1(col, layout.firstDataRow + i)).value = value as ExcelJS.CellValue;
    });
    // Criteria answers as a bidder types them: numbers as numbers, yes/no and labels in the form's words.
    layout.criteria.forEach((c, j) => {
      const answer = bid.criteria?.[c.id];
      if (answer === null || answer === undefined) return;
      const cell = ws.getCell(a1(layout.columns.length + j, layout.firstDataRow + i));
      cell.value = typeof answer === "number" ? answer : answerEntry(stamp.language, answer);
    });
  });
  for (const [address, value] of Object.entries(fill.cells ?? {})) ws.getCell(address).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The address of a field's (or a criterion's) cell in offer row i (0-based) of a form. */
export function cellOf(stamp: BidFormStamp, field: string, i = 0): string {
  const criterion = stamp.criteria.findIndex((c) => c.id === field);
  const col = criterion >= 0 ? stamp.fields.length + criterion : stamp.fields.indexOf(field);
  if (col < 0) throw new Error(`no column ${field}`);
  return a1(col, stamp.firstDataRow + i);
}

/** The address of a fixed cell by its text (a header, say). */
export function fixedCellOf(stamp: BidFormStamp, text: string): string {
  const found = stamp.fixed.find(([, t]) => t === text);
  if (!found || !fromA1(found[0])) throw new Error(`no fixed cell "${text}"`);
  return found[0];
}

/**
 * `count` random computer offers of one bidder as a form asks them: the answers to the form's criteria only
 * (a few blank), refurbishment quality given by every refurbished offer when the form requires it, no
 * quality points (the procurer's). For the 10 000-row test and bench.
 */
export function offersForForm(stamp: BidFormStamp, count: number, seed: number, supplier: string): Bid[] {
  const asked = new Map(stamp.criteria.map((c) => [c.id as string, c.required]));
  return withRandomAnswers(randomComputerBids(count, seed, false), seed + 1).map((b, i) => {
    const criteria: Partial<Record<CriterionId, Answer>> = Object.fromEntries(
      Object.entries(b.criteria ?? {}).filter(([id, a]) => asked.has(id) && a !== null),
    );
    if (b.condition === "refurbished" && asked.get("refurbishmentQuality")) criteria.refurbishmentQuality ??= true;
    return { ...b, supplier, product: `Model ${i + 1}`, qualityPoints: 0, criteria };
  });
}
