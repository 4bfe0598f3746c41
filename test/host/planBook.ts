/**
 * A workbook as the Office.js writer leaves it, for the recording fake: the template's own plan (buildPlan,
 * as writeTemplateToExcel queues it) laid into sheets, its single-cell names and its table, each cell as
 * Excel reads it back (literal text without its apostrophe), and the stamp the writer adds.
 */
import { cellAddress, parseRange, sheetRef } from "../../src/templates/address";
import { buildPlan, defaultPlacement } from "../../src/templates/buildPlan";
import { officeCell, templateStamp } from "../../src/templates/office/writeToExcel";
import type { TemplateInput } from "../../src/templates/types";
import type { FakeBook } from "./fakeExcel";

const asRead = (v: string | number | boolean) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);

export function planBook(input: TemplateInput): FakeBook {
  const placement = defaultPlacement(input);
  const plan = buildPlan(input, placement);
  const sheets: Record<string, unknown[][]> = {};
  const byKey = new Map(plan.sheets.map((s) => [s.key, s.name]));
  for (const s of plan.sheets) {
    const grid: unknown[][] = (sheets[s.name] = []);
    for (const block of s.blocks) {
      const { col, row } = parseRange(block.anchor);
      block.rows.forEach((cells, i) => cells.forEach((cell, j) => ((grid[row + i] ??= [])[col + j] = asRead(officeCell(cell)))));
    }
  }
  const cell = (sheet: string, row: number, col: number) => sheets[sheet][row]?.[col] ?? "";
  const names: Record<string, unknown> = {};
  for (const n of plan.names) {
    const r = parseRange(n.range);
    if (r.width === 1 && r.height === 1) names[n.name] = cell(byKey.get(n.sheet)!, r.row, r.col);
  }
  const tables: Record<string, unknown[][]> = {};
  const headers: Record<string, unknown[]> = {};
  const tableAt: Record<string, string> = {};
  for (const t of plan.tables) {
    const r = parseRange(t.range);
    const sheet = byKey.get(t.sheet)!;
    tableAt[t.name] = `${sheetRef(sheet)}${cellAddress(r.col, r.row)}`;
    const row = (i: number) => Array.from({ length: r.width }, (_, j) => cell(sheet, r.row + i, r.col + j));
    headers[t.name] = row(0);
    tables[t.name] = Array.from({ length: r.height - 1 }, (_, i) => row(i + 1));
  }
  return {
    setting: templateStamp(plan, placement),
    names,
    tables,
    headers,
    tableAt,
    sheets,
  };
}
