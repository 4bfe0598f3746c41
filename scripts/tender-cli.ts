/**
 * Writes the tender annex (award criteria and LCC formula, LCC method, technical specifications, contract
 * clauses, data to supply) as a Word document:
 *   npm run tender -- computers|imaging [--parameters parameters.json] [--lang en|nl|fr] --out FILE.docx
 * --parameters is read and checked as by the template CLI (scripts/parameters-file.ts; a framework's set is verified): an unknown key or a value
 * that breaks a rule stops the run, named by its JSON path. A setting the annex still needs (the
 * electricity price) is written as "not yet set" and named on stderr.
 */
import { writeFileSync } from "node:fs";
import { type Language } from "../src/i18n";
import { type Parameters } from "../src/model";
import { tenderAnnex } from "../src/model/tender/annex";
import { readParametersFile } from "./parameters-file";
import { parseTenderArgs } from "./tender-args";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function parameters(file: string | undefined, language: Language): Promise<Parameters> {
  return (await readParametersFile(file, language).catch((e: Error) => fail(e.message))).parameters;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseTenderArgs(process.argv.slice(2));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { group, out, language } = args;
  const annex = tenderAnnex(group, await parameters(args.parameters, language), language);
  // The .docx writer is loaded on demand, as the wizard will load it.
  const { annexDocx } = await import("../src/templates/docx/annexDocx");
  writeFileSync(out, await annexDocx(annex));
  for (const key of annex.missing)
    console.warn(`Not set, written as such in the annex: ${key} (enter it in --parameters before publishing).`);
  console.log(`Wrote ${out}: tender annex for ${group}, language ${language}, ${annex.blocks.length} blocks.`);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
