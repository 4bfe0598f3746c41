/**
 * Framework agreements, for the central purchasing body:
 *   npm run framework -- publish --parameters p.json --name NAME --version V [--publisher WHO] [--date YYYY-MM-DD]
 *                                [--local electricityPricePerKWh,...] [--bids awarded.csv [--kind imaging] [--number-locale nl]]
 *                                [--lang en|nl|fr] --out set.json
 *   npm run framework -- verify set.json [--lang en|nl|fr]
 * publish writes every parameter with a SHA-256 fingerprint of its values (and, with --bids, the compliant offers
 * of the framework comparison as the awarded catalogue participants call off); verify exits 0 when the values
 * match the fingerprint and 1 naming what is wrong (a changed value, a newer format, an unknown key).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type Language, describeError } from "../src/i18n";
import { languageOption, parseCommandLine } from "./cli-args";
import {
  DEFAULT_PARAMETERS,
  type FrameworkOffers,
  type Parameters,
  decodeCsv,
  evaluateComparison,
  parseBidsCsv,
  parametersFromJson,
  publishParameterSet,
  verifyParameterSet,
} from "../src/model";
import { bidHeaderNames } from "../src/templates/bidHeaders";
import { optionWords } from "../src/templates/codes";

export const FRAMEWORK_USAGE =
  "usage: npm run framework -- publish --parameters p.json --name NAME --version V [--publisher WHO] [--date YYYY-MM-DD] [--local key,key] [--bids awarded.csv [--kind computers|imaging] [--number-locale en|nl|fr]] [--lang en|nl|fr] --out set.json\n" +
  "       npm run framework -- verify set.json [--lang en|nl|fr]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseCommandLine(
      argv,
      {
        parameters: { type: "string" },
        name: { type: "string" },
        version: { type: "string" },
        publisher: { type: "string", default: "" },
        date: { type: "string" },
        local: { type: "string", default: "" },
        lang: { type: "string", default: "en" },
        out: { type: "string" },
        bids: { type: "string" },
        kind: { type: "string", default: "computers" },
        "number-locale": { type: "string" },
      },
      FRAMEWORK_USAGE,
    );
  } catch (e) {
    fail((e as Error).message);
  }
  const { positionals, values } = parsed;
  let lang: Language = "en";
  try {
    lang = languageOption(values.lang);
  } catch (e) {
    fail((e as Error).message);
  }
  const [command, file, ...extra] = positionals;
  if (extra.length) fail(`unexpected argument ${extra[0]}\n${FRAMEWORK_USAGE}`);

  if (command === "verify") {
    if (!file) fail(FRAMEWORK_USAGE);
    const result = await verifyParameterSet(readJson(file));
    if (!result.ok) fail(result.problems.map((p) => `${file}: ${describeError(p, lang)}`).join("\n"));
    const { set } = result;
    console.log(
      `${file}: "${set.name}" version ${set.version} (${set.date}, ${set.publisher || "no publisher"}): values match ${set.fingerprint}`,
    );
    return;
  }
  if (command !== "publish" || file !== undefined) fail(FRAMEWORK_USAGE);
  if (!values.parameters || !values.name || !values.version || !values.out)
    fail(`publish needs --parameters, --name, --version and --out\n${FRAMEWORK_USAGE}`);
  const { parameters, problems } = parametersFromJson(readJson(values.parameters));
  if (!parameters) fail(problems.map((p) => `${values.parameters}: ${describeError(p, lang)}`).join("\n"));
  const local = values.local
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = local.filter((k) => !(k in DEFAULT_PARAMETERS));
  if (unknown.length)
    fail(
      unknown
        .map(
          (k) =>
            `--local: ${describeError({ kind: "type", argument: k, rule: "unknownParameter", detail: Object.keys(DEFAULT_PARAMETERS).join(", ") }, lang)}`,
        )
        .join("\n"),
    );
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date must be YYYY-MM-DD, not ${date}`);
  let offers: FrameworkOffers | undefined;
  if (values.bids) {
    const kind = values.kind;
    if (kind !== "computers" && kind !== "imaging") fail(`--kind must be computers or imaging, not ${kind}`);
    const locale = values["number-locale"] === undefined ? undefined : languageOption(values["number-locale"]);
    const csv = parseBidsCsv(decodeCsv(readFileSync(values.bids)), kind, { locale, names: bidHeaderNames(kind), words: optionWords() });
    const wrong = [...csv.problems, ...csv.errors.map((e) => ({ ...e.error, argument: `row ${e.row}, ${e.field}` }))];
    if (wrong.length) fail(wrong.map((e) => `${values.bids}: ${describeError(e, lang)}`).join("\n"));
    // The awarded catalogue: the offers the framework comparison ranks (those failing a requirement are left out).
    const result = evaluateComparison(parameters, csv.bids, kind);
    if (!result.ok) fail(`${values.bids}: ${describeError(result.error, lang)}`);
    const awarded = csv.bids.filter((_, i) => result.value.bids[i].compliant);
    const left = csv.bids.length - awarded.length;
    if (left) console.warn(`${values.bids}: ${left} offer(s) not compliant, left out of the awarded offers`);
    offers = { kind, bids: awarded };
  }
  const set = await publishParameterSet(
    parameters,
    {
      name: values.name,
      version: values.version,
      date,
      publisher: values.publisher,
      local: local as (keyof Parameters)[],
    },
    offers,
  );
  writeFileSync(values.out, JSON.stringify(set, null, 2) + "\n");
  console.log(
    `Wrote ${values.out}: "${set.name}" version ${set.version}, ${set.fingerprint}${local.length ? `; local: ${local.join(", ")}` : ""}${offers ? `; ${offers.bids.length} awarded offer(s)` : ""}`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
