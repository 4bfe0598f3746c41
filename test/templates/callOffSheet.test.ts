/**
 * The Call-off sheet, written as .xlsx and recalculated by LibreOffice headless, against the call-off model
 * (model/callOff.ts) for the same set and quantities: every line and total, relative difference ≤ 1e-9. Two
 * workbooks: the reference notebooks under a set with commitments (a warranty top-up, a battery, repairs
 * after warranty, a fractional period, mid-year timing, NIST escalation), and imaging offers.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  type Bid,
  DEFAULT_PARAMETERS,
  type FrameworkOffers,
  type Parameters,
  computeCallOff,
  productKey,
  publishParameterSet,
} from "../../src/model";
import { type TemplateInput, buildPlan } from "../../src/templates";
import type { CallOffColumn } from "../../src/templates/callOffSheet";
import { planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { recalculate } from "./libreoffice";

jest.setTimeout(300_000);

const commitments: Parameters = {
  ...referenceParameters,
  evaluationYears: 4.5,
  timing: "mid",
  escalationBase: "nist",
  requiredWarrantyYears: 4,
  outOfWarrantyRepairPerYear: 40,
  dataErasureCostPerUnit: 9,
};
const notebooks: Bid[] = [
  { ...bidA, warrantyYears: 3, extraWarrantyYearPrice: 25, embodiedKgCO2e: 310 },
  { ...bidB, warrantyYears: 2, batteryReplacementCost: 90, batteryReplacementYear: 3, embodiedKgCO2e: 280, serviceLifeYears: 4 },
];
/** An imaging set: pages priced per unit and year, repairs once a 2-year warranty ends. */
const imagingParameters: Parameters = {
  ...DEFAULT_PARAMETERS,
  electricityPricePerKWh: 0.21,
  monoPagesPerYear: 15000,
  colourPagesPerYear: 3000,
  outOfWarrantyRepairPerYear: 55,
  requiredWarrantyYears: 2,
};
const printers: Bid[] = [
  {
    ...bidA,
    supplier: "Printer Co",
    product: "MFD 40",
    deviceType: "mfd",
    tecKWhPerYear: null,
    tecKWhPerWeek: 1.2,
    monoCostPerPage: 0.006,
    colourCostPerPage: 0.05,
    serviceContractPerYear: 120,
    warrantyYears: 2,
    embodiedKgCO2e: 600,
    quantity: 4,
  },
];

const COLUMNS: [CallOffColumn, (t: ReturnType<typeof computeCallOff>["lines"][number]) => number][] = [
  ["lcc", (l) => l.lcc],
  ["costPerYear", (l) => l.costPerYear],
  ["co2Production", (l) => l.productionCo2Kg],
  ["co2Use", (l) => l.useCo2Kg],
  ["purchase", (l) => l.purchase],
  ["runningPerYear", (l) => l.runningPerYear],
];

const close = (actual: unknown, expected: number) => {
  if (typeof actual !== "number") throw new Error(`not a number: ${JSON.stringify(actual)} (expected ${expected})`);
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected) / scale).toBeLessThanOrEqual(1e-9);
};

it("LibreOffice's recalculation of the Call-off sheet equals the call-off model, line by line and in total", async () => {
  const cases = await Promise.all(
    (
      [
        ["computers", commitments, notebooks, [30, 70]],
        ["imaging", imagingParameters, printers, [7]],
      ] as const
    ).map(async ([kind, parameters, bids, quantities]) => {
      const offers: FrameworkOffers = { kind, bids };
      const set = await publishParameterSet(
        parameters,
        { name: "Framework", version: "1", date: "2026-12-03", publisher: "CPB", local: [] },
        offers,
      );
      const input: TemplateInput = {
        template: kind,
        parameters: set.parameters,
        bids: set.offers!.bids,
        framework: set,
        callOffQuantities: quantities,
      };
      const model = computeCallOff(set, Object.fromEntries(set.offers!.bids.map((b, i) => [productKey(b), String(quantities[i])])));
      return { input, model, plan: buildPlan(input) };
    }),
  );
  const dir = mkdtempSync(join(tmpdir(), "calloff-sheet-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `calloff-${i}.xlsx`);
      writeFileSync(file, await planToXlsx(c.plan));
      return file;
    }),
  );
  const recalculated = recalculate(files, join(dir, "out"));
  for (const [i, c] of cases.entries()) {
    expect(c.model.problems).toEqual({});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated[i]);
    const sheet = c.plan.sheets.find((s) => s.key === "callOff")!;
    const ws = wb.getWorksheet(sheet.name)!;
    const header = ws.getRow(4).values as unknown[];
    expect(header.slice(1, 3)).toEqual(["Offer", "Quantity"]);
    const colOf = (key: CallOffColumn) =>
      String.fromCharCode(
        65 + ["offer", "quantity", "lcc", "costPerYear", "co2Production", "co2Use", "purchase", "runningPerYear"].indexOf(key),
      );
    c.model.lines.forEach((line, row) => {
      expect(ws.getCell(`A${5 + row}`).result).toBe(`${line.bid.supplier} – ${line.bid.product}`);
      for (const [key, value] of COLUMNS) close(ws.getCell(`${colOf(key)}${5 + row}`).result, value(line));
    });
    // The totals row after the Bids table's rows (10 at least, blank ones counting 0).
    const totalRow = 5 + Math.max(10, c.input.bids!.length);
    expect(ws.getCell(`A${totalRow}`).value).toBe("Call-off total");
    const totals = c.model.totals;
    const expected: Record<string, number> = {
      lcc: totals.lcc,
      costPerYear: totals.costPerYear,
      co2Production: totals.productionCo2Kg,
      co2Use: totals.useCo2Kg,
      purchase: totals.purchase,
      runningPerYear: totals.runningPerYear,
    };
    for (const [key] of COLUMNS) close(ws.getCell(`${colOf(key)}${totalRow}`).result, expected[key]);
  }
});
