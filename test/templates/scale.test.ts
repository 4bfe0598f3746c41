/**
 * The .xlsx writer at scale (issue 13): cells are written as XML row by row (src/templates/xlsx/cells.ts),
 * so every offer's row must come out whole, with its formats, and the CLI must refuse more offers than
 * MAX_XLSX_OFFERS with a clear message rather than run out of memory.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { buildPlan } from "../../src/templates/buildPlan";
import { parseRange } from "../../src/templates/address";
import { MAX_XLSX_OFFERS, planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { offersCsv } from "../../scripts/bench/scale";
import { randomComputerBids } from "../fixtures/randomBids";

const ROOT = resolve(__dirname, "../..");
const OFFERS = 3_000;

it(`writes every one of ${OFFERS} offers with its formulas and formats`, async () => {
  const bids = randomComputerBids(OFFERS, 7, false).map((b, i) => (i === OFFERS - 1 ? { ...b, supplier: "=HYPERLINK(1)" } : b));
  const plan = buildPlan({
    template: "computers",
    parameters: { ...DEFAULT_PARAMETERS, electricityPricePerKWh: 0.2 },
    bids,
    language: "en",
  });
  const bytes = await planToXlsx(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

  const table = plan.tables.find((t) => t.sheet === "bids")!;
  const bidsSheet = wb.getWorksheet(plan.sheets.find((s) => s.key === "bids")!.name)!;
  const r = parseRange(table.range);
  const zip = await JSZip.loadAsync(bytes);
  const tablePart = await zip.file(Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f))!)!.async("string");
  expect(tablePart).toContain(`name="${table.name}"`);
  expect(tablePart).toContain(`ref="${table.range}"`);
  const first = bidsSheet.getCell(r.row + 2, r.col + 1);
  const last = bidsSheet.getCell(r.row + OFFERS + 1, r.col + 1);
  expect(first.value).toBe(bids[0].supplier);
  // Formula-like text stays text, in the Text format (quote prefix), at the far end as at the top.
  expect(last.value).toBe("=HYPERLINK(1)");
  expect(last.numFmt).toBe("@");
  expect(first.numFmt).not.toBe("@");
  expect(last.fill).toEqual(first.fill);
  expect(last.protection).toEqual(first.protection);

  const results = wb.getWorksheet(plan.sheets.find((s) => s.key === "results")!.name)!;
  const lastRow = plan.results.firstRow + OFFERS - 1;
  for (const { column } of plan.results.columns) {
    const cell = results.getCell(`${column}${lastRow}`);
    expect(typeof (cell.value as { formula?: string }).formula).toBe("string");
    expect(cell.numFmt).toBe(results.getCell(`${column}${plan.results.firstRow}`).numFmt);
  }
}, 120_000);

it(`the CLI refuses ${MAX_XLSX_OFFERS + 1} offers, says the limit, and writes nothing`, () => {
  const dir = mkdtempSync(join(tmpdir(), "template-cli-scale-"));
  const csv = join(dir, "bids.csv");
  const out = join(dir, "t.xlsx");
  writeFileSync(csv, offersCsv(MAX_XLSX_OFFERS + 1));
  const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/template-cli.ts", "computers", "--bids", csv, "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain(`${MAX_XLSX_OFFERS + 1} offers; one workbook holds at most ${MAX_XLSX_OFFERS}`);
  expect(existsSync(out)).toBe(false);
}, 120_000);
