/** What every CLI here does with its command line: node:util parseArgs (strict, with positionals), the usage after a wrong option, --lang checked. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { LANGUAGES, type Language } from "../src/i18n";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parsed options and positionals; an Error whose message ends with the usage when an option is unknown or malformed. */
export function parseCommandLine<O extends Options>(argv: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
}

/** The --lang value as one of ours, or an Error naming the choices. */
export function languageOption(value: unknown): Language {
  if (!LANGUAGES.includes(value as Language)) throw new Error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  return value as Language;
}
