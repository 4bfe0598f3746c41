/**
 * Bid forms: the .xlsx a procurer sends to bidders and imports back (issue 10 §2). This is the pure part:
 * which fields a form asks (derived from BID_FIELDS, so a new Bids field is on the next form without
 * further work), the layout of the Offer sheet, the hidden stamp that ties a form to one tender, version
 * and set of settings, and the checks of a returned form, cell by cell. The exceljs writer and reader
 * (src/templates/bidForm) only move cells in and out; the wording comes from the caller.
 *
 * A returned form is all or nothing: any problem refuses the whole form, and its offers are returned to be
 * appended, so nothing already in the Bids table is ever overwritten.
 */
import type { DomainError } from "../engine/result";
import type { Language } from "../i18n/core";
import { type Bid, type BidField, type ComparisonKind, bidFields } from "./bid";
import { cellText, stripBidiControls } from "./displayText";
import { parseBid } from "./entries";
import type { Parameters } from "./parameters";
import { fingerprintOf } from "./parameterSet";
import { CATALOGUE, type Criterion, type CriterionId, LABELS, appliesTo, criterionOf } from "./criteria/catalogue";
import { type CriteriaSettings, settingOf } from "./criteria/settings";
import { criteriaText } from "../i18n/criteria";
import { labelName } from "./criteria/text";

export const BID_FORM_FORMAT = "circular-ict-lcc/bid-form";
/** Raised when the form's layout changes meaning; a newer form is refused rather than half-read (2: criteria answer columns). */
export const BID_FORM_FORMAT_VERSION = 2;
/** The hidden sheet holding the stamp (veryHidden where the spreadsheet knows it, hidden otherwise). */
export const STAMP_SHEET = "CircularICT_Stamp";
/** Offer rows one form holds at most: 10 000 rows of 20 fields read in a few seconds (test/bidform). */
export const MAX_FORM_ROWS = 10_000;
export const DEFAULT_FORM_ROWS = 100;
/** A refused form lists at most this many problems, then how many more there are. */
export const MAX_PROBLEMS = 50;

/** Fields of the Bids table that are the procurer's own, never asked of a bidder. */
export const PROCURER_FIELDS: ReadonlySet<string> = new Set(["qualityPoints"]);
/** Asked once, above the table: one form is one bidder's. */
export const FORM_SUPPLIER_FIELD = "supplier";

/** The columns of the Offer table: every Bids field of the group, less the supplier (asked once) and the procurer's fields. */
export const bidFormFields = (kind: ComparisonKind): BidField[] =>
  bidFields(kind).filter((f) => f.key !== FORM_SUPPLIER_FIELD && !PROCURER_FIELDS.has(f.key));

/**
 * A criteria answer column of the form (CRITERIA.md): a criterion of the tender's settings that is not off
 * and has no Bids field (warranty, spare parts and data erasure are Bids columns already). `required`: a
 * minimum requirement, whose answer the form refuses to miss for an offer it applies to.
 */
export interface FormCriterion {
  readonly id: CriterionId;
  readonly required: boolean;
}

/** Whether a criterion can apply to any device of the group (a battery criterion never applies to a printer). */
const appliesToGroup = (c: Criterion, kind: ComparisonKind): boolean => {
  const a = c.appliesTo;
  if (a === "all" || "condition" in a) return true;
  const types = bidFields(kind).find((f) => f.key === "deviceType")?.options ?? [];
  return a.deviceTypes.some((d) => types.includes(d));
};

/**
 * The criteria a form asks, in catalogue order: every criterion of the settings that is not off, has no
 * Bids field and can apply to the group; with the label on, refurbishment quality too (optional unless it
 * is a requirement), as it exempts a refurbished offer from the label (CRITERIA.md §3.3).
 */
export function formCriteria(kind: ComparisonKind, settings: CriteriaSettings): FormCriterion[] {
  const labelOn = settingOf(settings, "label").role !== "off";
  return CATALOGUE.filter(
    (c) =>
      !c.bidField && appliesToGroup(c, kind) && (settingOf(settings, c.id).role !== "off" || (labelOn && c.id === "refurbishmentQuality")),
  ).map((c) => ({ id: c.id, required: settingOf(settings, c.id).role === "requirement" }));
}

/** The valid answers of a criterion in a language, for a message: "ja, nee", the labels, or undefined for a number. */
export function answerWordsOf(id: CriterionId, lang: Language): string[] | undefined {
  const c = criterionOf(id) as Criterion;
  if (c.answer === "yesNo") return [criteriaText(lang, "answer.yes"), criteriaText(lang, "answer.no")];
  if (c.answer === "label") return LABELS.map((l) => labelName(lang, l));
  return undefined;
}

/** A blank that the import refuses (what parseBid reports as missing); other blanks take the field's default or null meaning. */
export const isRequiredAnswer = (f: BidField): boolean => f.required && !f.nullable;

// ---- the Offer sheet's layout

/** The words on a form, in its language (src/templates/bidForm/texts.ts makes them). */
export interface BidFormTexts {
  readonly title: string;
  /** The tender line, then the instructions, one per row. */
  readonly lines: readonly string[];
  readonly supplierLabel: string;
  readonly required: string;
  readonly optional: string;
  /** Field key → its Bids header with unit, exactly as the workbook writes it; criterion id → its name with unit. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A fixed (protected) cell: 0-based row and column, and what it says. */
export interface FixedCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly role: "title" | "hint" | "label" | "marker" | "header";
}

export interface BidFormLayout {
  readonly kind: ComparisonKind;
  readonly columns: readonly BidField[];
  /** The criteria answer columns, right after `columns`. */
  readonly criteria: readonly FormCriterion[];
  readonly fixed: readonly FixedCell[];
  /** 0-based row and column of the bidder's name. */
  readonly supplier: { readonly row: number; readonly col: number };
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly rows: number;
}

/** Where the instructions may point: the bidder's name cell and the first offer row (0-based). */
export interface FormAnchors {
  readonly supplierRow: number;
  readonly supplierCol: number;
  readonly firstDataRow: number;
}

/**
 * Title and tender line, the instructions, the bidder's name, a blank row, the required/optional markers,
 * the header (the Bids headers, so the table can also be saved as CSV and imported as such), then the rows.
 * The instructions name rows and cells of the layout, so the caller gives the texts as a function of them.
 */
export function bidFormLayout(
  kind: ComparisonKind,
  rows: number,
  texts: (at: FormAnchors) => BidFormTexts,
  criteria: readonly FormCriterion[] = [],
): BidFormLayout {
  const columns = bidFormFields(kind);
  const asked = [
    ...columns.map((f) => ({ key: f.key as string, required: isRequiredAnswer(f) })),
    ...criteria.map((c) => ({ key: c.id as string, required: c.required })),
  ];
  // The number of instruction lines is known before their wording: ask once for the count.
  const lineCount = texts({ supplierRow: 0, supplierCol: 1, firstDataRow: 0 }).lines.length;
  const supplierRow = 1 + lineCount + 1;
  const markerRow = supplierRow + 2;
  const headerRow = markerRow + 1;
  const firstDataRow = headerRow + 1;
  const t = texts({ supplierRow, supplierCol: 1, firstDataRow });
  // Each text as its cell will hold it (cut to Excel's limit, no bidi controls), so the stamp matches the sheet.
  const cells: FixedCell[] = [
    { row: 0, col: 0, text: t.title, role: "title" },
    ...t.lines.map((text, i): FixedCell => ({ row: 1 + i, col: 0, text, role: "hint" })),
    { row: supplierRow, col: 0, text: t.supplierLabel, role: "label" },
    ...asked.map((a, col): FixedCell => ({ row: markerRow, col, text: a.required ? t.required : t.optional, role: "marker" })),
    ...asked.map((a, col): FixedCell => ({ row: headerRow, col, text: t.headers[a.key] ?? a.key, role: "header" })),
  ];
  const fixed = cells.map((c): FixedCell => ({ ...c, text: cellText(c.text) }));
  return {
    kind,
    columns,
    criteria,
    fixed,
    supplier: { row: supplierRow, col: 1 },
    headerRow,
    firstDataRow,
    rows: Math.max(1, Math.min(rows, MAX_FORM_ROWS)),
  };
}

/** "A1" from 0-based column and row. */
export function a1(col: number, row: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** 0-based column and row of "B12"; undefined when it is not an address. */
export function fromA1(address: string): { col: number; row: number } | undefined {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(address);
  if (!m) return undefined;
  const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { col, row: Number(m[2]) - 1 };
}

// ---- the stamp

/** What ties a form to one comparison: its group, the tender's name and version, and the settings' fingerprint. */
export interface TenderIdentity {
  readonly group: ComparisonKind;
  /** Parameters.parameterSetName and parameterSetVersion ("" when not named). */
  readonly tenderName: string;
  readonly parameterSetVersion: string;
  /** fingerprintOf(parameters): any change of a setting changes it. */
  readonly fingerprint: string;
}

export async function tenderIdentity(kind: ComparisonKind, parameters: Parameters): Promise<TenderIdentity> {
  return {
    group: kind,
    tenderName: parameters.parameterSetName,
    parameterSetVersion: parameters.parameterSetVersion,
    fingerprint: await fingerprintOf(parameters),
  };
}

/**
 * The hidden stamp: the tender's identity, and the form as it was written (sheet, field of each column,
 * where the rows are, the text of every protected cell). A form is read by its own stamp, so a form sent
 * before a later release reworded a header or added a field still reads as it was written.
 */
export interface BidFormStamp extends TenderIdentity {
  readonly format: string;
  readonly formatVersion: number;
  /** The language the form was written in (its numbers typed as text are read in it). */
  readonly language: Language;
  readonly sheet: string;
  /** The field keys of the Offer table, in column order. */
  readonly fields: readonly string[];
  /** The criteria answer columns after them (ids), and which of them are required answers. */
  readonly criteria: readonly FormCriterion[];
  readonly supplierCell: string;
  readonly firstDataRow: number;
  readonly rows: number;
  /** A1 address → text of each protected cell. */
  readonly fixed: readonly (readonly [string, string])[];
}

export const formStamp = (identity: TenderIdentity, layout: BidFormLayout, language: Language, sheet: string): BidFormStamp => ({
  ...identity,
  format: BID_FORM_FORMAT,
  formatVersion: BID_FORM_FORMAT_VERSION,
  language,
  sheet,
  fields: layout.columns.map((f) => f.key),
  criteria: layout.criteria,
  supplierCell: a1(layout.supplier.col, layout.supplier.row),
  firstDataRow: layout.firstDataRow,
  rows: layout.rows,
  fixed: layout.fixed.map((c) => [a1(c.col, c.row), c.text] as const),
});

/** The stamp as rows of the stamp sheet, all text: key, value (and for a protected cell: "fixed", address, text). */
export const stampRows = (s: BidFormStamp): string[][] => [
  ["format", s.format],
  ["formatVersion", String(s.formatVersion)],
  ["group", s.group],
  ["tenderName", s.tenderName],
  ["parameterSetVersion", s.parameterSetVersion],
  ["fingerprint", s.fingerprint],
  ["language", s.language],
  ["sheet", s.sheet],
  ["fields", s.fields.join(",")],
  ["criteria", s.criteria.map((c) => c.id).join(",")],
  [
    "requiredCriteria",
    s.criteria
      .filter((c) => c.required)
      .map((c) => c.id)
      .join(","),
  ],
  ["supplierCell", s.supplierCell],
  ["firstDataRow", String(s.firstDataRow + 1)],
  ["rows", String(s.rows)],
  ...s.fixed.map(([address, text]) => ["fixed", address, text]),
];

// ---- problems

/** The form-level reasons; each has its text in src/i18n/<lang>/bidform.json as "problem.<key>". */
export type FormProblemKey =
  | "unreadable"
  | "notABidForm"
  | "newerFormat"
  | "otherGroup"
  | "otherTender"
  | "otherVersion"
  | "settingsChanged"
  | "unknownField"
  | "noOfferSheet"
  | "protectedCellEdited"
  | "unexpectedCell"
  | "formulaWithoutValue"
  | "cellError"
  | "supplierMissing"
  | "noOffers"
  | "duplicateOffer"
  | "requirementUnanswered";

export type FormReason =
  | { readonly kind: "form"; readonly key: FormProblemKey; readonly values?: Readonly<Record<string, string | number>> }
  /** A field's value, with the reason parseBid gives (described by describeError, the field named by its header). */
  | { readonly kind: "field"; readonly field: string; readonly header: string; readonly error: DomainError };

export interface FormProblem {
  readonly file: string;
  readonly sheet?: string;
  /** A1 address. */
  readonly cell?: string;
  readonly reason: FormReason;
}

const formReason = (key: FormProblemKey, values?: Record<string, string | number>): FormReason =>
  values ? { kind: "form", key, values } : { kind: "form", key };

/** The stamp read back from a form's stamp sheet, or why it cannot be this tool's form. */
export function stampFromRows(rows: readonly (readonly string[])[]): { stamp?: BidFormStamp; problem?: FormReason } {
  const value = new Map<string, string>();
  const fixed: [string, string][] = [];
  for (const [key = "", a = "", b = ""] of rows) {
    if (key === "fixed") fixed.push([a, b]);
    else value.set(key, a);
  }
  const notOurs = { problem: formReason("notABidForm") };
  if (value.get("format") !== BID_FORM_FORMAT) return notOurs;
  const formatVersion = Number(value.get("formatVersion"));
  if (!Number.isInteger(formatVersion) || formatVersion < 1) return notOurs;
  if (formatVersion > BID_FORM_FORMAT_VERSION)
    return { problem: formReason("newerFormat", { found: formatVersion, known: BID_FORM_FORMAT_VERSION }) };
  const [group, language, fingerprint, sheet] = ["group", "language", "fingerprint", "sheet"].map((k) => value.get(k) ?? "");
  const rowCount = Number(value.get("rows"));
  const firstDataRow = Number(value.get("firstDataRow")) - 1;
  const supplier = fromA1(value.get("supplierCell") ?? "");
  if (group !== "computers" && group !== "imaging") return notOurs;
  if (language !== "en" && language !== "nl" && language !== "fr") return notOurs;
  if (
    !fingerprint ||
    !sheet ||
    !supplier ||
    !Number.isInteger(firstDataRow) ||
    firstDataRow < 1 ||
    !Number.isInteger(rowCount) ||
    rowCount < 1
  )
    return notOurs;
  if (fixed.some(([address]) => !fromA1(address))) return notOurs;
  const fields = (value.get("fields") ?? "").split(",").filter((k) => k !== "");
  const known = new Set(bidFields(group).map((f) => f.key as string));
  const unknown = fields.filter((k) => !known.has(k));
  if (unknown.length) return { problem: formReason("unknownField", { detail: unknown.join(", ") }) };
  if (!fields.length) return notOurs;
  // Criteria answer columns (format 2): criteria without a Bids field, by id.
  const list = (key: string): string[] => (value.get(key) ?? "").split(",").filter((k) => k !== "");
  const criterionIds = list("criteria");
  const answerable = new Set(CATALOGUE.filter((c) => !c.bidField).map((c) => c.id as string));
  const unknownCriteria = criterionIds.filter((k) => !answerable.has(k));
  if (unknownCriteria.length) return { problem: formReason("unknownField", { detail: unknownCriteria.join(", ") }) };
  const required = new Set(list("requiredCriteria"));
  const criteria = criterionIds.map((id): FormCriterion => ({ id: id as CriterionId, required: required.has(id) }));
  const [tenderName, parameterSetVersion] = ["tenderName", "parameterSetVersion"].map((k) => value.get(k) ?? "");
  return {
    stamp: {
      format: BID_FORM_FORMAT,
      formatVersion,
      group,
      tenderName,
      parameterSetVersion,
      fingerprint,
      language,
      sheet,
      fields,
      criteria,
      supplierCell: value.get("supplierCell")!,
      firstDataRow,
      rows: Math.min(rowCount, MAX_FORM_ROWS),
      fixed,
    },
  };
}

/** The layout a stamp describes: the form as it was written, whatever this release would write today. */
export function layoutFromStamp(stamp: BidFormStamp): BidFormLayout {
  const byKey = new Map(bidFields(stamp.group).map((f) => [f.key as string, f]));
  const fixed = stamp.fixed.map(([address, text]): FixedCell => ({ ...fromA1(address)!, text, role: "label" }));
  const supplier = fromA1(stamp.supplierCell)!;
  return {
    kind: stamp.group,
    columns: stamp.fields.map((k) => byKey.get(k)!),
    criteria: stamp.criteria,
    fixed,
    supplier,
    headerRow: stamp.firstDataRow - 1,
    firstDataRow: stamp.firstDataRow,
    rows: stamp.rows,
  };
}

/**
 * Whether a returned form belongs to this comparison, and if not, which tender, version or settings it was
 * made for. The language may differ: a procurer may send the Dutch form to one bidder, the French to another.
 */
export function checkStamp(
  found: TenderIdentity,
  expected: TenderIdentity,
  groupName: (kind: ComparisonKind) => string,
): FormReason | undefined {
  if (found.group !== expected.group)
    return formReason("otherGroup", { found: groupName(found.group), expected: groupName(expected.group) });
  const names = {
    tender: expected.tenderName,
    version: expected.parameterSetVersion,
    foundTender: found.tenderName,
    foundVersion: found.parameterSetVersion,
  };
  if (found.tenderName !== expected.tenderName) return formReason("otherTender", names);
  if (found.parameterSetVersion !== expected.parameterSetVersion) return formReason("otherVersion", names);
  if (found.fingerprint !== expected.fingerprint)
    return formReason("settingsChanged", { ...names, found: found.fingerprint, expected: expected.fingerprint });
  return undefined;
}

// ---- reading a returned form

/** A cell as the reader found it: a value, a formula with its cached result, or an error value. */
export type FormValue =
  string | number | boolean | Date | null | { readonly formula: string; readonly result?: unknown } | { readonly error: string };

/** A sheet's cells, sparse: row → column → value (0-based). */
export type FormGrid = ReadonlyMap<number, ReadonlyMap<number, FormValue>>;

export interface ReturnedForm {
  readonly file: string;
  /** Sheet name → its cells. */
  readonly sheets: ReadonlyMap<string, FormGrid>;
  /** Set when the file could not be opened as a workbook at all. */
  readonly unreadable?: string;
}

export type FormImport =
  | { readonly ok: true; readonly file: string; readonly supplier: string; readonly bids: readonly Bid[]; readonly language: Language }
  | { readonly ok: false; readonly file: string; readonly problems: readonly FormProblem[]; readonly moreProblems: number };

/** What the caller knows about this comparison: which tender it is, and how it names a product group (for messages). */
export interface FormExpectation {
  readonly identity: TenderIdentity;
  groupName(kind: ComparisonKind): string;
}

const isBlank = (v: FormValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Plain text of a value, for messages and for the fixed cells' comparison. */
export function valueText(v: FormValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return "formula" in v ? `=${v.formula}` : v.error;
  return String(v);
}

/** The value a cell stands for: a formula's computed result; or the reason it has none. */
function resolved(v: FormValue | undefined): { value: unknown; problem?: FormReason } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    if ("error" in v) return { value: null, problem: formReason("cellError", { detail: v.error }) };
    const r = v.result;
    if (r === undefined || r === null || (typeof r === "object" && !(r instanceof Date))) {
      return typeof r === "object" && r !== null && "error" in r
        ? { value: null, problem: formReason("cellError", { detail: String((r as { error: unknown }).error) }) }
        : { value: null, problem: formReason("formulaWithoutValue") };
    }
    return resolved(r as FormValue);
  }
  return { value: v };
}

/** A value for a field: text fields take numbers as text; bidi controls are removed from text. */
function fieldValue(f: BidField, value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === "boolean") return f.kind === "number" ? String(value).toUpperCase() : String(value);
  if (f.kind === "number") return value;
  return typeof value === "string" ? stripBidiControls(value) : String(value);
}

/** The stamp of a returned form (its stamp sheet's rows), or why it has none this tool can read. */
export function stampOf(form: ReturnedForm): { stamp?: BidFormStamp; problem?: FormReason } {
  const grid = form.sheets.get(STAMP_SHEET);
  return stampFromRows([...(grid?.values() ?? [])].map((cells) => [0, 1, 2].map((c) => valueText(cells.get(c)))));
}

/** The key that names one offer of one bidder: the same product offered twice by one bidder is a duplicate. */
export const offerKey = (b: Pick<Bid, "supplier" | "product" | "condition">): string =>
  [b.supplier, b.product, b.condition].map((s) => String(s).trim().toLowerCase()).join("\u0000");

/**
 * One returned form, checked: its stamp against this comparison, every fixed cell as written, nothing
 * outside the input cells, the bidder's name, and every filled row through parseBid (numbers read in the
 * form's language when typed as text). All problems are collected, up to MAX_PROBLEMS.
 */
export function checkReturnedForm(form: ReturnedForm, expected: FormExpectation): FormImport {
  const problems: FormProblem[] = [];
  let more = 0;
  const add = (p: FormProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else more++;
  };
  const refused = (): FormImport => ({ ok: false, file: form.file, problems, moreProblems: more });
  const file = form.file;
  if (form.unreadable !== undefined) {
    add({ file, reason: formReason("unreadable", { detail: form.unreadable }) });
    return refused();
  }
  const read = stampOf(form);
  if (!read.stamp) {
    add({ file, reason: read.problem! });
    return refused();
  }
  const stamp = read.stamp;
  const mismatch = checkStamp(stamp, expected.identity, expected.groupName);
  if (mismatch) {
    add({ file, reason: mismatch });
    return refused();
  }
  const sheet = stamp.sheet;
  const grid = form.sheets.get(sheet);
  if (!grid) {
    add({ file, reason: formReason("noOfferSheet", { sheet }) });
    return refused();
  }
  const layout = layoutFromStamp(stamp);
  const at = (col: number, row: number, reason: FormReason): void => add({ file, sheet, cell: a1(col, row), reason });

  // Fixed cells as written; anything outside the input cells is a change to the protected form.
  const fixed = new Map<number, Map<number, string>>();
  for (const c of layout.fixed) {
    if (!fixed.has(c.row)) fixed.set(c.row, new Map());
    fixed.get(c.row)!.set(c.col, c.text);
  }
  for (const c of layout.fixed) {
    const found = valueText(grid.get(c.row)?.get(c.col));
    if (found !== c.text) at(c.col, c.row, formReason("protectedCellEdited", { expected: c.text, found }));
  }
  const lastDataRow = layout.firstDataRow + layout.rows - 1;
  const width = layout.columns.length + layout.criteria.length;
  const isInput = (row: number, col: number): boolean =>
    (row === layout.supplier.row && col === layout.supplier.col) || (row >= layout.firstDataRow && row <= lastDataRow && col < width);
  for (const [row, cells] of grid) {
    for (const [col, value] of cells) {
      if (isBlank(value) || isInput(row, col) || fixed.get(row)?.has(col)) continue;
      at(col, row, formReason("unexpectedCell", { found: cellText(valueText(value)).slice(0, 80) }));
    }
  }

  const supplierValue = resolved(grid.get(layout.supplier.row)?.get(layout.supplier.col));
  const supplier = supplierValue.value === null ? "" : stripBidiControls(String(supplierValue.value)).trim();
  if (supplierValue.problem) at(layout.supplier.col, layout.supplier.row, supplierValue.problem);
  else if (supplier === "") at(layout.supplier.col, layout.supplier.row, formReason("supplierMissing"));

  const bids: Bid[] = [];
  const firstCriterion = layout.columns.length;
  const columnOf = new Map([
    ...layout.columns.map((f, i) => [f.key as string, i] as const),
    ...layout.criteria.map((c, i) => [c.id as string, firstCriterion + i] as const),
  ]);
  const criterionIds = new Set<string>(layout.criteria.map((c) => c.id));
  // A field is named by its header as the form shows it.
  const headerOf = new Map(layout.fixed.filter((c) => c.row === layout.headerRow).map((c) => [c.col, c.text]));
  for (let row = layout.firstDataRow; row <= lastDataRow; row++) {
    const cells = grid.get(row);
    if (!cells) continue;
    let blankRow = true;
    for (let col = 0; col < width && blankRow; col++) blankRow = isBlank(cells.get(col));
    if (blankRow) continue;
    const record: Record<string, unknown> = { [FORM_SUPPLIER_FIELD]: supplier || "?" };
    let cellProblem = false;
    layout.columns.forEach((f, col) => {
      const { value, problem } = resolved(cells.get(col));
      if (problem) {
        cellProblem = true;
        at(col, row, problem);
      }
      record[f.key] = fieldValue(f, value);
    });
    layout.criteria.forEach((c, i) => {
      const col = firstCriterion + i;
      const { value, problem } = resolved(cells.get(col));
      if (problem) {
        cellProblem = true;
        at(col, row, problem);
      }
      record[c.id] = typeof value === "string" ? stripBidiControls(value) : value;
    });
    if (cellProblem) continue;
    const { bid, errors } = parseBid(record, layout.kind, row + 1, stamp.language);
    for (const e of errors) {
      const col = columnOf.get(e.field) ?? 0;
      // A wrong yes/no or label lists the answers in the form's own words ("ja, nee"; "geen, TCO Certified, …").
      const words =
        criterionIds.has(e.field) && e.error.rule === "unknownOption" ? answerWordsOf(e.field as CriterionId, stamp.language) : undefined;
      const error = words ? { ...e.error, detail: words.join(", ") } : e.error;
      at(col, row, { kind: "field", field: e.field, header: headerOf.get(col) ?? e.field, error });
    }
    if (!bid) continue;
    // A minimum requirement needs its answer from every offer it applies to (CRITERIA.md §3.2: not a battery's of a desktop).
    const unanswered = layout.criteria.filter(
      (c) =>
        c.required && (bid.criteria?.[c.id] ?? null) === null && appliesTo(criterionOf(c.id) as Criterion, bid.deviceType, bid.condition),
    );
    for (const c of unanswered) {
      const col = columnOf.get(c.id)!;
      at(col, row, formReason("requirementUnanswered", { name: headerOf.get(col) ?? c.id }));
    }
    if (!unanswered.length) bids.push(bid);
  }
  if (!problems.length && !bids.length) add({ file, sheet, reason: formReason("noOffers") });
  if (problems.length) return refused();
  return { ok: true, file, supplier, bids, language: stamp.language };
}

export interface FormsImport {
  readonly results: readonly FormImport[];
  /** The offers of every accepted form, in file order, to append to the Bids table. */
  readonly bids: readonly Bid[];
  readonly refused: number;
}

export interface FormBatch {
  /** Checks one more form (its grid may be dropped afterwards) and returns its result. */
  add(form: ReturnedForm): FormImport;
  done(): FormsImport;
}

/**
 * Several returned forms, one at a time: each checked on its own; a form with an offer already in the Bids
 * table (same supplier, product and condition) or in an earlier form of the batch is refused, so importing
 * a form twice adds nothing. Existing offers are only read.
 */
export function formBatch(expected: FormExpectation, existing: readonly Bid[] = []): FormBatch {
  const seen = new Set(existing.map(offerKey));
  const results: FormImport[] = [];
  const bids: Bid[] = [];
  const add = (form: ReturnedForm): FormImport => {
    let result = checkReturnedForm(form, expected);
    if (result.ok) {
      const duplicates = result.bids.filter((b) => seen.has(offerKey(b)));
      if (duplicates.length) {
        const problems = duplicates.slice(0, MAX_PROBLEMS).map((b): FormProblem => ({
          file: form.file,
          reason: formReason("duplicateOffer", { supplier: b.supplier, product: b.product, condition: b.condition }),
        }));
        result = { ok: false, file: form.file, problems, moreProblems: Math.max(0, duplicates.length - MAX_PROBLEMS) };
      } else {
        for (const b of result.bids) seen.add(offerKey(b));
        bids.push(...result.bids);
      }
    }
    results.push(result);
    return result;
  };
  return { add, done: () => ({ results, bids, refused: results.filter((r) => !r.ok).length }) };
}

export function checkReturnedForms(forms: readonly ReturnedForm[], expected: FormExpectation, existing: readonly Bid[] = []): FormsImport {
  const batch = formBatch(expected, existing);
  for (const form of forms) batch.add(form);
  return batch.done();
}
