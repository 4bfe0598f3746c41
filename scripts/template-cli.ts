/**
 * Writes an LCC workbook template as .xlsx:
 *   npm run template -- computers|imaging|circular [--bids bids.csv] [--forms DIR] [--inputs circular.json]
 *                       [--parameters parameters.json] [--lang en|nl|fr] [--number-locale en|nl|fr]
 *                       [--lock-parameters] [--mini-competition] --out FILE.xlsx
 * Bids come from CSV (comma, semicolon or tab; UTF-8, UTF-16 with BOM or Windows-1252), headers as the
 * workbook or the wizard writes them in any language, or the field keys; title rows above the header are
 * skipped. Numbers are read in --number-locale; without it, "1.234" and "1,234" are refused as ambiguous.
 * A row or a file that does not parse stops the run with its reasons. --parameters is checked like the
 * Parameters sheet: unknown keys, wrong types ("no" for a yes/no) and unknown codes stop the run.
 * --forms reads every returned bid form (.xlsx) in DIR, checked against these parameters; any refused form
 * stops the run (each reported with file, sheet, cell and reason), and nothing is written.
 * --mini-competition (with a --parameters set published with its awarded offers): the workbook lists the
 * framework's suppliers and its Results rank only their offers, as the pane's mini-competition does.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeError, translate } from "../src/i18n";
import { type Language } from "../src/i18n";
import {
  type CircularInputs,
  type ComparisonKind,
  ELECTRICITY_PRICE_HINT,
  type Parameters,
  SCENARIO_KINDS,
  type Bid,
  decodeCsv,
  parseBidsCsv,
} from "../src/model";
import { TEMPLATE_VERSION, type TemplateInput } from "../src/templates";
import { importBidForms } from "../src/templates/bidForm/readBidForm";
import { formsReport } from "../src/templates/bidForm/texts";
import { bidHeaderNames, bidHeaders } from "../src/templates/bidHeaders";
import { optionWords } from "../src/templates/codes";
import { MAX_XLSX_OFFERS, writeXlsx } from "../src/templates/xlsx/writeXlsx";
import { readParametersFile } from "./parameters-file";
import { type ParameterSet, frameworkSuppliers } from "../src/model/parameterSet";
import { parseTemplateArgs } from "./template-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A --parameters file: plain parameters, or a framework's published parameter set (verified against its fingerprint; the workbook then compares with it). */
async function parameters(file: string | undefined, language: Language): Promise<{ parameters: Parameters; framework?: ParameterSet }> {
  const { parameters: p, note, set } = await readParametersFile(file, language).catch((e: Error) => fail(e.message));
  if (note) console.log(note);
  return set ? { parameters: p, framework: set } : { parameters: p };
}

function circularInputs(file: string): CircularInputs {
  const inputs = JSON.parse(readFileSync(file, "utf8")) as CircularInputs;
  const bad = (inputs.scenarios ?? []).findIndex((s) => !SCENARIO_KINDS.includes(s.kind) || !(s.serviceYears > 0));
  if (!Array.isArray(inputs.scenarios) || bad >= 0)
    fail(`${file}: scenario ${bad + 1} needs a kind (${SCENARIO_KINDS.join(", ")}) and service years > 0`);
  return inputs;
}

/** The offers of a CSV file, or the run stops naming each column or row that is wrong. */
function bidsFromCsv(csv: string, kind: ComparisonKind, language: Language, locale: Language | undefined): Bid[] {
  const { bids, errors, problems, unknownColumns } = parseBidsCsv(decodeCsv(readFileSync(csv)), kind, {
    locale,
    names: bidHeaderNames(kind),
    words: optionWords(),
  });
  // Fields by their workbook header in the run's language, as the user sees them.
  const headers = bidHeaders(kind, language);
  const header = (key: string): string => headers[key] ?? key;
  if (unknownColumns.length) console.warn(`${csv}: ignored columns (no such field): ${unknownColumns.join(", ")}`);
  const lines = [
    ...problems.map(
      (e) => `${csv}: ${describeError({ ...e, argument: e.rule === "columnMissing" ? `"${header(e.argument)}"` : e.argument }, language)}`,
    ),
    ...errors.map((e) => `${csv}: row ${e.row}: ${describeError({ ...e.error, argument: header(e.field) }, language)}`),
  ];
  if (problems.length) lines.push(`${csv}: expected headers: ${Object.values(headers).join("; ")}`);
  if (lines.length) fail(lines.join("\n"));
  return bids;
}

/** The offers of every returned form in `dir`, after those of --bids; or the run stops with each refused form's reasons. */
async function bidsFromForms(
  dir: string,
  kind: ComparisonKind,
  p: Parameters,
  language: Language,
  existing: readonly Bid[],
): Promise<Bid[]> {
  const names = readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$"))
    .sort();
  if (!names.length) fail(`${dir}: no .xlsx bid forms in this folder`);
  const batch = await importBidForms(
    names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) })),
    kind,
    p,
    language,
    existing,
  );
  const report = formsReport(batch, language).join("\n");
  if (batch.refused) fail(report);
  console.log(report);
  return [...batch.bids];
}

async function main(): Promise<void> {
  const { kind, out, language, lockParameters, miniCompetition, numberLocale, ...files } = parseTemplateArgs(process.argv.slice(2));
  const input: { -readonly [K in keyof TemplateInput]: TemplateInput[K] } = {
    template: kind,
    ...(await parameters(files.parameters, language)),
    language,
    lockParameters,
  };
  if (miniCompetition) {
    if (kind === "circular") fail("--mini-competition is for computers and imaging: it compares suppliers' offers");
    if (!input.framework?.offers)
      fail(
        "--mini-competition needs --parameters to be a framework's parameter set published with its awarded offers (their suppliers take part)",
      );
    input.miniCompetition = { suppliers: frameworkSuppliers(input.framework) };
  }
  const csv = files.bids;
  if (csv) {
    if (kind === "circular") fail("--bids is for computers and imaging; circular takes --inputs circular.json");
    const bids = bidsFromCsv(csv, kind, language, numberLocale);
    if (bids.length > MAX_XLSX_OFFERS) {
      fail(
        `${csv}: ${bids.length} offers; one workbook holds at most ${MAX_XLSX_OFFERS} (a Results row of formulas per offer, all in memory while writing). Split the offers over several workbooks or shortlist them first.`,
      );
    }
    input.bids = bids;
  }
  if (files.forms) {
    if (kind === "circular") fail("--forms is for computers and imaging: bid forms are returned by bidders");
    input.bids = [...(input.bids ?? []), ...(await bidsFromForms(files.forms, kind, input.parameters!, language, input.bids ?? []))];
    if (input.bids.length > MAX_XLSX_OFFERS)
      fail(`${files.forms}: ${input.bids.length} offers; one workbook holds at most ${MAX_XLSX_OFFERS}.`);
  }
  // A set with the framework's awarded offers and no offers given: the Bids table is that catalogue, for the Call-off sheet.
  const awarded = input.framework?.offers;
  // A mini-competition asks for updated offers: its Bids table starts empty rather than with the catalogue.
  if (!csv && !files.forms && !miniCompetition && awarded?.kind === kind) input.bids = awarded.bids;
  const json = files.inputs;
  if (json) input.circular = circularInputs(json);
  // No electricity price is shipped as a default (none is sourced per country): say so, or energy reads 0.
  if (input.parameters?.electricityPricePerKWh === 0) {
    console.warn(
      `Electricity price is blank: energy costs read 0 until you enter it on the Parameters sheet or pass --parameters (${translate("en", "sources", ELECTRICITY_PRICE_HINT.key)}).`,
    );
  }
  writeFileSync(out, await writeXlsx(input));
  const count = input.bids?.length ?? input.circular?.scenarios.length ?? 0;
  console.log(
    `Wrote ${out}: ${kind} template v${TEMPLATE_VERSION}, ${count} ${kind === "circular" ? "options" : "bids"}, language ${language}${input.miniCompetition ? `, mini-competition among ${input.miniCompetition.suppliers.join(", ")}` : ""}.`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
