/**
 * The .xlsx download's bytes from a checked comparison: in the xlsx worker (xlsx.worker.ts), or on this
 * thread where there is no worker. The templates (and exceljs) load on the first download, not with the pane.
 */
import { templateRequest } from "./templateRequest";
import type { TemplateInput } from "./types";

export async function xlsxBytes(input: TemplateInput): Promise<Uint8Array> {
  const t = await import("../templates");
  return t.writeTemplateXlsx(templateRequest(input, t.DEFAULT_ROWS));
}
