/**
 * Writes the tender annex (award criteria and LCC formula, LCC method, technical specifications, contract
 * clauses, data to supply) as a Word document:
 *   npm run tender -- computers|imaging [--parameters parameters.json] [--lang en|nl|fr] --out FILE.docx
 * --parameters is read and checked as by the template CLI (parametersFromJson): an unknown key or a value
 * that breaks a rule stops the run, named by its JSON path. A setting the annex still needs (the
 * electricity price) is written as "not yet set" and named on stderr.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type Language, describeError } from "../src/i18n";
import { type Parameters, parametersFromJson } from "../src/model";
import { tenderAnnex } from "../src/model/tender/annex";
import { parseTenderArgs } from "./tender-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parameters(file: string | undefined, language: Language): Parameters {
  let json: unknown = {};
  if (file) {
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const { parameters: p, problems } = parametersFromJson(json);
  if (!p) fail(problems.map((e) => `${file}: ${describeError(e, language)}`).join("\n"));
  return p;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseTenderArgs(process.argv.slice(2));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { group, out, language } = args;
  const annex = tenderAnnex(group, parameters(args.parameters, language), language);
  // The .docx writer is loaded on demand, as the wizard will load it.
  const { annexDocx } = await import("../src/templates/docx/annexDocx");
  writeFileSync(out, await annexDocx(annex));
  for (const key of annex.missing) console.warn(`Not set, written as such in the annex: ${key} (enter it in --parameters before publishing).`);
  console.log(`Wrote ${out}: tender annex for ${group}, language ${language}, ${annex.blocks.length} blocks.`);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
