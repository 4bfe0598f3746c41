/* istanbul ignore file -- serialised into the browser: coverage counters would break it there */
/**
 * An Office stand-in for the browser tests: window.Office (onReady → { host: "Excel" }, displayLanguage,
 * officeTheme), window.CustomFunctions (associate is recorded) and a recording fake of Excel.run with the
 * parts of the Excel JavaScript API that src/host/ExcelHost.ts and src/templates/office/writeToExcel.ts
 * use. It behaves like Office.js where the tests depend on it:
 *   - nothing happens until context.sync(): writes and loads are queued and run in order at the sync;
 *   - a property read before it was loaded AND synced throws, as Office.js does (PropertyNotLoaded);
 *   - adding a sheet, name or table that exists fails the sync (ItemAlreadyExists), a missing item fails
 *     getItem (ItemNotFound), and a 2-D array that does not fit its range fails (InvalidArgument);
 *   - Excel.run syncs once more at the end when something is still queued (counted as an implicit sync).
 * Every run is logged with its syncs and every write with the sync that carried it, as plain JSON, and
 * the workbook (cells, names, tables, settings) can be snapshotted and handed to a later page: a pane
 * closed and reopened on the same workbook.
 *
 * officeStandIn() is serialised into the page by page.addInitScript, so it must stay self-contained: no
 * imports, no helpers outside its body, no async/await (the test transpiler may down-level it). It runs
 * in Node too (pass a target object), which is how the test checks the fake against the real writer.
 */

export interface OfficeTheme {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
}

/** Excel's default "Colorful"/"White" and "Black" Office themes as the pane sees them. */
export const OFFICE_THEMES: Record<"light" | "dark", OfficeTheme> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#333333",
    controlForegroundColor: "#FFFFFF",
  },
};

export type CellInput = string | number | boolean;

export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: string;
  /** "row,col" (0-based) → what was written: a formula "=…", literal text (apostrophe kept), a number or boolean. */
  readonly cells: Readonly<Record<string, CellInput>>;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly { readonly name: string; readonly sheet: string; readonly address: string; readonly comment?: string }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly address: string }[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly selection?: { readonly sheet: string; readonly address: string };
}

export interface StandInConfig {
  /** What Office.onReady reports: "Excel", or null for office.js loaded in a plain browser tab. */
  readonly host: "Excel" | null;
  readonly displayLanguage: string;
  readonly theme: OfficeTheme;
  readonly workbook?: WorkbookSnapshot;
}

/** One queued operation, as logged: which sync carried it (1-based, within its run). */
export interface LoggedOp {
  readonly sync: number;
  readonly op: string;
  /** "Sheet!A1:B2", a name, a table name or a settings key. */
  readonly target: string;
  readonly value?: unknown;
}

export interface RunLog {
  readonly ops: LoggedOp[];
  syncs: number;
  /** Excel.run flushed a queue that the batch left unsynced. */
  implicitSync: boolean;
  error?: string;
  done: boolean;
}

export interface OfficeLog {
  readonly runs: RunLog[];
  readonly associated: string[];
  onReadyCalls: number;
}

export interface StandInHandle {
  readonly log: OfficeLog;
  snapshot(): WorkbookSnapshot;
  /** Someone typing into the workbook in Excel (not through the API, so not logged): "Sheet!B5" or a workbook name. */
  type(reference: string, value: CellInput): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a duck-typed double of a large API: `any` at its edges is the honest type */
export function officeStandIn(config: StandInConfig, target?: any): StandInHandle {
  const g: any = target ?? globalThis;
  const log: OfficeLog = { runs: [], associated: [], onReadyCalls: 0 };

  // ---- A1 addresses
  const letters = (col: number): string => {
    let n = col + 1;
    let s = "";
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const cellName = (row: number, col: number): string => letters(col) + (row + 1);
  const parseCell = (a: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.trim().toUpperCase());
    if (!m) throw officeError("InvalidArgument", "not a cell address: " + a);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  /** "A1:C3", "A1" or "'My sheet'!A1:C3" → sheet name (or null) and rectangle. */
  const parseAddress = (address: string): { sheet: string | null; row: number; col: number; height: number; width: number } => {
    let sheet: string | null = null;
    let rest = address;
    const bang = address.lastIndexOf("!");
    if (bang >= 0) {
      sheet = address
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      rest = address.slice(bang + 1);
    }
    const [a, b = a] = rest.split(":");
    const s = parseCell(a);
    const e = parseCell(b);
    return { sheet, row: s.row, col: s.col, height: e.row - s.row + 1, width: e.col - s.col + 1 };
  };
  const quoteSheet = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'");

  function officeError(code: string, message: string): Error {
    const e: any = new Error(message);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }

  // ---- The workbook model
  interface Sheet {
    name: string;
    visibility: string;
    cells: Map<string, CellInput>;
  }
  interface Table {
    name: string;
    sheet: Sheet;
    row: number;
    col: number;
    height: number;
    width: number;
  }
  const model = {
    sheets: [] as Sheet[],
    names: [] as { name: string; sheet: Sheet; address: string; comment?: string }[],
    tables: [] as Table[],
    settings: new Map<string, unknown>(),
    selection: null as null | { sheet: Sheet; address: string },
  };
  const sheetByName = (name: string): Sheet | undefined => model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (config.workbook) {
    for (const s of config.workbook.sheets)
      model.sheets.push({ name: s.name, visibility: s.visibility, cells: new Map(Object.entries(s.cells)) });
    for (const n of config.workbook.names)
      model.names.push({ name: n.name, sheet: sheetByName(n.sheet)!, address: n.address, comment: n.comment });
    for (const t of config.workbook.tables) {
      const r = parseAddress(t.address);
      model.tables.push({ name: t.name, sheet: sheetByName(t.sheet)!, row: r.row, col: r.col, height: r.height, width: r.width });
    }
    for (const [k, v] of Object.entries(config.workbook.settings)) model.settings.set(k, v);
    if (config.workbook.selection)
      model.selection = { sheet: sheetByName(config.workbook.selection.sheet)!, address: config.workbook.selection.address };
  }
  if (model.sheets.length === 0) model.sheets.push({ name: "Sheet1", visibility: "Visible", cells: new Map() });
  if (!model.selection) model.selection = { sheet: model.sheets[0], address: "A1" };

  /** What a cell shows as a value: literal text loses its apostrophe; a formula is returned as written (not computed). */
  const valueOf = (v: CellInput | undefined): CellInput =>
    v === undefined ? "" : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;

  const isName = (name: string) => /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  const nameTaken = (name: string) =>
    model.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) ||
    model.tables.some((t) => t.name.toLowerCase() === name.toLowerCase());

  // ---- Request contexts
  const NOT_LOADED = (prop: string) =>
    officeError(
      "PropertyNotLoaded",
      "The property '" +
        prop +
        "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    );

  function clone(v: unknown): unknown {
    if (v === undefined || v === null || typeof v !== "object") return v;
    if (v instanceof FakeRange) return v.describe();
    if (Array.isArray(v)) return v.map(clone);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = clone(x);
    return out;
  }

  class Context {
    readonly run: RunLog;
    queue: (() => void)[] = [];
    syncs = 0;
    readonly workbook: any;
    readonly application: any;
    constructor(run: RunLog) {
      this.run = run;
      this.workbook = new FakeWorkbook(this);
      this.application = {
        suspendApiCalculationUntilNextSync: () =>
          this.enqueue("application.suspendApiCalculationUntilNextSync", "application", undefined, () => undefined),
        calculationMode: "Automatic",
      };
    }
    enqueue(op: string, targetName: string, value: unknown, apply: () => void): void {
      this.run.ops.push({ sync: this.syncs + 1, op, target: targetName, value: clone(value) });
      this.queue.push(apply);
    }
    /** A load: not logged as a write; runs at the sync like everything else. */
    defer(apply: () => void): void {
      this.queue.push(apply);
    }
    sync(): Promise<void> {
      this.syncs++;
      this.run.syncs++;
      const queue = this.queue;
      this.queue = [];
      return new Promise<void>((resolve, reject) => {
        // Office.js answers asynchronously: a test that forgets to await a sync sees it.
        setTimeout(() => {
          try {
            for (const apply of queue) apply();
            resolve();
          } catch (e) {
            reject(e);
          }
        }, 0);
      });
    }
  }

  /** Properties set through here are logged writes; reads of anything not loaded throw. */
  function recorder(ctx: Context, path: string, targetName: string): any {
    const fn = function () {
      /* callable */
    };
    return new Proxy(fn, {
      get(_t, prop) {
        if (prop === "then" || typeof prop === "symbol") return undefined;
        return recorder(ctx, path + "." + String(prop), targetName);
      },
      set(_t, prop, value) {
        ctx.enqueue(path + "." + String(prop), targetName, value, () => undefined);
        return true;
      },
      apply(_t, _this, args) {
        ctx.enqueue(path + "()", targetName, args, () => undefined);
        return recorder(ctx, path + "()", targetName);
      },
    });
  }

  /** Loadable: load() snapshots the named properties at the next sync; reading them earlier throws. */
  class Loadable {
    protected loaded = new Map<string, unknown>();
    protected synced = false;
    constructor(protected readonly ctx: Context) {
      ctx.defer(() => {
        this.synced = true;
      });
    }
    protected read(prop: string): unknown {
      if (!this.loaded.has(prop)) throw NOT_LOADED(prop);
      return this.loaded.get(prop);
    }
    protected snapshot(_prop: string): unknown {
      return undefined;
    }
    load(props?: string | string[] | Record<string, unknown>): this {
      const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props ? Object.keys(props) : [];
      const wanted = list.map((p) => p.trim()).filter(Boolean);
      this.ctx.defer(() => {
        for (const p of wanted) this.loaded.set(p, this.snapshot(p));
      });
      return this;
    }
    get isNullObject(): boolean {
      if (!this.synced) throw NOT_LOADED("isNullObject");
      return this.missing();
    }
    protected missing(): boolean {
      return false;
    }
    toJSON(): unknown {
      return Object.fromEntries(this.loaded);
    }
  }

  /** worksheets, tables, names: `items` lists the members by name once loaded. */
  abstract class NamedCollection extends Loadable {
    protected abstract members(): readonly { name: string }[];
    protected override snapshot(prop: string): unknown {
      if (prop.startsWith("items")) return this.members().map((m) => ({ name: m.name }));
      return undefined;
    }
    get items(): { name: string }[] {
      return this.read(this.loaded.has("items/name") ? "items/name" : "items") as { name: string }[];
    }
  }

  class FakeRange extends Loadable {
    constructor(
      ctx: Context,
      readonly sheet: Sheet,
      readonly row: number,
      readonly col: number,
      readonly height: number,
      readonly width: number,
    ) {
      super(ctx);
    }
    get addressLocal(): string {
      const a = cellName(this.row, this.col);
      return this.height === 1 && this.width === 1 ? a : a + ":" + cellName(this.row + this.height - 1, this.col + this.width - 1);
    }
    describe(): string {
      return this.sheet.name + "!" + this.addressLocal;
    }
    protected override snapshot(prop: string): unknown {
      if (prop === "address") return quoteSheet(this.sheet.name) + "!" + this.addressLocal;
      if (prop === "rowCount") return this.height;
      if (prop === "columnCount") return this.width;
      if (prop === "values" || prop === "text" || prop === "formulas") {
        const rows: CellInput[][] = [];
        for (let r = 0; r < this.height; r++) {
          const row: CellInput[] = [];
          for (let c = 0; c < this.width; c++) {
            const v = this.sheet.cells.get(this.row + r + "," + (this.col + c));
            row.push(prop === "formulas" ? (v ?? "") : prop === "text" ? String(valueOf(v)) : valueOf(v));
          }
          rows.push(row);
        }
        return rows;
      }
      return undefined;
    }
    get address(): string {
      return this.read("address") as string;
    }
    get rowCount(): number {
      return this.read("rowCount") as number;
    }
    get columnCount(): number {
      return this.read("columnCount") as number;
    }
    get values(): CellInput[][] {
      return this.read("values") as CellInput[][];
    }
    set values(v: CellInput[][]) {
      this.write("values", v);
    }
    get formulas(): CellInput[][] {
      return this.read("formulas") as CellInput[][];
    }
    set formulas(v: CellInput[][]) {
      this.write("formulas", v);
    }
    get numberFormat(): unknown {
      return this.read("numberFormat");
    }
    set numberFormat(v: unknown) {
      this.checkShape("numberFormat", v);
      this.ctx.enqueue("range.numberFormat", this.describe(), v, () => undefined);
    }
    private checkShape(prop: string, v: unknown): void {
      const ok = Array.isArray(v) && v.length === this.height && v.every((row) => Array.isArray(row) && row.length === this.width);
      if (!ok)
        throw officeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" +
            prop +
            " of " +
            this.describe() +
            ").",
        );
    }
    private write(prop: "values" | "formulas", v: CellInput[][]): void {
      this.checkShape(prop, v);
      this.ctx.enqueue("range." + prop, this.describe(), v, () => {
        for (let r = 0; r < this.height; r++) {
          for (let c = 0; c < this.width; c++) {
            const x = v[r][c];
            const key = this.row + r + "," + (this.col + c);
            if (x === "" || x === null || x === undefined) this.sheet.cells.delete(key);
            else this.sheet.cells.set(key, x);
          }
        }
      });
    }
    get format(): any {
      return recorder(this.ctx, "range.format", this.describe());
    }
    get dataValidation(): any {
      return recorder(this.ctx, "range.dataValidation", this.describe());
    }
    /** Merged cells only change how the sheet looks: recorded, the cells keep their values. */
    merge(across: boolean): void {
      this.ctx.enqueue("range.merge", this.describe(), across, () => undefined);
    }
    getRow(i: number): FakeRange {
      return new FakeRange(this.ctx, this.sheet, this.row + i, this.col, 1, this.width);
    }
    getColumn(i: number): FakeRange {
      return new FakeRange(this.ctx, this.sheet, this.row, this.col + i, this.height, 1);
    }
    getCell(r: number, c: number): FakeRange {
      return new FakeRange(this.ctx, this.sheet, this.row + r, this.col + c, 1, 1);
    }
    getResizedRange(dRows: number, dCols: number): FakeRange {
      return new FakeRange(this.ctx, this.sheet, this.row, this.col, this.height + dRows, this.width + dCols);
    }
    select(): void {
      this.ctx.enqueue("range.select", this.describe(), undefined, () => {
        model.selection = { sheet: this.sheet, address: this.addressLocal };
      });
    }
  }

  const rangeOn = (ctx: Context, sheet: Sheet, address: string): FakeRange => {
    const r = parseAddress(address);
    const s = r.sheet === null ? sheet : sheetByName(r.sheet);
    if (!s) throw officeError("ItemNotFound", "no sheet " + r.sheet);
    return new FakeRange(ctx, s, r.row, r.col, r.height, r.width);
  };

  class FakeTable extends Loadable {
    constructor(
      ctx: Context,
      private resolve: () => Table,
      private label: string,
    ) {
      super(ctx);
    }
    protected override snapshot(prop: string): unknown {
      const t = this.resolve();
      if (prop === "name") return t.name;
      if (prop === "rowCount") return t.height - 1;
      return undefined;
    }
    get name(): string {
      return this.read("name") as string;
    }
    set name(value: string) {
      this.ctx.enqueue("table.name", this.label, value, () => {
        const t = this.resolve();
        if (t.name.toLowerCase() !== value.toLowerCase() && nameTaken(value))
          throw officeError("ItemAlreadyExists", "A table or name '" + value + "' already exists.");
        if (!isName(value)) throw officeError("InvalidArgument", "not a valid table name: " + value);
        t.name = value;
      });
      this.label = value;
    }
    set style(value: string) {
      this.ctx.enqueue("table.style", this.label, value, () => undefined);
    }
    set showTotals(value: boolean) {
      this.ctx.enqueue("table.showTotals", this.label, value, () => undefined);
    }
    /** The table must be in the workbook already (added by an earlier sync), as for Office.js's getItem. */
    private part(part: "all" | "body" | "header"): FakeRange {
      const t = this.resolve();
      const row = part === "body" ? t.row + 1 : t.row;
      const height = part === "body" ? t.height - 1 : part === "header" ? 1 : t.height;
      return new FakeRange(this.ctx, t.sheet, row, t.col, height, t.width);
    }
    getRange(): FakeRange {
      return this.part("all");
    }
    getDataBodyRange(): FakeRange {
      return this.part("body");
    }
    getHeaderRowRange(): FakeRange {
      return this.part("header");
    }
  }

  class FakeTables extends NamedCollection {
    constructor(
      ctx: Context,
      private readonly sheet: Sheet | null,
    ) {
      super(ctx);
    }
    private list(): Table[] {
      return model.tables.filter((t) => this.sheet === null || t.sheet === this.sheet);
    }
    protected members(): readonly { name: string }[] {
      return this.list();
    }
    get count(): number {
      return this.list().length;
    }
    getItem(name: string): FakeTable {
      const find = () => {
        const t = model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw officeError("ItemNotFound", "The requested resource doesn't exist (table " + name + ").");
        return t;
      };
      find(); // Office.js fails the batch; failing here names the culprit in the test
      return new FakeTable(this.ctx, find, name);
    }
    add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
      if (!this.sheet && typeof address === "string" && !address.includes("!"))
        throw officeError("InvalidArgument", "workbook.tables.add needs a sheet-qualified address");
      const range = typeof address === "string" ? rangeOn(this.ctx, this.sheet ?? model.sheets[0], address) : address;
      const table: Table = {
        name: "Table" + (model.tables.length + 1),
        sheet: range.sheet,
        row: range.row,
        col: range.col,
        height: range.height,
        width: range.width,
      };
      let added = false;
      this.ctx.enqueue("tables.add", range.describe(), { hasHeaders }, () => {
        if (!model.sheets.includes(table.sheet)) throw officeError("ItemNotFound", "sheet " + table.sheet.name + " is not in the workbook");
        const overlap = model.tables.some(
          (t) =>
            t.sheet === table.sheet &&
            t.row < table.row + table.height &&
            table.row < t.row + t.height &&
            t.col < table.col + table.width &&
            table.col < t.col + t.width,
        );
        if (overlap) throw officeError("InvalidArgument", "A table can't overlap another table.");
        for (let n = model.tables.length + 1; nameTaken(table.name); n++) table.name = "Table" + n;
        model.tables.push(table);
        added = true;
      });
      return new FakeTable(
        this.ctx,
        () => {
          if (!added) throw officeError("ItemNotFound", "table not added yet");
          return table;
        },
        range.describe(),
      );
    }
  }

  class FakeWorksheet extends Loadable {
    constructor(
      ctx: Context,
      readonly sheet: Sheet,
    ) {
      super(ctx);
    }
    protected override snapshot(prop: string): unknown {
      if (prop === "name") return this.sheet.name;
      if (prop === "visibility") return this.sheet.visibility;
      return undefined;
    }
    get name(): string {
      return this.read("name") as string;
    }
    set visibility(v: string) {
      this.ctx.enqueue("worksheet.visibility", this.sheet.name, v, () => {
        this.sheet.visibility = v;
      });
    }
    getRange(address = "A1"): FakeRange {
      return rangeOn(this.ctx, this.sheet, address);
    }
    getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
      if (!(rows > 0 && cols > 0)) throw officeError("InvalidArgument", "getRangeByIndexes needs at least one row and column");
      return new FakeRange(this.ctx, this.sheet, row, col, rows, cols);
    }
    getCell(row: number, col: number): FakeRange {
      return new FakeRange(this.ctx, this.sheet, row, col, 1, 1);
    }
    get tables(): FakeTables {
      return new FakeTables(this.ctx, this.sheet);
    }
    get freezePanes(): any {
      return recorder(this.ctx, "worksheet.freezePanes", this.sheet.name);
    }
    get pageLayout(): any {
      return recorder(this.ctx, "worksheet.pageLayout", this.sheet.name);
    }
    get verticalPageBreaks(): any {
      return recorder(this.ctx, "worksheet.verticalPageBreaks", this.sheet.name);
    }
    get protection(): any {
      return recorder(this.ctx, "worksheet.protection", this.sheet.name);
    }
    get charts(): any {
      return recorder(this.ctx, "worksheet.charts", this.sheet.name);
    }
    activate(): void {
      this.ctx.enqueue("worksheet.activate", this.sheet.name, undefined, () => undefined);
    }
  }

  class FakeWorksheets extends NamedCollection {
    protected members(): readonly { name: string }[] {
      return model.sheets;
    }
    add(name: string): FakeWorksheet {
      const sheet: Sheet = { name, visibility: "Visible", cells: new Map() };
      this.ctx.enqueue("worksheets.add", name, undefined, () => {
        if (name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
          throw officeError("InvalidArgument", "not a valid sheet name: " + name);
        if (sheetByName(name)) throw officeError("ItemAlreadyExists", "A sheet named '" + name + "' already exists.");
        model.sheets.push(sheet);
      });
      return new FakeWorksheet(this.ctx, sheet);
    }
    getItem(name: string): FakeWorksheet {
      const s = sheetByName(name);
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist (sheet " + name + ").");
      return new FakeWorksheet(this.ctx, s);
    }
    getActiveWorksheet(): FakeWorksheet {
      return new FakeWorksheet(this.ctx, model.selection!.sheet);
    }
  }

  class FakeNamedItem extends Loadable {
    constructor(
      ctx: Context,
      private readonly itemName: string,
    ) {
      super(ctx);
    }
    getRange(): FakeRange {
      const n = model.names.find((x) => x.name.toLowerCase() === this.itemName.toLowerCase());
      if (!n) throw officeError("ItemNotFound", "The requested resource doesn't exist (name " + this.itemName + ").");
      return rangeOn(this.ctx, n.sheet, n.address);
    }
  }

  class FakeNames extends NamedCollection {
    protected members(): readonly { name: string }[] {
      return model.names;
    }
    add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
      const range = typeof reference === "string" ? rangeOn(this.ctx, model.sheets[0], reference.replace(/^=/, "")) : reference;
      this.ctx.enqueue("names.add", name, { range: range.describe(), comment }, () => {
        if (!isName(name)) throw officeError("InvalidArgument", "not a valid name: " + name);
        if (nameTaken(name)) throw officeError("ItemAlreadyExists", "A name '" + name + "' already exists.");
        if (!model.sheets.includes(range.sheet)) throw officeError("ItemNotFound", "sheet " + range.sheet.name + " is not in the workbook");
        model.names.push({ name, sheet: range.sheet, address: range.addressLocal, comment });
      });
      return new FakeNamedItem(this.ctx, name);
    }
    getItem(name: string): FakeNamedItem {
      if (!model.names.some((x) => x.name.toLowerCase() === name.toLowerCase()))
        throw officeError("ItemNotFound", "The requested resource doesn't exist (name " + name + ").");
      return new FakeNamedItem(this.ctx, name);
    }
  }

  class FakeSetting extends Loadable {
    constructor(
      ctx: Context,
      private readonly key: string,
    ) {
      super(ctx);
    }
    protected override snapshot(prop: string): unknown {
      return prop === "value" ? model.settings.get(this.key) : prop === "key" ? this.key : undefined;
    }
    protected override missing(): boolean {
      return !model.settings.has(this.key);
    }
    get value(): unknown {
      return this.read("value");
    }
  }

  class FakeSettings extends Loadable {
    add(key: string, value: unknown): FakeSetting {
      this.ctx.enqueue("settings.add", key, value, () => {
        model.settings.set(key, value);
      });
      return new FakeSetting(this.ctx, key);
    }
    getItemOrNullObject(key: string): FakeSetting {
      return new FakeSetting(this.ctx, key);
    }
    getItem(key: string): FakeSetting {
      if (!model.settings.has(key)) throw officeError("ItemNotFound", "The requested resource doesn't exist (setting " + key + ").");
      return new FakeSetting(this.ctx, key);
    }
  }

  class FakeWorkbook {
    readonly worksheets: FakeWorksheets;
    readonly names: FakeNames;
    readonly tables: FakeTables;
    readonly settings: FakeSettings;
    constructor(private readonly ctx: Context) {
      this.worksheets = new FakeWorksheets(ctx);
      this.names = new FakeNames(ctx);
      this.tables = new FakeTables(ctx, null);
      this.settings = new FakeSettings(ctx);
    }
    getSelectedRange(): FakeRange {
      const s = model.selection!;
      return rangeOn(this.ctx, s.sheet, s.address);
    }
  }

  function run(batch: (context: any) => Promise<unknown>): Promise<unknown> {
    const entry: RunLog = { ops: [], syncs: 0, implicitSync: false, done: false };
    log.runs.push(entry);
    const ctx = new Context(entry);
    // Objects made in the batch register a "synced" flag update; those alone are not work to flush.
    const pendingWork = () => entry.ops.some((op) => op.sync > ctx.syncs);
    const finish = (): Promise<void> => {
      if (!pendingWork()) return Promise.resolve();
      entry.implicitSync = true;
      return ctx.sync();
    };
    return Promise.resolve()
      .then(() => batch(ctx))
      .then(
        (result) =>
          finish().then(() => {
            entry.done = true;
            return result;
          }),
        (error) => {
          entry.error = String(error && (error as Error).message ? (error as Error).message : error);
          entry.done = true;
          throw error;
        },
      );
  }

  function snapshot(): WorkbookSnapshot {
    return {
      sheets: model.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: Object.fromEntries(s.cells) })),
      names: model.names.map((n) => ({ name: n.name, sheet: n.sheet.name, address: n.address, comment: n.comment })),
      tables: model.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: cellName(t.row, t.col) + ":" + cellName(t.row + t.height - 1, t.col + t.width - 1),
      })),
      settings: Object.fromEntries(model.settings),
      selection: model.selection ? { sheet: model.selection.sheet.name, address: model.selection.address } : undefined,
    };
  }

  // ---- Globals, as office.js defines them
  const HostType = {
    Word: "Word",
    Excel: "Excel",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  };
  const info = { host: config.host, platform: config.host ? "PC" : null };
  g.Office = {
    HostType,
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: {
      displayLanguage: config.displayLanguage,
      contentLanguage: config.displayLanguage,
      officeTheme: config.theme,
      requirements: { isSetSupported: () => true },
      document: {
        settings: { get: () => null, set: () => undefined, saveAsync: (cb?: (r: unknown) => void) => cb?.({ status: "succeeded" }) },
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      log.onReadyCalls++;
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
    actions: { associate: () => undefined },
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
  };
  g.Excel = { run };
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  g.CustomFunctions = {
    associate: (id: string | Record<string, unknown>) => {
      if (typeof id === "string") log.associated.push(id);
      else log.associated.push(...Object.keys(id));
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  function type(reference: string, value: CellInput): void {
    const named = model.names.find((n) => n.name.toLowerCase() === reference.toLowerCase());
    const r = named ? { ...parseAddress(named.address), sheet: named.sheet.name } : parseAddress(reference);
    const sheet = r.sheet === null ? model.selection!.sheet : sheetByName(r.sheet);
    if (!sheet) throw officeError("ItemNotFound", "no sheet for " + reference);
    sheet.cells.set(r.row + "," + r.col, value);
  }

  const handle: StandInHandle = { log, snapshot, type };
  g.__officeStandIn = handle;
  return handle;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The body served for the office.js CDN URL: the stand-in is already installed by the init script. */
export const OFFICE_JS_BODY = "window.__officeJsLoaded = (window.__officeJsLoaded || 0) + 1;\n";
