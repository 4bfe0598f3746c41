/**
 * What the hosts need from src/templates, behind an interface so tests can record calls. The templates
 * are loaded on the first write (and exceljs only for a file), so the pane's first download stays small.
 * The .xlsx is written in a Web Worker where there is one (offThread.ts), so a large comparison never
 * freezes the pane; on this thread otherwise.
 */
import type { ExcelRun } from "../templates";
import { offThread } from "./offThread";
import { templateRequest } from "./templateRequest";
import type { TemplateInput } from "./types";

export { templateRequest };

export interface TemplateWriters {
  /** Inserts the template into the open workbook (Office.js, ≤ 2 syncs, new sheets only). */
  writeToExcel(input: TemplateInput): Promise<{ sheets: readonly string[] }>;
  /** The template as an .xlsx file. */
  writeXlsx(input: TemplateInput): Promise<Uint8Array>;
  /** Only the Tender text sheet, next to a comparison already in the workbook; the sheet's name. */
  writeTenderTextToExcel?(input: TemplateInput): Promise<string>;
}

export function templateWriters(run?: ExcelRun): TemplateWriters {
  const templates = () => import("../templates");
  return {
    writeToExcel: async (input) => {
      const t = await templates();
      const report = await t.writeTemplateToExcel(templateRequest(input, t.DEFAULT_ROWS), run);
      return { sheets: Object.values(report.sheets).filter((s): s is string => typeof s === "string") };
    },
    writeTenderTextToExcel: async (input) =>
      (await templates()).writeTenderTextToExcel(templateRequest(input, (await templates()).DEFAULT_ROWS), run),
    writeXlsx: async (input) => {
      const { xlsxBytes } = await import("./xlsxJob");
      return offThread(async () => (await import("./startXlsxWorker")).startXlsxWorker(), input, xlsxBytes);
    },
  };
}
