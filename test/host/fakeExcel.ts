/**
 * A small recording fake of the Excel objects the ExcelHost uses. Loaded properties can be read only after
 * context.sync(), as in Office.js, so a read before sync fails the test; every write and sync is recorded.
 */
import { columnLetter } from "../../src/templates/address";

export interface FakeBook {
  setting?: string;
  /** Other settings by key (the template's stamp is `setting`). */
  settings?: Record<string, string>;
  names: Record<string, unknown>;
  tables: Record<string, unknown[][]>;
  /** Each table's header row; a table without one has no headers. */
  headers?: Record<string, readonly unknown[]>;
  /** Where each table's header row starts ("'LCC Bids'!A4"); "Sheet1!A1" when not given. */
  tableAt?: Record<string, string>;
  selection?: { address: string; values: unknown[][] };
  /** Plain sheets by name (rows of cells, 0-based), such as the Criteria sheet; names and tables live apart in this fake. */
  sheets?: Record<string, unknown[][]>;
  /** The Parameters sheet's protection (one sheet holds every name in this fake); password as Office keeps it. */
  protection?: SheetProtection;
  /** The protection of each plain sheet (`sheets`), such as the Criteria sheet, by name; unprotected when not given. */
  sheetProtection?: Record<string, SheetProtection>;
}

/** A sheet's protection as Office keeps it. */
export interface SheetProtection {
  protected: boolean;
  password?: string;
}

export interface Recording {
  syncs: number;
  writes: { target: string; values: unknown[][] }[];
  /** protect / unprotect calls, in order, by sheet: "Parameters" (the sheet of the names) or a plain sheet's name. */
  protections: { sheet: string; call: "protect" | "unprotect"; password?: string }[];
  /** Names whose cell was unlocked (format.protection.locked = false). */
  unlocked: string[];
  /** What was set on the data cells of each column added to a table, by its header. */
  addedColumns: Record<string, AddedColumn>;
}

/** The data cells of a table column the pane added: number format, lock, and data validation as Office.js takes them. */
export interface AddedColumn {
  numberFormat?: unknown[][];
  locked?: boolean;
  cleared?: boolean;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

class Loadable {
  private pending = false;
  private ready = false;
  constructor(private readonly sync: { queue: Loadable[] }) {}
  load(): this {
    this.pending = true;
    this.sync.queue.push(this);
    return this;
  }
  settle() {
    if (this.pending) this.ready = true;
  }
  protected read<T>(value: T, what: string): T {
    if (!this.ready) throw new Error(`${what} read before load + sync`);
    return value;
  }
}

const TEMPLATE_SETTING = "CircularICT.template";

export function fakeRun(book: FakeBook) {
  const rec: Recording = { syncs: 0, writes: [], protections: [], unlocked: [], addedColumns: {} };
  const state = { queue: [] as Loadable[] };

  class Setting extends Loadable {
    constructor(private readonly key?: string) {
      super(state);
    }
    private get stored() {
      return this.key === undefined || this.key === TEMPLATE_SETTING ? book.setting : book.settings?.[this.key];
    }
    get isNullObject() {
      return this.read(this.stored === undefined, "isNullObject");
    }
    get value() {
      return this.read(this.stored, "value");
    }
    delete() {
      if (this.stored === undefined) throw new Error(`ItemNotFound: setting ${this.key}`);
      rec.writes.push({ target: `settings.delete:${this.key}`, values: [] });
      delete book.settings![this.key!];
    }
  }
  /** names / tables: load("items/name") returns the collection itself, as Office.js does. */
  class Collection<T> extends Loadable {
    constructor(
      private readonly names: () => string[],
      readonly getItem: (name: string) => T,
    ) {
      super(state);
    }
    get items() {
      return this.read(
        this.names().map((name) => ({ name })),
        "items",
      );
    }
  }
  class Range extends Loadable {
    constructor(
      private readonly target: string,
      private readonly get: () => unknown[][],
      private readonly set: (v: unknown[][]) => void,
      private readonly where?: () => string,
    ) {
      super(state);
    }
    get values(): unknown[][] {
      return this.read(this.get(), `${this.target}.values`);
    }
    /** Recorded as written; kept as Excel keeps it: text written with the apostrophe prefix reads back without it. */
    set values(v: unknown[][]) {
      rec.writes.push({ target: this.target, values: v });
      this.set(v.map((row) => row.map((x) => (typeof x === "string" && x.startsWith("'") ? x.slice(1) : x))));
    }
    get rowCount() {
      return this.read(this.get().length, "rowCount");
    }
    get address() {
      return this.read(this.where ? this.where() : (book.selection?.address ?? ""), "address");
    }
    getRow(i: number) {
      return new Range(
        `${this.target}[${i}]`,
        () => [this.get()[i]],
        (v) => (this.get()[i] = v[0]),
      );
    }
    /** One cell, which getResizedRange widens to the right: the writes around a column the template does not have. */
    getCell(i: number, c: number) {
      return this.span(i, c, 1);
    }
    getResizedRange(rows: number, cols: number) {
      if (rows !== 0) throw new Error("the fake widens a row only");
      const [, i, c] = /\[(\d+)\]\[(\d+)\]$/.exec(this.target) ?? [];
      return this.parent!.span(Number(i), Number(c), cols + 1);
    }
    parent?: Range;
    private span(i: number, c: number, n: number): Range {
      const base = this.parent ?? this;
      const r = new Range(
        `${base.target}[${i}][${c}${n > 1 ? `:${c + n - 1}` : ""}]`,
        () => [base.get()[i].slice(c, c + n)],
        (v) => base.get()[i].splice(c, n, ...v[0]),
      );
      r.parent = base;
      return r;
    }
  }
  /**
   * Office.js WorksheetProtection of one sheet: protect fails on a protected sheet, unprotect with a wrong password
   * fails. Here at the call, in Office at sync: either way the commands before it have run and the later ones do not.
   */
  class Protection extends Loadable {
    constructor(
      private readonly sheet: string,
      private readonly state: () => SheetProtection | undefined,
      private readonly set: (p: SheetProtection) => void,
      sync: { queue: Loadable[] },
    ) {
      super(sync);
    }
    get protected() {
      return this.read(this.state()?.protected ?? false, "protected");
    }
    protect(_options: unknown, password?: string) {
      if (this.state()?.protected) throw new Error("InvalidOperation: the sheet is already protected");
      rec.protections.push({ sheet: this.sheet, call: "protect", password });
      this.set({ protected: true, password });
    }
    unprotect(password?: string) {
      rec.protections.push({ sheet: this.sheet, call: "unprotect", password });
      const now = this.state();
      if (now?.password !== undefined && now.password !== password) throw new Error("InvalidPassword: the password is not correct");
      this.set({ protected: false });
    }
  }
  const worksheet = {
    protection: new Protection(
      "Parameters",
      () => book.protection,
      (p) => (book.protection = p),
      state,
    ),
  };
  const cell = (name: string) =>
    Object.assign(
      new Range(
        name,
        () => [[book.names[name]]],
        (v) => (book.names[name] = v[0][0]),
      ),
      {
        worksheet,
        format: {
          protection: {
            set locked(v: boolean) {
              if (!v) rec.unlocked.push(name);
            },
          },
        },
      },
    );

  const names = new Collection(
    () => Object.keys(book.names),
    (name: string) => {
      if (!(name in book.names)) throw new Error(`no name ${name}`);
      return { getRange: () => cell(name) };
    },
  );
  const tables = new Collection(
    () => Object.keys(book.tables),
    (name: string) => {
      if (!(name in book.tables)) throw new Error(`no table ${name}`);
      const none = () => undefined;
      return {
        getDataBodyRange: () => new Range(name, () => book.tables[name], none),
        getHeaderRowRange: () =>
          new Range(
            `${name}.header`,
            () => [[...(book.headers?.[name] ?? [])]],
            none,
            () => headerAddress(name),
          ),
        getRange: () => new Range(name, () => [["Supplier", "Price"], ...book.tables[name]], none),
        /** Office.js TableColumnCollection.add(index, values): values[0] is the header, the rest one per row. */
        columns: {
          add: (index: number | undefined, values: unknown[][]) => {
            if (index !== undefined) throw new Error("the fake adds columns at the right end only");
            rec.writes.push({ target: `${name}.columns.add`, values });
            book.headers = { ...book.headers, [name]: [...(book.headers?.[name] ?? []), values[0][0]] };
            book.tables[name].forEach((row, i) => row.push(values[i + 1][0]));
            const added: AddedColumn = (rec.addedColumns[String(values[0][0])] = {});
            const body = {
              set numberFormat(v: unknown[][]) {
                added.numberFormat = v;
              },
              format: {
                protection: {
                  set locked(v: boolean) {
                    added.locked = v;
                  },
                },
              },
              dataValidation: {
                clear: () => void (added.cleared = true),
                set rule(v: unknown) {
                  added.rule = v;
                },
                set prompt(v: unknown) {
                  added.prompt = v;
                },
                set errorAlert(v: unknown) {
                  added.errorAlert = v;
                },
              },
            };
            return { getDataBodyRange: () => body };
          },
        },
      };
    },
  );
  /** The header row's address as Office gives it: "'LCC Bids'!A4:AS4". */
  const headerAddress = (name: string) => {
    const [, sheet, col, row] = /^(.*!)([A-Z]+)(\d+)$/.exec(book.tableAt?.[name] ?? "Sheet1!A1")!;
    const first = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const last = first + Math.max(1, book.headers?.[name]?.length ?? 1) - 1;
    return `${sheet}${col}${row}:${columnLetter(last)}${row}`;
  };
  /** A sheet's rectangle, read and written cell by cell; writes are recorded as "Sheet!H8" (or "Sheet!H8:I9"). */
  const sheetRange = (sheet: string, row: number, col: number, height: number, width: number) => {
    const grid = () => (book.sheets![sheet] ??= []);
    const letter = (c: number) => String.fromCharCode(65 + c);
    const at = (r: number, c: number) => `${letter(c)}${r + 1}`;
    const address = height === 1 && width === 1 ? at(row, col) : `${at(row, col)}:${at(row + height - 1, col + width - 1)}`;
    return new Range(
      `${sheet}!${address}`,
      () => Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => grid()[row + i]?.[col + j] ?? "")),
      (v) =>
        v.forEach((cells, i) =>
          cells.forEach((x, j) => {
            const r = (grid()[row + i] ??= []);
            r[col + j] = x;
          }),
        ),
    );
  };
  const worksheets = new Collection(
    () => Object.keys(book.sheets ?? {}),
    (name: string) => {
      if (!(name in (book.sheets ?? {}))) throw new Error(`no sheet ${name}`);
      return {
        getRangeByIndexes: (row: number, col: number, height: number, width: number) => sheetRange(name, row, col, height, width),
        protection: new Protection(
          name,
          () => book.sheetProtection?.[name],
          (p) => (book.sheetProtection = { ...book.sheetProtection, [name]: p }),
          state,
        ),
      };
    },
  );
  const workbook = {
    worksheets,
    settings: {
      getItemOrNullObject: (key?: string) => new Setting(key),
      getItem: (key: string) => new Setting(key),
      add: (key: string, value: string) => {
        rec.writes.push({ target: `settings.add:${key}`, values: [[value]] });
        book.settings = { ...book.settings, [key]: value };
      },
    },
    names,
    tables,
    getSelectedRange: () =>
      new Range(
        "selection",
        () => book.selection?.values ?? [],
        () => undefined,
      ),
  };
  const context = {
    workbook,
    sync: async () => {
      rec.syncs++;
      state.queue.splice(0).forEach((l) => l.settle());
    },
  };
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext);
  return { run, rec };
}
