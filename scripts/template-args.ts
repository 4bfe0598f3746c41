/** The template CLI's command line, parsed by node:util parseArgs; an Error's message is what to print. */
import { LANGUAGES, type Language } from "../src/i18n";
import { PRODUCT_GROUPS, type ProductGroup } from "../src/model";
import { languageOption, parseCommandLine } from "./cli-args";

export const USAGE =
  "usage: npm run template -- computers|imaging|circular [--bids bids.csv] [--forms DIR] [--inputs circular.json] [--parameters parameters.json] [--lang en|nl|fr] [--number-locale en|nl|fr] [--lock-parameters] [--mini-competition] --out FILE.xlsx";

export interface TemplateArgs {
  readonly kind: ProductGroup;
  readonly out: string;
  readonly language: Language;
  readonly lockParameters: boolean;
  /** A mini-competition under the --parameters set's awarded offers: only their suppliers' offers are ranked. */
  readonly miniCompetition: boolean;
  /** How the --bids file writes numbers; absent: "1.234" and "1,234" are refused as ambiguous. */
  readonly numberLocale?: Language;
  readonly bids?: string;
  /** A folder of returned bid forms (.xlsx), each checked against this comparison; their offers are added. */
  readonly forms?: string;
  readonly inputs?: string;
  readonly parameters?: string;
}

export function parseTemplateArgs(argv: readonly string[]): TemplateArgs {
  const { positionals, values } = parseCommandLine(
    argv,
    {
      bids: { type: "string" },
      forms: { type: "string" },
      inputs: { type: "string" },
      parameters: { type: "string" },
      lang: { type: "string", default: "en" },
      "number-locale": { type: "string" },
      "lock-parameters": { type: "boolean", default: false },
      "mini-competition": { type: "boolean", default: false },
      out: { type: "string" },
    },
    USAGE,
  );
  const [kind, ...extra] = positionals;
  if (extra.length) throw new Error(`unexpected argument ${extra[0]}\n${USAGE}`);
  if (!PRODUCT_GROUPS.includes(kind as ProductGroup) || !values.out) throw new Error(USAGE);
  const language = languageOption(values.lang);
  const numberLocale = values["number-locale"] as Language | undefined;
  if (numberLocale !== undefined && !LANGUAGES.includes(numberLocale))
    throw new Error(`--number-locale must be one of ${LANGUAGES.join(", ")} (en: 1,234.56; nl and fr: 1.234,56)`);
  return {
    kind: kind as ProductGroup,
    out: values.out,
    language,
    lockParameters: values["lock-parameters"],
    miniCompetition: values["mini-competition"],
    numberLocale,
    bids: values.bids,
    forms: values.forms,
    inputs: values.inputs,
    parameters: values.parameters,
  };
}
