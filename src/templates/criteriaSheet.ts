/**
 * CRITERIA.md in the workbook: the *Criteria* sheet (one row per criterion of the catalogue: name, area,
 * applies to, answer, role, threshold, points, worst, best, source; below it the label levels), one answer
 * column per criterion that is on in the Bids table, and the Results formulas that score them (engine
 * scoreOffers, src/model/criteria/scoring.ts): points per criterion, whether each requirement passes, the
 * reasons, criteria points and quality total. The roles and numbers are read from the sheet when Excel
 * recalculates, so a colleague's edit counts; which criteria have an answer column is fixed when the
 * template is written (a criterion switched on later gets its answer column from the pane, src/host/ExcelHost.ts,
 * but needs a new template to be scored here; the stamp's `scored` lists the criteria this one scores).
 */
import type { Language } from "../i18n";
import { criteriaTables, criteriaText, criteriaTextBuilt } from "../i18n/criteria";
import type { BidKey, Parameters } from "../model";
import {
  type Answer,
  type AnswerUnit,
  CATALOGUE,
  type Criterion,
  type CriterionId,
  LABELS,
  ROLES,
  type Role,
} from "../model/criteria/catalogue";
import { settingOf } from "../model/criteria/settings";
import { criterionName, labelName } from "../model/criteria/text";
import { absolute, cellAddress, rangeAddress, sheetRef } from "./address";
import { YES_NO } from "./codes";
import { SheetDraft } from "./draft";
import { str, textWith } from "./formulas";
import type { InputColumn } from "./inputTable";
import type { PlanCell } from "./plan";
import type { ResultColumn, RowRefs } from "./resultsSheet";
import { headerRowPoints, rowPoints, wrappedLines } from "./layout";
import { t } from "./text";

const FIELDS = ["role", "threshold", "points", "worst", "best"] as const;
type Field = (typeof FIELDS)[number];
const COLUMNS = ["id", "name", "area", "appliesTo", "answer", ...FIELDS, "source"] as const;
const HEADER_ROW = 3;

/**
 * Where criteriaSheet puts the settings (0-based rows and columns): one row per criterion of the catalogue
 * from `firstRow` (its id in column A), the label levels' names and shares from `levelsFirstRow`. The pane
 * reads and writes these cells (src/host/criteriaCells.ts); nothing here changes the layout.
 */
export const CRITERIA_CELLS = {
  firstRow: HEADER_ROW + 1,
  width: COLUMNS.length,
  column: (k: (typeof COLUMNS)[number]): number => COLUMNS.indexOf(k),
  levelsFirstRow: HEADER_ROW + 1 + CATALOGUE.length + 2,
  fields: FIELDS,
} as const;

/** Where the Criteria sheet holds each setting, and which criteria this workbook scores. */
export interface CriteriaLayout {
  /** Criteria that are not off when the template is written, in catalogue order: they are scored. */
  readonly on: readonly Criterion[];
  /** Of those, the ones answered in a Bids column of their own (the others are Bids fields). */
  readonly answered: readonly Criterion[];
  /** An absolute reference to a criterion's setting cell. */
  cell(id: CriterionId, field: Field): string;
  /** The label levels: names (as the Bids list writes them) and shares. */
  readonly levelLabels: string;
  readonly levelShares: string;
}

export const roleWord = (lang: Language, role: Role): string => criteriaTextBuilt(lang, `role.${role}`);
const yesWord = (lang: Language): string => criteriaText(lang, "answer.yes");
const noWord = (lang: Language): string => criteriaText(lang, "answer.no");

const appliesText = (lang: Language, c: Criterion): string =>
  c.appliesTo === "all"
    ? t(lang, "criteria.appliesAll")
    : "deviceTypes" in c.appliesTo
      ? c.appliesTo.deviceTypes.join(", ")
      : t(lang, "criteria.appliesRefurbished");

/** The answers a criterion's Bids column takes: its workbook words (yes/no, labels), or none for numbers. */
const answerWords = (lang: Language, c: Criterion): readonly string[] | undefined =>
  c.answer === "yesNo" ? [yesWord(lang), noWord(lang)] : c.answer === "label" ? LABELS.map((l) => labelName(lang, l)) : undefined;

/** Which criteria this workbook scores: those on; with the label on, the refurbishment answer too (§3.3 exemption). */
export function criteriaOn(p: Pick<Parameters, "criteria">): { on: Criterion[]; answered: Criterion[] } {
  const labelOn = settingOf(p.criteria, "label").role !== "off";
  const on = CATALOGUE.filter((c) => settingOf(p.criteria, c.id).role !== "off");
  const answered = CATALOGUE.filter((c) => !c.bidField && (on.includes(c) || (labelOn && c.id === "refurbishmentQuality")));
  return { on, answered };
}

export function criteriaSheet(p: Parameters, lang: Language, sheetName: string): { draft: SheetDraft; layout: CriteriaLayout } {
  const d = new SheetDraft("criteria", sheetName, lang);
  d.write(0, 0, [[t(lang, "criteria.title")], [t(lang, "criteria.hint")]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint", wrap: true });
  const headers = COLUMNS.map((k) => t(lang, `criteria.column.${k}`));
  const first = HEADER_ROW + 1;
  const rows: PlanCell[][] = CATALOGUE.map((c) => {
    const s = settingOf(p.criteria, c.id);
    const number = (v: number | undefined): PlanCell => (v === undefined ? null : v);
    return [
      c.id,
      criterionName(lang, c.id),
      criteriaTextBuilt(lang, `area.${c.area}`),
      appliesText(lang, c),
      c.answer === "number"
        ? criteriaTextBuilt(lang, `unit.${c.unit}.other`, { n: "…" })
        : (answerWords(lang, c) ?? []).slice(0, 3).join(", ") + (c.answer === "label" ? ", …" : ""),
      roleWord(lang, s.role),
      number(s.threshold),
      number(s.points),
      number(s.worst),
      number(s.best),
      criteriaTextBuilt(lang, c.source),
    ];
  });
  d.write(0, HEADER_ROW, [headers, ...rows]);
  d.style(0, HEADER_ROW, COLUMNS.length, 1, { role: "header", wrap: true });
  d.style(0, first, 5, rows.length, { role: "label", wrap: true });
  d.style(COLUMNS.length - 1, first, 1, rows.length, { role: "hint", wrap: true });
  const col = (k: (typeof COLUMNS)[number]) => COLUMNS.indexOf(k);
  d.style(col("role"), first, 1, rows.length, { role: "input", locked: false });
  d.validate(
    col("role"),
    first,
    rows.length,
    { list: ROLES.map((r) => roleWord(lang, r)) },
    { title: headers[col("role")], message: t(lang, "criteria.note.role") },
  );
  for (const k of ["threshold", "points", "worst", "best"] as const) {
    d.style(col(k), first, 1, rows.length, { role: "input", locked: false, numberFormat: "General" });
    d.validate(col(k), first, rows.length, { min: 0 }, { title: headers[col(k)], message: t(lang, `criteria.note.${k}`) });
  }

  // The label levels: each label's share of the points (award), accepted when above 0 (requirement);
  // all blank with a requirement: any label but none.
  const levelsRow = first + rows.length + 1;
  const levels = settingOf(p.criteria, "label").levels;
  d.write(0, levelsRow, [
    [t(lang, "criteria.levels.label"), t(lang, "criteria.levels.share")],
    ...LABELS.map((l) => [labelName(lang, l), levels?.[l] ?? null]),
  ]);
  // One line: the share's header runs on over the empty cells to its right.
  d.style(0, levelsRow, 2, 1, { role: "header" });
  d.style(1, levelsRow + 1, 1, LABELS.length, { role: "input", locked: false, numberFormat: "General" });
  d.validate(
    1,
    levelsRow + 1,
    LABELS.length,
    { min: 0, max: 1 },
    { title: t(lang, "criteria.levels.share"), message: t(lang, "criteria.note.levels") },
  );

  d.columnWidths = [18, 28, 14, 22, 18, 22, 10, 9, 9, 9, 60];
  d.wrapAcross(1, COLUMNS.length, t(lang, "criteria.hint"));
  d.rowHeight(HEADER_ROW, headerRowPoints(headers, d.columnWidths));
  rows.forEach((r, i) => d.rowHeight(first + i, rowPoints(Math.max(1, wrappedLines(String(r[r.length - 1]), 60)))));
  d.freezeRows = first;

  const prefix = sheetRef(d.name);
  const rowOf = new Map(CATALOGUE.map((c, i) => [c.id, first + i]));
  const { on, answered } = criteriaOn(p);
  return {
    draft: d,
    layout: {
      on,
      answered,
      cell: (id, field) => `${prefix}${absolute(cellAddress(col(field), rowOf.get(id) as number))}`,
      levelLabels: `${prefix}${absolute(rangeAddress(0, levelsRow + 1, 1, LABELS.length))}`,
      levelShares: `${prefix}${absolute(rangeAddress(1, levelsRow + 1, 1, LABELS.length))}`,
    },
  };
}

/** The Bids answer columns, after the Bids fields: header the criterion's name, help its question. */
export function criteriaBidColumns(answered: readonly Criterion[], lang: Language): InputColumn[] {
  return answered.map((c) => ({
    key: c.id,
    kind: c.answer === "number" ? "number" : "enum",
    header: criterionName(lang, c.id),
    help: criteriaTextBuilt(lang, `criterion.${c.id}.question`),
    list: answerWords(lang, c),
    min: c.min ?? 0,
    max: c.max,
  }));
}

/** An offer's answers as the Bids cells write them: numbers, yes/no and labels in the workbook's words. */
export function criteriaAnswerCells(
  answered: readonly Criterion[],
  answers: Readonly<Partial<Record<CriterionId, Answer>>> | undefined,
  lang: Language,
): PlanCell[] {
  return answered.map((c) => {
    const a = answers?.[c.id];
    if (a === undefined || a === null) return null;
    if (typeof a === "boolean") return a ? yesWord(lang) : noWord(lang);
    return typeof a === "number" ? a : labelName(lang, a);
  });
}

/** What a criteria formula refers to in its Results row. */
export interface CriteriaRowRefs extends RowRefs {
  readonly lang: Language;
  /** A Bids field of the row, coded fields as their codes. */
  bid(key: BidKey): string;
  /** The row's answer to a criterion with a Bids column of its own. */
  answer(id: CriterionId): string;
}

/** A criterion's answer cell: its column, or its Bids field (warranty, spare parts, data erasure). */
function answerRef(c: CriteriaRowRefs, criterion: Criterion): string {
  return criterion.bidField ? c.bid(criterion.bidField) : c.answer(criterion.id);
}

/** TRUE for yes: the workbook's word, or the yes code of a coded Bids field. */
const isYes = (c: CriteriaRowRefs, criterion: Criterion): string =>
  `${answerRef(c, criterion)}=${str(criterion.bidField ? YES_NO.yes : yesWord(c.lang))}`;

/** §3.2: TRUE when the criterion applies to the offer's device type and condition. */
function applies(c: CriteriaRowRefs, criterion: Criterion): string {
  const a = criterion.appliesTo;
  if (a === "all") return "TRUE";
  if ("deviceTypes" in a) return `OR(${a.deviceTypes.map((d) => `${c.bid("deviceType")}=${str(d)}`).join(",")})`;
  return `${c.bid("condition")}=${str(a.condition)}`;
}

const REFURBISHMENT = CATALOGUE.find((c) => c.id === "refurbishmentQuality") as Criterion;
/** §3.3: a refurbished offer with a documented refurbishment meets the label criterion. */
const labelExempt = (c: CriteriaRowRefs, layout: CriteriaLayout): string =>
  layout.answered.includes(REFURBISHMENT) ? `AND(${c.bid("condition")}="refurbished",${isYes(c, REFURBISHMENT)})` : "FALSE";

const shareOf = (layout: CriteriaLayout, answer: string): string =>
  `N(INDEX(${layout.levelShares},MATCH(${answer},${layout.levelLabels},0)))`;

/** §3.1, §3.3: the points of an award criterion for the row's answer (applicable). */
function pointsFormula(c: CriteriaRowRefs, layout: CriteriaLayout, criterion: Criterion): string {
  const a = answerRef(c, criterion);
  const [points, worst, best] = [
    `N(${layout.cell(criterion.id, "points")})`,
    `N(${layout.cell(criterion.id, "worst")})`,
    `N(${layout.cell(criterion.id, "best")})`,
  ];
  if (criterion.answer === "yesNo") return `IF(${isYes(c, criterion)},${points},0)`;
  if (criterion.answer === "label") return `IF(${labelExempt(c, layout)},${points},IFERROR(${points}*${shareOf(layout, a)},0))`;
  return `IF(AND(ISNUMBER(${a}),${best}<>${worst}),${points}*MIN(1,MAX(0,(${a}-${worst})/(${best}-${worst}))),0)`;
}

/** §3.1, §3.3: TRUE when the row's answer meets a requirement (applicable). */
function passFormula(c: CriteriaRowRefs, layout: CriteriaLayout, criterion: Criterion): string {
  const a = answerRef(c, criterion);
  if (criterion.answer === "yesNo") return isYes(c, criterion);
  if (criterion.answer === "label") {
    const any = `AND(${a}<>"",${a}<>${str(labelName(c.lang, "none"))})`;
    return `OR(${labelExempt(c, layout)},IF(COUNT(${layout.levelShares})=0,${any},IFERROR(${shareOf(layout, a)}>0,FALSE)))`;
  }
  return `AND(ISNUMBER(${a}),${a}>=N(${layout.cell(criterion.id, "threshold")}))`;
}

const isRole = (layout: CriteriaLayout, lang: Language, id: CriterionId, role: Role): string =>
  `${layout.cell(id, "role")}=${str(roleWord(lang, role))}`;

/** The criteria a row checks as requirements itself: warranty and spare parts are the commitments' check. */
const checked = (layout: CriteriaLayout): Criterion[] =>
  layout.on.filter((c) => c.bidField !== "warrantyYears" && c.bidField !== "sparePartsYears");

/** TRUE when the row passes every requirement of the criteria (the commitments aside). */
export const criteriaPass = (c: RowRefs, layout: CriteriaLayout): string[] => checked(layout).map((x) => c.col(`pass.${x.id}`));

/**
 * engine effectiveCommitments: Wr (resp. Sr) of the Parameters when > 0, else the warranty (spare-parts)
 * criterion's threshold when it is a requirement, else 0.
 */
export function effectiveRequirement(layout: CriteriaLayout, lang: Language, parameter: string, id: "warranty" | "spareParts"): string {
  return `IF(${parameter}>0,${parameter},IF(${isRole(layout, lang, id, "requirement")},N(${layout.cell(id, "threshold")}),0))`;
}

/**
 * model numberText as a formula: the number with the workbook language's decimal sign and no grouping ("3,5"
 * in nl and fr, "3.5" in en), whichever decimal sign the spreadsheet's own locale turns `n&""` into.
 */
export const numberTextFormula = (lang: Language, n: string): string =>
  lang === "en" ? `SUBSTITUTE(${n}&"",",",".")` : `SUBSTITUTE(${n}&"",".",",")`;

/** When Intl.PluralRules picks "one" for a number in each language (CLDR): 1 in en and nl; 0 up to 2 (exclusive) in fr. */
const PLURAL_ONE: Readonly<Record<Language, (n: string) => string>> = {
  en: (n) => `${n}=1`,
  nl: (n) => `${n}=1`,
  fr: (n) => `AND(${n}>=0,${n}<2)`,
};

/** model quantityText as a formula: the number with its unit in the criteria's words ("3 jaar", "800 cycles", "7 sur 10"). */
export function quantityFormula(lang: Language, unit: AnswerUnit | undefined, n: string): string {
  const text = numberTextFormula(lang, n);
  if (!unit) return text;
  const other = textWith(criteriaTextBuilt(lang, `unit.${unit}.other`), { n: text });
  const one = criteriaTables[lang][`unit.${unit}.one`];
  return typeof one === "string" ? `IF(${PLURAL_ONE[lang](n)},${textWith(one, { n: text })},${other})` : other;
}

/**
 * model reasonText of a commitment (engine ComplianceReason) as a formula: the warranty or spare-parts criterion's
 * name, the years the offer covers and the years required, in the same words as the pane and the explanation.
 */
export const commitmentReasonFormula = (lang: Language, id: "warranty" | "spareParts", answer: string, required: string): string =>
  textWith(criteriaText(lang, "reason.below"), {
    name: str(criterionName(lang, id)),
    answer: quantityFormula(lang, "years", answer),
    required: numberTextFormula(lang, required),
  });

/** Why a row fails a criterion's requirement: model reasonText (engine CriterionReason) as a formula. */
function reasonFormula(c: CriteriaRowRefs, layout: CriteriaLayout, criterion: Criterion): string {
  const lang = c.lang;
  const a = answerRef(c, criterion);
  const name = str(criterionName(lang, criterion.id));
  const noAnswer = textWith(criteriaText(lang, "reason.noAnswer"), { name });
  const blank = criterion.answer === "number" ? `NOT(ISNUMBER(${a}))` : `${a}=""`;
  let failed: string;
  if (criterion.answer === "yesNo") failed = textWith(criteriaText(lang, "reason.no"), { name });
  else if (criterion.answer === "number")
    failed = textWith(criteriaText(lang, "reason.below"), {
      name,
      answer: quantityFormula(lang, criterion.unit, a),
      required: numberTextFormula(lang, `N(${layout.cell(criterion.id, "threshold")})`),
    });
  else {
    const accepted = `MID(${LABELS.map((l, i) => `IF(N(INDEX(${layout.levelShares},${i + 1}))>0,${str(`, ${labelName(lang, l)}`)},"")`).join("&")},3,2000)`;
    failed = `IF(COUNT(${layout.levelShares})=0,${textWith(criteriaText(lang, "reason.labelRequired"), { name, answer: a })},${textWith(criteriaText(lang, "reason.notAccepted"), { name, answer: a, accepted })})`;
  }
  return `IF(${blank},${noAnswer},${failed})`;
}

/** The reasons of the criteria, each "; " and its text when the requirement fails (after the commitments'). */
export const criteriaReasons = (c: CriteriaRowRefs, layout: CriteriaLayout): string[] =>
  checked(layout).map((x) => `IF(${c.col(`pass.${x.id}`)},"","; "&${reasonFormula(c, layout, x)})`);

/** Points per criterion that is on (blank when it is not an award criterion), then the working pass columns. */
export function criteriaResultColumns<C extends CriteriaRowRefs>(
  layout: CriteriaLayout,
  lang: Language,
): { points: ResultColumn<C>[]; pass: ResultColumn<C>[] } {
  const points = layout.on.map((x): ResultColumn<C> => ({
    key: `points.${x.id}`,
    unit: "points",
    label: t(lang, "result.criterionPoints", { name: criterionName(lang, x.id) }),
    formula: (c) =>
      `IF(${isRole(layout, lang, x.id, "award")},IF(${applies(c, x)},${pointsFormula(c, layout, x)},N(${layout.cell(x.id, "points")})),"")`,
  }));
  const pass = checked(layout).map((x): ResultColumn<C> => ({
    key: `pass.${x.id}`,
    unit: "text",
    working: true,
    label: t(lang, "result.criterionPass", { name: criterionName(lang, x.id) }),
    formula: (c) => `IF(${isRole(layout, lang, x.id, "requirement")},IF(${applies(c, x)},${passFormula(c, layout, x)},TRUE),TRUE)`,
  }));
  return { points, pass };
}
