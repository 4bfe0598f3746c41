/**
 * Writes an LCC workbook template as .xlsx:
 *   npm run template -- computers|imaging|circular [--bids bids.csv] [--inputs circular.json]
 *                       [--parameters parameters.json] [--lang en|nl|fr] [--lock-parameters] --out FILE.xlsx
 * Bids come from CSV (comma, semicolon or tab; decimal comma accepted); a row that does not parse stops
 * the run with its reasons. Text that looks like a formula (=, +, -, @) is stored as text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describeError, translate } from "../src/i18n";
import { BID_FIELDS, type CircularInputs, DEFAULT_PARAMETERS, ELECTRICITY_PRICE_HINT, type Parameters, SCENARIO_KINDS, parseBidsCsv, validateParameters } from "../src/model";
import { TEMPLATE_VERSION, type TemplateInput } from "../src/templates";
import { MAX_XLSX_OFFERS, writeXlsx } from "../src/templates/xlsx/writeXlsx";
import { parseTemplateArgs } from "./template-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parameters(file: string | undefined): Parameters {
  const p: Parameters = { ...DEFAULT_PARAMETERS, ...(file ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Parameters>) : {}) };
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

async function main(): Promise<void> {
  const { kind, out, language, lockParameters, ...files } = parseTemplateArgs(process.argv.slice(2));
  const input: { -readonly [K in keyof TemplateInput]: TemplateInput[K] } = {
    template: kind,
    parameters: parameters(files.parameters),
    language,
    lockParameters,
  };
  const csv = files.bids;
  if (csv) {
    if (kind === "circular") fail("--bids is for computers and imaging; circular takes --inputs circular.json");
    const { bids, errors, unknownColumns } = parseBidsCsv(readFileSync(csv, "utf8"), kind, [...new Set(BID_FIELDS.map((f) => f.key))]);
    if (unknownColumns.length) console.warn(`${csv}: ignored columns: ${unknownColumns.join(", ")}`);
    if (errors.length) fail(errors.map((e) => `${csv}: row ${e.row}, ${e.field}: ${describeError(e.error, language)}`).join("\n"));
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
