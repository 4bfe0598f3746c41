/**
 * The wizard inside Excel: the comparison lives in the workbook (the Parameters names and the Bids or
 * Scenarios table of the template written in step 5), so closing the pane or the file loses nothing and a
 * colleague opening the shared workbook sees the same comparison. Only changed cells are written, and only
 * rows the wizard holds, so cells edited by someone else meanwhile are left alone.
 */
import type { Language } from "../i18n/core";
import { TEMPLATE_SETTING_KEY } from "../templates/names";
import { CALL_OFF_QUANTITY, quantitiesFromCells, quantityCells, quantityColumn, rowKeys } from "./callOffCells";
import type { TemplateWriters } from "./templateWriters";
import { kindOf } from "../model/bid";
import { type ParameterSet, verifyParameterSet } from "../model/parameterSet";
import { bidHeaders } from "../templates/bidHeaders";
import { type ColumnMap, byKey, columnLabel, fits, mapColumns, runs, widened, withAnswers } from "./tableColumns";
import { BID_LABELS, bidColumns } from "../templates/comparison";
import { type InputColumn, inputCheck } from "../templates/inputTable";
import { validationOf } from "../templates/draft";
import { type ExcelRun as Run, applyValidation } from "../templates/office/writeToExcel";
import { type CriterionId, criterionOf } from "../model/criteria/catalogue";
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
  type SaveConflict,
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
import { SCENARIO_KINDS } from "../model/bid";
import { criteriaEntry, entryText } from "../model/entries";
import { cellAddress, parseCell } from "../templates/address";
import {
  CRITERIA_BLOCK,
  CRITERIA_SETTING_CELLS,
  answerColumn,
  criteriaCellAddress,
  criteriaCellValues,
  criteriaOfEntry,
  readCriteria,
} from "./criteriaCells";

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

/**
 * What the pane last read from or wrote to the workbook. `mine` is each cell as the pane renders it, so the
 * next save writes only what the pane changed; `seen` is what the cell held then, so a save can tell that a
 * colleague changed it since (co-authoring) and leave their value there.
 */
interface Attachment {
  readonly stamp: TemplateStamp;
  /** The table as found: its name (a colleague may have renamed it) and where each template column is. */
  table: string;
  map: ColumnMap;
  rowCount: number;
  /** The parameter cells this workbook has (one written before template 1.1.0 lacks the §12 ones). */
  names: { key: ParameterKey; name: string }[];
  params: Map<string, CellValue>;
  seenParams: Map<string, unknown>;
  /** Rows in template column order, then the answer columns (map.answers). */
  rows: CellValue[][];
  seenRows: unknown[][];
  device: Map<string, CellValue>;
  seenDevice: Map<string, unknown>;
  /** The Criteria sheet's setting cells by key ("batteryCycles.points"); null when the workbook has no Criteria sheet. */
  criteria: Map<string, CellValue> | null;
  seenCriteria: Map<string, unknown>;
  /**
   * The criteria the workbook's Results sheet scores (stamped when written), and the answer columns the
   * table had when read: a criterion outside the first, or answered in a column outside the second, is not
   * scored by the sheet's formulas.
   */
  scored: ReadonlySet<CriterionId>;
  answersAtRead: ReadonlySet<CriterionId>;
  /** The framework set as the pane last wrote it ("" for none). */
  framework: string;
  /** The framework setting as the pane last read or wrote it ("" when absent): a colleague's change since is kept. */
  seenFramework: string;
  /** The Call-off sheet's quantity cells by Bids row (callOffCells.ts), as the pane last wrote and saw them; null without that sheet. */
  callOff: (number | "")[] | null;
  seenCallOff: unknown[];
}

/** The workbook setting that keeps the framework set the comparison adopted (it travels with the file). */
export const FRAMEWORK_SETTING_KEY = "CircularICT.framework";

const frameworkText = (c: SavedComparison): string =>
  c.framework
    ? JSON.stringify({ set: c.framework, locked: !!c.frameworkLocked, ...(c.miniCompetition ? { miniCompetition: true } : {}) })
    : "";

/** The stored set, its fingerprint checked again: a set edited in the workbook's settings is not taken. */
async function frameworkOf(value: unknown): Promise<{ set: ParameterSet; locked: boolean; miniCompetition: boolean } | null> {
  try {
    const stored = JSON.parse(String(value)) as { set?: unknown; locked?: unknown; miniCompetition?: unknown };
    const verified = await verifyParameterSet(stored.set);
    return verified.ok ? { set: verified.set, locked: stored.locked === true, miniCompetition: stored.miniCompetition === true } : null;
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
  private notes: Partial<Pick<LoadReport, "olderTemplate" | "methodChanges" | "unreadable" | "unreadableCells" | "unscoredCriteria">> = {};
  /** Cells a colleague changed that the pane left alone since its last read, by part: every save says them until a read. */
  private readonly conflicts = new Map<string, SaveConflict>();

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
    this.conflicts.clear();
    const setting = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
    setting.load("value");
    const frameworkSetting = context.workbook.settings.getItemOrNullObject(FRAMEWORK_SETTING_KEY);
    frameworkSetting.load("value");
    const names = context.workbook.names.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    const sheets = context.workbook.worksheets.load("items/name");
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
    // A workbook written before criteria existed has no Criteria sheet: it is read without criteria.
    const criteriaSheet = stamp.criteriaSheet && sheets.items.some((s) => s.name === stamp.criteriaSheet) ? stamp.criteriaSheet : null;
    const criteriaRange = criteriaSheet ? criteriaBlock(context, criteriaSheet).load("values") : null;
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
    const { bids, circular } = entriesFromRows(stamp, inOrder, lang, map.answers);
    const deviceEntries = Object.fromEntries(device.map((d, i) => [d.key, String(deviceRanges[i].values[0][0] ?? "")]));
    const framework = frameworkSetting.isNullObject ? null : await frameworkOf(frameworkSetting.value);
    const criteriaValues = (criteriaRange?.values ?? []) as unknown[][];
    const criteria = criteriaSheet ? readCriteria(criteriaValues, criteriaSheet) : null;
    // The Call-off sheet's quantities (one sync more, only when the workbook has that sheet): by the product of each Bids row.
    const callOffSheet = stamp.callOffSheet && sheets.items.some((s) => s.name === stamp.callOffSheet) ? stamp.callOffSheet : null;
    const callOffKeys = callOffSheet && stamp.template !== "circular" ? rowKeys(bids, stamp.template) : [];
    const quantities = callOffSheet ? quantityColumn(context, callOffSheet, rows.length).load("values") : null;
    if (quantities) await context.sync();
    const callOffValues = (quantities?.values ?? []) as unknown[][];
    const callOff = quantitiesFromCells(callOffValues, callOffKeys);
    const saved: SavedComparison = {
      group: stamp.template,
      parameters: { ...parameterEntries(paramValues, lang), ...(criteria ? { criteria: criteriaEntry(criteria.settings) } : {}) },
      bids,
      circular: { ...circular, ...deviceEntries },
      ...(framework ? { framework: framework.set, frameworkLocked: framework.locked } : {}),
      ...(framework?.miniCompetition ? { miniCompetition: true } : {}),
      ...(framework && Object.keys(callOff).length ? { callOff } : {}),
    };
    if (!frameworkSetting.isNullObject && !framework) this.notes = { ...this.notes, unreadable: ["framework"] };
    if (criteria?.unreadable.length) this.notes = { ...this.notes, unreadableCells: criteria.unreadable };
    const a: Attachment = {
      stamp,
      table,
      map,
      rowCount: rows.length,
      names: params,
      params: new Map(),
      seenParams: new Map(params.map((p) => [p.key, paramValues.get(p.key)])),
      rows: [],
      seenRows: inOrder,
      device: new Map(),
      seenDevice: new Map(device.map((d, i) => [d.key, deviceRanges[i].values[0][0]])),
      criteria: criteriaSheet ? new Map() : null,
      seenCriteria: new Map(CRITERIA_SETTING_CELLS.map((cell) => [cell.key, criteriaValues[cell.row]?.[cell.col]])),
      // Stamped by templates from this version on; before, the criteria on in its Criteria sheet that have their answer column.
      scored: new Set(
        stamp.scored ??
          (criteria?.settings ?? []).filter((s) => criterionOf(s.id)?.bidField || map.answers.includes(s.id)).map((s) => s.id),
      ),
      answersAtRead: new Set(map.answers),
      framework: "",
      seenFramework: frameworkSetting.isNullObject ? "" : String(frameworkSetting.value),
      callOff: callOffSheet ? [] : null,
      seenCallOff: callOffValues.map((r) => r[0]),
    };
    this.remember(a, saved);
    // A criterion a colleague switched on in the Criteria sheet after the template was written is not scored by its Results either.
    const unscored = criteria ? unscoredOf(a, criteriaOfEntry(saved.parameters.criteria).scored) : [];
    if (unscored.length) this.notes = { ...this.notes, unscoredCriteria: unscored };
    // What the table holds, row by row (blank rows too), as the pane would write it: unchanged rows compare equal.
    a.rows = inOrder.map((r) => normaliseRow(stamp, r, lang, map.answers));
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
   * Checks first that every name and template column is still there and reads what the cells about to
   * change hold now (1 sync), then writes what changed (1 sync): Office.js applies a batch up to its failing
   * step, so the check must come before any write. A cell a colleague changed since the pane last read or
   * wrote it keeps the colleague's value: the pane never writes a stale value over it, and says so.
   */
  private async store(c: SavedComparison): Promise<SaveStatus> {
    if (this.problem) return { stored: false, refused: { reason: "notAttached", problem: this.problem } };
    const a = this.attached;
    // No template in the workbook (step 5 writes it), or another product group's: step 5 writes this one alongside it.
    if (!a || a.stamp.template !== c.group) return { stored: false };
    const lang = a.stamp.language ?? "en";
    const device = a.stamp.template === "circular" ? deviceNames(a.stamp) : [];
    // The cells the pane changed, known before the check: their current values are read in it.
    const params = a.names
      .map(({ key, name }) => ({ key, name, value: parameterCell(key, c.parameters, lang) }))
      .filter((p) => a.params.get(p.key) !== p.value);
    const deviceCells = device
      .map(({ key, name }) => ({ key, name, value: deviceCell(c.circular[key]) }))
      .filter((d) => a.device.get(d.key) !== d.value);
    const wanted = a.criteria ? criteriaCellValues(c.parameters.criteria, lang) : null;
    const criteriaCells = wanted ? CRITERIA_SETTING_CELLS.filter((cell) => a.criteria!.get(cell.key) !== wanted.get(cell.key)) : [];
    const sheet = a.stamp.criteriaSheet ?? "";
    const framework = frameworkText(c);
    const quantities = a.callOff ? this.quantityCells(a, c) : [];
    const quantityRows = quantities.flatMap((v, i) => (a.callOff?.[i] === v ? [] : [i]));
    // The table's values are read only when a row changed (a save after typing a parameter reads none of them).
    const before = tableRows(a.stamp, c, a.map.answers);
    const width0 = columnKeys(a.stamp).length + a.map.answers.length;
    const entryCriteria = a.stamp.template === "circular" ? null : criteriaOfEntry(c.parameters.criteria);
    // An answer to a criterion switched on after the template was written has no column yet (one is added below).
    const unplaced = (entryCriteria?.answered ?? []).filter(
      (id) => !a.map.answers.includes(id) && c.bids.some((e) => (e[id] ?? "").trim() !== ""),
    );
    const rowsChanged =
      unplaced.length > 0 ||
      Array.from({ length: heldRows(a, before) }, (_, i) => i).some((i) => !same(a.rows[i] ?? blank(width0), before[i] ?? blank(width0)));
    return this.options.run(async (context) => {
      const names = context.workbook.names.load("items/name");
      let header: Excel.Range,
        body: Excel.Range,
        paramRanges: Excel.Range[],
        deviceRanges: Excel.Range[],
        criteriaRange: Excel.Range | null,
        quantityRange: Excel.Range | null;
      // The framework setting as it is now, read only when the pane is about to change it.
      const frameworkNow =
        framework !== a.framework ? context.workbook.settings.getItemOrNullObject(FRAMEWORK_SETTING_KEY).load("value") : null;
      try {
        const table = context.workbook.tables.getItem(a.table);
        header = table.getHeaderRowRange().load("values, address");
        body = table.getDataBodyRange().load(rowsChanged ? "values, rowCount" : "rowCount");
        paramRanges = params.map((p) => context.workbook.names.getItem(p.name).getRange().load("values"));
        deviceRanges = deviceCells.map((d) => context.workbook.names.getItem(d.name).getRange().load("values"));
        criteriaRange = criteriaCells.length ? criteriaBlock(context, sheet).load("values") : null;
        quantityRange = quantityRows.length ? quantityColumn(context, a.stamp.callOffSheet!, a.rowCount).load("values") : null;
        await context.sync();
      } catch (e) {
        // Most likely the table, a name or the Criteria sheet was renamed or deleted: say which (1 more sync, on this path only).
        const tables = context.workbook.tables.load("items/name");
        const all = context.workbook.names.load("items/name");
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        if (!tables.items.some((t) => t.name === a.table)) throw new NotAttached({ kind: "tableNotFound", table: a.table });
        const present = new Set(all.items.map((n) => n.name));
        const gone = [...a.names, ...device].map((p) => p.name).filter((n) => !present.has(n));
        if (gone.length) throw new NotAttached({ kind: "namesMissing", names: gone });
        if (criteriaCells.length && !sheets.items.some((s) => s.name === sheet)) throw new NotAttached({ kind: "sheetMissing", sheet });
        const callOff = a.stamp.callOffSheet ?? "";
        if (quantityRows.length && !sheets.items.some((s) => s.name === callOff))
          throw new NotAttached({ kind: "sheetMissing", sheet: callOff });
        throw e;
      }
      const present = new Set(names.items.map((n) => n.name));
      const missing = [...a.names, ...device].map((p) => p.name).filter((n) => !present.has(n));
      if (missing.length) throw new NotAttached({ kind: "namesMissing", names: missing });
      let map = mapColumns(a.stamp, (header.values as unknown[][])[0] ?? []);
      if (!fits(map)) throw this.shapeProblem(a.stamp, a.table, map);
      const now = (rowsChanged ? body.values : []) as unknown[][];
      a.rowCount = Math.min(a.rowCount, body.rowCount);
      if (!same(a.map.answers, map.answers)) {
        // A colleague added, moved or removed an answer column: compare by criterion, not by position.
        a.rows = a.rows.map((r) => realign(r, a.map.answers, map.answers, "") as CellValue[]);
        a.seenRows = a.seenRows.map((r) => realign(r, a.map.answers, map.answers, undefined));
      }
      let rows = tableRows(a.stamp, c, map.answers);
      // A Bids table written before template 1.1.0 lacks the §12 columns: widen it at its right end once an
      // offer has something to keep there, headed as the template heads them.
      const keys = columnKeys(a.stamp);
      const needed = map.missing.filter((k) => rows.some((r) => r[keys.indexOf(k)] !== ""));
      if (needed.length) {
        const headers = bidHeaders(kindOf(a.stamp.template), this.options.language, c.parameters.currency || "EUR");
        const table = context.workbook.tables.getItem(a.table);
        const columns = bidColumns(kindOf(a.stamp.template));
        for (const k of needed) {
          const added = table.columns.add(undefined, [[headers[k]], ...blank(body.rowCount).map((v) => [v])]);
          checkColumn(
            added.getDataBodyRange(),
            columns.find((x) => x.key === k)!,
            lang,
            body.rowCount,
          );
        }
        map = widened(map, a.stamp, needed);
      }
      // Issue 9 §5: likewise an answer column for a criterion switched on in the pane after the template was
      // written, once an offer answers it: headed by the criterion's name in the workbook's language, with
      // the template's list or bounds and input help. (The Criteria sheet has every criterion's row already.)
      const adding = unplaced.filter((id) => !map.answers.includes(id));
      if (adding.length) {
        const table = context.workbook.tables.getItem(a.table);
        for (const id of adding) {
          const column = answerColumn(id, lang);
          const added = table.columns.add(undefined, [[column.header ?? id], ...blank(body.rowCount).map((v) => [v])]);
          checkColumn(added.getDataBodyRange(), column, lang, body.rowCount);
        }
        const from = map.answers;
        map = withAnswers(map, adding);
        a.rows = a.rows.map((r) => realign(r, from, map.answers, "") as CellValue[]);
        a.seenRows = a.seenRows.map((r) => realign(r, from, map.answers, undefined));
        rows = tableRows(a.stamp, c, map.answers);
      }
      a.map = map; // columns moved since the last read are written where they are now

      // Values as the sheet shows them, in the pane's language ("5 %", "0,75"); `key` says a percent field.
      const shown = (key: string, v: unknown) => entryText(key, asRead(v), this.options.language);
      const conflict = (where: string, cell: string, key: string, theirs: unknown, mine: unknown) =>
        this.conflicts.set(where, { where, cell, theirs: shown(key, theirs), mine: shown(key, mine) });
      // Each cell: written when it still holds what the pane last saw there, else the colleague's value stays.
      params.forEach((p, i) => {
        const theirs = paramRanges[i].values[0][0];
        if (!sameCell(theirs, a.seenParams.get(p.key))) return conflict(`parameters.${p.key}`, p.name, p.key, theirs, p.value);
        context.workbook.names.getItem(p.name).getRange().values = [[p.value]];
        a.seenParams.set(p.key, p.value);
      });
      deviceCells.forEach((d, i) => {
        const theirs = deviceRanges[i].values[0][0];
        if (!sameCell(theirs, a.seenDevice.get(d.key))) return conflict(`circular.${d.key}`, d.name, d.key, theirs, d.value);
        context.workbook.names.getItem(d.name).getRange().values = [[d.value]];
        a.seenDevice.set(d.key, d.value);
      });
      if (criteriaRange && wanted) {
        const block = criteriaRange.values as unknown[][];
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const cell of criteriaCells) {
          const [theirs, value] = [block[cell.row]?.[cell.col], wanted.get(cell.key) ?? ""];
          const where = criteriaCellAddress(sheet, cell);
          if (!sameCell(theirs, a.seenCriteria.get(cell.key))) conflict(`criteria.${cell.key}`, where, cell.key, theirs, value);
          else {
            ws.getRangeByIndexes(CRITERIA_BLOCK.row + cell.row, CRITERIA_BLOCK.col + cell.col, 1, 1).values = [[value]];
            a.seenCriteria.set(cell.key, value);
          }
        }
      }
      if (quantityRange) {
        const typed = quantityRange.values as unknown[][];
        const ws = context.workbook.worksheets.getItem(a.stamp.callOffSheet!);
        for (const i of quantityRows) {
          const cell = `'${a.stamp.callOffSheet}'!B${CALL_OFF_QUANTITY.row + i + 1}`;
          if (!sameCell(typed[i]?.[0], a.seenCallOff[i])) conflict(`callOff.${i}`, cell, "quantity", typed[i]?.[0], quantities[i]);
          else {
            ws.getRangeByIndexes(CALL_OFF_QUANTITY.row + i, CALL_OFF_QUANTITY.col, 1, 1).values = [[quantities[i]]];
            a.seenCallOff[i] = quantities[i];
          }
        }
      }
      if (frameworkNow) {
        // The set a colleague adopted, replaced or dropped since the pane's read stays, as a cell does.
        const theirs = frameworkNow.isNullObject ? "" : String(frameworkNow.value);
        if (theirs !== a.seenFramework) conflict("framework", "", "framework", frameworkLabel(theirs), frameworkLabel(framework));
        else {
          if (framework) context.workbook.settings.add(FRAMEWORK_SETTING_KEY, framework);
          else if (theirs) context.workbook.settings.getItem(FRAMEWORK_SETTING_KEY).delete();
          a.seenFramework = framework;
        }
      }
      const width = keys.length + map.answers.length;
      const target = context.workbook.tables.getItem(a.table).getDataBodyRange();
      const where = (i: number, j: number) =>
        a.stamp.template === "circular"
          ? `circular.${SCENARIO_KINDS[i]}.${keys[j]}`
          : `bids.${i}.${keys[j] ?? map.answers[j - keys.length]}`;
      const held = rowsChanged ? heldRows(a, rows) : 0;
      // A table cell as the user finds it: its sheet and A1 address, with the offer (or option) of its row.
      const origin = topLeft(header.address);
      const nameCol = (k: string) => map.columns[keys.indexOf(k)];
      const rowName = (i: number) => {
        const from = (row: readonly unknown[] | undefined, at: (k: string) => number) =>
          (a.stamp.template === "circular" ? [row?.[at("kind")]] : [row?.[at("supplier")], row?.[at("product")]])
            .map((v) => String(asRead(v)).trim())
            .filter(Boolean)
            .join(" – ");
        return from(rows[i], (k) => keys.indexOf(k)) || from(now[i], nameCol);
      };
      const cellOf = (i: number, col: number) => {
        const name = rowName(i);
        const address = origin ? `${origin.sheet}${cellAddress(origin.col + col, origin.row + 1 + i)}` : `${a.table}[${i + 1}]`;
        return name ? `${address} (${name})` : address;
      };
      for (let i = 0; i < held; i++) {
        const row = rows[i] ?? blank(width);
        const mine = a.rows[i] ?? blank(width);
        if (same(mine, row)) continue;
        const seen = (a.seenRows[i] ??= []);
        // Only the cells the pane changed, in runs of adjacent columns: never a column the template does not have.
        const cells = new Map<number, CellValue>();
        row.forEach((value, j) => {
          const col = map.columns[j];
          if (value === mine[j] || col < 0) return;
          const theirs = now[i]?.[col];
          if (!sameCell(theirs, seen[j]))
            return conflict(where(i, j), cellOf(i, col), keys[j] ?? map.answers[j - keys.length], theirs, value);
          cells.set(col, value);
          seen[j] = value;
        });
        const parts = runs({ ...map, columns: [...cells.keys()] }, [...cells.values()]);
        if (parts.length === 1 && parts[0].values.length === map.width) target.getRow(i).values = [parts[0].values as CellValue[]];
        else for (const p of parts) target.getCell(i, p.start).getResizedRange(0, p.values.length - 1).values = [p.values as CellValue[]];
      }
      await context.sync();
      this.remember(a, c);
      const notStored = Math.max(0, rows.length - a.rowCount);
      const unscored = entryCriteria ? unscoredOf(a, entryCriteria.scored) : [];
      return {
        stored: true,
        ...(notStored ? { offersNotStored: notStored } : {}),
        ...(this.conflicts.size ? { conflicts: [...this.conflicts.values()] } : {}),
        ...(unscored.length ? { unscoredCriteria: unscored } : {}),
      };
    });
  }

  /** Columns named as the user reads them, in the pane's language. */
  private shapeProblem(stamp: TemplateStamp, table: string, map: ColumnMap): NotAttached {
    const label = (k: string) => columnLabel(stamp, k, this.options.language);
    return new NotAttached({ kind: "tableShape", table, missing: map.missing.map(label), duplicated: map.duplicated.map(label) });
  }

  /** The pane's rendering of `c` as what it last wrote (a cell a colleague kept keeps the pane's value here, so it is not written again unchanged). */
  private remember(a: Attachment, c: SavedComparison): void {
    const lang = a.stamp.language ?? "en";
    a.params = new Map(a.names.map(({ key }) => [key, parameterCell(key, c.parameters, lang)]));
    a.rows = tableRows(a.stamp, c, a.map.answers).slice(0, a.rowCount);
    a.device = new Map(deviceNames(a.stamp).map(({ key }) => [key, deviceCell(c.circular[key])]));
    if (a.criteria) a.criteria = criteriaCellValues(c.parameters.criteria, lang) ?? a.criteria;
    a.framework = frameworkText(c);
    if (a.callOff) a.callOff = this.quantityCells(a, c);
  }

  /** The Call-off sheet's quantity cells as the pane renders `c`'s quantities, by the Bids rows the workbook holds. */
  private quantityCells(a: Attachment, c: SavedComparison): (number | "")[] {
    if (a.stamp.template === "circular") return [];
    return quantityCells(c.framework, c.callOff, c.bids, a.rowCount, a.stamp.template, this.options.language);
  }

  /**
   * Protects the Parameters sheet of the comparison in the workbook (the sheet of its first parameter name, so
   * a renamed sheet is still found) and its Criteria sheet, or lifts their protection; a password is optional
   * both ways, the same for both sheets. The cells of `editable` parameters (a framework set's local values)
   * are unlocked first, so they stay editable; "criteria" among them leaves the Criteria sheet open. A workbook
   * written before criteria has no Criteria sheet: its Parameters sheet alone is protected.
   *
   * Two syncs: both sheets' state, then the changes (a sheet already as asked is left alone: Office's protect
   * fails on a protected sheet). Protected Parameters first, unprotected Criteria first; Office runs a batch up
   * to the command it refuses (a wrong password), so when the second sheet refuses, the first is set back as it
   * was (two more syncs, on that path only) and Office's message is returned: both sheets stay as they were.
   */
  async protectParameters(
    protect: boolean,
    { password, editable = [] }: { password?: string; editable?: readonly string[] } = {},
  ): Promise<ProtectOutcome> {
    const a = this.attached;
    if (!a || this.problem || !a.names.length) return { kind: "notWritten" };
    // a.criteria is there when the Criteria sheet was, at load.
    const criteriaSheet = a.criteria && a.stamp.criteriaSheet && !editable.includes("criteria") ? a.stamp.criteriaSheet : undefined;
    const key = password || undefined;
    try {
      return await this.options.run(async (context) => {
        const parameters = context.workbook.names.getItem(a.names[0].name).getRange().worksheet.protection.load("protected");
        const criteria = criteriaSheet ? context.workbook.worksheets.getItem(criteriaSheet).protection.load("protected") : null;
        await context.sync();
        const order = protect ? [parameters, criteria] : [criteria, parameters];
        const changing = order.filter((p): p is Excel.WorksheetProtection => p !== null && p.protected !== protect);
        const change = (p: Excel.WorksheetProtection, on: boolean) => (on ? p.protect(SHEET_PROTECTION, key) : p.unprotect(key));
        // The set's local values stay editable (and the pane's saves of them keep working) whatever the template wrote.
        if (protect && changing.includes(parameters))
          for (const { key: k, name } of a.names)
            if (editable.includes(k)) context.workbook.names.getItem(name).getRange().format.protection.locked = false;
        try {
          for (const p of changing) change(p, protect);
          await context.sync();
        } catch (e) {
          if (changing.length > 1) {
            for (const p of changing) p.load("protected");
            await context.sync();
            for (const p of changing) if (p.protected === protect) change(p, !protect);
            await context.sync();
          }
          throw e;
        }
        return { kind: "done", protected: protect, criteria: criteria !== null } as const;
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

/** The Results sheet scores only the criteria it was written with, from the answer columns it had: of `counted`, those it does not. */
const unscoredOf = (a: Attachment, counted: readonly CriterionId[]): CriterionId[] =>
  counted.filter((id) => !a.scored.has(id) || (!criterionOf(id)?.bidField && !a.answersAtRead.has(id)));

/** A column the pane added to the table: its cells take what the template's take (number format, list or bounds, help), unlocked. */
function checkColumn(range: Excel.Range, column: InputColumn, lang: Language, rows: number): void {
  const check = inputCheck(lang, column, BID_LABELS);
  range.numberFormat = Array.from({ length: rows }, () => [check.numberFormat]);
  range.format.protection.locked = false;
  const validation = validationOf(lang, "", check.rule, check.help);
  if (!validation) return;
  range.dataValidation.clear();
  applyValidation(range.dataValidation, validation);
}

/** The Criteria sheet's block of settings (criteriaCells.ts). */
/** How the pane protects a sheet: formatting rows and columns, filtering and sorting still allowed. */
const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

const criteriaBlock = (context: Excel.RequestContext, sheet: string): Excel.Range =>
  context.workbook.worksheets
    .getItem(sheet)
    .getRangeByIndexes(CRITERIA_BLOCK.row, CRITERIA_BLOCK.col, CRITERIA_BLOCK.height, CRITERIA_BLOCK.width);

/** A cell's value as Excel reads it back: text written with its apostrophe prefix reads without it; blank is "". */
const asRead = (v: unknown): unknown => (v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);

/** Whether a cell still holds what the pane last saw there (a number as Excel keeps it: 15 significant digits). */
function sameCell(now: unknown, seen: unknown): boolean {
  const [a, b] = [asRead(now), asRead(seen)];
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** A framework setting as its set's name and version ("" for none; the raw text's start when it is not a set). */
function frameworkLabel(text: string): string {
  if (!text) return "";
  try {
    const { set } = JSON.parse(text) as { set?: { name?: unknown; version?: unknown } };
    const label = [set?.name, set?.version].filter((x) => typeof x === "string" && x).join(" ");
    if (label) return label;
  } catch {
    // not JSON: shown as it is, shortened
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** "'LCC Bids'!A4:AH4" → the sheet part ("'LCC Bids'!") and the first cell, 0-based; null when Office gave no address. */
function topLeft(address: string | undefined): { sheet: string; col: number; row: number } | null {
  const at = address?.lastIndexOf("!") ?? -1;
  if (!address || at < 0) return null;
  try {
    return { sheet: address.slice(0, at + 1), ...parseCell(address.slice(at + 1).split(":")[0]) };
  } catch {
    return null;
  }
}

/** A row's cells (template columns, then answers by criterion) put in the order of other answer columns. */
function realign<T>(row: readonly T[], from: readonly string[], to: readonly string[], none: T): T[] {
  const fixed = row.length - from.length;
  return [...row.slice(0, fixed), ...to.map((id) => (from.includes(id) ? row[fixed + from.indexOf(id)] : none))];
}

/** The device-in-use cells are numbers. */
const deviceCell = (text: string | undefined): CellValue => cellValue(text, true);

const blank = (width: number): CellValue[] => Array<CellValue>(width).fill("");
/** Rows the pane held before and no longer does (an offer removed) are cleared; rows beyond are not touched. */
const heldRows = (a: Attachment, rows: readonly CellValue[][]) => Math.min(a.rowCount, Math.max(rows.length, lastFilled(a.rows) + 1));
const lastFilled = (rows: readonly CellValue[][]) => rows.reduce((last, r, i) => (r.some((v) => v !== "") ? i : last), -1);
