/**
 * Writes the bid form bidders fill in (issue 10 §2):
 *   npm run bidform -- computers|imaging --parameters p.json [--lang en|nl|fr] [--rows N] --out FORM.xlsx
 * The form carries the tender's name and parameter-set version (Parameters.parameterSetName and
 * parameterSetVersion) and the fingerprint of all settings; returned forms are imported with
 *   npm run template -- computers --forms DIR --parameters p.json --out comparison.xlsx
 * and refused when they were made for other settings. --parameters is read as the template CLI reads it.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { LANGUAGES, type Language } from "../src/i18n";
import type { ComparisonKind } from "../src/model";
import { DEFAULT_FORM_ROWS, MAX_FORM_ROWS } from "../src/model/bidForm";
import { shortFingerprint } from "../src/templates/bidForm/texts";
import { writeBidForm } from "../src/templates/bidForm/writeBidForm";
import { readParametersFile } from "./parameters-file";

export const BIDFORM_USAGE = `usage: npm run bidform -- computers|imaging --parameters parameters.json [--lang en|nl|fr] [--rows 1..${MAX_FORM_ROWS}] --out FORM.xlsx`;

const KINDS: readonly ComparisonKind[] = ["computers", "imaging"];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function args(argv: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { parameters: { type: "string" }, lang: { type: "string", default: "en" }, rows: { type: "string" }, out: { type: "string" } },
  });
  const [kind, ...extra] = positionals;
  if (extra.length) throw new Error(`unexpected argument ${extra[0]}`);
  if (kind === "circular")
    throw new Error("bid forms are for tenders: computers or imaging (the circular options are the procurer's own figures)");
  if (!KINDS.includes(kind as ComparisonKind) || !values.out) throw new Error("");
  const language = values.lang as Language;
  if (!LANGUAGES.includes(language)) throw new Error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  const rows = values.rows === undefined ? DEFAULT_FORM_ROWS : Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_FORM_ROWS)
    throw new Error(`--rows must be a whole number from 1 to ${MAX_FORM_ROWS}`);
  return { kind: kind as ComparisonKind, language, rows, out: values.out, parameters: values.parameters };
}

async function main(): Promise<void> {
  let a: ReturnType<typeof args>;
  try {
    a = args(process.argv.slice(2));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    fail(reason ? `${reason}\n${BIDFORM_USAGE}` : BIDFORM_USAGE);
  }
  if (!a.parameters)
    console.warn(
      "No --parameters: the form is stamped with the default settings; returned forms import only into a comparison with exactly these settings.",
    );
  const { parameters, note } = await readParametersFile(a.parameters, a.language);
  if (note) console.log(note);
  if (!parameters.parameterSetName)
    console.warn("The tender has no name (parameterSetName): forms are then told apart by the fingerprint of the settings alone.");
  if (parameters.electricityPricePerKWh === 0)
    console.warn("Electricity price is blank (0): set it before sending the form; changing it later refuses every form already sent.");
  const form = await writeBidForm(a.kind, parameters, a.language, { rows: a.rows });
  writeFileSync(a.out, form.bytes);
  const s = form.stamp;
  console.log(
    `Wrote ${a.out}: bid form for ${a.kind}, ${s.rows} offer rows, ${s.fields.length + s.criteria.length} columns (${s.criteria.length} criteria answers), language ${a.language}; tender "${s.tenderName}" version "${s.parameterSetVersion}", settings ${shortFingerprint(s.fingerprint)}.`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
