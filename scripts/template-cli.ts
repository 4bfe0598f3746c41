/**
 * Writes an LCC workbook template as .xlsx:
 *   npm run template -- computers|imaging|circular [--bids bids.csv] [--inputs circular.json]
 *                       [--parameters parameters.json] [--lang en|nl|fr] [--number-locale en|nl|fr]
 *                       [--lock-parameters] --out FILE.xlsx
 * Bids come from CSV (comma, semicolon or tab; UTF-8, UTF-16 with BOM or Windows-1252), headers as the
 * workbook or the wizard writes them in any language, or the field keys; title rows above the header are
 * skipped. Numbers are read in --number-locale; without it, "1.234" and "1,234" are refused as ambiguous.
 * A row or a file that does not parse stops the run with its reasons. --parameters is checked like the
 * Parameters sheet: unknown keys, wrong types ("no" for a yes/no) and unknown codes stop the run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describeError, translate } from "../src/i18n";
import { type Language } from "../src/i18n";
import { type CircularInputs, type ComparisonKind, DEFAULT_PARAMETERS, ELECTRICITY_PRICE_HINT, type Parameters, SCENARIO_KINDS, type Bid, decodeCsv, parseBidsCsv, validateParameters } from "../src/model";
import { TEMPLATE_VERSION, type TemplateInput } from "../src/templates";
import { bidHeaderNames, bidHeaders } from "../src/templates/bidHeaders";
import { MAX_XLSX_OFFERS, writeXlsx } from "../src/templates/xlsx/writeXlsx";
import { parseTemplateArgs } from "./template-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parameters(file: string | undefined): Parameters {
  const given: unknown = file ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) fail(`${file}: expected a JSON object of parameters`);
  // Template 1.0.0's one curve for every offer became a rule by device type (LCC-METHOD §12.6): say so.
  if ("residualCurve" in given) fail(`${file}: residualCurve is replaced by residualValueRule (byDeviceType, none): a blank residual value now follows the device type's curve for new offers, else 0`);
  const unknown = Object.keys(given).filter((k) => !(k in DEFAULT_PARAMETERS));
  if (unknown.length) fail(`${file}: unknown parameter ${unknown.join(", ")}; known: ${Object.keys(DEFAULT_PARAMETERS).join(", ")}`);
  const p = { ...DEFAULT_PARAMETERS, ...given } as Parameters;
  const errors = validateParameters(p);
  if (errors.length) fail(errors.map((e) => `${file}: ${e.field}: ${describeError(e.error)}`).join("\n"));
  return p;
}

function circularInputs(file: string): CircularInputs {
  const inputs = JSON.parse(readFileSync(file, "utf8")) as CircularInputs;
  const bad = (inputs.scenarios ?? []).findIndex((s) => !SCENARIO_KINDS.includes(s.kind) || !(s.serviceYears > 0));
  if (!Array.isArray(inputs.scenarios) || bad >= 0) fail(`${file}: scenario ${bad + 1} needs a kind (${SCENARIO_KINDS.join(", ")}) and service years > 0`);
  return inputs;
}

/** The offers of a CSV file, or the run stops naming each column or row that is wrong. */
function bidsFromCsv(csv: string, kind: ComparisonKind, language: Language, locale: Language | undefined): Bid[] {
  const { bids, errors, problems, unknownColumns } = parseBidsCsv(decodeCsv(readFileSync(csv)), kind, { locale, names: bidHeaderNames(kind) });
  // Fields by their workbook header in the run's language, as the user sees them.
  const headers = bidHeaders(kind, language);
  const header = (key: string): string => headers[key] ?? key;
  if (unknownColumns.length) console.warn(`${csv}: ignored columns (no such field): ${unknownColumns.join(", ")}`);
  const lines = [
    ...problems.map((e) => `${csv}: ${describeError({ ...e, argument: e.rule === "columnMissing" ? `"${header(e.argument)}"` : e.argument }, language)}`),
    ...errors.map((e) => `${csv}: row ${e.row}: ${describeError({ ...e.error, argument: header(e.field) }, language)}`),
  ];
  if (problems.length) lines.push(`${csv}: expected headers: ${Object.values(headers).join("; ")}`);
  if (lines.length) fail(lines.join("\n"));
  return bids;
}

async function main(): Promise<void> {
  const { kind, out, language, lockParameters, numberLocale, ...files } = parseTemplateArgs(process.argv.slice(2));
  const input: { -readonly [K in keyof TemplateInput]: TemplateInput[K] } = {
    template: kind,
    parameters: parameters(files.parameters),
    language,
    lockParameters,
  };
  const csv = files.bids;
  if (csv) {
    if (kind === "circular") fail("--bids is for computers and imaging; circular takes --inputs circular.json");
    const bids = bidsFromCsv(csv, kind, language, numberLocale);
    if (bids.length > MAX_XLSX_OFFERS) {
      fail(`${csv}: ${bids.length} offers; one workbook holds at most ${MAX_XLSX_OFFERS} (a Results row of formulas per offer, all in memory while writing). Split the offers over several workbooks or shortlist them first.`);
    }
    input.bids = bids;
  }
  const json = files.inputs;
  if (json) input.circular = circularInputs(json);
  // No electricity price is shipped as a default (none is sourced per country): say so, or energy reads 0.
  if (input.parameters?.electricityPricePerKWh === 0) {
    console.warn(`Electricity price is blank: energy costs read 0 until you enter it on the Parameters sheet or pass --parameters (${translate("en", "sources", ELECTRICITY_PRICE_HINT.key)}).`);
  }
  writeFileSync(out, await writeXlsx(input));
  const count = input.bids?.length ?? input.circular?.scenarios.length ?? 0;
  console.log(`Wrote ${out}: ${kind} template v${TEMPLATE_VERSION}, ${count} ${kind === "circular" ? "options" : "bids"}, language ${language} (no charts in .xlsx files).`);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
