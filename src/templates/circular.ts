/**
 * Circular scenarios for one device: keep and extend, buy refurbished, buy new, compared on equivalent
 * annual cost and annualised CO2. Each result column is the Excel counterpart of a ScenarioResult field of
 * evaluateScenarios (src/model/circular.ts).
 */
import type { Language } from "../i18n";
import { type CircularInputs, type Parameters, SCENARIO_KINDS, type Scenario, type ScenarioKind } from "../model";
import { SheetDraft } from "./draft";
import { codeOf, sentence, str } from "./formulas";
import { type InputColumn, type InputTableLayout, inputTable } from "./inputTable";
import { DEVICE_NAMES, type ParameterKey, type Refs, SUMMARY_NAMES, TABLE_NAMES } from "./names";
import type { PlanCell } from "./plan";
import { type Headline, type ResultColumn, type RowRefs, type SummaryRow, discountFactorColumns, resultsSheet } from "./resultsSheet";
import { NUMBER_FORMATS, t, unitLabel } from "./text";

export const SCENARIO_COLUMNS: readonly InputColumn[] = [
  { key: "kind", kind: "enum", options: SCENARIO_KINDS },
  { key: "upfrontCost", kind: "number", unit: "currency" },
  { key: "serviceYears", kind: "number", unit: "years", min: 0.01, max: 100 },
  { key: "annualKWh", kind: "number", unit: "kWhPerYear" },
  { key: "annualMaintenance", kind: "number", unit: "currencyPerYear" },
  { key: "residualValue", kind: "number", unit: "currency" },
  { key: "endOfLifeCost", kind: "number", unit: "currency" },
  { key: "embodiedKgCO2e", kind: "number", unit: "kg" },
];

const DEVICE_ROWS = [
  { key: "currentDeviceEmbodiedKgCO2e", unit: "kg" },
  { key: "currentAgeYears", unit: "years" },
] as const;

/** Without inputs: the three options, figures left blank for the procurer. */
const BLANK_OPTIONS: readonly Partial<Scenario>[] = SCENARIO_KINDS.map((kind) => ({ kind }));

export function scenariosSheet(
  inputs: CircularInputs | undefined,
  rowCount: number,
  p: Parameters,
  lang: Language,
  refs: Refs,
  sheetName: string,
) {
  const d = new SheetDraft("scenarios", sheetName, lang);
  d.write(0, 0, [[t(lang, "scenarios.title")], [t(lang, "scenarios.hint")]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint" });
  d.write(0, 3, [[t(lang, "section.device")]]);
  d.style(0, 3, 1, 1, { role: "section" });
  DEVICE_ROWS.forEach((r, i) => {
    const row = 4 + i;
    const label = t(lang, `device.${r.key}`);
    const help = t(lang, `deviceNote.${r.key}`);
    d.write(0, row, [[label, inputs ? inputs[r.key] : null, unitLabel(lang, r.unit, p.currency)]]);
    d.style(1, row, 1, 1, { role: "input", locked: false, numberFormat: NUMBER_FORMATS[r.unit] });
    d.note(0, row, help);
    d.validate(1, row, 1, { min: r.key === "currentAgeYears" ? 0.01 : 0 }, { title: label, message: help });
    d.addName(refs.name(DEVICE_NAMES[r.key]), 1, row, 1, 1, label);
  });
  const options = inputs?.scenarios ?? BLANK_OPTIONS;
  const rows = Array.from({ length: rowCount }, (_, i): PlanCell[] =>
    SCENARIO_COLUMNS.map((c) => (options[i]?.[c.key as keyof Scenario] ?? null) as PlanCell),
  );
  const { table, layout } = inputTable(
    d,
    7,
    SCENARIO_COLUMNS,
    rows,
    refs.name(TABLE_NAMES.scenarios),
    { label: "scenario", note: "scenarioNote" },
    p.currency,
  );
  d.columnWidths = [Math.max(d.columnWidths[0], 40), ...d.columnWidths.slice(1)];
  return { draft: d, table, layout };
}

interface OptionRowRefs extends RowRefs {
  option(key: keyof Scenario): string;
  param(key: ParameterKey): string;
  name(base: string): string;
}

const use = (c: OptionRowRefs) => `${c.option("annualKWh")}*${c.param("emissionFactorKgPerKWh")}`;

export const optionLabel = (lang: Language, kind: ScenarioKind): string => t(lang, `scenarioKind.${kind}`);

export function circularColumns(lang: Language): ResultColumn<OptionRowRefs>[] {
  return [
    {
      key: "kind",
      unit: "text",
      formula: (c) =>
        SCENARIO_KINDS.reduceRight((rest, k) => `IF(${c.option("kind")}=${str(k)},${str(optionLabel(lang, k))},${rest})`, c.option("kind")),
    },
    {
      key: "lifeCycleCost",
      unit: "currency",
      formula: (c) => {
        const [end, o] = [c.col("endOfPeriodFactor"), c.option];
        return `${o("upfrontCost")}+${o("annualKWh")}*${c.param("electricityPricePerKWh")}*${c.col("pvEnergy")}+${o("annualMaintenance")}*${c.col("pvMaintenance")}+${o("endOfLifeCost")}*${end}-${o("residualValue")}*${end}`;
      },
    },
    { key: "equivalentAnnualCost", unit: "currencyPerYear", formula: (c) => `${c.col("lifeCycleCost")}/${c.col("annuityFactor")}` },
    {
      key: "annualisedCo2Kg",
      unit: "kgPerYear",
      // §12.5, from the decision on, one rule for every option: extend is charged its repair parts only.
      formula: (c) => `${c.option("embodiedKgCO2e")}/${c.option("serviceYears")}+${use(c)}`,
    },
    {
      key: "co2SavingVsNew",
      unit: "share",
      formula: (c) => {
        const newCo2 = c.name(SUMMARY_NAMES.newAnnualisedCo2);
        return `IF(${newCo2}>0,1-${c.col("annualisedCo2Kg")}/${newCo2},0)`;
      },
    },
    // The lifetime view of the kept device (GPP.LIFEEXTENSION), apart and labelled: its production over its whole life.
    {
      key: "lifetimeBeforeKg",
      unit: "kgPerYear",
      formula: (c) =>
        `IF(${c.option("kind")}="extend",${c.name(DEVICE_NAMES.currentDeviceEmbodiedKgCO2e)}/${c.name(DEVICE_NAMES.currentAgeYears)}+${use(c)},"")`,
    },
    {
      key: "lifetimeAfterKg",
      unit: "kgPerYear",
      formula: (c) => {
        const [emb, years] = [c.option("embodiedKgCO2e"), c.option("serviceYears")];
        return `IF(${c.option("kind")}="extend",(${c.name(DEVICE_NAMES.currentDeviceEmbodiedKgCO2e)}+${emb})/(${c.name(DEVICE_NAMES.currentAgeYears)}+${years})+${use(c)},"")`;
      },
    },
    {
      key: "lifeExtensionSaving",
      unit: "share",
      formula: (c) => {
        const [before, after] = [c.col("lifetimeBeforeKg"), c.col("lifetimeAfterKg")];
        return `IF(${c.option("kind")}="extend",IF(${before}>0,1-${after}/${before},""),"")`;
      },
    },
    ...discountFactorColumns<OptionRowRefs>((c) => c.option("serviceYears"), {
      pvEnergy: "energyEscalation",
      pvMaintenance: "maintenanceEscalation",
    }),
  ];
}

/** The option with the lowest equivalent annual cost, and by how much. */
function circularHeadline(lang: Language, p: Parameters, refs: Refs, all: RowRefs["all"]): Headline {
  const [values, options] = [all("equivalentAnnualCost"), all("kind")];
  const count = `COUNT(${values})`;
  const fixed = (x: string, decimals = 2) => `FIXED(${x},${decimals})`;
  const [best, second] = [`MIN(${values})`, `SMALL(${values},2)`];
  const option = (v: string) => `INDEX(${options},MATCH(${v},${values},0))`;
  const unit = str(unitLabel(lang, "currencyPerYear", p.currency));
  const cost = { amount: fixed(`${second}-${best}`), share: fixed(`100*(${second}-${best})/${best}`, 1), runnerUp: option(second), unit };
  const guard = (text: string) => `IFERROR(${text},"")`;
  return {
    winner: guard(`IF(${count}=0,"",${option(best)})`),
    margin: guard(`IF(${count}<2,"",${sentence(t(lang, "summary.marginCost"), cost)})`),
    sentence: guard(
      `IF(${count}=0,"",IF(${count}=1,${sentence(t(lang, "summary.sentenceSingle"), { winner: option(best), value: fixed(best), unit })},${sentence(t(lang, "summary.sentenceCircular"), { ...cost, winner: option(best), value: fixed(best) })}))`,
    ),
    warning: `IF(N(${refs.param("electricityPricePerKWh")})<=0,${str(t(lang, "summary.noElectricityPrice"))},"")`,
  };
}

export function circularResultsSheet(
  options: InputTableLayout,
  filled: readonly Scenario[],
  p: Parameters,
  lang: Language,
  refs: Refs,
  sheetName: string,
  /** The adopted framework set's lines (fingerprint, deviations), after the set's name and version. */
  framework: readonly SummaryRow[] = [],
) {
  const kindCol = (i: number) => options.cell("kind", i);
  const filledRows = filled.length;
  return resultsSheet<OptionRowRefs>({
    kind: "circular",
    lang,
    sheetName,
    currency: p.currency,
    columns: circularColumns(lang),
    rowCount: options.rowCount,
    filledRows,
    isBlank: (i) => `OR(${kindCol(i)}="",N(${options.cell("serviceYears", i)})<=0)`,
    // The option's kind reaches the formulas as its code, whatever word the workbook shows.
    context: (i, rows) => ({
      ...rows,
      option: (key) => (key === "kind" ? codeOf(refs, "kind", kindCol(i)) : options.cell(key, i)),
      param: refs.value,
      name: refs.name,
    }),
    summary: (all) => [
      { key: "parameterSet", cell: { formula: `${refs.param("parameterSetName")}&""` }, unit: "text" },
      { key: "parameterSetVersion", cell: { formula: `${refs.param("parameterSetVersion")}&""` }, unit: "text" },
      ...framework,
      {
        key: "newAnnualisedCo2",
        // The first "buy new" option is the yardstick of the CO2 saving (evaluateScenarios).
        cell: { formula: `IFERROR(INDEX(${all("annualisedCo2Kg")},MATCH(${str(optionLabel(lang, "new"))},${all("kind")},0)),0)` },
        unit: "kgPerYear",
        name: refs.name(SUMMARY_NAMES.newAnnualisedCo2),
      },
    ],
    headline: (all) => circularHeadline(lang, p, refs, all),
    longestCategory: Math.max(0, ...SCENARIO_KINDS.map((k) => optionLabel(lang, k).length)),
    categoryKey: "kind",
    charts: [
      { titleKey: "chart.eac", type: "ColumnClustered", from: "equivalentAnnualCost", to: "equivalentAnnualCost" },
      { titleKey: "chart.annualisedCo2", type: "ColumnClustered", from: "annualisedCo2Kg", to: "annualisedCo2Kg" },
    ],
  });
}
