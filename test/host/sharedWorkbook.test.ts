/**
 * A shared workbook: the pane writes nothing until it has read what is there, finds the Bids columns by
 * their headers, and refuses (with a reason, never half-way, never an unhandled rejection) when a colleague
 * changed the table or deleted a name.
 */
import { ExcelHost } from "../../src/host/ExcelHost";
import type { SavedComparison } from "../../src/host/types";
import { columnKeys, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { type FakeBook, fakeRun } from "./fakeExcel";
import { bidHeaders, host, loaded, stamp, templateBook, writers } from "./templateBook";

const BIDS = tableName(stamp);
const col = (key: string) => columnKeys(stamp).indexOf(key);

/** Inserts a column of the user's own before template column `before`, with a value in each row. */
function insertColumn(book: FakeBook, before: string, header: string, values: unknown[]) {
  const at = col(before);
  book.headers![BIDS] = [...book.headers![BIDS].slice(0, at), header, ...book.headers![BIDS].slice(at)];
  book.tables[BIDS].forEach((row, i) => row.splice(at, 0, values[i] ?? ""));
}

/** Swaps two template columns, header and values. */
function swapColumns(book: FakeBook, a: string, b: string) {
  const [i, j] = [col(a), col(b)];
  const h = [...book.headers![BIDS]];
  [h[i], h[j]] = [h[j], h[i]];
  book.headers![BIDS] = h;
  for (const row of book.tables[BIDS]) [row[i], row[j]] = [row[j], row[i]];
}

/** Catches promise rejections nobody handled while `body` runs (and a moment after). */
async function unhandledDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  try {
    await body();
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.off("unhandledRejection", listener);
  }
  return seen;
}

const changed = (saved: SavedComparison): SavedComparison => ({
  ...saved,
  parameters: { ...saved.parameters, discountRate: "2,5 %", evaluationYears: "6" },
  bids: [{ ...saved.bids[0], price: "700" }, saved.bids[1]],
});

describe("the pane writes nothing to a workbook it could not read", () => {
  it("first read fails (cell-edit mode): save refuses and writes nothing until a retry reads the workbook", async () => {
    const book = templateBook();
    const { run, rec } = fakeRun(book);
    let failures = 1;
    const flaky: typeof run = (batch) => (failures-- > 0 ? Promise.reject(new Error("InvalidOperationInCellEditMode")) : run(batch));
    const w = writers();
    const h = new ExcelHost({ run: flaky, locale: "en-GB", language: "en", theme: "light", writers: w, saveDelayMs: 0 });

    const first = await h.load();
    expect(first).toEqual({
      status: "failed",
      comparison: null,
      report: { repaired: [], unreadable: [], problem: { kind: "readFailed", message: "InvalidOperationInCellEditMode" } },
    });
    // What the pane shows after a failed read is its defaults: saving them would overwrite the shared Parameters.
    const defaults: SavedComparison = {
      group: "computers",
      parameters: { discountRate: "4 %", evaluationYears: "4", country: "EU27", electricityPricePerKWh: "" },
      bids: [],
      circular: {},
    };
    expect(await h.save(defaults)).toEqual({
      stored: false,
      refused: { reason: "notAttached", problem: { kind: "readFailed", message: "InvalidOperationInCellEditMode" } },
    });
    expect(rec.writes).toEqual([]);
    expect(book.names.LCC_EvaluationYears).toBe(5);
    expect(book.tables[BIDS][0][col("supplier")]).toBe("Supplier A");
    await expect(h.write({ group: "computers", parameters: DEFAULT_PARAMETERS, bids: [], language: "en" })).rejects.toThrow("readFailed");
    expect(w.calls).toEqual([]);

    const saved = await loaded(h); // Retry
    expect(saved.bids.map((b) => b.supplier)).toEqual(["Supplier A", "Supplier B"]);
    expect(await h.save({ ...saved, parameters: { ...saved.parameters, evaluationYears: "6" } })).toEqual({ stored: true });
    expect(rec.writes.map((w) => w.target)).toEqual(["LCC_EvaluationYears"]);
    expect(book.names.LCC_EvaluationYears).toBe(6);
  });
});

describe("the Bids columns are found by their headers", () => {
  it("reads swapped columns and an inserted 'Price incl. VAT' as the fields they are, and writes around the inserted one", async () => {
    const book = templateBook();
    swapColumns(book, "price", "installation");
    insertColumn(book, "installation", "Price incl. VAT", [907.5, 968]);
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    expect(saved.bids[0]).toMatchObject({ supplier: "Supplier A", price: "750", installation: "20", quantity: "100" });
    expect(saved.bids[1]).toMatchObject({ price: "800", installation: "20" });

    rec.writes.length = 0;
    expect(await h.save({ ...saved, bids: [{ ...saved.bids[0], price: "700", installation: "25" }, saved.bids[1]] })).toEqual({
      stored: true,
    });
    const row = book.tables[BIDS][0];
    const headers = book.headers![BIDS];
    const at = (header: string) => row[headers.indexOf(header)];
    expect(at("Price incl. VAT")).toBe(907.5); // kept, never written
    expect(at(bidHeaders()[col("price")])).toBe(700);
    expect(at(bidHeaders()[col("installation")])).toBe(25);
    expect(rec.writes.every((w) => !w.target.startsWith(`${BIDS}[0]`) || w.values[0].length < headers.length)).toBe(true);
    expect(rec.writes.length).toBe(2); // the columns before and after the inserted one
  });

  it("reads a table whose headers a Dutch colleague's template wrote", async () => {
    const book = templateBook();
    book.headers![BIDS] = bidHeaders("nl");
    const saved = await loaded(host(book).host);
    expect(saved.bids[1]).toMatchObject({ supplier: "Supplier B", price: "800", tecKWhPerYear: "18" });
  });

  it("refuses a table whose shape changed, saying which columns, and writes nothing", async () => {
    const book = templateBook();
    const headers = [...book.headers![BIDS]];
    headers[col("price")] = "Cost";
    headers[col("installation")] = headers[col("quantity")];
    book.headers![BIDS] = headers;
    const { host: h, rec } = host(book);
    expect(await h.load()).toEqual({
      status: "failed",
      comparison: null,
      report: {
        repaired: [],
        unreadable: [],
        problem: { kind: "tableShape", table: BIDS, missing: ["Price per unit", "Installation per unit"], duplicated: ["Quantity"] },
      },
    });
    const status = await h.save({ group: "computers", parameters: { evaluationYears: "4" }, bids: [], circular: {} });
    expect(status.stored).toBe(false);
    expect(status.refused).toMatchObject({ reason: "notAttached", problem: { kind: "tableShape" } });
    expect(rec.writes).toEqual([]);
  });

  it("refuses to save when the shape changes after the read, before writing anything", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    book.headers![BIDS] = book.headers![BIDS].map((x, i) => (i === col("price") ? "Prijs" : x));
    const status = await h.save(changed(saved));
    expect(status).toEqual({
      stored: false,
      refused: { reason: "notAttached", problem: { kind: "tableShape", table: BIDS, missing: ["Price per unit"], duplicated: [] } },
    });
    expect(rec.writes).toEqual([]);
    expect(book.names.LCC_DiscountRate).toBe(0.04);
  });

  it("finds a renamed table again by its headers, and writes there", async () => {
    const book = templateBook();
    book.tables.Offers2026 = book.tables[BIDS];
    book.headers!.Offers2026 = book.headers![BIDS];
    book.tables.Other = [["x"]];
    book.headers!.Other = ["Supplier", "Notes"];
    delete book.tables[BIDS];
    delete book.headers![BIDS];
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    expect(saved.bids.map((b) => b.supplier)).toEqual(["Supplier A", "Supplier B"]);
    expect(rec.syncs).toBe(3);
    await h.save({ ...saved, bids: [{ ...saved.bids[0], price: "700" }, saved.bids[1]] });
    expect(rec.writes.map((w) => w.target)).toEqual([`Offers2026[0][${col("price")}]`]);
    expect(book.tables.Offers2026[0][col("price")]).toBe(700);
  });

  it("reports a renamed table it cannot tell apart (never '0 offers')", async () => {
    const book = templateBook();
    for (const copy of ["CopyA", "CopyB"]) {
      book.tables[copy] = book.tables[BIDS].map((r) => [...r]);
      book.headers![copy] = book.headers![BIDS];
    }
    delete book.tables[BIDS];
    const { host: h, rec } = host(book);
    const result = await h.load();
    expect(result).toEqual({
      status: "failed",
      comparison: null,
      report: { repaired: [], unreadable: [], problem: { kind: "tableNotFound", table: BIDS } },
    });
    expect((await h.save({ group: "computers", parameters: {}, bids: [], circular: {} })).stored).toBe(false);
    expect(rec.writes).toEqual([]);
  });
});

describe("a name or table deleted by a colleague", () => {
  it("deleted name: nothing written (no half-written save), a refusal rather than an unhandled rejection", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    delete book.names.LCC_EvaluationYears;
    let status: unknown;
    const unhandled = await unhandledDuring(async () => {
      status = await h.save(changed(saved));
    });
    expect(unhandled).toEqual([]);
    expect(status).toEqual({
      stored: false,
      refused: { reason: "notAttached", problem: { kind: "namesMissing", names: ["LCC_EvaluationYears"] } },
    });
    expect(rec.writes).toEqual([]);
    expect(book.names.LCC_DiscountRate).toBe(0.04);
    expect(book.tables[BIDS][0][col("price")]).toBe(750);
    // Still refused on the next change: the pane waits for a read that succeeds.
    expect((await h.save(saved)).refused).toMatchObject({ reason: "notAttached" });
  });

  it("deleted table after the read: refused, nothing written, then reported on retry", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    delete book.tables[BIDS];
    const unhandled = await unhandledDuring(async () => {
      expect(await h.save(changed(saved))).toEqual({
        stored: false,
        refused: { reason: "notAttached", problem: { kind: "tableNotFound", table: BIDS } },
      });
    });
    expect(unhandled).toEqual([]);
    expect(rec.writes).toEqual([]);
    expect((await h.load()).report.problem).toEqual({ kind: "tableNotFound", table: BIDS });
  });
});
