/**
 * The words of a bid form and of its import report, from src/i18n/<lang>/bidform.json; every number in them
 * comes from the comparison's Parameters. Shared by the writer, the reader and the CLI.
 */
import type enBidform from "../../i18n/en/bidform.json";
import { type Language, LANGUAGES, type Table, type Values, describeError, lookupPlural, sectionOf, translate } from "../../i18n";
import type { ComparisonKind, Parameters } from "../../model";
import {
  type BidFormTexts,
  type FormAnchors,
  type FormExpectation,
  type FormImport,
  type FormProblem,
  type FormsImport,
  type TenderIdentity,
  a1,
  bidFormFields,
  formCriteria,
} from "../../model/bidForm";
import { type Criterion, type CriterionId, LABELS, criterionOf, settingOf } from "../../model/criteria";
import { criteriaText, criteriaTextBuilt } from "../../i18n/criteria";
import { criterionName, criterionQuestion, labelName, quantityText } from "../../model/criteria/text";
import { numberText, percentText } from "../../model/entries";
import { bidHeaders } from "../bidHeaders";

export type BidformKey = keyof typeof enBidform;

/** Typed by the English table: a key it lacks fails the type check. */
export const tf = (lang: Language, key: BidformKey, values?: Values): string => translate(lang, "bidform", key, values);

const tables = (): Record<Language, Table> =>
  Object.fromEntries(LANGUAGES.map((l) => [l, sectionOf(l, "bidform")])) as Record<Language, Table>;

export const groupName = (lang: Language, kind: ComparisonKind): string => tf(lang, `group.${kind}`);

/** "sha256:1a2b3c4d5e6f…": enough of the fingerprint to compare by eye. */
export const shortFingerprint = (fingerprint: string): string => (fingerprint.length > 19 ? `${fingerprint.slice(0, 19)}…` : fingerprint);

/** A criterion's answer column header: its name with its unit ("Battery cycles (cycles)"), yes/no words, or the name alone for a label. */
export function criterionHeader(lang: Language, id: CriterionId): string {
  const c = criterionOf(id) as Criterion;
  const name = criterionName(lang, id);
  if (c.answer === "yesNo") return `${name} (${criteriaText(lang, "answer.yes")}/${criteriaText(lang, "answer.no")})`;
  if (c.answer === "number" && c.unit) return `${name} (${criteriaTextBuilt(lang, `unit.${c.unit}.other`, { n: "" }).trim()})`;
  return name;
}

/** One instruction line per criteria column: what is asked, and its role (a requirement with its threshold, the required answer). */
function criterionLines(kind: ComparisonKind, parameters: Parameters, lang: Language): string[] {
  const first = bidFormFields(kind).length;
  const yes = criteriaText(lang, "answer.yes");
  return formCriteria(kind, parameters.criteria).map((fc, i) => {
    const c = criterionOf(fc.id) as Criterion;
    const s = settingOf(parameters.criteria, fc.id);
    let role: string;
    if (s.role === "requirement") {
      if (c.answer === "number")
        role = tf(lang, "criterion.requirementNumber", { threshold: quantityText(lang, c.unit, s.threshold ?? 0) });
      else if (c.answer === "yesNo") role = tf(lang, "criterion.requirementYes", { yes });
      else {
        const accepted = LABELS.filter((l) => (s.levels?.[l] ?? 0) > 0).map((l) => labelName(lang, l));
        role = accepted.length
          ? tf(lang, "criterion.requirementLabel", { labels: accepted.join(", ") })
          : tf(lang, "criterion.requirementAnyLabel", { none: labelName(lang, "none") });
      }
    } else if (s.role === "award") role = tf(lang, "criterion.award", { points: numberText(s.points ?? 0, lang) });
    else if (s.role === "clause") role = tf(lang, "criterion.clause", { yes });
    else role = tf(lang, "criterion.exemption", { yes });
    const a = c.appliesTo;
    const only =
      a === "all"
        ? ""
        : "condition" in a
          ? tf(lang, "criterion.onlyRefurbished")
          : tf(lang, "criterion.onlyDevices", { types: a.deviceTypes.join(", ") });
    const line = tf(lang, "criterion.line", {
      column: a1(first + i, 0).replace(/\d+$/, ""),
      name: criterionName(lang, fc.id),
      question: criterionQuestion(lang, fc.id),
      role,
    });
    return only ? `${line} ${only}` : line;
  });
}

/** The form's title, tender line, instructions and headers; `at` gives the cells they point to. */
export function bidFormTexts(
  kind: ComparisonKind,
  parameters: Parameters,
  lang: Language,
  fingerprint: string,
  rows: number,
  at: FormAnchors,
): BidFormTexts {
  const cur = parameters.currency;
  const required = tf(lang, "required");
  const method = {
    years: numberText(parameters.evaluationYears, lang),
    rate: percentText(parameters.discountRate, lang),
    price: numberText(parameters.electricityPricePerKWh, lang),
    cur,
  };
  return {
    title: tf(lang, "title", { group: groupName(lang, kind) }),
    lines: [
      tf(lang, "tender", {
        tender: parameters.parameterSetName || tf(lang, "noName"),
        version: parameters.parameterSetVersion || tf(lang, "noVersion"),
        fingerprint: shortFingerprint(fingerprint),
      }),
      tf(lang, "instruction.rows", { row: at.firstDataRow + 1, rows }),
      tf(lang, "instruction.supplier", { cell: a1(at.supplierCol, at.supplierRow) }),
      tf(lang, "instruction.units", { cur }),
      tf(lang, "instruction.required", { required }),
      tf(lang, "instruction.lists"),
      tf(lang, "instruction.method", method),
      tf(lang, "instruction.return"),
      ...criteriaIntro(kind, parameters, lang),
    ],
    supplierLabel: tf(lang, "supplier"),
    required,
    optional: tf(lang, "optional"),
    headers: {
      ...bidHeaders(kind, lang, cur),
      ...Object.fromEntries(formCriteria(kind, parameters.criteria).map((c) => [c.id, criterionHeader(lang, c.id)])),
    },
  };
}

/** The criteria columns' instructions: where they are, then one line per criterion (none when the tender has no criteria to answer). */
function criteriaIntro(kind: ComparisonKind, parameters: Parameters, lang: Language): string[] {
  const lines = criterionLines(kind, parameters, lang);
  if (!lines.length) return [];
  const first = bidFormFields(kind).length;
  const column = (i: number): string => a1(i, 0).replace(/\d+$/, "");
  const intro = tf(lang, "instruction.criteria", {
    first: column(first),
    last: column(first + lines.length - 1),
    yes: criteriaText(lang, "answer.yes"),
    no: criteriaText(lang, "answer.no"),
  });
  return [intro, ...lines];
}

/** How the import names this comparison's product groups, in the user's language. */
export const formExpectation = (identity: TenderIdentity, lang: Language): FormExpectation => ({
  identity,
  groupName: (kind) => groupName(lang, kind),
});

/** One problem as a sentence: where (file, sheet, cell) and why, in the user's language. */
export function describeFormProblem(p: FormProblem, lang: Language): string {
  const r = p.reason;
  let reason: string;
  if (r.kind === "field") reason = describeError({ ...r.error, argument: r.header }, lang);
  else {
    const values: Values = { ...r.values };
    // An unnamed tender or version reads as such, not as an empty pair of quotes.
    for (const k of ["tender", "foundTender"]) if (k in values && values[k] === "") values[k] = tf(lang, "noName");
    for (const k of ["version", "foundVersion"]) if (k in values && values[k] === "") values[k] = tf(lang, "noVersion");
    for (const k of ["found", "expected"])
      if (r.key === "settingsChanged" && typeof values[k] === "string") values[k] = shortFingerprint(values[k]);
    reason = tf(lang, `problem.${r.key}`, values);
  }
  return p.sheet && p.cell
    ? tf(lang, "report.atCell", { file: p.file, sheet: p.sheet, cell: p.cell, reason })
    : tf(lang, "report.atFile", { file: p.file, reason });
}

/** The report of one form: imported with its count and supplier, or refused with every problem, one per line. */
export function formReport(result: FormImport, lang: Language): string[] {
  if (result.ok)
    return [lookupPlural(tables(), lang, "report.imported", result.bids.length, { file: result.file, supplier: result.supplier })];
  const lines = [tf(lang, "report.refused", { file: result.file }), ...result.problems.map((p) => `  ${describeFormProblem(p, lang)}`)];
  if (result.moreProblems > 0) lines.push(`  ${tf(lang, "problem.more", { n: result.moreProblems })}`);
  return lines;
}

/** Every form's report, then one summary line. */
export function formsReport(batch: FormsImport, lang: Language): string[] {
  const forms = batch.results.length;
  return [
    ...batch.results.flatMap((r) => formReport(r, lang)),
    tf(lang, "report.summary", { imported: forms - batch.refused, forms, refused: batch.refused, offers: batch.bids.length }),
  ];
}
