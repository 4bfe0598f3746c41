/**
 * The pure step: a template and its inputs → the cell plan both writers apply. It also picks free sheet
 * and workbook names against what a workbook already holds, so a writer never overwrites anything.
 */
import type { Language } from "../i18n";
import type { CriterionId } from "../model/criteria/catalogue";
import { DEFAULT_PARAMETERS, type Parameters, type ProductGroup } from "../model";
import { translate } from "../i18n";
import { tenderAnnex } from "../model/tender/annex";
import { helperSheet } from "./helperSheet";
import { tenderTextSheet } from "./tenderSheet";
import { comparisonResultsSheet, bidsSheet } from "./comparison";
import { circularResultsSheet, scenariosSheet } from "./circular";
import type { SheetDraft } from "./draft";
import { refsFor } from "./names";
import { FRAMEWORK_NAMES, frameworkSummaryRows, parametersSheet } from "./parametersSheet";
import { criteriaSheet } from "./criteriaSheet";
import { callOffSheet } from "./callOffSheet";
import { parseRange, rangeAddress } from "./address";
import type { CellPlan, ChartPlan, PrintPlan, ResultsLayout, TablePlan } from "./plan";
import { t } from "./text";
import { type Placement, type SheetKey, type TemplateInput, TEMPLATE_VERSION } from "./types";

/** Offers (or options) a fresh table has room for, so a procurer can type them in. */
export const DEFAULT_ROWS: Record<ProductGroup, number> = { computers: 10, imaging: 10, circular: 3 };

export const SHEETS: Record<ProductGroup, readonly SheetKey[]> = {
  // The Criteria sheet after the Results: the sheets before it keep their places (sheet1–3) in older links.
  computers: ["parameters", "bids", "results", "criteria", "helper"],
  imaging: ["parameters", "bids", "results", "criteria", "helper"],
  circular: ["parameters", "scenarios", "results", "helper"],
};

const EXCEL_SHEET_NAME_MAX = 31;

/** The template's sheets, with the optional Tender text sheet last (computers and imaging only). */
export const sheetKeys = (input: TemplateInput): readonly SheetKey[] => [
  ...SHEETS[input.template],
  ...(hasCallOff(input) ? (["callOff"] as const) : []),
  ...(input.tenderText && input.template !== "circular" ? (["tender"] as const) : []),
];

/** A framework set published with its awarded offers gives the comparison templates a Call-off sheet. */
const hasCallOff = (input: TemplateInput): boolean => input.template !== "circular" && !!input.framework?.offers;

export function baseSheetName(input: TemplateInput, key: SheetKey): string {
  const lang = input.language ?? "en";
  if (key === "tender") return translate(lang, "tender", "sheet.name");
  return t(lang, input.template === "circular" && key === "results" ? "sheet.circularResults" : `sheet.${key}`);
}

export const defaultPlacement = (input: TemplateInput): Placement => ({
  sheetNames: Object.fromEntries(sheetKeys(input).map((k) => [k, baseSheetName(input, k)])),
  nameSuffix: "",
});

/**
 * Free names against a workbook's sheets and names (case-insensitive, as Excel compares them):
 * "LCC Results (2)" for a taken sheet; one suffix "_2", "_3"… for all workbook and table names at once.
 */
export function choosePlacement(input: TemplateInput, existingSheets: readonly string[], existingNames: readonly string[]): Placement {
  const sheetsTaken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const sheetNames: Partial<Record<SheetKey, string>> = {};
  for (const key of sheetKeys(input)) {
    const base = baseSheetName(input, key);
    let name = base;
    for (let n = 2; sheetsTaken.has(name.toLowerCase()); n++) {
      const tag = ` (${n})`;
      name = `${base.slice(0, EXCEL_SHEET_NAME_MAX - tag.length)}${tag}`;
    }
    sheetsTaken.add(name.toLowerCase());
    sheetNames[key] = name;
  }
  const namesTaken = new Set(existingNames.map((s) => s.toLowerCase()));
  const ours = plannedNames(input);
  let nameSuffix = "";
  for (let n = 2; ours.some((name) => namesTaken.has(`${name}${nameSuffix}`.toLowerCase())); n++) nameSuffix = `_${n}`;
  return { sheetNames, nameSuffix };
}

/** Every workbook-scoped and table name the template creates, unsuffixed. */
export function plannedNames(input: TemplateInput): string[] {
  const plan = buildPlan(input);
  return [...plan.names.map((n) => n.name), ...plan.tables.map((x) => x.name)];
}

export function buildPlan(input: TemplateInput, placement: Placement = defaultPlacement(input)): CellPlan {
  const kind = input.template;
  const lang = input.language ?? "en";
  const p = input.parameters ?? DEFAULT_PARAMETERS;
  const refs = refsFor(placement.nameSuffix);
  const sheetName = (key: SheetKey) => placement.sheetNames[key] ?? baseSheetName(input, key);
  // A mini-competition compares offers: the circular template has none.
  const suppliers = kind === "circular" ? undefined : input.miniCompetition?.suppliers;
  const parameters = parametersSheet(
    kind,
    p,
    lang,
    refs,
    sheetName("parameters"),
    input.lockParameters ?? false,
    input.framework,
    suppliers,
  );
  const framework = frameworkSummaryRows(input.framework, refs);
  const helper = helperSheet(kind, lang, refs, sheetName("helper"));

  let drafts: SheetDraft[];
  let table: TablePlan;
  let results: { draft: SheetDraft; layout: ResultsLayout; charts: ChartPlan[] };
  let hasInputs: boolean;
  let scored: CriterionId[] | undefined;
  if (kind === "circular") {
    const count = Math.max(input.circular?.scenarios.length ?? 0, input.minimumRows ?? DEFAULT_ROWS.circular);
    const options = scenariosSheet(input.circular, count, p, lang, refs, sheetName("scenarios"));
    results = circularResultsSheet(options.layout, input.circular?.scenarios ?? [], p, lang, refs, sheetName("results"), framework);
    drafts = [parameters, options.draft, results.draft, helper];
    table = options.table;
    hasInputs = input.circular !== undefined;
  } else {
    const bids = input.bids ?? [];
    const count = Math.max(bids.length, input.minimumRows ?? DEFAULT_ROWS[kind]);
    const criteria = criteriaSheet(p, lang, sheetName("criteria"));
    const offers = bidsSheet(kind, bids, count, p, lang, refs, sheetName("bids"), criteria.layout.answered);
    const supplierList = suppliers && refs.name(FRAMEWORK_NAMES.suppliers);
    results = comparisonResultsSheet(
      kind,
      offers.layout,
      bids,
      p,
      lang,
      refs,
      sheetName("results"),
      criteria.layout,
      framework,
      supplierList,
    );
    drafts = [parameters, offers.draft, results.draft, criteria.draft, helper];
    if (hasCallOff(input)) {
      const quantities = input.callOffQuantities ?? [];
      const callOff = callOffSheet(kind, results.layout, sheetName("results"), offers.layout, quantities, lang, refs, sheetName("callOff"));
      drafts.splice(3, 0, callOff.draft);
    }
    if (input.tenderText) drafts.push(tenderTextSheet(tenderAnnex(kind, p, lang), sheetName("tender")));
    table = offers.table;
    hasInputs = bids.length > 0;
    scored = criteria.layout.on.map((c) => c.id);
  }
  const footer = printFooter(lang, p);
  for (const d of drafts) d.print = { ...(d.print ?? printWhole(d)), footer };
  return {
    template: kind,
    version: TEMPLATE_VERSION,
    language: lang,
    sheets: drafts.map((d) => d.toPlan()),
    names: drafts.flatMap((d) => d.names),
    tables: [table],
    charts: results.charts,
    results: results.layout,
    ...(scored ? { scored } : {}),
    // With offers in, the comparison is what the procurer came for; without, the table to fill in.
    activeSheet: hasInputs ? "results" : kind === "circular" ? "scenarios" : "bids",
  };
}

/** Header and footer text is Excel's code language: a literal & is written &&. */
const literal = (text: string): string => text.replace(/&/g, "&&");

/** Every printed page says which sheet, which parameter set and version, and which page of how many. */
function printFooter(lang: Language, p: Parameters): PrintPlan["footer"] {
  const set = p.parameterSetName.trim()
    ? t(lang, "print.parameterSet", { name: p.parameterSetName.trim(), version: p.parameterSetVersion.trim() || "–" })
    : t(lang, "print.noParameterSet");
  // The page codes go in after the text is escaped: the page of the pages, "Pagina &P van &N".
  const [page, pages] = ["{page}", "{pages}"];
  const right = literal(t(lang, "print.page", { page, pages }))
    .replace(page, "&P")
    .replace(pages, "&N");
  return { left: "&A", center: literal(set), right };
}

/** One page wide, everything written, the header row (the row frozen above the data) repeated. */
function printWhole(d: SheetDraft): PrintPlan {
  let [cols, rows] = [1, 1];
  for (const b of d.blocks) {
    const { col, row } = parseRange(b.anchor);
    rows = Math.max(rows, row + b.rows.length);
    cols = Math.max(cols, col + Math.max(...b.rows.map((r) => r.length)));
  }
  const titleRows = d.freezeRows ? `${d.freezeRows}:${d.freezeRows}` : undefined;
  return {
    area: d.hidden ? undefined : rangeAddress(0, 0, cols, rows),
    titleRows,
    fitToWidth: 1,
    columnBreaks: [],
    footer: { left: "", center: "", right: "" },
  };
}
