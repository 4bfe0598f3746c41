/**
 * End to end, standalone (dist/index.html in headless Chromium, no Office): a procurer chooses computers,
 * enters the general inputs of REFERENCE-CASES.md (tripping over a rate typed as 4 on the way), enters
 * three offers, reads the ranking (B first, 78 460.98 against 80 193.71), runs the Monte Carlo ranking
 * probability, downloads the .xlsx and reloads the page. The workbook is opened with exceljs for the inputs
 * and recalculated by LibreOffice for the results. No request may leave 127.0.0.1.
 */
import { codeWord } from "../../src/templates/codes";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { BACKUP_KEY, STORAGE_KEY } from "../../src/host/StandaloneHost";
import { SAVED_FORMAT_VERSION } from "../../src/host/savedFormat";
import { type ScalarParameter, bidFields } from "../../src/model";
import { parameterName } from "../../src/templates";
import { parseRange } from "../../src/templates/address";
import { recalculate } from "../templates/libreoffice";
import { ARTIFACTS } from "./support/artifacts";
import {
  BE_FACTOR_TEXT,
  BIDS,
  BID_INPUT,
  PARAMETER_INPUT,
  checkInputsMatchFixture,
  expectedLcc,
  money,
  templatePlan,
} from "./support/comparison";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import {
  addOffer,
  byId,
  enterOffers,
  enterParameters,
  eventually,
  fieldMessage,
  fillOffer,
  goToStep,
  parameterField,
  ranking,
  setParameter,
  textOf,
  waitForWizard,
} from "./support/wizard";

const session = browserSession({ viewport: { width: 800, height: 1000 } });
let page: Page;
let downloaded: string | undefined;

const expected = expectedLcc();

beforeAll(async () => {
  checkInputsMatchFixture();
  page = await newPage(session);
});

const storedComparison = (): Promise<string | null> =>
  page.evaluate(`localStorage.getItem(${JSON.stringify(STORAGE_KEY)})`) as Promise<string | null>;

test("the standalone page opens on a fresh comparison, without office.js", async () => {
  await page.goto(`${session.server.url}index.html`);
  await waitForWizard(page);
  await byId(page, "start-fresh").waitFor();
  expect(await byId(page, "group-computers").isChecked()).toBe(true);
  expect(await page.evaluate("typeof Office")).toBe("undefined");
  await byId(page, "group-computers").check();
  await byId(page, "nav-next").click();
  await byId(page, "panel-parameters").waitFor();
});

test("Parameters: a rate typed as 4 is flagged inline, then the reference inputs are accepted", async () => {
  const rate = await parameterField(page, "discountRate");
  await rate.fill("4");
  await eventually(async () => expect(await rate.getAttribute("aria-invalid")).toBe("true"));
  // The message names the field and says how to type it: 4 % or 0.04.
  const message = await fieldMessage(rate);
  expect(message).toMatch(/Discount rate/);
  expect(message).toMatch(/4 %|0\.04/);
  // The step counts it among the fields to fix (with the electricity price, which has no default).
  await textOf(byId(page, "parameters-problems"), /^2 field/);

  await enterParameters(page);
  expect(await rate.getAttribute("aria-invalid")).not.toBe("true");
  expect(await byId(page, "parameters-problems").count()).toBe(0);
  // The BE preset brings its sourced emission factor.
  expect(await byId(page, "param-emissionFactorKgPerKWh").inputValue()).toBe(BE_FACTOR_TEXT);
  for (const [key, text] of Object.entries(PARAMETER_INPUT))
    expect([key, await byId(page, `param-${key}`).inputValue()]).toEqual([key, text]);
});

test("Bids: three offers, none flagged", async () => {
  await goToStep(page, "bids");
  await enterOffers(page);
  await textOf(byId(page, "bids-summary"), /^3 offer/);
  expect(await page.locator('[data-testid$="-flag"]').count()).toBe(0);
});

test("Results: B ranks first; the LCCs are shown as the UI formats them", async () => {
  await goToStep(page, "results");
  const rows = await ranking(page);
  expect(rows).toEqual([
    { name: "Notebook B (Supplier B)", value: money(expected.B) },
    { name: "Notebook C (Supplier C)", value: money(expected.C) },
    { name: "Notebook A (Supplier A)", value: money(expected.A) },
  ]);
  expect(money(expected.B)).toBe("€78,460.98");
  expect(money(expected.A)).toBe("€80,193.71");
  const summary = await textOf(byId(page, "winner-summary"), "Notebook B (Supplier B)");
  expect(summary).toContain("€78,460.98");
  // Equal service lives: LCC, not EAC, is compared, and no EAC note is shown.
  expect(await byId(page, "eac-note").count()).toBe(0);
  const explanation = await byId(page, "explanation-text").inputValue();
  expect(explanation).toContain("Notebook B (Supplier B)");
});

test("Results: the Monte Carlo ranking probability comes back from a Web Worker", async () => {
  const [worker] = await Promise.all([page.waitForEvent("worker"), byId(page, "mc-run").click()]);
  // The draws run off the UI thread, in a worker script served by this server.
  expect(worker.url().startsWith(session.server.url)).toBe(true);
  await byId(page, "mc-result").waitFor();
  const shares = await page.locator('[data-testid^="mc-share-"]').allTextContents();
  expect(shares).toHaveLength(3);
  // Listed by share, highest first: B, the winner on the base case, leads.
  expect(shares[0]).toContain("Notebook B (Supplier B)");
});

test("Write: the .xlsx download holds the parameters and the three offers", async () => {
  await goToStep(page, "write");
  const [download] = await Promise.all([page.waitForEvent("download"), byId(page, "write-button").click()]);
  expect(download.suggestedFilename()).toMatch(/^lcc-computers-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const dir = join(ARTIFACTS, "downloads");
  mkdirSync(dir, { recursive: true });
  downloaded = join(dir, "standalone-comparison.xlsx");
  await download.saveAs(downloaded);
  expect(await download.failure()).toBeNull();
  await textOf(byId(page, "write-status"), download.suggestedFilename());

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(downloaded);
  const plan = templatePlan();
  const sheetName = (key: string) => plan.sheets.find((s) => s.key === key)!.name;
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(plan.sheets.map((s) => s.name)));

  // Parameters: read through the workbook's own defined names (LCC_DiscountRate …), not through the plan.
  const named = (name: string): ExcelJS.Cell => {
    const [ref] = wb.definedNames.getRanges(name).ranges;
    expect([name, ref]).toEqual([name, expect.any(String)]);
    const bang = ref.lastIndexOf("!");
    const sheet = wb.getWorksheet(
      ref
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'"),
    )!;
    return sheet.getCell(ref.slice(bang + 1).replace(/\$/g, ""));
  };
  const typed: [ScalarParameter, number | string][] = [
    ["discountRate", 0.04],
    ["evaluationYears", 5],
    ["electricityPricePerKWh", 0.2],
    ["energyEscalation", 0.03],
    ["maintenanceEscalation", 0.02],
    ["co2PricePerTonne", 100],
    ["country", "BE"],
  ];
  for (const [key, value] of typed) expect([key, named(parameterName(key)).value]).toEqual([key, value]);

  // Offers: the Bids table, header row first, one row per offer in the order entered.
  const table = plan.tables[0];
  const bids = wb.getWorksheet(sheetName("bids"))!;
  const { col, row } = parseRange(table.range);
  const cells = (r: number) => table.headers.map((_, c) => bids.getCell(r + 1, col + c + 1).value);
  expect(cells(row)).toEqual(table.headers);
  const fields = bidFields("computers");
  BIDS.forEach((bid, i) => {
    // Codes show as the workbook's words ("Notebook", "New"); the formulas map them back.
    const expectedRow = fields.map((f) =>
      bid[f.key] === null || bid[f.key] === "" ? null : f.kind === "enum" ? codeWord("en", f.key, String(bid[f.key])) : bid[f.key],
    );
    expect([i, cells(row + 1 + i)]).toEqual([i, expectedRow]);
  });

  // Results: formulas (exceljs writes them without cached values).
  const results = wb.getWorksheet(sheetName("results"))!;
  const column = (key: string) => plan.results.columns.find((c) => c.key === key)!.column;
  for (let i = 0; i < BIDS.length; i++) {
    const cell = results.getCell(`${column("comparisonValue")}${plan.results.firstRow + i}`);
    expect([i, typeof cell.formula]).toEqual([i, "string"]);
  }
});

test("Write: LibreOffice recalculates the downloaded workbook to the reference LCCs", async () => {
  expect(downloaded).toBeDefined();
  const [recalculated] = recalculate([downloaded!], mkdtempSync(join(tmpdir(), "e2e-lo-")));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(recalculated);
  const plan = templatePlan();
  const results = wb.getWorksheet(plan.sheets.find((s) => s.key === "results")!.name)!;
  const value = (key: string, i: number): number => {
    const column = plan.results.columns.find((c) => c.key === key)!.column;
    const v = results.getCell(`${column}${plan.results.firstRow + i}`).value as { result?: unknown } | number;
    return Number(typeof v === "object" && v !== null ? v.result : v);
  };
  const lcc = [0, 1, 2].map((i) => value("comparisonValue", i));
  expect(lcc[0]).toBeCloseTo(expected.A, 2);
  expect(lcc[1]).toBeCloseTo(expected.B, 2);
  expect(lcc[2]).toBeCloseTo(expected.C, 2);
  expect([0, 1, 2].map((i) => value("rank", i))).toEqual([3, 1, 2]);
});

test("Reload: the comparison comes back from localStorage, nothing lost", async () => {
  const before = await storedComparison();
  expect(before).not.toBeNull();
  const saved = JSON.parse(before!) as { bids: Record<string, string>[]; parameters: Record<string, string> };
  expect(saved.bids.map((b) => b.supplier)).toEqual(["Supplier A", "Supplier B", "Supplier C"]);
  expect(saved.parameters.discountRate).toBe("4 %");

  await page.reload();
  await waitForWizard(page);
  await textOf(byId(page, "start-restored"), "3 offer");
  expect(await storedComparison()).toBe(before);

  await goToStep(page, "parameters");
  for (const [key, text] of Object.entries(PARAMETER_INPUT))
    expect([key, await (await parameterField(page, key)).inputValue()]).toEqual([key, text]);
  expect(await byId(page, "param-country").inputValue()).toBe("BE");
  await goToStep(page, "bids");
  await textOf(byId(page, "bids-summary"), /^3 offer/);
  await goToStep(page, "results");
  expect((await ranking(page)).map((r) => r.value)).toEqual([money(expected.B), money(expected.C), money(expected.A)]);
});

test("Reload after a bad entry: the wrong text survives as typed and is flagged again", async () => {
  await goToStep(page, "parameters");
  await setParameter(page, "discountRate", "4");
  await eventually(async () => expect(JSON.parse((await storedComparison())!).parameters.discountRate).toBe("4"));
  await page.reload();
  await waitForWizard(page);
  await goToStep(page, "parameters");
  const rate = await parameterField(page, "discountRate");
  expect(await rate.inputValue()).toBe("4");
  expect(await rate.getAttribute("aria-invalid")).toBe("true");
  await goToStep(page, "results");
  await byId(page, "results-blocked").waitFor();
  await goToStep(page, "parameters");
  await setParameter(page, "discountRate", PARAMETER_INPUT.discountRate);
});

test("Reload after a hand edit: a number where text was expected is recovered; broken JSON is reported and kept until a new comparison", async () => {
  // The pane stores a change after a short pause (or when the page is hidden): edit by hand only once the last one is in.
  await eventually(async () => expect(JSON.parse((await storedComparison())!).parameters.discountRate).toBe(PARAMETER_INPUT.discountRate));
  const before = JSON.parse((await storedComparison())!) as { parameters: Record<string, unknown> };
  const setStored = (text: string) => page.evaluate(`localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(text)})`);
  const stored = (key: string) => page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`) as Promise<string | null>;
  await setStored(JSON.stringify({ ...before, parameters: { ...before.parameters, evaluationYears: 6 } }));
  await page.reload();
  await waitForWizard(page);
  await textOf(byId(page, "start-restored"), "3 offer");
  await textOf(byId(page, "load-report"), "now read as text: Parameters – Evaluation period");

  await setStored("{not json");
  await page.reload();
  await waitForWizard(page);
  await textOf(byId(page, "load-report"), "The stored text is damaged.");
  // The copy kept on the first reload stays; this one gets a key of its own, which Start names.
  await textOf(byId(page, "load-report"), `kept in this browser under “${BACKUP_KEY}.2”`);
  await byId(page, "group-imaging").check();
  await byId(page, "save-refused").waitFor();
  expect(await storedComparison()).toBe("{not json");
  expect(JSON.parse((await stored(BACKUP_KEY))!).parameters.evaluationYears).toBe(6);
  expect(await stored(`${BACKUP_KEY}.2`)).toBe("{not json");

  await byId(page, "start-new").click();
  await byId(page, "start-new-confirm").click();
  await eventually(async () =>
    expect(JSON.parse((await storedComparison())!)).toMatchObject({ version: SAVED_FORMAT_VERSION, group: "imaging", bids: [] }),
  );
  expect(await stored(`${BACKUP_KEY}.2`)).toBe("{not json");
});

describe("LCC-METHOD §12.7 typed in by a procurer: warranty 5 years required", () => {
  /** The reference offers A and B as typed in the cards, with their commitments (case C1). */
  const offer = (i: number, commitments: Record<string, string>) => ({ ...BID_INPUT[i], ...commitments });

  test("C1: the ranking flips to A; the breakdown shows A's warranty top-up and B's battery", async () => {
    await goToStep(page, "start");
    await byId(page, "group-computers").check();
    await goToStep(page, "parameters");
    await enterParameters(page);
    await setParameter(page, "requiredWarrantyYears", "5");
    await goToStep(page, "bids");
    await addOffer(page, 0, offer(0, { warrantyYears: "3", extraWarrantyYearPrice: "25" }));
    await addOffer(page, 1, offer(1, { warrantyYears: "5", batteryReplacementCost: "90", batteryReplacementYear: "4" }));
    await textOf(byId(page, "bids-summary"), /^2 offers, 0 needing/);
    await goToStep(page, "results");
    expect(await ranking(page)).toEqual([
      { name: "Notebook A (Supplier A)", value: "€85,193.71" },
      { name: "Notebook B (Supplier B)", value: "€86,625.11" },
    ]);
    const bars = byId(page, "chart-lcc").getByRole("img");
    await eventually(async () => expect(await bars.count()).toBe(2));
    expect(await bars.nth(0).getAttribute("aria-label")).toContain("Warranty extension €5,000.00");
    expect(await bars.nth(1).getAttribute("aria-label")).toContain("Battery and upgrades €8,164.13");
    await byId(page, "chart-lcc").getByText("Show the figures as a table").click();
    await textOf(byId(page, "chart-lcc").locator("table"), "Warranty extension");
    expect(await byId(page, "not-ranked").count()).toBe(0);
  });

  test("C3: without an extension price A is listed as not ranked with its reason; B ranks first alone", async () => {
    await goToStep(page, "bids");
    await byId(page, "bid-0-toggle").click();
    await fillOffer(page, 0, { extraWarrantyYearPrice: "" });
    await goToStep(page, "results");
    expect(await ranking(page)).toEqual([{ name: "Notebook B (Supplier B)", value: "€86,625.11" }]);
    await textOf(byId(page, "not-ranked-reason-1"), "Not ranked: Warranty: 3 years, the tender asks at least 5");
    expect(await byId(page, "not-ranked-name-1").textContent()).toBe("Notebook A (Supplier A)");
    expect(await byId(page, "explanation-text").inputValue()).toContain(
      "Notebook A (Supplier A) (Warranty: 3 years, the tender asks at least 5)",
    );
  });
});

test("no request left 127.0.0.1, and the page logged no errors", () => {
  expect(session.guard.requests.length).toBeGreaterThan(0);
  expect(session.guard.officeJsServed).toBe(0);
  expectCleanRequests(session.guard, "standalone");
});
