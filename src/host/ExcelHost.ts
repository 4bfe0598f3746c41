/**
 * The wizard inside Excel: the comparison lives in the workbook (the Parameters names and the Bids or
 * Scenarios table of the template written in step 5), so closing the pane or the file loses nothing and a
 * colleague opening the shared workbook sees the same comparison. Only changed cells are written, and only
 * rows the wizard holds, so cells edited by someone else meanwhile are left alone.
 */
import type { Language } from "../i18n/core";
import { TEMPLATE_SETTING_KEY } from "../templates/names";
import type { TemplateWriters } from "./templateWriters";
import type { ExcelRun as Run } from "../templates/office/writeToExcel";
import type { Host, SaveStatus, SavedComparison, SourceTable, TemplateInput, Theme, WorkbookSource, WriteOutcome } from "./types";
import {
  type CellValue,
  cellValue,
  columnKeys,
  deviceNames,
  entriesFromRows,
  normaliseRow,
  parameterCell,
  parameterEntries,
  parameterNames,
  parseStamp,
  tableName,
  tableRows,
  type TemplateStamp,
} from "./workbookCells";

export interface ExcelHostOptions {
  readonly run: Run;
  readonly locale: string;
  readonly language: Language;
  readonly theme: Theme;
  readonly writers: TemplateWriters;
  /** Typing produces a change per key: wait this long for a pause before writing to the workbook. */
  readonly saveDelayMs?: number;
}

/** What the pane last read from or wrote to the workbook, so the next save writes only what changed. */
interface Attachment {
  readonly stamp: TemplateStamp;
  readonly rowCount: number;
  params: Map<string, CellValue>;
  rows: CellValue[][];
  device: Map<string, CellValue>;
}

const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

export class ExcelHost implements Host, WorkbookSource {
  readonly kind = "excel" as const;
  readonly locale: string;
  readonly theme: Theme;
  readonly workbook: WorkbookSource = this;
  private attached: Attachment | null = null;
  private pending: { comparison: SavedComparison; timer: ReturnType<typeof setTimeout>; waiters: ((s: SaveStatus) => void)[]; fail: ((e: unknown) => void)[] } | null = null;

  constructor(private readonly options: ExcelHostOptions) {
    this.locale = options.locale;
    this.theme = options.theme;
  }

  watchTheme(): () => void {
    return () => undefined; // Excel has no theme-change event for the pane; the theme is read at start
  }

  /** Reads the comparison of the last template written into this workbook (2 syncs), or null. */
  async load(): Promise<SavedComparison | null> {
    return this.options.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
      setting.load("value");
      const names = context.workbook.names.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      if (setting.isNullObject) return null;
      const stamp = parseStamp(setting.value);
      if (!stamp) return null;
      const present = new Set(names.items.map((n) => n.name));
      const params = parameterNames(stamp).filter((p) => present.has(p.name));
      const device = stamp.template === "circular" ? deviceNames(stamp).filter((d) => present.has(d.name)) : [];
      const table = tables.items.some((t) => t.name === tableName(stamp)) ? tables.getItem(tableName(stamp)).getDataBodyRange().load("values") : null;
      const paramRanges = params.map((p) => context.workbook.names.getItem(p.name).getRange().load("values"));
      const deviceRanges = device.map((d) => context.workbook.names.getItem(d.name).getRange().load("values"));
      await context.sync();
      const lang = this.options.language;
      const paramValues = new Map(params.map((p, i) => [p.key, paramRanges[i].values[0][0]]));
      const rows = table ? (table.values as unknown[][]) : [];
      const { bids, circular } = entriesFromRows(stamp, rows, lang);
      const deviceEntries = Object.fromEntries(device.map((d, i) => [d.key, String(deviceRanges[i].values[0][0] ?? "")]));
      const saved: SavedComparison = { group: stamp.template, parameters: parameterEntries(paramValues, lang), bids, circular: { ...circular, ...deviceEntries } };
      this.attached = { stamp, rowCount: rows.length, params: new Map(), rows: [], device: new Map() };
      this.remember(this.attached, saved);
      // What the table holds, row by row (blank rows too), as the pane would write it: unchanged rows compare equal.
      this.attached.rows = rows.map((r) => normaliseRow(stamp, r, lang));
      return saved;
    });
  }

  /** Waits for a pause in typing, then writes what changed (1 sync; 2 the first time, to find the template). */
  save(comparison: SavedComparison): Promise<SaveStatus> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending?.waiters ?? [];
      const fail = this.pending?.fail ?? [];
      if (this.pending) clearTimeout(this.pending.timer);
      waiters.push(resolve);
      fail.push(reject);
      const timer = setTimeout(() => void this.flush(), this.options.saveDelayMs ?? 600);
      this.pending = { comparison, timer, waiters, fail };
    });
  }

  /** Writes a pending save now. */
  async flush(): Promise<SaveStatus> {
    const job = this.pending;
    if (!job) return { stored: this.attached !== null };
    clearTimeout(job.timer);
    this.pending = null;
    try {
      const status = await this.store(job.comparison);
      job.waiters.forEach((w) => w(status));
      return status;
    } catch (e) {
      this.attached = null; // names or table gone: look for the template again next time
      job.fail.forEach((f) => f(e));
      throw e;
    }
  }

  private async store(c: SavedComparison): Promise<SaveStatus> {
    return this.options.run(async (context) => {
      if (!this.attached) {
        const setting = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
        setting.load("value");
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        const stamp = setting.isNullObject ? null : parseStamp(setting.value);
        if (!stamp || !tables.items.some((t) => t.name === tableName(stamp))) return { stored: false };
        const body = tables.getItem(tableName(stamp)).getDataBodyRange().load("rowCount");
        await context.sync();
        // Rows already filled in the table are the user's until the pane has read them: keep the ones we do not write.
        this.attached = { stamp, rowCount: body.rowCount, params: new Map(), rows: [], device: new Map() };
      }
      const a = this.attached;
      // The workbook holds another product group's template: step 5 writes this one alongside it.
      if (a.stamp.template !== c.group) return { stored: false };
      for (const { key, name } of parameterNames(a.stamp)) {
        const v = parameterCell(key, c.parameters);
        if (a.params.get(key) !== v) context.workbook.names.getItem(name).getRange().values = [[v]];
      }
      if (a.stamp.template === "circular") {
        for (const { key, name } of deviceNames(a.stamp)) {
          const v = deviceCell(c.circular[key]);
          if (a.device.get(key) !== v) context.workbook.names.getItem(name).getRange().values = [[v]];
        }
      }
      const rows = tableRows(a.stamp, c);
      const width = columnKeys(a.stamp).length;
      const body = context.workbook.tables.getItem(tableName(a.stamp)).getDataBodyRange();
      // Rows the pane held before and no longer does (an offer removed) are cleared; rows beyond are not touched.
      const held = Math.min(a.rowCount, Math.max(rows.length, lastFilled(a.rows) + 1));
      for (let i = 0; i < held; i++) {
        const row = rows[i] ?? blank(width);
        if (!same(a.rows[i], row)) body.getRow(i).values = [row];
      }
      await context.sync();
      this.remember(a, c);
      const notStored = Math.max(0, rows.length - a.rowCount);
      return notStored ? { stored: true, offersNotStored: notStored } : { stored: true };
    });
  }

  private remember(a: Attachment, c: SavedComparison): void {
    a.params = new Map(parameterNames(a.stamp).map(({ key }) => [key, parameterCell(key, c.parameters)]));
    a.rows = tableRows(a.stamp, c).slice(0, a.rowCount);
    a.device = new Map(deviceNames(a.stamp).map(({ key }) => [key, deviceCell(c.circular[key])]));
  }

  /** Updates the comparison already in the workbook when it fits; otherwise writes the template anew (a new copy, never over the old). */
  async write(input: TemplateInput): Promise<WriteOutcome> {
    if (this.pending) {
      const status = await this.flush();
      if (status.stored && !status.offersNotStored) return { kind: "workbook", updated: true };
    } else if (this.attached && this.attached.stamp.template === input.group && input.bids.length <= this.attached.rowCount) {
      return { kind: "workbook", updated: true };
    }
    const writers = this.options.writers;
    const { sheets } = await writers.writeToExcel(input);
    // Read the new copy back (2 syncs): what is in its cells now is what later saves compare against, so
    // an edit made in the sheet after the write is never undone by the pane.
    this.attached = null;
    await this.load();
    return { kind: "workbook", sheets };
  }

  async listTables(): Promise<string[]> {
    return this.options.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      return tables.items.map((t) => t.name);
    });
  }

  async readTable(name: string | null): Promise<SourceTable> {
    return this.options.run(async (context) => {
      const range = (name === null ? context.workbook.getSelectedRange() : context.workbook.tables.getItem(name).getRange()).load("values, address");
      await context.sync();
      const [header = [], ...rows] = range.values as unknown[][];
      return { name: name ?? range.address, headers: header.map((h) => String(h ?? "")), rows };
    });
  }
}

/** The device-in-use cells are numbers. */
const deviceCell = (text: string | undefined): CellValue => cellValue(text, true);

const blank = (width: number): CellValue[] => Array<CellValue>(width).fill("");
const lastFilled = (rows: readonly CellValue[][]) => rows.reduce((last, r, i) => (r.some((v) => v !== "") ? i : last), -1);
