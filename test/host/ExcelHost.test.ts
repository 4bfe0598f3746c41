import { ExcelHost } from "../../src/host/ExcelHost";
import type { SavedComparison } from "../../src/host/types";
import { ADDED_COLUMNS, ADDED_PARAMETERS, columnKeys, parameterNames, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS, emptyBid } from "../../src/model";
import { LIMITS } from "../../src/engine/checks";
import { codeWord } from "../../src/templates/codes";
import { type FakeBook, fakeRun } from "./fakeExcel";
import { bidHeaders as bidHeadersOf, host, loaded, stamp, templateBook, writers } from "./templateBook";

describe("ExcelHost", () => {
  it("finds no comparison in a workbook without the template (1 sync)", async () => {
    const { host: h, rec } = host({ names: {}, tables: {} });
    expect(await h.load()).toEqual({ status: "ok", comparison: null, report: { repaired: [], unreadable: [] } });
    expect(rec.syncs).toBe(1);
  });

  it("reads the Parameters names and the Bids table back as entries in 2 syncs", async () => {
    const { host: h, rec } = host(templateBook());
    const saved = await loaded(h);
    expect(rec.syncs).toBe(2);
    expect(saved.group).toBe("computers");
    expect(saved.parameters).toMatchObject({
      discountRate: "4 %",
      electricityPricePerKWh: "0.2",
      evaluationYears: "5",
      country: "BE",
      emissionFactorKgPerKWh: "0.23",
      includeExternalities: "false",
      scoringMethod: "lowest",
    });
    expect(saved.bids).toHaveLength(2); // blank rows are room for more offers, not offers
    expect(saved.bids[1]).toMatchObject({
      supplier: "Supplier B",
      price: "800",
      tecKWhPerYear: "18",
      residualValue: "120",
      serviceLifeYears: "",
    });
  });

  it.each(["nl", "fr"] as const)("reads a %s workbook's words back as codes and writes changes in its words", async (lang) => {
    const book = templateBook(lang);
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    expect(saved.parameters).toMatchObject({
      rateType: "real",
      timing: "end",
      escalationBase: "flat",
      scoringMethod: "lowest",
      residualValueRule: "byDeviceType",
      includeExternalities: "false",
      country: "BE",
    });
    expect(saved.bids.map((b) => [b.deviceType, b.condition])).toEqual([
      ["notebook", "new"],
      ["desktop", "refurbished"],
    ]);
    rec.writes.length = 0;
    expect(await h.save(saved)).toEqual({ stored: true });
    expect(rec.writes).toEqual([]); // an unchanged comparison writes nothing: the words compare equal
    await h.save({
      ...saved,
      parameters: { ...saved.parameters, rateType: "nominal", includeExternalities: "true" },
      bids: [{ ...saved.bids[0], condition: "refurbished" }, saved.bids[1]],
    });
    const byTarget = Object.fromEntries(rec.writes.map((w) => [w.target, w.values]));
    const word = (field: string, code: string) => `'${codeWord(lang, field, code)}`;
    expect(byTarget.LCC_RateType).toEqual([[word("rateType", "nominal")]]);
    expect(byTarget.LCC_IncludeExternalities).toEqual([[word("includeExternalities", "yes")]]);
    expect(byTarget[`${tableName(stamp)}[0][${columnKeys(stamp).indexOf("condition")}]`]).toEqual([[word("condition", "refurbished")]]);
  });

  it("writes only the cells that changed, in one sync after checking names and columns (1 sync), and text always as literal text", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    rec.writes.length = 0;
    const changed: SavedComparison = {
      ...saved,
      parameters: { ...saved.parameters, discountRate: "2,5 %" },
      bids: [saved.bids[0], { ...saved.bids[1], product: '=HYPERLINK("x")' }],
    };
    const status = await h.save(changed);
    expect(status).toEqual({ stored: true });
    expect(rec.syncs).toBe(2 + 2);
    const product = columnKeys(stamp).indexOf("product");
    expect(rec.writes.map((w) => w.target)).toEqual(["LCC_DiscountRate", `${tableName(stamp)}[1][${product}]`]);
    expect(rec.writes[0].values).toEqual([[0.025]]);
    expect(rec.writes[1].values).toEqual([['\'=HYPERLINK("x")']]);
  });

  it("clears a removed offer's row but leaves rows it never held alone", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    const saved = await loaded(h);
    book.tables[tableName(stamp)][3][0] = "typed in Excel"; // a colleague's row, typed after the pane read the table
    rec.writes.length = 0;
    await h.save({ ...saved, bids: [saved.bids[0]] });
    // Only the removed offer's filled cells, cleared: its blank cells and the other rows are not written.
    expect(rec.writes.every((w) => w.target.startsWith(`${tableName(stamp)}[1][`) && w.values[0].every((v) => v === ""))).toBe(true);
    expect(book.tables[tableName(stamp)][1].every((v) => v === "")).toBe(true);
    expect(book.tables[tableName(stamp)][3][0]).toBe("typed in Excel");
  });

  it("says when offers do not fit the Bids table, and writes a new copy of the template on request", async () => {
    const { host: h, w } = host(templateBook());
    const saved = await loaded(h);
    const many = { ...saved, bids: Array.from({ length: 6 }, () => saved.bids[0]) };
    expect(await h.save(many)).toEqual({ stored: true, offersNotStored: 2 });
    const outcome = await h.write({
      group: "computers",
      parameters: DEFAULT_PARAMETERS,
      bids: Array(6).fill(emptyBid("computers")),
      language: "en",
    });
    expect(outcome).toEqual({ kind: "workbook", sheets: ["LCC Parameters (2)", "LCC Bids (2)", "LCC Results (2)"] });
    expect(w.calls).toHaveLength(1);
  });

  it("adds only the Tender text sheet beside a comparison it brings up to date, when asked", async () => {
    const { host: h, w } = host(templateBook());
    await loaded(h);
    const outcome = await h.write({ group: "computers", parameters: DEFAULT_PARAMETERS, bids: [], language: "nl", tenderText: true });
    expect(outcome).toEqual({ kind: "workbook", updated: true, sheets: ["Bestektekst"] });
    expect(w.calls.map((c) => [c.language, c.tenderText])).toEqual([["nl", true]]);
    expect(w.tenderCalls).toBe(1);
  });

  it("brings the comparison in the workbook up to date instead of writing a copy when it fits", async () => {
    const { host: h, w } = host(templateBook());
    await loaded(h);
    const outcome = await h.write({ group: "computers", parameters: DEFAULT_PARAMETERS, bids: [], language: "en" });
    expect(outcome).toEqual({ kind: "workbook", updated: true });
    expect(w.calls).toHaveLength(0);
  });

  it("does not save into a workbook without the template, and writes it there on request", async () => {
    const { host: h, rec, w } = host({ names: {}, tables: {} });
    await loaded(h);
    expect(await h.save({ group: "computers", parameters: {}, bids: [], circular: {} })).toEqual({ stored: false });
    expect(rec.writes).toEqual([]);
    await h.write({ group: "computers", parameters: DEFAULT_PARAMETERS, bids: [], language: "en" });
    expect(w.calls).toHaveLength(1);
  });

  it("lists tables and reads the selection for the column mapping", async () => {
    const book = templateBook();
    book.selection = {
      address: "Sheet1!A1:B3",
      values: [
        ["Leverancier", "Prijs"],
        ["X", 10],
        ["Y", 12],
      ],
    };
    const { host: h } = host(book);
    expect(await h.listTables()).toEqual([tableName(stamp)]);
    expect(await h.readTable(null)).toEqual({
      name: "Sheet1!A1:B3",
      headers: ["Leverancier", "Prijs"],
      rows: [
        ["X", 10],
        ["Y", 12],
      ],
    });
  });

  it("after writing the template, reads it back, so an edit made in the sheet afterwards is never undone", async () => {
    const book: FakeBook = { names: {}, tables: {} };
    const template = templateBook();
    const w = writers();
    const { run, rec } = fakeRun(book);
    const h = new ExcelHost({
      run,
      locale: "en-GB",
      language: "en",
      theme: "light",
      saveDelayMs: 0,
      writers: { ...w, writeToExcel: async (input) => (Object.assign(book, template), w.writeToExcel(input)) },
    });
    await h.write({ group: "computers", parameters: DEFAULT_PARAMETERS, bids: [], language: "en" });
    expect(rec.syncs).toBe(2); // the new copy read back (the fake writer itself does not sync)
    const saved = await loaded(host(templateBook()).host); // what the pane holds: what it wrote
    book.names.LCC_Co2PricePerTonne = 120; // then typed in the sheet by a colleague
    expect(await h.save(saved)).toEqual({ stored: true });
    expect(rec.writes).toEqual([]);
    await h.save({ ...saved, parameters: { ...saved.parameters, discountRate: "3 %" } });
    expect(rec.writes.map((x) => x.target)).toEqual(["LCC_DiscountRate"]);
    expect(book.names.LCC_Co2PricePerTonne).toBe(120);
  });
});

describe("a workbook written by template 1.0.0 (before the circular commitments)", () => {
  /** Its names and Bids table: no §12 parameters but the former residual curve, 19 columns. */
  function oldBook(): FakeBook {
    const book = templateBook();
    for (const { key, name } of parameterNames(stamp)) if (ADDED_PARAMETERS.has(key)) delete book.names[name];
    book.names.LCC_ResidualCurve = "tablet";
    const keep = columnKeys(stamp)
      .map((k, i) => (ADDED_COLUMNS.has(k) ? -1 : i))
      .filter((i) => i >= 0);
    const table = tableName(stamp);
    book.headers = { [table]: keep.map((i) => bidHeadersOf()[i]) };
    book.tables[table] = book.tables[table].map((row) => keep.map((i) => row[i]));
    return book;
  }

  it("opens with its figures read and a message saying what changed: the former curve and the missing lines", async () => {
    const { host: h } = host(oldBook());
    const result = await h.load();
    expect(result.status).toBe("ok");
    expect(result.report).toMatchObject({ olderTemplate: "1.0.0", methodChanges: [{ kind: "residualCurve", was: "tablet" }] });
    expect(result.comparison!.bids[0]).toMatchObject({
      supplier: "Supplier A",
      price: "750",
      warrantyYears: "",
      takeBackWithDataErasure: "",
    });
    expect(result.comparison!.parameters.requiredWarrantyYears).toBeUndefined(); // the default applies
  });

  it("widens the Bids table when an offer gets a warranty, writes nothing to names it lacks, and reads it all back", async () => {
    const book = oldBook();
    const { host: h, rec } = host(book);
    const saved = (await h.load()).comparison!;
    rec.writes.length = 0;
    const status = await h.save({
      ...saved,
      parameters: { ...saved.parameters, requiredWarrantyYears: "5" },
      bids: [{ ...saved.bids[0], warrantyYears: "3", extraWarrantyYearPrice: "25" }, saved.bids[1]],
    });
    expect(status).toEqual({ stored: true });
    const table = tableName(stamp);
    expect(rec.writes.filter((w) => w.target === `${table}.columns.add`).map((w) => w.values[0][0])).toEqual([
      "Warranty years (years)",
      "Extra warranty year price (EUR)",
    ]);
    // Its cells take what the template's take: years from 0 to the commitment limit, unlocked, with the template's input help.
    expect(rec.addedColumns["Warranty years (years)"]).toMatchObject({
      numberFormat: book.tables[table].map(() => ["0.0#"]),
      locked: false,
      rule: { decimal: { formula1: 0, formula2: LIMITS.commitmentYears, operator: "Between" } },
      prompt: { showPrompt: true, title: "Warranty years" },
    });
    expect(rec.writes.some((w) => w.target === "LCC_RequiredWarrantyYears")).toBe(false);
    expect(book.headers![table]).toHaveLength(19 + 2);
    const again = await host(book).host.load();
    expect(again.comparison!.bids[0]).toMatchObject({ warrantyYears: "3", extraWarrantyYearPrice: "25", price: "750" });
    expect(again.comparison!.bids[1]).toMatchObject({ warrantyYears: "", supplier: "Supplier B" });
  });
});
