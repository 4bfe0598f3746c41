/**
 * What the hosts need from src/templates, behind an interface so tests can record calls. The .xlsx writer
 * loads exceljs on demand (inside writeTemplateXlsx), so the pane's first download stays small.
 */
import { DEFAULT_ROWS, type ExcelRun, type TemplateInput as TemplateRequest, writeTemplateToExcel, writeTemplateXlsx } from "../templates";
import type { TemplateInput } from "./types";

export interface TemplateWriters {
  /** Inserts the template into the open workbook (Office.js, ≤ 2 syncs, new sheets only). */
  writeToExcel(input: TemplateInput): Promise<{ sheets: readonly string[] }>;
  /** The template as an .xlsx file. */
  writeXlsx(input: TemplateInput): Promise<Uint8Array>;
}

export function templateRequest(input: TemplateInput): TemplateRequest {
  return {
    template: input.group,
    parameters: input.parameters,
    bids: input.bids,
    circular: input.circular,
    language: input.language,
    // Room for every offer, and a few blank rows for offers typed into the sheet later.
    minimumRows: Math.max(DEFAULT_ROWS[input.group], input.bids.length + 5),
  };
}

export function templateWriters(run?: ExcelRun): TemplateWriters {
  return {
    writeToExcel: async (input) => {
      const report = await writeTemplateToExcel(templateRequest(input), run);
      return { sheets: Object.values(report.sheets).filter((s): s is string => typeof s === "string") };
    },
    writeXlsx: (input) => writeTemplateXlsx(templateRequest(input)),
  };
}
