/**
 * What the hosts need from src/templates, behind an interface so tests can record calls. The templates
 * are loaded on the first write (and exceljs only for a file), so the pane's first download stays small.
 */
import type { ProductGroup } from "../model/bid";
import type { ExcelRun, TemplateInput as TemplateRequest } from "../templates";
import type { TemplateInput } from "./types";

export interface TemplateWriters {
  /** Inserts the template into the open workbook (Office.js, ≤ 2 syncs, new sheets only). */
  writeToExcel(input: TemplateInput): Promise<{ sheets: readonly string[] }>;
  /** The template as an .xlsx file. */
  writeXlsx(input: TemplateInput): Promise<Uint8Array>;
}

export function templateRequest(input: TemplateInput, defaultRows: Readonly<Record<ProductGroup, number>>): TemplateRequest {
  return {
    template: input.group,
    parameters: input.parameters,
    bids: input.bids,
    circular: input.circular,
    language: input.language,
    // Room for every offer, and a few blank rows for offers typed into the sheet later.
    minimumRows: Math.max(defaultRows[input.group], input.bids.length + 5),
  };
}

export function templateWriters(run?: ExcelRun): TemplateWriters {
  const templates = () => import("../templates");
  return {
    writeToExcel: async (input) => {
      const t = await templates();
      const report = await t.writeTemplateToExcel(templateRequest(input, t.DEFAULT_ROWS), run);
      return { sheets: Object.values(report.sheets).filter((s): s is string => typeof s === "string") };
    },
    writeXlsx: async (input) => {
      const t = await templates();
      return t.writeTemplateXlsx(templateRequest(input, t.DEFAULT_ROWS));
    },
  };
}
