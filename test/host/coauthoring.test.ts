/**
 * Issue 11 §6, Excel on the web co-authoring: the pane never writes a stale value over a colleague's newer
 * edit. A cell the pane is about to change is read in the check sync; when it no longer holds what the pane
 * last read or wrote there, the colleague's value stays, the rest is written, and the save says which.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelHost } from "../../src/host/ExcelHost";
import { columnKeys, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS, type Parameters, parseBidsCsv } from "../../src/model";
import type { CriteriaSettings } from "../../src/model/criteria/settings";
import { FRAMEWORK_SETTING_KEY } from "../../src/host/ExcelHost";
import { publishParameterSet } from "../../src/model/parameterSet";
import { referenceParameters } from "../fixtures/referenceBids";
import { fakeRun } from "./fakeExcel";
import { planBook } from "./planBook";
import { host, loaded, stamp, templateBook, writers } from "./templateBook";

const BIDS = tableName(stamp);
const col = (key: string) => columnKeys(stamp).indexOf(key);

describe("a colleague's edit made between the pane's read and its write is kept", () => {
  it("a parameter: the colleague's value stays, the pane's other change is written, in 2 syncs", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    book.names.LCC_DiscountRate = 0.05; // typed by a colleague in Excel on the web
    rec.writes.length = 0;
    const syncs = rec.syncs;
    const status = await h.save({ ...saved, parameters: { ...saved.parameters, discountRate: "3 %", evaluationYears: "6" } });
    expect(rec.syncs - syncs).toBe(2);
    expect(status).toEqual({
      stored: true,
      // Shown as the Parameters sheet shows a rate, in the pane's language.
      conflicts: [{ where: "parameters.discountRate", cell: "LCC_DiscountRate", theirs: "5 %", mine: "3 %" }],
    });
    expect(rec.writes.map((w) => w.target)).toEqual(["LCC_EvaluationYears"]);
    expect(book.names.LCC_DiscountRate).toBe(0.05);
    expect(book.names.LCC_EvaluationYears).toBe(6);
  });

  it("a table cell: only that cell is refused; the pane's other cells in the row are written, the colleague's other edits untouched", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    const row = book.tables[BIDS][0];
    row[col("price")] = 725; // the colleague's new price
    row[col("product")] = "Notebook A (2026)"; // a cell the pane does not change
    rec.writes.length = 0;
    const status = await h.save({ ...saved, bids: [{ ...saved.bids[0], price: "700", installation: "25" }, saved.bids[1]] });
    // The cell by its address on the Bids sheet (header in row 4, price in F), with the offer of its row.
    expect(status.conflicts).toEqual([
      { where: "bids.0.price", cell: "'LCC Bids'!F5 (Supplier A – Notebook A)", theirs: "725", mine: "700" },
    ]);
    expect(rec.writes.map((w) => [w.target, w.values])).toEqual([[`${BIDS}[0][${col("installation")}]`, [[25]]]]);
    expect(row[col("price")]).toBe(725);
    expect(row[col("installation")]).toBe(25);
    expect(row[col("product")]).toBe("Notebook A (2026)");
  });

  it("a removed offer's row is not cleared over a colleague's edit in it", async () => {
    const book = templateBook();
    const { host: h } = host(book);
    const saved = await loaded(h);
    book.tables[BIDS][1][col("price")] = 790;
    const status = await h.save({ ...saved, bids: [saved.bids[0]] });
    expect(status.conflicts?.map((c) => [c.where, c.theirs, c.mine])).toEqual([["bids.1.price", "790", ""]]);
    // The pane no longer has the offer: its row is named as the workbook has it.
    expect(status.conflicts?.[0].cell).toBe("'LCC Bids'!F6 (Supplier B – Notebook B)");
    expect(book.tables[BIDS][1][col("price")]).toBe(790);
    expect(book.tables[BIDS][1][col("supplier")]).toBe(""); // the rest of the removed offer is cleared
  });

  it("the notice stays until a reload, which shows the colleague's value; cells nobody else touched are written", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    book.names.LCC_DiscountRate = 0.05;
    const mine = { ...saved, parameters: { ...saved.parameters, discountRate: "3 %" } };
    expect((await h.save(mine)).conflicts).toHaveLength(1);
    // A later change elsewhere is written; the kept cell is not written again, and still said.
    rec.writes.length = 0;
    const later = await h.save({ ...mine, parameters: { ...mine.parameters, evaluationYears: "7" } });
    expect(rec.writes.map((w) => w.target)).toEqual(["LCC_EvaluationYears"]);
    expect(later.conflicts?.map((c) => c.where)).toEqual(["parameters.discountRate"]);
    // Changing the kept cell again in the pane is refused again: only a reload replaces what the pane last saw.
    expect(
      (await h.save({ ...mine, parameters: { ...mine.parameters, discountRate: "2 %", evaluationYears: "7" } })).conflicts,
    ).toHaveLength(1);
    expect(book.names.LCC_DiscountRate).toBe(0.05);
    const reloaded = await loaded(h);
    expect(reloaded.parameters.discountRate).toBe("5 %");
    rec.writes.length = 0;
    expect(await h.save({ ...reloaded, parameters: { ...reloaded.parameters, discountRate: "2 %" } })).toEqual({ stored: true });
    expect(book.names.LCC_DiscountRate).toBe(0.02);
  });

  it("the pane's own earlier writes are not taken for a colleague's edit", async () => {
    const book = templateBook();
    const { host: h } = host(book);
    const saved = await loaded(h);
    const first = {
      ...saved,
      parameters: { ...saved.parameters, discountRate: "3,5 %" },
      bids: [{ ...saved.bids[0], product: "=A1" }, saved.bids[1]],
    };
    expect(await h.save(first)).toEqual({ stored: true });
    const second = {
      ...first,
      parameters: { ...first.parameters, discountRate: "3 %" },
      bids: [{ ...first.bids[0], product: "0012" }, saved.bids[1]],
    };
    expect(await h.save(second)).toEqual({ stored: true });
    expect(book.names.LCC_DiscountRate).toBe(0.03);
    expect(book.tables[BIDS][0][col("product")]).toBe("0012");
  });

  it("a criteria cell: the colleague's points stay, the pane's other criteria change is written", async () => {
    const example = JSON.parse(readFileSync(join(__dirname, "../../examples/parameters-criteria.json"), "utf8")) as {
      criteria: CriteriaSettings;
    };
    const parameters: Parameters = { ...DEFAULT_PARAMETERS, electricityPricePerKWh: 0.2, qualityPoints: 60, criteria: example.criteria };
    const { bids } = parseBidsCsv(readFileSync(join(__dirname, "../../examples/bids-criteria.csv"), "utf8"), "computers");
    const book = planBook({ template: "computers", parameters, bids, language: "en" });
    const { run, rec } = fakeRun(book);
    const h = new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: writers(), saveDelayMs: 0 });
    const saved = await loaded(h);
    const sheet = book.sheets!["LCC Criteria"];
    sheet[7][7] = 12; // H8: batteryCycles points, typed by a colleague
    const settings = (JSON.parse(saved.parameters.criteria) as CriteriaSettings).map((s) =>
      s.id === "batteryCycles" ? { ...s, points: 7, best: 1200 } : s,
    );
    rec.writes.length = 0;
    const status = await h.save({
      ...saved,
      parameters: { ...saved.parameters, criteria: JSON.stringify(settings) },
    });
    expect(status).toEqual({
      stored: true,
      conflicts: [{ where: "criteria.batteryCycles.points", cell: "'LCC Criteria'!H8", theirs: "12", mine: "7" }],
    });
    expect(rec.writes.map((w) => [w.target, w.values])).toEqual([["LCC Criteria!J8", [[1200]]]]);
    expect(sheet[7][7]).toBe(12);
  });

  describe("the framework set kept in the workbook's settings (issue 11 §6)", () => {
    const publish = (version: string) =>
      publishParameterSet(
        { ...referenceParameters, discountRate: 0.035 },
        { name: "ICT 2026", version, date: "2026-01-10", publisher: "Central Buying Office", local: ["electricityPricePerKWh"] },
      );
    const stored = async (version: string) => JSON.stringify({ set: await publish(version), locked: false });

    it("a colleague's newer set stays when the pane drops its own; the pane's other change is written, in 2 syncs", async () => {
      const book = { ...templateBook(), settings: { [FRAMEWORK_SETTING_KEY]: await stored("2") } };
      const { host: h, rec } = host(book);
      const saved = await loaded(h);
      expect(saved.framework?.version).toBe("2");
      const theirs = await stored("3"); // adopted by a colleague after the pane's read
      book.settings[FRAMEWORK_SETTING_KEY] = theirs;
      rec.writes.length = 0;
      const syncs = rec.syncs;
      const status = await h.save({
        ...saved,
        framework: undefined,
        frameworkLocked: undefined,
        parameters: { ...saved.parameters, evaluationYears: "6" },
      });
      expect(rec.syncs - syncs).toBe(2);
      expect(status).toEqual({ stored: true, conflicts: [{ where: "framework", cell: "", theirs: "ICT 2026 3", mine: "" }] });
      expect(rec.writes.map((w) => w.target)).toEqual(["LCC_EvaluationYears"]);
      expect(book.settings[FRAMEWORK_SETTING_KEY]).toBe(theirs);
      // Said again on the next save, not written: a reload shows the colleague's set.
      expect((await h.save({ ...saved, framework: undefined, frameworkLocked: undefined })).conflicts).toHaveLength(1);
      expect((await loaded(h)).framework?.version).toBe("3");
    });

    it("a set a colleague removed is not written back when the pane adopts another", async () => {
      const book = { ...templateBook(), settings: { [FRAMEWORK_SETTING_KEY]: await stored("2") } };
      const { host: h, rec } = host(book);
      const saved = await loaded(h);
      delete (book.settings as Record<string, string>)[FRAMEWORK_SETTING_KEY];
      rec.writes.length = 0;
      const status = await h.save({ ...saved, framework: await publish("4") });
      expect(status.conflicts).toEqual([{ where: "framework", cell: "", theirs: "", mine: "ICT 2026 4" }]);
      expect(rec.writes).toEqual([]);
      expect(book.settings[FRAMEWORK_SETTING_KEY]).toBeUndefined();
    });

    it("with nobody else's change, the pane's new set replaces the one it read", async () => {
      const book = { ...templateBook(), settings: { [FRAMEWORK_SETTING_KEY]: await stored("2") } };
      const { host: h } = host(book);
      const saved = await loaded(h);
      const next = await publish("5");
      expect(await h.save({ ...saved, framework: next })).toEqual({ stored: true });
      expect(JSON.parse(book.settings[FRAMEWORK_SETTING_KEY]).set.version).toBe("5");
    });
  });
});
