/**
 * The words a workbook shows for codes, in its language: "reëel" for real, "oui" for yes, "gereviseerd"
 * for refurbished. Cells and validation lists hold the words; formulas turn a word back into its code with
 * a lookup on the hidden helper sheet (codeOf), so every formula still compares codes and a code typed in
 * by hand works too. Driven by the field tables: every option of PARAMETER_FIELDS (a yes/no parameter has
 * yes and no), every enum column of BID_FIELDS and the scenario kinds, so a field added there is covered.
 * A word comes from templates.json "code.<field>.<code>", else "code.<code>", else the wizard's label of
 * the option, else the code itself.
 */
import { LANGUAGES, type Language, sectionOf } from "../i18n";
import {
  BID_FIELDS,
  DEFAULT_PARAMETERS,
  type OptionWords,
  PARAMETER_FIELDS,
  type ProductGroup,
  SCENARIO_KINDS,
  kindOf,
  wordKey,
} from "../model";

/** Booleans are written as codes, not TRUE/FALSE, which Excel translates (WAAR, VRAI) and a list cannot offer. */
export const YES_NO = { yes: "yes", no: "no" } as const;

export interface CodeField {
  readonly key: string;
  readonly codes: readonly string[];
  /** A parameter (one named cell) or a column of the input table. */
  readonly where: "parameter" | "table";
}

const parameterCodes = (key: keyof typeof DEFAULT_PARAMETERS, options: readonly string[] | undefined): readonly string[] | undefined =>
  options ?? (typeof DEFAULT_PARAMETERS[key] === "boolean" ? Object.values(YES_NO) : undefined);

/** The coded fields of one template: its parameters with options or yes/no, then its table's enum columns. */
export function codeFields(kind: ProductGroup): CodeField[] {
  const parameters = PARAMETER_FIELDS.filter((f) => f.groups.includes(kind)).flatMap((f): CodeField[] => {
    const codes = parameterCodes(f.key, f.options);
    return codes ? [{ key: f.key, codes, where: "parameter" }] : [];
  });
  const table: CodeField[] =
    kind === "circular"
      ? [{ key: "kind", codes: SCENARIO_KINDS, where: "table" }]
      : BID_FIELDS.filter((f) => f.kind === "enum" && f.kinds.includes(kindOf(kind))).map((f) => ({
          key: f.key,
          codes: f.options ?? [],
          where: "table",
        }));
  return [...parameters, ...table];
}

/** The codes of a parameter, when it has any (options, or yes/no). */
export const parameterCodeList = (key: string): readonly string[] | undefined => {
  const f = PARAMETER_FIELDS.find((x) => x.key === key);
  return f ? parameterCodes(f.key, f.options) : undefined;
};

const own = (lang: Language, section: "templates" | "wizard", key: string): string | undefined => {
  const text = sectionOf(lang, section)[key];
  return typeof text === "string" && text.trim() ? text : undefined;
};

/** A wizard label as a list word: no explanation in brackets, no comma (Excel's list separator). */
const asWord = (label: string): string =>
  label
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The word shown for a code in a workbook in `lang`. */
export function codeWord(lang: Language, field: string, code: string): string {
  const wizard = own(lang, "wizard", `option.${field}.${code}`);
  return (
    own(lang, "templates", `code.${field}.${code}`) ??
    own(lang, "templates", `code.${code}`) ??
    (wizard ? asWord(wizard) : undefined) ??
    code
  );
}

export const codeWords = (lang: Language, field: string, codes: readonly string[]): string[] => codes.map((c) => codeWord(lang, field, c));

/** A cell value (a code, or a word in any language) as its code; the value itself when it names none. */
export function codeOfWord(field: string, codes: readonly string[], value: unknown): unknown {
  const key = wordKey(String(value ?? ""));
  if (!key) return value;
  const words = optionWords();
  return codes.find((c) => wordKey(c) === key) ?? (words[field]?.[key] && codes.includes(words[field][key]) ? words[field][key] : value);
}

let cached: OptionWords | undefined;

/** Every coded field's words in every language, for reading cells and CSV values back (model/optionWords). */
export function optionWords(): OptionWords {
  if (cached) return cached;
  const out: Record<string, Record<string, string>> = {};
  const kinds: ProductGroup[] = ["computers", "imaging", "circular"];
  for (const f of kinds.flatMap(codeFields)) {
    const words = (out[f.key] ??= {});
    for (const code of f.codes) for (const lang of LANGUAGES) words[wordKey(codeWord(lang, f.key, code))] ??= code;
  }
  return (cached = out);
}
