/**
 * Dutch and French Excel show GPP functions under their nl/fr names (=GPP.LEVENSCYCLUSKOSTEN, not
 * =GPP.LCC), so every nl/fr text that names a function must use the name Excel shows in that language:
 * the i18n tables (function descriptions, the pane's function reference, error messages, wizard, templates)
 * and the manifest's nl/fr overrides (GetStarted description).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setMessageLanguage, unexpectedError } from "../../src/functions/errors";

const ROOT = join(__dirname, "../..");
const I18N = join(ROOT, "src/i18n");
type Table = Record<string, unknown>;
const table = (lang: string, file: string): Table => JSON.parse(readFileSync(join(I18N, lang, file), "utf8")) as Table;
const namesOf = (lang: string): Map<string, string> =>
  new Map(
    Object.entries(table(lang, "functions.json")).flatMap(([id, v]) =>
      typeof v === "object" && v !== null ? [[id, (v as { name: string }).name]] : [],
    ),
  );

/** Every string in a JSON value, with its path. */
function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
}

/** The nl-* or fr-* override values of the manifest, with the resource id they belong to. */
function manifestTexts(lang: string): [string, string][] {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  return [...xml.matchAll(/<(?:bt:)?Override Locale="([a-z]{2})-[a-z]{2}" Value="([^"]*)"/g)]
    .filter((m) => m[1] === lang)
    .map((m) => [`manifest.xml ${m[1]}`, m[2]]);
}

const GPP_NAME = /GPP\.([\p{L}0-9_.]*[\p{L}0-9_])/gu;
const english = namesOf("en");

describe.each(["nl", "fr"])("%s texts name functions as %s Excel shows them", (lang) => {
  const local = new Set(namesOf(lang).values());
  const texts = [
    ...readdirSync(join(I18N, lang))
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => strings(table(lang, f), `${lang}/${f}`)),
    ...manifestTexts(lang),
  ];

  test("the texts do name functions (the scan is not empty)", () => {
    expect(texts.filter(([, t]) => t.match(GPP_NAME) !== null).length).toBeGreaterThan(15);
    expect(manifestTexts(lang).some(([, t]) => t.includes(`=GPP.${namesOf(lang).get("LCC")}(`))).toBe(true);
  });

  test("every GPP.<name> is a name of this language; no English name such as GPP.LCC or GPP.CO2USE", () => {
    const wrong = texts.flatMap(([where, t]) =>
      [...t.matchAll(GPP_NAME)].filter((m) => !local.has(m[1])).map((m) => `${where}: GPP.${m[1]}`),
    );
    expect(wrong).toEqual([]);
  });

  test("no English-only function name appears after GPP. even inside a longer text", () => {
    const onlyEnglish = [...english.entries()].filter(([id, name]) => namesOf(lang).get(id) !== name).map(([, name]) => name);
    const hits = texts.filter(([, t]) => onlyEnglish.some((n) => new RegExp(`GPP\\.${n}(?![\\p{L}0-9_])`, "u").test(t)));
    expect(hits).toEqual([]);
    expect(onlyEnglish).toEqual(expect.arrayContaining(["LCC", "CO2USE", "LCCBREAKDOWN"]));
  });

  test("error messages name the function as this language's Excel shows it, not by its English id", () => {
    setMessageLanguage(lang as "nl" | "fr");
    for (const id of ["LCC", "CO2USE"]) {
      const message = unexpectedError(id, "boom").message ?? "";
      expect(message).toMatch(new RegExp(`^GPP\\.${namesOf(lang).get(id)!.replace(/\./g, "\\.")} .*\\(boom\\)`));
      expect(message).not.toMatch(new RegExp(`GPP\\.${english.get(id)}\\b`));
    }
    setMessageLanguage("en");
  });
});
