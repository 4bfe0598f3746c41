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
import { kindOf } from "../model/bid";
import { type ParameterSet, verifyParameterSet } from "../model/parameterSet";
import { bidHeaders } from "../templates/bidHeaders";
import { type ColumnMap, byKey, columnLabel, fits, mapColumns, runs, widened } from "./tableColumns";
import {
  CLEAN_REPORT,
  type Host,
  type LoadResult,
  type SaveStatus,
  type ProtectOutcome,
  type SavedComparison,
  type SourceTable,
  type TemplateInput,
  type Theme,
  type WorkbookProblem,
  type WorkbookSource,
  type WriteOutcome,
  type LoadReport,
} from "./types";
import {
  ADDED_PARAMETERS,
  type CellValue,
  cellValue,
  columnKeys,
  deviceNames,
  entriesFromRows,
  formerResidualCurveName,
  normaliseRow,
  parameterCell,
  parameterEntries,
  parameterNames,
  parseStamp,
  tableName,
  tableRows,
  type TemplateStamp,
} from "./workbookCells";
import type { ParameterKey } from "../templates/names";

export interface ExcelHostOptions {
  readonly run: Run;
  readonly locale: string;
  readonly language: Language;
  readonly theme: Theme;
  readonly writers: TemplateWriters;
  /** Typing produces a change per key: wait this long for a pause before writing to the workbook. */
  readonly saveDelayMs?: number;
  /**
   * Where the pane may offer a file (Excel on the web: the browser saves it); absent in Excel on Windows
   * and Mac, whose pane cannot save a file, so the wizard points to the Tender text sheet instead.
   */
  readonly download?: (bytes: Uint8Array, fileName: string, type: string) => void;
}

/** What the pane last read from or wrote to the workbook, so the next save writes only what changed. */
interface Attachment {
  readonly stamp: TemplateStamp;
  /** The table as found: its name (a colleague may have renamed it) and where each template column is. */
  table: string;
  map: ColumnMap;
  rowCount: number;
  /** The parameter cells this workbook has (one written before template 1.1.0 lacks the §12 ones). */
  names: { key: ParameterKey; name: string }[];
  params: Map<string, CellValue>;
  rows: CellValue[][];
  device: Map<string, CellValue>;
  /** The framework set as stored in the workbook's settings ("" for none). */
  framework: string;
}

/** The workbook setting that keeps the framework set the comparison adopted (it travels with the file). */
export const FRAMEWORK_SETTING_KEY = "CircularICT.framework";

const frameworkText = (c: SavedComparison): string =>
  c.framework ? JSON.stringify({ set: c.framework, locked: !!c.frameworkLocked }) : "";

/** The stored set, its fingerprint checked again: a set edited in the workbook's settings is not taken. */
async function frameworkOf(value: unknown): Promise<{ set: ParameterSet; locked: boolean } | null> {
  try {
    const stored = JSON.parse(String(value)) as { set?: unknown; locked?: unknown };
    const verified = await verifyParameterSet(stored.set);
    return verified.ok ? { set: verified.set, locked: stored.locked === true } : null;
  } catch {
    return null;
  }
}

/** A workbook the pane must not write to, with the reason shown to the user. */
class NotAttached extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(problem.kind);
  }
}

const problemOf = (e: unknown): WorkbookProblem =>
  e instanceof NotAttached ? e.problem : { kind: "readFailed", message: e instanceof Error ? e.message : String(e) };

const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

export class ExcelHost implements Host, WorkbookSource {
  readonly kind = "excel" as const;
  readonly locale: string;
  readonly theme: Theme;
  readonly workbook: WorkbookSource = this;
  private attached: Attachment | null = null;
  /** Set when a read or a check of the workbook failed, until a read succeeds: the pane then writes nothing (it could overwrite a colleague's work). Before the first read, nothing is attached, so nothing is written either. */
  private problem: WorkbookProblem | null = null;
  private pending: { comparison: SavedComparison; timer: ReturnType<typeof setTimeout>; waiters: ((s: SaveStatus) => void)[] } | null =
    null;
  /** What the last read found written by an earlier template version, for the load report. */
  private notes: Partial<Pick<LoadReport, "olderTemplate" | "methodChanges" | "unreadable">> = {};

  readonly offerFile?: (bytes: Uint8Array, fileName: string, type: string) => Promise<void>;

  constructor(private readonly options: ExcelHostOptions) {
    this.locale = options.locale;
    this.theme = options.theme;
    const download = options.download;
    if (download) this.offerFile = async (bytes, fileName, type) => download(bytes, fileName, type);
  }

  watchTheme(): () => void {
    return () => undefined; // Excel has no theme-change event for the pane; the theme is read at start
  }

  /** Reads the comparison of the last template written into this workbook (2 syncs; 3 when the table was renamed). */
  async load(): Promise<LoadResult> {
    try {
      this.notes = {};
      const comparison = await this.options.run((context) => this.read(context));
      this.problem = null;
      return { status: this.notes.unreadable?.length ? "recovered" : "ok", comparison, report: { ...CLEAN_REPORT, ...this.notes } };
    } catch (e) {
      this.attached = null;
      this.problem = problemOf(e);
      return { status: "failed", comparison: null, report: { ...CLEAN_REPORT, problem: this.problem } };
    }
  }

  private async read(context: Excel.RequestContext): Promise<SavedComparison | null> {
    const setting = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
    setting.load("value");
    const frameworkSetting = context.workbook.settings.getItemOrNullObject(FRAMEWORK_SETTING_KEY);
    frameworkSetting.load("value");
    const names = context.workbook.names.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const stamp = setting.isNullObject ? null : parseStamp(setting.value);
    this.attached = null;
    if (!stamp) return null;
    const present = new Set(names.items.map((n) => n.name));
    const all = parameterNames(stamp);
    // A workbook written before template 1.1.0 has no §12 parameters: read it with their defaults.
    const params = all.filter((p) => present.has(p.name) || !ADDED_PARAMETERS.has(p.key));
    const device = stamp.template === "circular" ? deviceNames(stamp) : [];
    const missing = [...params, ...device].map((p) => p.name).filter((n) => !present.has(n));
    if (missing.length) throw new NotAttached({ kind: "namesMissing", names: missing });
    const former = formerResidualCurveName(stamp);
    const formerCurve =
      params.length < all.length && present.has(former) ? context.workbook.names.getItem(former).getRange().load("values") : null;
    const expected = tableName(stamp);
    const named = tables.items.some((t) => t.name === expected);
    // A renamed table is found again by its headers: look at every table's header row in the same sync.
    const candidates = named ? [expected] : tables.items.map((t) => t.name);
    const headers = candidates.map((n) => context.workbook.tables.getItem(n).getHeaderRowRange().load("values"));
    const body = named ? context.workbook.tables.getItem(expected).getDataBodyRange().load("values") : null;
    const paramRanges = params.map((p) => context.workbook.names.getItem(p.name).getRange().load("values"));
    const deviceRanges = device.map((d) => context.workbook.names.getItem(d.name).getRange().load("values"));
    await context.sync();
    const maps = headers.map((h) => mapColumns(stamp, (h.values as unknown[][])[0] ?? []));
    let table = expected;
    let map = maps[0];
    let rows: unknown[][];
    if (body) {
      if (!fits(map)) throw this.shapeProblem(stamp, table, map);
      rows = body.values as unknown[][];
    } else {
      const found = candidates.filter((_, i) => fits(maps[i]));
      if (found.length !== 1) throw new NotAttached({ kind: "tableNotFound", table: expected });
      [table, map] = [found[0], maps[candidates.indexOf(found[0])]];
      const values = context.workbook.tables.getItem(table).getDataBodyRange().load("values");
      await context.sync();
      rows = values.values as unknown[][];
    }
    const lang = this.options.language;
    if (params.length < all.length) {
      // Its Results still apply the former rules (one residual curve for every offer, no §12 lines): say so.
      const was = formerCurve ? String((formerCurve.values as unknown[][])[0][0] ?? "") : "";
      this.notes = { olderTemplate: stamp.version ?? "1.0.0", ...(was ? { methodChanges: [{ kind: "residualCurve", was }] } : {}) };
    }
    const inOrder = rows.map((r) => byKey(map, r));
    const paramValues = new Map(params.map((p, i) => [p.key, paramRanges[i].values[0][0]]));
    const { bids, circular } = entriesFromRows(stamp, inOrder, lang);
    const deviceEntries = Object.fromEntries(device.map((d, i) => [d.key, String(deviceRanges[i].values[0][0] ?? "")]));
    const framework = frameworkSetting.isNullObject ? null : await frameworkOf(frameworkSetting.value);
    const saved: SavedComparison = {
      group: stamp.template,
      parameters: parameterEntries(paramValues, lang),
      bids,
      circular: { ...circular, ...deviceEntries },
      ...(framework ? { framework: framework.set, frameworkLocked: framework.locked } : {}),
    };
    if (!frameworkSetting.isNullObject && !framework) this.notes = { ...this.notes, unreadable: ["framework"] };
    const a: Attachment = {
      stamp,
      table,
      map,
      rowCount: rows.length,
      names: params,
      params: new Map(),
      rows: [],
      device: new Map(),
      framework: frameworkSetting.isNullObject ? "" : String(frameworkSetting.value),
    };
    this.remember(a, saved);
    // What the table holds, row by row (blank rows too), as the pane would write it: unchanged rows compare equal.
    a.rows = inOrder.map((r) => normaliseRow(stamp, r, lang));
    this.attached = a;
    return saved;
  }

  /** Waits for a pause in typing, then writes what changed. Never rejects: a failure is a status. */
  save(comparison: SavedComparison): Promise<SaveStatus> {
    return new Promise((resolve) => {
      const waiters = this.pending?.waiters ?? [];
      if (this.pending) clearTimeout(this.pending.timer);
      waiters.push(resolve);
      const timer = setTimeout(() => void this.flush(), this.options.saveDelayMs ?? 600);
      this.pending = { comparison, timer, waiters };
    });
  }

  /** Writes a pending save now. */
  async flush(): Promise<SaveStatus> {
    const job = this.pending;
    if (!job) return { stored: this.attached !== null && !this.problem };
    clearTimeout(job.timer);
    this.pending = null;
    let status: SaveStatus;
    try {
      status = await this.store(job.comparison);
    } catch (e) {
      // Names, table or columns changed under the pane: write nothing more until a read succeeds.
      this.attached = null;
      this.problem = problemOf(e);
      status = { stored: false, refused: { reason: "notAttached", problem: this.problem } };
    }
    job.waiters.forEach((w) => w(status));
    return status;
  }

  /**
   * Checks first that every name and template column is still there (1 sync), then writes what changed
   * (1 sync): Office.js applies a batch up to its failing step, so the check must come before any write.
   */
  private async store(c: SavedComparison): Promise<SaveStatus> {
    if (this.problem) return { stored: false, refused: { reason: "notAttached", problem: this.problem } };
    const a = this.attached;
    // No template in the workbook (step 5 writes it), or another product group's: step 5 writes this one alongside it.
    if (!a || a.stamp.template !== c.group) return { stored: false };
    return this.options.run(async (context) => {
      const names = context.workbook.names.load("items/name");
      let header: Excel.Range, size: Excel.Range;
      try {
        const table = context.workbook.tables.getItem(a.table);
        header = table.getHeaderRowRange().load("values");
        size = table.getDataBodyRange().load("rowCount");
        await context.sync();
      } catch (e) {
        // Most likely the table was renamed or deleted: say so when it is (1 more sync, on this path only).
        const tables = context.workbook.tables.load("items/name");
        await context.sync();
        if (!tables.items.some((t) => t.name === a.table)) throw new NotAttached({ kind: "tableNotFound", table: a.table });
        throw e;
      }
      const present = new Set(names.items.map((n) => n.name));
      const device = a.stamp.template === "circular" ? deviceNames(a.stamp) : [];
      const missing = [...a.names, ...device].map((p) => p.name).filter((n) => !present.has(n));
      if (missing.length) throw new NotAttached({ kind: "namesMissing", names: missing });
      let map = mapColumns(a.stamp, (header.values as unknown[][])[0] ?? []);
      if (!fits(map)) throw this.shapeProblem(a.stamp, a.table, map);
      a.rowCount = Math.min(a.rowCount, size.rowCount);
      const rows = tableRows(a.stamp, c);
      // A Bids table written before template 1.1.0 lacks the §12 columns: widen it at its right end once an
      // offer has something to keep there, headed as the template heads them.
      const keys = columnKeys(a.stamp);
      const needed = map.missing.filter((k) => rows.some((r) => r[keys.indexOf(k)] !== ""));
      if (needed.length) {
        const headers = bidHeaders(kindOf(a.stamp.template), this.options.language, c.parameters.currency || "EUR");
        const table = context.workbook.tables.getItem(a.table);
        for (const k of needed) table.columns.add(undefined, [[headers[k]], ...blank(size.rowCount).map((v) => [v])]);
        map = widened(map, a.stamp, needed);
      }
      a.map = map; // columns moved since the last read are written where they are now

      for (const { key, name } of a.names) {
        const v = parameterCell(key, c.parameters, a.stamp.language ?? "en");
        if (a.params.get(key) !== v) context.workbook.names.getItem(name).getRange().values = [[v]];
      }
      for (const { key, name } of device) {
        const v = deviceCell(c.circular[key]);
        if (a.device.get(key) !== v) context.workbook.names.getItem(name).getRange().values = [[v]];
      }
      const framework = frameworkText(c);
      if (framework !== a.framework) {
        if (framework) context.workbook.settings.add(FRAMEWORK_SETTING_KEY, framework);
        else context.workbook.settings.getItem(FRAMEWORK_SETTING_KEY).delete();
      }
      const width = keys.length;
      const body = context.workbook.tables.getItem(a.table).getDataBodyRange();
      // Rows the pane held before and no longer does (an offer removed) are cleared; rows beyond are not touched.
      const held = Math.min(a.rowCount, Math.max(rows.length, lastFilled(a.rows) + 1));
      for (let i = 0; i < held; i++) {
        const row = rows[i] ?? blank(width);
        if (same(a.rows[i], row)) continue;
        const parts = runs(map, row);
        // A whole row in one write when the table has only the template's columns; else around the others.
        if (parts.length === 1 && parts[0].values.length === map.width) body.getRow(i).values = [parts[0].values as CellValue[]];
        else for (const p of parts) body.getCell(i, p.start).getResizedRange(0, p.values.length - 1).values = [p.values as CellValue[]];
      }
      await context.sync();
      this.remember(a, c);
      const notStored = Math.max(0, rows.length - a.rowCount);
      return notStored ? { stored: true, offersNotStored: notStored } : { stored: true };
    });
  }

  /** Columns named as the user reads them, in the pane's language. */
  private shapeProblem(stamp: TemplateStamp, table: string, map: ColumnMap): NotAttached {
    const label = (k: string) => columnLabel(stamp, k, this.options.language);
    return new NotAttached({ kind: "tableShape", table, missing: map.missing.map(label), duplicated: map.duplicated.map(label) });
  }

  private remember(a: Attachment, c: SavedComparison): void {
    a.params = new Map(a.names.map(({ key }) => [key, parameterCell(key, c.parameters, a.stamp.language ?? "en")]));
    a.rows = tableRows(a.stamp, c).slice(0, a.rowCount);
    a.device = new Map(deviceNames(a.stamp).map(({ key }) => [key, deviceCell(c.circular[key])]));
    a.framework = frameworkText(c);
  }

  /**
   * Protects the Parameters sheet of the comparison in the workbook (the sheet of its first parameter name, so
   * a renamed sheet is still found), or lifts the protection; a password is optional both ways. The cells
   * of `editable` parameters (a framework set's local values) are unlocked first, so they stay editable.
   */
  async protectParameters(
    protect: boolean,
    { password, editable = [] }: { password?: string; editable?: readonly string[] } = {},
  ): Promise<ProtectOutcome> {
    const a = this.attached;
    if (!a || this.problem || !a.names.length) return { kind: "notWritten" };
    try {
      return await this.options.run(async (context) => {
        const protection = context.workbook.names.getItem(a.names[0].name).getRange().worksheet.protection.load("protected");
        await context.sync();
        // The set's local values stay editable (and the pane's saves of them keep working) whatever the template wrote.
        if (protect && !protection.protected)
          for (const { key, name } of a.names)
            if (editable.includes(key)) context.workbook.names.getItem(name).getRange().format.protection.locked = false;
        if (protect && !protection.protected)
          protection.protect(
            { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true },
            password || undefined,
          );
        if (!protect && protection.protected) protection.unprotect(password || undefined);
        await context.sync();
        return { kind: "done", protected: protect } as const;
      });
    } catch (e) {
      return { kind: "failed", message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Updates the comparison already in the workbook when it fits; otherwise writes the template anew (a new copy, never over the old). */
  async write(input: TemplateInput): Promise<WriteOutcome> {
    // Unread, the workbook may hold a colleague's comparison: a new copy of the pane's defaults beside it would mislead.
    if (this.problem?.kind === "readFailed") throw new NotAttached(this.problem);
    // Up to date in place; the Tender text sheet, when asked for, is added beside it.
    const updated = async (): Promise<WriteOutcome> => {
      const writers = this.options.writers;
      if (!input.tenderText || input.group === "circular" || !writers.writeTenderTextToExcel) return { kind: "workbook", updated: true };
      return { kind: "workbook", updated: true, sheets: [await writers.writeTenderTextToExcel(input)] };
    };
    if (this.pending) {
      const status = await this.flush();
      if (status.stored && !status.offersNotStored) return updated();
    } else if (
      this.attached &&
      !this.problem &&
      this.attached.stamp.template === input.group &&
      input.bids.length <= this.attached.rowCount
    ) {
      return updated();
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
      const range = (name === null ? context.workbook.getSelectedRange() : context.workbook.tables.getItem(name).getRange()).load(
        "values, address",
      );
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
