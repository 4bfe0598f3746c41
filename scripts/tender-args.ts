/** The tender CLI's command line, parsed by node:util parseArgs; an Error's message is what to print. */
import type { Language } from "../src/i18n";
import type { ComparisonKind } from "../src/model";
import { languageOption, parseCommandLine } from "./cli-args";

export const TENDER_USAGE = "usage: npm run tender -- computers|imaging [--parameters parameters.json] [--lang en|nl|fr] --out FILE.docx";
const GROUPS: readonly ComparisonKind[] = ["computers", "imaging"];

export interface TenderArgs {
  readonly group: ComparisonKind;
  readonly out: string;
  readonly language: Language;
  readonly parameters?: string;
}

export function parseTenderArgs(argv: readonly string[]): TenderArgs {
  const { positionals, values } = parseCommandLine(
    argv,
    { parameters: { type: "string" }, lang: { type: "string", default: "en" }, out: { type: "string" } },
    TENDER_USAGE,
  );
  const [group, ...extra] = positionals;
  if (extra.length) throw new Error(`unexpected argument ${extra[0]}\n${TENDER_USAGE}`);
  if (!GROUPS.includes(group as ComparisonKind) || !values.out) throw new Error(TENDER_USAGE);
  const language = languageOption(values.lang);
  return { group: group as ComparisonKind, out: values.out, language, parameters: values.parameters };
}
