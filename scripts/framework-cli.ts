/**
 * Framework agreements, for the central purchasing body:
 *   npm run framework -- publish --parameters p.json --name NAME --version V [--publisher WHO] [--date YYYY-MM-DD]
 *                                [--local electricityPricePerKWh,...] [--lang en|nl|fr] --out set.json
 *   npm run framework -- verify set.json [--lang en|nl|fr]
 * publish writes every parameter with a SHA-256 fingerprint of its values; verify exits 0 when the values
 * match the fingerprint and 1 naming what is wrong (a changed value, a newer format, an unknown key).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type Language, describeError } from "../src/i18n";
import { languageOption, parseCommandLine } from "./cli-args";
import { DEFAULT_PARAMETERS, type Parameters, parametersFromJson, publishParameterSet, verifyParameterSet } from "../src/model";

export const FRAMEWORK_USAGE =
  "usage: npm run framework -- publish --parameters p.json --name NAME --version V [--publisher WHO] [--date YYYY-MM-DD] [--local key,key] [--lang en|nl|fr] --out set.json\n" +
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
  const set = await publishParameterSet(parameters, {
    name: values.name,
    version: values.version,
    date,
    publisher: values.publisher,
    local: local as (keyof Parameters)[],
  });
  writeFileSync(values.out, JSON.stringify(set, null, 2) + "\n");
  console.log(
    `Wrote ${values.out}: "${set.name}" version ${set.version}, ${set.fingerprint}${local.length ? `; local: ${local.join(", ")}` : ""}`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
