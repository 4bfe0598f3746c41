/**
 * End to end in "Excel" mode: dist/taskpane.html in headless Chromium with the Office stand-in injected
 * (support/officeStandIn.ts: Office.onReady → Excel, a display language, an Office theme, and a recording
 * fake of Excel.run). The office.js CDN request is answered by the test; nothing else may leave 127.0.0.1.
 *
 * The procurer enters the reference comparison, writes it into the workbook (one Excel.run, ≤ 2 syncs,
 * exactly the cells the Office.js writer plans, nothing overwritten), edits an offer (only that row is
 * written, and a value typed into the sheet meanwhile is kept), and a colleague with Dutch Office in the dark theme reopens the pane on the same workbook and
 * sees the same comparison. Screenshots of every step in both themes at 320 and 800 px.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ExcelHost } from "../../src/host/ExcelHost";
import { templateRequest, templateWriters } from "../../src/host/templateWriters";
import { type ScalarParameter, bidFields } from "../../src/model";
import { DEFAULT_ROWS, TEMPLATE_SETTING_KEY, buildPlan, parameterName, writeTemplateToExcel } from "../../src/templates";
import { cellAddress, parseRange } from "../../src/templates/address";
import { officeCell } from "../../src/templates/office/writeToExcel";
import { checkAccessibility, screenshot } from "./support/artifacts";
import { WIDTHS } from "./support/chromium";
import { BIDS, bidC, checkInputsMatchFixture, expectedLcc, money, templateInput } from "./support/comparison";
import {
  type LoggedOp,
  OFFICE_JS_BODY,
  OFFICE_THEMES,
  type OfficeLog,
  type RunLog,
  type StandInConfig,
  type WorkbookSnapshot,
  officeStandIn,
} from "./support/officeStandIn";
import { distDir } from "./support/server";
import { browserSession, expectCleanRequests, newPage } from "./support/session";
import {
  STEPS,
  byId,
  enterOffers,
  enterParameters,
  eventually,
  goToStep,
  parameterField,
  ranking,
  textOf,
  waitForWizard,
} from "./support/wizard";

const session = browserSession({ viewport: { width: 800, height: 1000 }, officeJs: OFFICE_JS_BODY });
/** The procurer's pane (English Office, light theme) and the colleague's (Dutch Office, dark theme). */
let mine: Page;
let colleague: Page;
let afterWrite: WorkbookSnapshot;
let panesOpened = 0;

const expected = expectedLcc();

beforeAll(() => checkInputsMatchFixture());

async function openPane(config: StandInConfig): Promise<Page> {
  const page = await newPage(session);
  await page.addInitScript(officeStandIn, config);
  await page.goto(`${session.server.url}taskpane.html`);
  panesOpened++;
  await waitForWizard(page);
  return page;
}

const officeLog = (page: Page) => page.evaluate("window.__officeStandIn.log") as Promise<OfficeLog>;
const workbook = (page: Page) => page.evaluate("window.__officeStandIn.snapshot()") as Promise<WorkbookSnapshot>;
const writes = (run: RunLog) => run.ops.filter((op) => op.op !== "application.suspendApiCalculationUntilNextSync");

type ExcelGlobal = { Excel: { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => Promise<T> } };

/** The stand-in installed on a plain object in Node, with Excel.run as the writer and host take it. */
function nodeStandIn(workbookState?: WorkbookSnapshot) {
  const g = {} as ExcelGlobal;
  const handle = officeStandIn({ host: "Excel", displayLanguage: "en-US", theme: OFFICE_THEMES.light, workbook: workbookState }, g);
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => g.Excel.run(batch);
  return { handle, run };
}

/** The reference write done in Node through the same fake: what the pane's write must reproduce exactly. */
async function referenceWrite(): Promise<{ run: RunLog; snapshot: WorkbookSnapshot }> {
  const { handle, run } = nodeStandIn();
  // The stand-in says every requirement set is there (ExcelApi 1.9 too), so the pane sets up the pages: so does the reference.
  await writeTemplateToExcel(templateRequest(templateInput(), DEFAULT_ROWS), run, true);
  return { run: handle.log.runs[0], snapshot: handle.snapshot() };
}

/** Column index of a Bids-table field (computers). */
const column = (key: string) => bidFields("computers").findIndex((f) => f.key === key);

describe("the Office stand-in is an honest double (Node, against the real writer and host)", () => {
  test("writeTemplateToExcel: one run, two syncs, every planned block written where the plan says", async () => {
    const { run, snapshot } = await referenceWrite();
    expect(run.error).toBeUndefined();
    expect([run.syncs, run.implicitSync]).toEqual([2, false]);
    const plan = buildPlan(templateRequest(templateInput(), DEFAULT_ROWS));
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        const target = `${sheet.name}!${block.anchor}${block.rows.length * block.rows[0].length > 1 ? ":" : ""}`;
        const op = run.ops.find(
          (o) => o.op === "range.formulas" && o.target.startsWith(target) && o.target.split("!")[1].split(":")[0] === block.anchor,
        );
        expect([sheet.name, block.anchor, op?.value]).toEqual([sheet.name, block.anchor, block.rows.map((r) => r.map(officeCell))]);
        expect(op!.sync).toBe(2);
      }
    }
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
    expect(snapshot.tables.map((t) => t.name)).toEqual([plan.tables[0].name]);
    expect(snapshot.names.map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
  });

  test("a second write into the same workbook takes new sheet and workbook names instead of overwriting", async () => {
    const { handle: fake, run } = nodeStandIn();
    const first = await writeTemplateToExcel(templateRequest(templateInput(), DEFAULT_ROWS), run);
    const second = await writeTemplateToExcel(templateRequest(templateInput(), DEFAULT_ROWS), run);
    expect(first.nameSuffix).toBe("");
    expect(second.nameSuffix).toBe("_2");
    expect(Object.values(second.sheets).every((s) => / \(2\)$/.test(String(s)))).toBe(true);
    expect(fake.log.runs.map((r) => [r.syncs, r.error])).toEqual([
      [2, undefined],
      [2, undefined],
    ]);
  });

  test("reading a property that was not loaded and synced throws, as in Office.js", async () => {
    const { run } = nodeStandIn();
    await expect(run(async (context) => context.workbook.worksheets.load("items/name").items.length)).rejects.toThrow(/not available/);
    await expect(run(async (context) => context.workbook.worksheets.items)).rejects.toThrow(/not available/);
    await expect(
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),
    ).resolves.toEqual(["Sheet1"]);
  });

  test("ExcelHost reads the comparison back from what the writer left in the workbook", async () => {
    const { snapshot } = await referenceWrite();
    const { handle: fake, run } = nodeStandIn(snapshot);
    const host = new ExcelHost({ run, locale: "en-US", language: "en", theme: "light", writers: templateWriters(run) });
    const saved = (await host.load()).comparison;
    expect(saved?.bids.map((b) => b.supplier)).toEqual(BIDS.map((b) => b.supplier));
    expect(saved?.parameters.discountRate).toBe("4 %");
    expect(fake.log.runs[0].syncs).toBeLessThanOrEqual(2);
  });
});

describe("the pane in Excel", () => {
  test("taskpane.html: office.js answered by the stand-in, every function associated, the wizard in Excel mode", async () => {
    mine = await openPane({ host: "Excel", displayLanguage: "en-US", theme: OFFICE_THEMES.light });
    expect(session.guard.officeJsServed).toBe(1);
    expect(await mine.evaluate("window.__officeJsLoaded")).toBe(1);
    const log = await officeLog(mine);
    const ids = (JSON.parse(readFileSync(join(distDir(), "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map(
      (f) => f.id,
    );
    expect([...log.associated].sort()).toEqual([...ids].sort());
    expect(log.onReadyCalls).toBeGreaterThan(0);
    // Excel follows Office's display language: no language picker; the footer says where the data lives.
    expect(await byId(mine, "language-select").count()).toBe(0);
    await textOf(mine.locator("footer"), "workbook");
    await byId(mine, "start-fresh").waitFor();
    // A fresh workbook holds no template: loading it wrote nothing.
    expect(log.runs.flatMap(writes)).toEqual([]);
  });

  test("the reference comparison entered in the pane ranks B first", async () => {
    await goToStep(mine, "parameters");
    await enterParameters(mine);
    await goToStep(mine, "bids");
    await enterOffers(mine);
    await goToStep(mine, "results");
    expect(await ranking(mine)).toEqual([
      { name: "Notebook B (Supplier B)", value: money(expected.B, "en-US") },
      { name: "Notebook C (Supplier C)", value: money(expected.C, "en-US") },
      { name: "Notebook A (Supplier A)", value: money(expected.A, "en-US") },
    ]);
  });

  test("Write: one Excel.run in ≤ 2 syncs writes exactly the planned ranges, and nothing before it wrote a cell", async () => {
    await goToStep(mine, "write");
    await byId(mine, "write-button").click();
    await textOf(byId(mine, "write-status"), "Written to this workbook");
    const log = await officeLog(mine);
    const writing = log.runs.filter((r) => writes(r).length > 0);
    expect(writing).toHaveLength(1);
    const [run] = writing;
    expect(run.error).toBeUndefined();
    expect(run.syncs).toBeLessThanOrEqual(2); // the final implicit sync of Excel.run included
    // Saves made while typing, before a template existed, only looked for one (no write, one sync each).
    for (const r of log.runs.filter((x) => x !== run)) expect([r.syncs <= 2, r.error]).toEqual([true, undefined]);

    // Exactly what the Office.js writer does for this comparison (run in Node through the same fake).
    const reference = await referenceWrite();
    const strip = (ops: LoggedOp[]) => ops.map(({ op, target, value }) => ({ op, target, value }));
    expect(strip(run.ops)).toEqual(strip(reference.run.ops));
    afterWrite = await workbook(mine);
    expect(afterWrite).toEqual(reference.snapshot);

    // And, read without the plan: the named inputs and the Bids table hold what was typed.
    const plan = buildPlan(templateRequest(templateInput(), DEFAULT_ROWS));
    const cellOf = (sheet: string, address: string) => {
      const { col, row } = parseRange(address);
      return afterWrite.sheets.find((s) => s.name === sheet)?.cells[`${row},${col}`];
    };
    const named = (key: ScalarParameter) => {
      const n = afterWrite.names.find((x) => x.name === parameterName(key))!;
      return cellOf(n.sheet, n.address);
    };
    expect([
      named("discountRate"),
      named("evaluationYears"),
      named("electricityPricePerKWh"),
      named("energyEscalation"),
      named("maintenanceEscalation"),
      named("co2PricePerTonne"),
      named("country"),
    ]).toEqual([0.04, 5, 0.2, 0.03, 0.02, 100, "'BE"]);
    const table = afterWrite.tables.find((t) => t.name === plan.tables[0].name)!;
    const { col, row } = parseRange(table.address);
    const bidsSheet = afterWrite.sheets.find((s) => s.name === table.sheet)!;
    const rowText = (r: number) =>
      ["supplier", "product", "quantity", "price", "tecKWhPerYear"].map((k) => bidsSheet.cells[`${r},${col + column(k)}`]);
    expect([rowText(row + 1), rowText(row + 2), rowText(row + 3)]).toEqual([
      ["'Supplier A", "'Notebook A", 100, 750, 30],
      ["'Supplier B", "'Notebook B", 100, 800, 18],
      ["'Supplier C", "'Notebook C", 100, 550, 26],
    ]);
    expect(JSON.parse(String(afterWrite.settings[TEMPLATE_SETTING_KEY]))).toMatchObject({ template: "computers", nameSuffix: "" });
  });

  test("after the write, an edit in the pane writes that offer's cell and keeps what was typed in the sheet meanwhile", async () => {
    const before = (await officeLog(mine)).runs.length;
    // Someone raises the CO2 price on the Parameters sheet in Excel while the pane is open.
    const co2 = afterWrite.names.find((n) => n.name === parameterName("co2PricePerTonne"))!;
    await mine.evaluate(`window.__officeStandIn.type(${JSON.stringify(co2.name)}, 120)`);
    // Then the procurer corrects offer C's price in the pane.
    await goToStep(mine, "bids");
    const price = byId(mine, "bid-2-price");
    if (!(await price.isVisible())) await byId(mine, "bid-2-toggle").click();
    await price.fill("560");
    const table = afterWrite.tables[0];
    const { col, row } = parseRange(table.address);
    const priceCell = `${row + 3},${col + column("price")}`;
    const co2Cell = (() => {
      const r = parseRange(co2.address);
      return `${r.row},${r.col}`;
    })();
    await eventually(async () => expect((await workbook(mine)).sheets.find((s) => s.name === table.sheet)!.cells[priceCell]).toBe(560));
    await eventually(async () => expect((await officeLog(mine)).runs.slice(before).every((r) => r.done)).toBe(true));
    const runs = (await officeLog(mine)).runs.slice(before);
    const now = await workbook(mine);
    const cellsOf = (w: WorkbookSnapshot, sheet: string) => w.sheets.find((s) => s.name === sheet)?.cells ?? {};
    const changed = now.sheets.flatMap((s) => {
      const old = cellsOf(afterWrite, s.name);
      return [...new Set([...Object.keys(s.cells), ...Object.keys(old)])]
        .filter((k) => s.cells[k] !== old[k])
        .map((k) => `${s.name}!${k}=${JSON.stringify(s.cells[k])}`);
    });
    // The colleague's 120 stays; the new price is the only other change; no run needed more than 2 syncs.
    expect({ changed: changed.sort(), syncs: runs.map((r) => r.syncs) }).toEqual({
      changed: [`${co2.sheet}!${co2Cell}=120`, `${table.sheet}!${priceCell}=560`].sort(),
      syncs: runs.map((r) => Math.min(r.syncs, 2)),
    });
    // One cell written: that offer's price (only the cells the pane changed, so a colleague's edit elsewhere in the row stays).
    expect(runs.flatMap(writes).map((o) => `${o.op} ${o.target}`)).toEqual([
      `range.values ${table.sheet}!${cellAddress(col + column("price"), row + 3)}`,
    ]);
    afterWrite = now;
    await goToStep(mine, "results");
    const rows = await ranking(mine);
    expect(rows[0].name).toBe("Notebook B (Supplier B)");
    expect(rows.find((r) => r.name.startsWith("Notebook C"))?.value).toBe(money(expected.C + bidC.quantity * (560 - bidC.price), "en-US"));
  });

  test("a colleague (Dutch Office, dark theme) reopens the pane on the workbook and sees the same comparison", async () => {
    colleague = await openPane({ host: "Excel", displayLanguage: "nl-BE", theme: OFFICE_THEMES.dark, workbook: afterWrite });
    await textOf(byId(colleague, "start-restored"), "3");
    expect(await colleague.evaluate("document.documentElement.lang")).toBe("nl");
    await goToStep(colleague, "parameters");
    expect(await (await parameterField(colleague, "discountRate")).inputValue()).toBe("4 %");
    expect(await (await parameterField(colleague, "electricityPricePerKWh")).inputValue()).toBe("0,2");
    expect(await byId(colleague, "param-country").inputValue()).toBe("BE");
    // What was typed into the sheet is what the colleague sees.
    expect(await byId(colleague, "param-co2PricePerTonne").inputValue()).toBe("120");
    await goToStep(colleague, "results");
    // Offer C now costs 560 a unit (the edit above): it drops behind A.
    const lccC = expected.C + bidC.quantity * (560 - bidC.price);
    expect(lccC).toBeGreaterThan(expected.A);
    expect(await ranking(colleague)).toEqual([
      { name: "Notebook B (Supplier B)", value: money(expected.B, "nl-BE") },
      { name: "Notebook A (Supplier A)", value: money(expected.A, "nl-BE") },
      { name: "Notebook C (Supplier C)", value: money(lccC, "nl-BE") },
    ]);
    // Writing again brings the comparison already in the workbook up to date: no new sheets.
    await goToStep(colleague, "write");
    await byId(colleague, "write-button").click();
    await byId(colleague, "write-status").waitFor();
    const log = await officeLog(colleague);
    expect(log.runs.flatMap((r) => r.ops).filter((o) => o.op === "worksheets.add")).toEqual([]);
    for (const r of log.runs) expect(r.syncs).toBeLessThanOrEqual(2);
  });
});

describe("screenshots and accessibility in Excel mode", () => {
  test("every step at 320 and 800 px, in Office's light and dark themes", async () => {
    for (const [theme, page] of [
      ["light", mine],
      ["dark", colleague],
    ] as const) {
      await page.bringToFront(); // a background tab gets fewer frames
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const step of STEPS) {
          await goToStep(page, step);
          await screenshot(page, `excel/${step}-${width}-${theme}`);
        }
      }
    }
  });

  test("the step 6 (Workbook) status box fits the pane at 320 px: it wraps, nothing is cut", async () => {
    await mine.bringToFront();
    await mine.setViewportSize({ width: 320, height: 900 });
    await goToStep(mine, "write");
    await byId(mine, "write-button").click();
    const status = byId(mine, "write-status");
    await status.waitFor();
    await screenshot(mine, "excel/write-320-status");
    const box = (await status.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    const [scroll, client] = await status.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect((await mine.evaluate("document.documentElement.scrollWidth")) as number).toBeLessThanOrEqual(320);
  });

  test("axe: no serious or critical violations on any step (light, 320 px)", async () => {
    await mine.bringToFront();
    await mine.setViewportSize({ width: 320, height: 900 });
    const failures: string[] = [];
    for (const step of STEPS) {
      await goToStep(mine, step);
      const { blocking } = await checkAccessibility(mine);
      failures.push(...blocking.map((b) => `[excel ${step} light 320] ${b}`));
    }
    if (failures.length) throw new Error(`axe found serious/critical violations:\n\n${failures.join("\n\n")}`);
  });
});

test("no request left 127.0.0.1 except office.js, which the stand-in answered; no page errors", () => {
  expect(session.guard.officeJsServed).toBe(panesOpened);
  expectCleanRequests(session.guard, "excel");
});
