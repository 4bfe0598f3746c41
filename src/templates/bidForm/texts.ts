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
} from "../../model/bidForm";
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
    ],
    supplierLabel: tf(lang, "supplier"),
    required,
    optional: tf(lang, "optional"),
    headers: bidHeaders(kind, lang, cur),
  };
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
