/**
 * Workbook templates mirroring the EU GPP LCC tools (computers and monitors, imaging equipment, circular
 * options): one declarative definition, a pure cell plan, and two writers.
 *
 *   writeTemplateToExcel(input)  inserts into the open workbook (Office.js, ≤ 2 syncs, never overwrites)
 *   writeTemplateXlsx(input)     a new .xlsx file as bytes (exceljs, charts added after; browser and Node)
 *
 * The constants below let a host read Parameters and Bids back from a workbook the templates wrote.
 */
import type { TemplateInput } from "./types";

export * from "./types";
export type { CellPlan, ResultsLayout, SheetPlan, PlanCell } from "./plan";
export { buildPlan, choosePlacement, defaultPlacement, DEFAULT_ROWS, SHEETS } from "./buildPlan";
export {
  parameterName,
  type ParameterKey,
  HELPER_NAMES,
  PRESET_NAMES,
  SUMMARY_NAMES,
  DEVICE_NAMES,
  TABLE_NAMES,
  TEMPLATE_SETTING_KEY,
} from "./names";
export { PARAMETER_ROWS, parameterRowsOf, YES_NO, CUSTOM_COUNTRY, COUNTRY_OPTIONS, effectiveCountry } from "./parametersSheet";
export { bidColumns, COMPARISON_COLUMNS } from "./comparison";
export { SCENARIO_COLUMNS } from "./circular";
export { writeTemplateToExcel, writeTenderTextToExcel, type WriteReport, type ExcelRun } from "./office/writeToExcel";

/** exceljs is loaded on demand, so the task pane bundle only carries it when a file is asked for. */
export async function writeTemplateXlsx(input: TemplateInput): Promise<Uint8Array> {
  const { writeXlsx } = await import("./xlsx/writeXlsx");
  return writeXlsx(input);
}
