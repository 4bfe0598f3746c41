/**
 * The Office.js writer against a recording fake of exactly the Excel objects it uses: it counts
 * context.sync calls, checks the shape of every array written against its range, refuses reads of
 * unloaded collections and writes to sheets that existed before, and keeps an ordered log.
 */
import { type Bid, DEFAULT_PARAMETERS } from "../../src/model";
import { tenderAnnex } from "../../src/model/tender/annex";
import {
  TEMPLATE_VERSION,
  type TemplateInput,
  buildPlan,
  choosePlacement,
  writeTemplateToExcel,
  writeTenderTextToExcel,
} from "../../src/templates";
import { TEMPLATE_SETTING_KEY } from "../../src/templates/names";
import { columnLetter, parseRange } from "../../src/templates/address";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { randomComputerBids } from "../fixtures/randomBids";
import { publishParameterSet } from "../../src/model/parameterSet";

interface Entry {
  readonly op: string;
  readonly sheet?: string;
  readonly address?: string;
  readonly value?: unknown;
  readonly phase: number;
}
interface Area {
  row: number;
  col: number;
  height: number;
  width: number;
}

class Recorder {
  syncs = 0;
  readonly log: Entry[] = [];
  readonly violations: string[] = [];
  add(op: string, sheet?: FakeSheet, area?: Area, value?: unknown): void {
    if (sheet?.existing) this.violations.push(`${op} on pre-existing sheet ${sheet.name}`);
    if (this.syncs !== 1) this.violations.push(`${op} queued after ${this.syncs} syncs`);
    if (area && Array.isArray(value) && (value.length !== area.height || value.some((r) => !Array.isArray(r) || r.length !== area.width))) {
      this.violations.push(
        `${op} shape ${value.length}×${(value[0] as unknown[])?.length} on ${area.height}×${area.width} at ${sheet?.name}`,
      );
    }
    this.log.push({
      op,
      sheet: sheet?.name,
      address: area && `${area.row},${area.col},${area.height}x${area.width}`,
      value,
      phase: this.syncs,
    });
  }
}

/** Properties set on a fake object are recorded as "<prefix>.<property>". */
function recording<T extends object>(rec: Recorder, prefix: string, sheet?: FakeSheet, area?: Area): T {
  return new Proxy({} as T, {
    set: (_target, prop, value) => {
      rec.add(`${prefix}.${String(prop)}`, sheet, area, value);
      return true;
    },
    get: (_target, prop) => recording(rec, `${prefix}.${String(prop)}`, sheet, area),
  });
}

class FakeRange {
  constructor(
    private readonly rec: Recorder,
    readonly sheet: FakeSheet,
    readonly area: Area,
  ) {}
  set formulas(v: unknown[][]) {
    this.rec.add("range.formulas", this.sheet, this.area, v);
  }
  set numberFormat(v: unknown[][]) {
    this.rec.add("range.numberFormat", this.sheet, this.area, v);
  }
  get format() {
    return recording(this.rec, "range.format", this.sheet, this.area);
  }
  get dataValidation() {
    return recording(this.rec, "range.dataValidation", this.sheet, this.area);
  }
  merge(across: boolean) {
    this.rec.add("range.merge", this.sheet, this.area, across);
  }
}

class FakeSheet {
  constructor(
    private readonly rec: Recorder,
    readonly name: string,
    readonly existing: boolean,
  ) {}
  getRange(address: string) {
    const r = parseRange(address);
    return new FakeRange(this.rec, this, { row: r.row, col: r.col, height: r.height, width: r.width });
  }
  getRangeByIndexes(row: number, col: number, height: number, width: number) {
    return new FakeRange(this.rec, this, { row, col, height, width });
  }
  get tables() {
    return {
      add: (address: string, hasHeaders: boolean) => {
        this.rec.add("tables.add", this, undefined, { address, hasHeaders });
        return recording(this.rec, "table", this);
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        this.rec.add("charts.add", this, source.area, { type, seriesBy });
        const title = recording<Record<string, unknown>>(this.rec, "chart.title", this);
        return {
          title: new Proxy(title, {
            get: (target, prop) =>
              prop === "setFormula" ? (f: string) => this.rec.add("chart.title.setFormula", this, undefined, f) : target[prop as string],
          }),
          series: {
            getItemAt: (i: number) => ({ setXAxisValues: (r: FakeRange) => this.rec.add("series.setXAxisValues", this, r.area, i) }),
          },
          setPosition: (from: string, to: string) => this.rec.add("chart.setPosition", this, undefined, [from, to]),
        };
      },
    };
  }
  get pageLayout() {
    const layout = recording<Record<string, unknown>>(this.rec, "pageLayout", this);
    const method = (name: string) => (value: string) => this.rec.add(`pageLayout.${name}`, this, undefined, value);
    return new Proxy(layout, {
      get: (target, prop) =>
        ["setPrintArea", "setPrintTitleRows", "setPrintTitleColumns"].includes(String(prop))
          ? method(String(prop))
          : target[prop as string],
    });
  }
  get verticalPageBreaks() {
    return { add: (at: string) => this.rec.add("verticalPageBreaks.add", this, undefined, at) };
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.rec.add("freezeRows", this, undefined, n) };
  }
  get protection() {
    return { protect: (options: unknown) => this.rec.add("protection.protect", this, undefined, options) };
  }
  set visibility(v: string) {
    this.rec.add("worksheet.visibility", this, undefined, v);
  }
  activate() {
    this.rec.add("activate", this);
  }
}

/** A collection whose items can be read only after load() and a sync, as in Office.js. */
class FakeCollection<T extends { name: string }> {
  private requested = false;
  private loaded = false;
  constructor(readonly all: T[]) {}
  load() {
    this.requested = true;
    return this;
  }
  commit() {
    this.loaded ||= this.requested;
  }
  get items(): T[] {
    if (!this.loaded) throw new Error("PropertyNotLoaded: items");
    return this.all;
  }
}

function fakeExcel(existing: { sheets?: string[]; names?: string[]; tables?: string[] } = {}) {
  const rec = new Recorder();
  const sheets = new FakeCollection((existing.sheets ?? ["Sheet1"]).map((n) => new FakeSheet(rec, n, true)));
  const names = new FakeCollection((existing.names ?? []).map((name) => ({ name })));
  const tables = new FakeCollection((existing.tables ?? []).map((name) => ({ name })));
  const workbook = {
    worksheets: Object.assign(sheets, {
      add: (name: string) => {
        if (sheets.all.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet ${name}`);
        const sheet = new FakeSheet(rec, name, false);
        sheets.all.push(sheet);
        rec.add("worksheets.add", sheet);
        return sheet;
      },
    }),
    names: Object.assign(names, {
      add: (name: string, reference: FakeRange, comment?: string) => {
        if (names.all.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: name ${name}`);
        names.all.push({ name });
        rec.add("names.add", reference.sheet, reference.area, { name, comment });
      },
    }),
    tables,
    settings: { add: (key: string, value: unknown) => rec.add("settings.add", undefined, undefined, { key, value }) },
  };
  const context = {
    workbook,
    application: { suspendApiCalculationUntilNextSync: () => rec.add("suspendApiCalculationUntilNextSync") },
    sync: async () => {
      for (const c of [sheets, names, tables]) c.commit();
      rec.syncs++;
    },
  };
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context as unknown as Excel.RequestContext);
  return { rec, run, sheets };
}

const computers = (bids: readonly Bid[]): TemplateInput => ({ template: "computers", parameters: referenceParameters, bids });
const syncCounts: Record<string, number> = {};
const operationCounts: Record<string, number> = {};

afterAll(() => console.log(`Office.js writer: syncs ${JSON.stringify(syncCounts)}; queued operations ${JSON.stringify(operationCounts)}`));

describe("writeTemplateToExcel", () => {
  it.each([1, 10, 1000])("uses at most 2 syncs and a constant number of operations for %i bids", async (n) => {
    const { rec, run } = fakeExcel();
    const input = computers(randomComputerBids(n, n));
    const report = await writeTemplateToExcel(input, run);
    syncCounts[`${n} bids`] = rec.syncs;
    operationCounts[`${n} bids`] = rec.log.length;
    expect(rec.syncs).toBeLessThanOrEqual(2);
    expect(report.syncs).toBe(rec.syncs);
    expect(rec.violations).toEqual([]);
    // The Results rows come in one 2-D write of one row per bid.
    const plan = buildPlan(input);
    const rows = Math.max(n, 10);
    const results = rec.log.filter(
      (e) => e.op === "range.formulas" && e.sheet === "LCC Results" && e.address?.endsWith(`${rows}x${plan.results.columns.length}`),
    );
    expect(results).toHaveLength(1);
    expect(report).toMatchObject({ template: "computers", nameSuffix: "", tableName: "LCC_Bids", rows });
  });

  it("does the same work for 10 and 1000 bids", () => {
    expect(operationCounts["1000 bids"]).toBe(operationCounts["10 bids"]);
  });

  it("suspends calculation first, adds the table after its values, stamps the version and adds both charts", async () => {
    const { rec, run } = fakeExcel();
    await writeTemplateToExcel(computers([bidA, bidB]), run);
    const ops = rec.log.map((e) => e.op);
    expect(ops.indexOf("suspendApiCalculationUntilNextSync")).toBeLessThan(ops.indexOf("range.formulas"));
    const bidsValues = rec.log.findIndex((e) => e.op === "range.formulas" && e.sheet === "LCC Bids" && e.address?.startsWith("3,0,"));
    expect(bidsValues).toBeGreaterThanOrEqual(0);
    expect(ops.indexOf("tables.add")).toBeGreaterThan(bidsValues);
    const charts = rec.log.filter((e) => e.op === "charts.add");
    expect(charts.map((e) => (e.value as { type: string }).type)).toEqual(["ColumnStacked", "ColumnStacked"]);
    // Header + the two offers, not the spare rows: eight cost lines (with warranty extension, repairs and battery), then use and production CO2.
    expect(charts.map((e) => e.address!.split(",")[2])).toEqual(["3x8", "3x2"]);
    expect(rec.log.filter((e) => e.op === "series.setXAxisValues")).toHaveLength(8 + 2);
    const stamp = rec.log.find((e) => e.op === "settings.add")!.value as { key: string; value: string };
    expect(stamp.key).toBe(TEMPLATE_SETTING_KEY);
    // No criterion on: the Results score none, so the pane can say when one switched on later is not scored.
    expect(JSON.parse(stamp.value)).toMatchObject({ template: "computers", version: TEMPLATE_VERSION, scored: [] });
    expect(rec.log.find((e) => e.op === "worksheet.visibility")).toMatchObject({ sheet: "LCC Helper", value: "Hidden" });
  });

  it("sets up every sheet's printing where Excel has the page layout API, as the .xlsx writer does", async () => {
    const { rec, run } = fakeExcel();
    const input = { ...computers([bidA, bidB]), language: "nl" as const };
    await writeTemplateToExcel(input, run, true);
    expect(rec.violations).toEqual([]);
    const plan = buildPlan(input);
    for (const s of plan.sheets) {
      const of = (op: string) => rec.log.filter((e) => e.sheet === s.name && e.op === op).map((e) => e.value);
      expect(of("pageLayout.orientation")).toEqual(["Landscape"]);
      expect(of("pageLayout.headersFooters.defaultForAllPages.leftFooter")).toEqual(["&A"]);
      expect(of("pageLayout.headersFooters.defaultForAllPages.rightFooter")).toEqual(["Pagina &P van &N"]);
      expect(of("pageLayout.setPrintArea")).toEqual(s.print!.area ? [s.print!.area] : []);
      expect(of("pageLayout.setPrintTitleRows")).toEqual(s.print!.titleRows ? [s.print!.titleRows.replace(/(\d+)/g, "$$$1")] : []);
    }
    const results = plan.sheets.find((s) => s.key === "results")!;
    expect(rec.log.filter((e) => e.op === "verticalPageBreaks.add").map((e) => e.value)).toEqual(
      results.print!.columnBreaks.map((c) => `${columnLetter(c)}1`),
    );
    expect(rec.log.filter((e) => e.op === "pageLayout.zoom" && e.sheet === results.name).map((e) => e.value)).toEqual([
      { scale: results.print!.scale },
    ]);
    expect(rec.log.filter((e) => e.op === "range.merge").length).toBe(plan.sheets.reduce((n, s) => n + s.merges.length, 0));
    // Chart titles follow their cells, which say "per year" when the offers are compared on EAC.
    expect(rec.log.filter((e) => e.op === "chart.title.setFormula").map((e) => e.value)).toEqual(
      plan.charts.map((c) => `='${results.name}'!$${c.titleCell!.replace(/(\d+)/, "$$$1")}`),
    );
  });

  it("writes no page layout where Excel lacks it (before ExcelApi 1.9)", async () => {
    const { rec, run } = fakeExcel();
    await writeTemplateToExcel(computers([bidA]), run, false);
    expect(rec.log.some((e) => e.op.startsWith("pageLayout") || e.op === "verticalPageBreaks.add")).toBe(false);
  });

  it("never touches a pre-filled sheet named like ours and picks free sheet and workbook names", async () => {
    const { rec, run, sheets } = fakeExcel({
      sheets: ["LCC Results", "lcc results (2)", "Data"],
      names: ["LCC_DiscountRate"],
      tables: ["LCC_Bids"],
    });
    const report = await writeTemplateToExcel(computers([bidA]), run);
    expect(rec.violations).toEqual([]);
    expect(report.sheets.results).toBe("LCC Results (3)");
    expect(report.sheets.parameters).toBe("LCC Parameters");
    expect(report.nameSuffix).toBe("_2");
    expect(report.tableName).toBe("LCC_Bids_2");
    expect(rec.log.some((e) => e.sheet === "LCC Results" || e.sheet === "Data")).toBe(false);
    expect(sheets.all.map((s) => s.name)).toContain("LCC Results (3)");
    const formulas = rec.log
      .filter((e) => e.op === "range.formulas")
      .flatMap((e) => (e.value as unknown[][]).flat())
      .filter((v) => typeof v === "string" && v.startsWith("="));
    expect(formulas.some((f) => (f as string).includes("LCC_DiscountRate_2"))).toBe(true);
    expect(formulas.some((f) => /LCC_DiscountRate(?!_2)/.test(f as string))).toBe(false);
  });

  it("writes formula-looking text as literal text", async () => {
    const { rec, run } = fakeExcel();
    await writeTemplateToExcel(computers([{ ...bidA, supplier: '=HYPERLINK("http://x","y")', product: "@SUM(1)" }]), run);
    const bids = rec.log.find((e) => e.op === "range.formulas" && e.sheet === "LCC Bids" && e.address?.startsWith("3,0,"))!
      .value as unknown[][];
    expect(bids[1].slice(0, 2)).toEqual(['\'=HYPERLINK("http://x","y")', "'@SUM(1)"]);
  });

  it.each(["imaging", "circular"] as const)("writes the %s template in 2 syncs too", async (template) => {
    const { rec, run } = fakeExcel();
    await writeTemplateToExcel({ template, parameters: DEFAULT_PARAMETERS, language: "fr" }, run);
    syncCounts[template] = rec.syncs;
    expect(rec.syncs).toBe(2);
    expect(rec.violations).toEqual([]);
  });

  it("adds the Tender text sheet when asked, as text in the same 2 syncs, next to an existing one as (2)", async () => {
    const { rec, run } = fakeExcel({ sheets: ["Bestektekst"] });
    const input: TemplateInput = { ...computers([bidA, bidB]), language: "nl", tenderText: true };
    const report = await writeTemplateToExcel(input, run);
    expect(rec.syncs).toBeLessThanOrEqual(2);
    expect(rec.violations).toEqual([]);
    expect(report.sheets.tender).toBe("Bestektekst (2)");
    expect(rec.log.filter((e) => e.op === "worksheets.add").map((e) => e.sheet)).toContain("Bestektekst (2)");
    const cells = rec.log
      .filter((e) => e.op === "range.formulas" && e.sheet === "Bestektekst (2)")
      .flatMap((e) => (e.value as unknown[][]).flat());
    // Text only: every cell goes in as literal text (the quote prefix), none as a formula.
    expect(cells.filter((c) => typeof c !== "string" || !c.startsWith("'"))).toEqual([]);
    const written = cells.map((c) => String(c).slice(1));
    const annex = tenderAnnex("computers", referenceParameters, "nl");
    expect(written[0]).toBe(annex.title);
    for (const h of annex.blocks.filter((b) => b.kind === "heading")) expect(written).toContain(h.text);
  });

  it("writes the Call-off sheet of a set with awarded offers: the plan's quantities and native formulas, its input cells unlocked, in 2 syncs", async () => {
    const { rec, run } = fakeExcel();
    const info = { name: "ICT framework 2027", version: "1.0", date: "2026-12-03", publisher: "CPB", local: [] };
    const set = await publishParameterSet(referenceParameters, info, { kind: "computers", bids: [bidA, bidB] });
    const input: TemplateInput = { ...computers([bidA, bidB]), framework: set, callOffQuantities: [30, 70] };
    const report = await writeTemplateToExcel(input, run);
    expect(rec.syncs).toBeLessThanOrEqual(2);
    expect(rec.violations).toEqual([]);
    expect(report.sheets.callOff).toBe("LCC Call-off");
    const plan = buildPlan(input);
    const sheet = plan.sheets.find((x) => x.key === "callOff")!;
    const written = rec.log
      .filter((e) => e.op === "range.formulas" && e.sheet === "LCC Call-off")
      .flatMap((e) => (e.value as unknown[][]).flat());
    // Every formula of the plan goes in as a formula (with "="), the quantities as numbers.
    const planned = sheet.blocks
      .flatMap((b) => b.rows.flat())
      .flatMap((c) => (typeof c === "object" && c !== null ? [`=${c.formula}`] : []));
    expect(planned.length).toBeGreaterThan(0);
    for (const f of planned) expect(written).toContain(f);
    expect(written).toEqual(expect.arrayContaining([30, 70]));
    expect(sheet.styles.some((x) => x.range === "B5:B14" && x.style.locked === false)).toBe(true);
  });

  it("writes a mini-competition from the same plan: the suppliers' list named on Parameters, Compliant and Reasons as planned", async () => {
    const { rec, run } = fakeExcel();
    const outsider = { ...bidA, supplier: "Supplier X", product: "Notebook X" };
    const input: TemplateInput = { ...computers([bidA, bidB, outsider]), miniCompetition: { suppliers: ["Supplier A", "Supplier B"] } };
    await writeTemplateToExcel(input, run);
    expect(rec.violations).toEqual([]);
    const plan = buildPlan(input);
    expect(plan.names.find((n) => n.name === "LCC_FrameworkSuppliers")?.range).toMatch(/^B\d+:B\d+$/);
    const named = rec.log.filter((e) => e.op === "names.add" && (e.value as { name: string }).name === "LCC_FrameworkSuppliers");
    expect(named.map((e) => e.sheet)).toEqual(["LCC Parameters"]);
    const written = (sheet: string) =>
      rec.log.filter((e) => e.op === "range.formulas" && e.sheet === sheet).flatMap((e) => (e.value as unknown[][]).flat());
    // Text goes in with the quote prefix (never read as a formula).
    expect(written("LCC Parameters")).toEqual(expect.arrayContaining(["'Supplier A", "'Supplier B"]));
    const results = plan.sheets.find((x) => x.key === "results")!;
    const planned = results.blocks
      .flatMap((b) => b.rows.flat())
      .flatMap((c) => (typeof c === "object" && c !== null ? [`=${c.formula}`] : []));
    const supplierChecks = planned.filter((f) => f.includes("EXACT(LCC_FrameworkSuppliers,"));
    expect(supplierChecks.length).toBe(2 * plan.results.rowCount); // Compliant and Reasons of every row
    for (const f of supplierChecks) expect(written("LCC Results")).toContain(f);
  });

  it("adds only the Tender text sheet beside a comparison already there: one new sheet, no names or tables, 2 syncs", async () => {
    const { rec, run } = fakeExcel({
      sheets: ["LCC Parameters", "LCC Bids", "LCC Results", "Texte du cahier des charges"],
      names: ["LCC_DiscountRate"],
      tables: ["LCC_Bids"],
    });
    const name = await writeTenderTextToExcel({ ...computers([bidA]), language: "fr" }, run);
    expect(name).toBe("Texte du cahier des charges (2)");
    expect(rec.syncs).toBe(2);
    expect(rec.violations).toEqual([]);
    expect(rec.log.filter((e) => e.op === "worksheets.add").map((e) => e.sheet)).toEqual([name]);
    expect(rec.log.filter((e) => ["names.add", "tables.add", "charts.add", "settings.add"].includes(e.op))).toEqual([]);
    const first = rec.log.find((e) => e.op === "range.formulas" && e.sheet === name)!.value as unknown[][];
    expect(first[0][0]).toBe(`'${tenderAnnex("computers", referenceParameters, "fr").title}`);
  });

  it("picks names the same way as choosePlacement", () => {
    const placement = choosePlacement({ template: "circular" }, ["LCC Options"], ["lcc_years"]);
    expect(placement).toEqual({
      sheetNames: expect.objectContaining({ scenarios: "LCC Options (2)", results: "LCC Circular results" }),
      nameSuffix: "_2",
    });
  });
});
