/**
 * The en, nl and fr tables carry the same keys in every section (errors, functions, wizard, templates),
 * no translation left empty, and the same {placeholders}: a missing translation shows up here, not in front of a
 * procurer as an English fallback.
 */
import { LANGUAGES, SECTIONS, type Section, languageOf, sectionOf } from "../src/i18n";

/** Every leaf as "path.to.key" → text (functions.json nests objects per function id). */
function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const placeholders = (text: unknown): string[] => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(SECTIONS)("section %s", (section: Section) => {
  const en = leaves(sectionOf("en", section));

  test.each(LANGUAGES.filter((l) => l !== "en"))("%s has exactly the keys of en", (lang) => {
    const other = leaves(sectionOf(lang, section));
    expect({ missing: [...en.keys()].filter((k) => !other.has(k)), extra: [...other.keys()].filter((k) => !en.has(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  test.each(LANGUAGES)("%s: every text is a string, not left empty where en has text", (lang) => {
    // en may hold a deliberately empty text (e.g. the unit of a plain factor); a translation may not drop one.
    const bad = [...leaves(sectionOf(lang, section))]
      .filter(([k, v]) => typeof v !== "string" || (v.trim() === "" && String(en.get(k) ?? "").trim() !== ""))
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  test.each(LANGUAGES.filter((l) => l !== "en"))("%s uses the same {placeholders} as en", (lang) => {
    const other = leaves(sectionOf(lang, section));
    const differing = [...en]
      .filter(([k, v]) => other.has(k) && placeholders(v).join() !== placeholders(other.get(k)).join())
      .map(([k]) => k);
    expect(differing).toEqual([]);
  });
});

test("languageOf maps Office and browser locales to en, nl or fr", () => {
  expect(["nl-BE", "nl-NL", "fr-BE", "fr-FR", "en-GB", "de-DE", undefined].map(languageOf)).toEqual([
    "nl",
    "nl",
    "fr",
    "fr",
    "en",
    "en",
    "en",
  ]);
});
