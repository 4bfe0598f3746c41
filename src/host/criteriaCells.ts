/**
 * The criteria as the cells of a template written by src/templates: the Criteria sheet's role, threshold,
 * points, worst and best of every criterion and the label levels' shares (criteriaSheet.ts), and the
 * answer columns of the Bids table, headed by a criterion's name (criteriaBidColumns). Pure: the ExcelHost
 * moves these values in and out. A cell that cannot be read is reported at its sheet and cell, never guessed.
 */
import { LANGUAGES, type Language } from "../i18n/core";
import { criteriaText } from "../i18n/criteria";
import { type Answer, CATALOGUE, type CriterionId, LABELS, type Label, ROLES, type Role, criterionOf } from "../model/criteria/catalogue";
import { answerEntry, criterionOfName, parseAnswer } from "../model/criteria/answers";
import { type CriterionSetting, usedFields } from "../model/criteria/settings";
import { labelName } from "../model/criteria/text";
import { readNumber } from "../model/numbers";
import { cellAddress, sheetRef } from "../templates/address";
import { CRITERIA_CELLS, criteriaBidColumns, criteriaOn, roleWord } from "../templates/criteriaSheet";
import { criteriaFromEntry } from "../model/entries";
import { type CellValue, cellValue } from "./workbookCells";

type NumberField = "threshold" | "points" | "worst" | "best";
const NUMBER_FIELDS: readonly NumberField[] = ["threshold", "points", "worst", "best"];

/** One setting cell: `key` is "batteryCycles.points" or "levels.EPEAT Gold"; row and col inside the block. */
export interface CriteriaCell {
  readonly key: string;
  readonly row: number;
  readonly col: number;
}

/** The block of the Criteria sheet that holds every setting (0-based, from its first criterion row). */
export const CRITERIA_BLOCK = {
  row: CRITERIA_CELLS.firstRow,
  col: 0,
  width: CRITERIA_CELLS.width,
  height: CRITERIA_CELLS.levelsFirstRow + LABELS.length - CRITERIA_CELLS.firstRow,
} as const;

const LEVELS_ROW = CRITERIA_CELLS.levelsFirstRow - CRITERIA_CELLS.firstRow;

/** Every setting cell, criteria first (catalogue order, role to best), then the levels' shares. */
export const CRITERIA_SETTING_CELLS: readonly CriteriaCell[] = [
  ...CATALOGUE.flatMap((c, i) => CRITERIA_CELLS.fields.map((f) => ({ key: `${c.id}.${f}`, row: i, col: CRITERIA_CELLS.column(f) }))),
  ...LABELS.map((l, i) => ({ key: `levels.${l}`, row: LEVELS_ROW + i, col: 1 })),
];

/** "'LCC Criteria'!H8": where a setting cell is, as the user finds it. */
export const criteriaCellAddress = (sheet: string, cell: CriteriaCell): string =>
  `${sheetRef(sheet)}${cellAddress(CRITERIA_BLOCK.col + cell.col, CRITERIA_BLOCK.row + cell.row)}`;

const norm = (v: unknown) =>
  String(v ?? "")
    .trim()
    .toLowerCase();
const ROLE_BY_WORD = new Map<string, Role>();
for (const r of ROLES) for (const w of [r, ...LANGUAGES.map((l) => roleWord(l, r))]) ROLE_BY_WORD.set(norm(w), r);

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A number cell: a number, or text that reads as one the same in every language; else undefined. */
function numberOf(v: unknown, percent: boolean): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const n = readNumber(v, { percent });
  return typeof n === "number" ? n : undefined;
}

export interface UnreadableCriteriaCell {
  /** "criteria.batteryCycles.points", "criteria.levels.EPEAT Gold" or "criteria.batteryCycles" (the row's id cell). */
  readonly part: string;
  /** "'LCC Criteria'!H8". */
  readonly cell: string;
  /** What the cell holds, as text. */
  readonly value: string;
}

/**
 * The Criteria sheet's block back to settings: every criterion that is not off, in catalogue order, with
 * the fields its role uses. A role word of any language is read; what cannot be read is listed (the
 * criterion is then off in the pane, or the number left out) and its cell is never written by the pane
 * unless the procurer changes that setting there.
 */
export function readCriteria(
  block: readonly (readonly unknown[])[],
  sheet: string,
): { settings: CriterionSetting[]; unreadable: UnreadableCriteriaCell[] } {
  const unreadable: UnreadableCriteriaCell[] = [];
  const at = (row: number, col: number) => block[row]?.[col];
  const wrong = (part: string, row: number, col: number) =>
    unreadable.push({
      part: `criteria.${part}`,
      cell: criteriaCellAddress(sheet, { key: part, row, col }),
      value: String(at(row, col) ?? ""),
    });
  const levels: Partial<Record<Label, number>> = {};
  LABELS.forEach((l, i) => {
    const v = at(LEVELS_ROW + i, 1);
    if (isBlank(v)) return;
    const n = numberOf(v, true);
    if (n === undefined) wrong(`levels.${l}`, LEVELS_ROW + i, 1);
    else levels[l] = n;
  });
  const settings: CriterionSetting[] = [];
  CATALOGUE.forEach((c, i) => {
    if (String(at(i, 0) ?? "").trim() !== c.id) return void wrong(c.id, i, 0); // a row moved: its cells are not this criterion's
    const roleCol = CRITERIA_CELLS.column("role");
    const role = ROLE_BY_WORD.get(norm(at(i, roleCol)));
    if (!role) return void wrong(`${c.id}.role`, i, roleCol);
    if (role === "off") return;
    const used = usedFields(c, role);
    const s: { -readonly [K in keyof CriterionSetting]: CriterionSetting[K] } = { id: c.id, role };
    for (const f of NUMBER_FIELDS) {
      const col = CRITERIA_CELLS.column(f);
      const v = at(i, col);
      if (isBlank(v)) continue;
      const n = numberOf(v, false);
      if (n === undefined) wrong(`${c.id}.${f}`, i, col);
      else if (used.includes(f)) s[f] = n;
    }
    if (used.includes("levels")) s.levels = { ...levels };
    settings.push(s);
  });
  return { settings, unreadable };
}

/**
 * The pane's criteria entry (the JSON list of CRITERIA.md §2, as typed: an entry the Criteria step still
 * flags is taken as far as it goes) as the setting cells, by key, in the workbook's language `lang`;
 * null when the entry is not a list (then no criteria cell is written).
 */
export function criteriaCellValues(entry: string | undefined, lang: Language): Map<string, CellValue> | null {
  let list: unknown;
  try {
    list = entry === undefined || entry.trim() === "" ? [] : JSON.parse(entry);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const byId = new Map<string, Record<string, unknown>>();
  for (const s of list)
    if (s && typeof s === "object" && typeof (s as { id?: unknown }).id === "string") byId.set((s as { id: string }).id, s);
  const out = new Map<string, CellValue>();
  const num = (v: unknown): CellValue => (typeof v === "number" && Number.isFinite(v) ? v : "");
  for (const c of CATALOGUE) {
    const s = byId.get(c.id);
    const role = typeof s?.role === "string" && (ROLES as readonly string[]).includes(s.role) ? (s.role as Role) : "off";
    out.set(`${c.id}.role`, cellValue(roleWord(lang, role), false));
    for (const f of NUMBER_FIELDS) out.set(`${c.id}.${f}`, num(s?.[f]));
  }
  const levels = byId.get("label")?.levels;
  for (const l of LABELS)
    out.set(`levels.${l}`, num(levels && typeof levels === "object" ? (levels as Record<string, unknown>)[l] : undefined));
  return out;
}

// ---- the Bids table's answer columns

/**
 * Of the pane's criteria entry: the criteria the template answers in a Bids column of their own
 * (criteriaOn), and those the Results score (an award or a requirement; a contract clause scores nothing).
 */
export function criteriaOfEntry(entry: string | undefined): { answered: CriterionId[]; scored: CriterionId[] } {
  const { settings } = criteriaFromEntry(entry);
  return {
    answered: criteriaOn({ criteria: settings }).answered.map((c) => c.id),
    scored: settings.filter((s) => s.role === "award" || s.role === "requirement").map((s) => s.id),
  };
}

/** A criterion's answer column as the template writes it (header, list or bounds, help), in the workbook's language. */
export const answerColumn = (id: CriterionId, lang: Language) => criteriaBidColumns([criterionOf(id)!], lang)[0];

/** The criterion a Bids header names when it is an answer column (a criterion answered outside the Bids fields). */
export function answerColumnOf(header: unknown): CriterionId | undefined {
  const id = typeof header === "string" ? criterionOfName(header) : undefined;
  return id && !criterionOf(id)?.bidField ? id : undefined;
}

/** An answer cell as the offer's entry (keyed by the criterion's id), in the pane's language; text it cannot read as it is. */
export function answerText(id: CriterionId, value: unknown, lang: Language): string {
  if (isBlank(value)) return "";
  const { value: answer, error } = parseAnswer(id, typeof value === "string" ? value.replace(/^'/, "") : value);
  return error || answer === null ? String(value).trim() : answerEntry(lang, answer);
}

/** An entry as the answer cell: a number, or yes/no and labels in the workbook's words (what its formulas compare with). */
export function answerCell(id: CriterionId, text: string | undefined, lang: Language): CellValue {
  if (isBlank(text)) return "";
  const { value, error } = parseAnswer(id, text);
  if (error || value === null) return cellValue(text, false);
  return answerValue(value, lang);
}

const answerValue = (a: Exclude<Answer, null>, lang: Language): CellValue =>
  typeof a === "number"
    ? a
    : cellValue(typeof a === "boolean" ? criteriaText(lang, a ? "answer.yes" : "answer.no") : labelName(lang, a), false);
