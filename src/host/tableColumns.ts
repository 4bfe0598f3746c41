/**
 * The Bids or Scenarios table's columns found by their headers, not their position: a colleague may move
 * columns or insert one of their own ("Price incl. VAT"), and neither may turn into another field. A header
 * is a column's label in any of the languages, bare or with a unit in brackets ("Price per unit (EUR)").
 */
import { LANGUAGES, type Language } from "../i18n/core";
import { tBuilt } from "../templates/text";
import type { CriterionId } from "../model/criteria/catalogue";
import { answerColumnOf } from "./criteriaCells";
import { ADDED_COLUMNS, type TemplateStamp, columnKeys } from "./workbookCells";

export interface ColumnMap {
  /** The table column of each template column, in columnKeys order (-1 when missing), then of each answer column. */
  readonly columns: readonly number[];
  /** The criteria answered in a column of their own (headed by the criterion's name in any language), in table order. */
  readonly answers: readonly CriterionId[];
  readonly width: number;
  /** Template columns with no header, and those whose header appears more than once (keys). */
  readonly missing: readonly string[];
  readonly duplicated: readonly string[];
}

const labelKey = (stamp: TemplateStamp, key: string) => `${stamp.template === "circular" ? "scenario" : "bid"}.${key}`;
const norm = (s: unknown) =>
  String(s ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();

/** The column's label as the template writes it, for messages. */
export const columnLabel = (stamp: TemplateStamp, key: string, lang: Language): string => tBuilt(lang, labelKey(stamp, key));

export function mapColumns(stamp: TemplateStamp, headers: readonly unknown[]): ColumnMap {
  const keys = columnKeys(stamp);
  const labels = keys.map((k) => new Set(LANGUAGES.map((l) => norm(columnLabel(stamp, k, l)))));
  const found = keys.map(() => [] as number[]);
  headers.forEach((h, col) => {
    const text = norm(h);
    const bare = text.replace(/\s*\([^()]*\)$/, ""); // without its unit
    keys.forEach((_, i) => (labels[i].has(text) || labels[i].has(bare)) && found[i].push(col));
  });
  // The other columns: a criterion's answer column when headed by its name (once), else the user's own.
  const taken = new Set(found.flat());
  const byId = new Map<CriterionId, number[]>();
  if (stamp.template !== "circular")
    headers.forEach((h, col) => {
      const id = taken.has(col) ? undefined : answerColumnOf(h);
      if (id) byId.set(id, [...(byId.get(id) ?? []), col]);
    });
  const answers = [...byId].filter(([, cols]) => cols.length === 1);
  return {
    columns: [...found.map((cols) => (cols.length === 1 ? cols[0] : -1)), ...answers.map(([, cols]) => cols[0])],
    answers: answers.map(([id]) => id),
    width: headers.length,
    missing: keys.filter((_, i) => found[i].length === 0),
    duplicated: keys.filter((_, i) => found[i].length > 1),
  };
}

/** Every template column found once; the columns template 1.1.0 added may be missing (an earlier workbook). */
export const fits = (m: ColumnMap): boolean => m.missing.every((k) => ADDED_COLUMNS.has(k)) && m.duplicated.length === 0;

/** The map once `keys` were added as new columns at the table's right end, in that order. */
export function widened(m: ColumnMap, stamp: TemplateStamp, keys: readonly string[]): ColumnMap {
  const all = columnKeys(stamp);
  const columns = m.columns.map((c, i) => (keys.includes(all[i]) ? m.width + keys.indexOf(all[i]) : c));
  return { ...m, columns, width: m.width + keys.length, missing: m.missing.filter((k) => !keys.includes(k)) };
}

/** The map once answer columns for `ids` were added at the table's right end, in that order. */
export const withAnswers = (m: ColumnMap, ids: readonly CriterionId[]): ColumnMap => ({
  ...m,
  columns: [...m.columns, ...ids.map((_, i) => m.width + i)],
  answers: [...m.answers, ...ids],
  width: m.width + ids.length,
});

/** A table row as values in template column order. */
export const byKey = (m: ColumnMap, row: readonly unknown[]): unknown[] => m.columns.map((c) => row[c]);

/**
 * Where to write a row given in template column order: runs of adjacent table columns that are the
 * template's, so a column the template does not have is never written.
 */
export function runs(m: ColumnMap, row: readonly unknown[]): { start: number; values: unknown[] }[] {
  const at = new Map(m.columns.map((col, i) => [col, row[i]]));
  const out: { start: number; values: unknown[] }[] = [];
  for (let col = 0; col < m.width; col++) {
    if (!at.has(col)) continue;
    const last = out[out.length - 1];
    if (last && last.start + last.values.length === col) last.values.push(at.get(col));
    else out.push({ start: col, values: [at.get(col)] });
  }
  return out;
}
