/**
 * Computers and monitors, imaging equipment: the Bids table and the Results formulas. Each result column
 * is the Excel counterpart of one step of evaluateComparison (src/model/evaluate.ts), keyed by the path of
 * the BidResult field it must equal.
 */
import { WEEKS_PER_YEAR } from "../engine";
import type { Language } from "../i18n";
import { type Bid, type BidKey, type ComparisonKind, type Parameters, bidFields } from "../model";
import { SheetDraft } from "./draft";
import { codeOf, oneOffFactor, pvFactor, residualShareByType, sentence, str, textWith } from "./formulas";
import { criteriaText } from "../i18n/criteria";
import { type InputColumn, type InputTableLayout, inputTable } from "./inputTable";
import { type ParameterKey, type Refs, SUMMARY_NAMES, TABLE_NAMES } from "./names";
import { YES_NO, codeWord } from "./codes";
import type { PlanCell } from "./plan";
import { type Headline, type ResultColumn, type RowRefs, type SummaryRow, discountFactorColumns, resultsSheet } from "./resultsSheet";
import { FIELD_UNITS, type UnitKey, t, unitLabel } from "./text";
import type { Criterion, CriterionId } from "../model/criteria/catalogue";
import {
  type CriteriaLayout,
  criteriaAnswerCells,
  criteriaBidColumns,
  criteriaOn,
  criteriaPass,
  commitmentReasonFormula,
  criteriaReasons,
  criteriaResultColumns,
  effectiveRequirement,
} from "./criteriaSheet";

export function bidColumns(kind: ComparisonKind): InputColumn[] {
  return bidFields(kind).map((f) => {
    const unit = f.unit ? FIELD_UNITS[f.unit] : undefined;
    // Excel's decimal rule has inclusive bounds: "above 0" becomes 0.01, as for the Parameters.
    const min = f.range ? (f.range.above ? 0.01 : 0) : unit === "years" ? 0.01 : 0;
    const max = f.range ? f.range.max : unit === "hoursPerDay" ? 24 : undefined;
    return { key: f.key, kind: f.kind, unit, options: f.options, min, max };
  });
}

const bidRow = (bid: Bid, kind: ComparisonKind, answered: readonly Criterion[], lang: Language): PlanCell[] => [
  ...bidFields(kind).map((f) => bid[f.key]),
  ...criteriaAnswerCells(answered, bid.criteria, lang),
];

/** Where the Bids columns' labels and input help are in the templates' texts ("bid.price", "bidNote.price"). */
export const BID_LABELS = { label: "bid", note: "bidNote" } as const;

/** The Bids table: its fields, then one answer column per criterion that is on (CRITERIA.md, criteriaSheet.ts). */
export function bidsSheet(
  kind: ComparisonKind,
  bids: readonly Bid[],
  rowCount: number,
  p: Parameters,
  lang: Language,
  refs: Refs,
  sheetName: string,
  answered: readonly Criterion[] = criteriaOn(p).answered,
) {
  const d = new SheetDraft("bids", sheetName, lang);
  d.write(0, 0, [[t(lang, `bids.title.${kind}`)], [t(lang, "bids.hint")]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint", wrap: true });
  const columns = [...bidColumns(kind), ...criteriaBidColumns(answered, lang)];
  const rows = Array.from({ length: rowCount }, (_, i) => (bids[i] ? bidRow(bids[i], kind, answered, lang) : columns.map(() => null)));
  const { table, layout } = inputTable(d, 3, columns, rows, refs.name(TABLE_NAMES.bids), BID_LABELS, p.currency);
  // The hint wraps across the table's width.
  d.wrapAcross(1, columns.length, t(lang, "bids.hint"));
  return { draft: d, table, layout };
}

/** What a result formula can refer to in its row. */
interface BidRowRefs extends RowRefs {
  readonly kind: ComparisonKind;
  readonly lang: Language;
  bid(key: BidKey): string;
  param(key: ParameterKey): string;
  name(base: string): string;
  /** The row's answer to a criterion with a Bids column of its own. */
  answer(id: CriterionId): string;
  /** The Criteria sheet. */
  readonly criteria: CriteriaLayout;
  /** A mini-competition: the workbook name of the framework's suppliers (Parameters sheet); absent, any supplier may be ranked. */
  readonly suppliers?: string;
}

/** TRUE when on + sleep hours leave no off hours: a colleague can type them in the Bids table (the model refuses them). */
const hoursOver24 = (c: BidRowRefs): string => `N(${c.bid("onHoursPerDay")})+N(${c.bid("sleepHoursPerDay")})>24`;

/** Energy from the mode powers; hours above 24 give #N/A (flagged in the Check column), never negative off hours. */
const computersKWh = (c: BidRowRefs): string => {
  const [on, sleep, off, days] = [c.bid("onHoursPerDay"), c.bid("sleepHoursPerDay"), c.bid("offW"), c.param("useDaysPerYear")];
  const useDayWh = `${c.bid("onW")}*${on}+${c.bid("sleepW")}*${sleep}+${off}*(24-${on}-${sleep})`;
  const fromModes = `IF(${hoursOver24(c)},NA(),((${useDayWh})*${days}+${off}*24*(365-${days}))/1000)`;
  return `IF(ISNUMBER(${c.bid("tecKWhPerYear")}),${c.bid("tecKWhPerYear")},${fromModes})`;
};

const imagingRunningCost = (c: BidRowRefs): string => {
  const [mono, colour] = [c.param("monoPagesPerYear"), c.param("colourPagesPerYear")];
  const consumables = `${mono}*${c.bid("monoCostPerPage")}+${colour}*${c.bid("colourCostPerPage")}`;
  return `(${consumables})+(${mono}+${colour})*${c.param("paperCostPerPage")}*(1-${c.param("duplexShare")}/2)+${c.bid("serviceContractPerYear")}`;
};

/** The LCC lines in engine order (LccBreakdown): adjacent columns, so the chart stacks them. */
const BREAKDOWN = [
  "acquisitionCost",
  "warrantyExtensionCost",
  "energyCost",
  "maintenanceCost",
  "consumablesCost",
  "repairCost",
  "oneOffCost",
  "endOfLifeCost",
  "residualValue",
].map((k) => `breakdown.${k}`);
const q = (c: BidRowRefs) => c.bid("quantity");

/** Wr and Sr as applied (engine effectiveCommitments): the Parameters', else the warranty / spare-parts criterion's threshold. */
const requiredWarranty = (c: BidRowRefs) => effectiveRequirement(c.criteria, c.lang, c.param("requiredWarrantyYears"), "warranty");
const requiredSpareParts = (c: BidRowRefs) => effectiveRequirement(c.criteria, c.lang, c.param("requiredSparePartsYears"), "spareParts");
/** §12.2: min(Wr, H), the warranty an offer is held to. */
const warrantyTarget = (c: BidRowRefs) => `MIN(${requiredWarranty(c)},${c.col("horizonYears")})`;
/** §12.2–§12.3: TRUE when the offer meets the warranty, resp. the spare-parts requirement (engine commitmentCompliance). */
const warrantyOk = (c: BidRowRefs) => `OR(${requiredWarranty(c)}=0,${c.col("coveredWarrantyYears")}>=${warrantyTarget(c)})`;
const sparePartsOk = (c: BidRowRefs) => `OR(${requiredSpareParts(c)}=0,N(${c.bid("sparePartsYears")})>=${requiredSpareParts(c)})`;
/** A mini-competition: TRUE when the offer's supplier (trimmed, case as typed: evaluateComparison's Set) is a framework supplier. */
const frameworkSupplierOk = (c: BidRowRefs, list: string) => `SUMPRODUCT(--EXACT(${list},TRIM(${c.bid("supplier")})))>0`;
/** The checks an offer must pass to be ranked: the commitments, the criteria's requirements and, in a mini-competition, its supplier. */
const passes = (c: BidRowRefs): string[] => [
  warrantyOk(c),
  sparePartsOk(c),
  ...criteriaPass(c, c.criteria),
  ...(c.suppliers ? [frameworkSupplierOk(c, c.suppliers)] : []),
];
/** §12.4: the compliant column says yes in the workbook's language; ranks and scores test it. */
const isCompliant = (c: BidRowRefs) => `${c.col("compliant")}=${str(t(c.lang, "compliant.yes"))}`;

/**
 * Why an offer is not ranked, in the workbook's language and in the model's words (reasonText: what the pane and
 * the explanation say): the requirement and the answer (engine ComplianceReason), then each criterion it fails
 * (CriterionReason), joined by "; ".
 */
const reasonsText = (c: BidRowRefs): string => {
  const warranty = commitmentReasonFormula(c.lang, "warranty", c.col("coveredWarrantyYears"), warrantyTarget(c));
  const spareParts = commitmentReasonFormula(c.lang, "spareParts", `N(${c.bid("sparePartsYears")})`, requiredSpareParts(c));
  const parts = [
    `IF(${warrantyOk(c)},"","; "&${warranty})`,
    `IF(${sparePartsOk(c)},"","; "&${spareParts})`,
    ...criteriaReasons(c, c.criteria),
    // The model adds an outsider's reason last (limitToSuppliers).
    ...(c.suppliers
      ? [
          `IF(${frameworkSupplierOk(c, c.suppliers)},"","; "&${textWith(criteriaText(c.lang, "reason.frameworkSupplier"), { supplier: `TRIM(${c.bid("supplier")})` })})`,
        ]
      : []),
  ];
  return `MID(${parts.join("&")},3,4000)`;
};

/** Price score by Parameters.scoringMethod (engine priceScore; equal offers under "range" get full points). */
const priceScore = (c: BidRowRefs): string => {
  const [value, best, max] = [c.col("comparisonValue"), c.name(SUMMARY_NAMES.bestValue), c.param("pricePoints")];
  const [lo, hi] = [c.name(SUMMARY_NAMES.scoreBest), c.name(SUMMARY_NAMES.scoreWorst)];
  const clamp = (share: string) => `${max}*MIN(1,MAX(0,${share}))`;
  const range = `IF(${hi}<=${lo},${max},${clamp(`(${hi}-${value})/(${hi}-${lo})`)})`;
  const relative = clamp(`IF(${c.param("scoringMethod")}="lowest",${best}/${value},1-(${value}-${best})/${best})`);
  return `IF(${value}<=0,NA(),IF(${c.param("scoringMethod")}="range",${range},${relative}))`;
};

export const COMPARISON_COLUMNS: readonly ResultColumn<BidRowRefs>[] = [
  { key: "offer", unit: "text", formula: (c) => `${c.bid("supplier")}&" – "&${c.bid("product")}` },
  { key: "check", unit: "text", kinds: ["computers"], formula: (c) => `IF(${hoursOver24(c)},${str(t(c.lang, "check.hoursOver24"))},"")` },
  {
    key: "annualKWh",
    unit: "kWhPerYear",
    formula: (c) => (c.kind === "imaging" ? `${c.bid("tecKWhPerWeek")}*${WEEKS_PER_YEAR}` : computersKWh(c)),
  },
  {
    key: "compliant",
    unit: "text",
    formula: (c) => `IF(AND(${passes(c).join(",")}),${str(t(c.lang, "compliant.yes"))},${str(t(c.lang, "compliant.no"))})`,
  },
  { key: "reasons", unit: "text", formula: reasonsText },
  {
    key: "horizonYears",
    unit: "years",
    // §12.1: H = min(L, N); a blank life is N.
    formula: (c) =>
      `MIN(IF(ISNUMBER(${c.bid("serviceLifeYears")}),${c.bid("serviceLifeYears")},${c.param("evaluationYears")}),${c.param("evaluationYears")})`,
  },
  {
    key: "coveredWarrantyYears",
    unit: "years",
    formula: (c) => {
      const w = `N(${c.bid("warrantyYears")})`;
      return `IF(AND(ISNUMBER(${c.bid("extraWarrantyYearPrice")}),${requiredWarranty(c)}>0),MAX(${w},${warrantyTarget(c)}),${w})`;
    },
  },
  {
    key: "residualValuePerUnit",
    unit: "currency",
    formula: (c) => {
      const share = residualShareByType(c.param("residualValueRule"), c.bid("deviceType"), c.bid("condition"), c.col("horizonYears"));
      return `IF(ISNUMBER(${c.bid("residualValue")}),${c.bid("residualValue")},${c.bid("price")}*${share})`;
    },
  },
  { key: "annualRunningCostPerUnit", unit: "currencyPerYear", kinds: ["imaging"], formula: imagingRunningCost },
  { key: "breakdown.acquisitionCost", unit: "currency", formula: (c) => `${q(c)}*(${c.bid("price")}+${c.bid("installation")})` },
  {
    key: "breakdown.warrantyExtensionCost",
    unit: "currency",
    formula: (c) => {
      const x = c.bid("extraWarrantyYearPrice");
      return `IF(ISNUMBER(${x}),${q(c)}*(${c.col("coveredWarrantyYears")}-N(${c.bid("warrantyYears")}))*${x},0)`;
    },
  },
  {
    key: "breakdown.energyCost",
    unit: "currency",
    formula: (c) => `${q(c)}*${c.col("annualKWh")}*${c.param("electricityPricePerKWh")}*${c.col("pvEnergy")}`,
  },
  { key: "breakdown.maintenanceCost", unit: "currency", formula: (c) => `${q(c)}*${c.bid("annualMaintenance")}*${c.col("pvMaintenance")}` },
  {
    key: "breakdown.consumablesCost",
    unit: "currency",
    kinds: ["imaging"],
    formula: (c) => `${q(c)}*${c.col("annualRunningCostPerUnit")}*${c.col("pvMaintenance")}`,
  },
  {
    key: "breakdown.repairCost",
    unit: "currency",
    formula: (c) => `${q(c)}*${c.param("outOfWarrantyRepairPerYear")}*(${c.col("pvMaintenance")}-${c.col("pvCovered")})`,
  },
  {
    key: "breakdown.oneOffCost",
    unit: "currency",
    formula: (c) => `${q(c)}*N(${c.bid("batteryReplacementCost")})*${c.col("oneOffFactor")}`,
  },
  {
    key: "breakdown.endOfLifeCost",
    unit: "currency",
    formula: (c) =>
      `${q(c)}*(${c.bid("endOfLifeCost")}+IF(${c.bid("takeBackWithDataErasure")}=${str(YES_NO.yes)},0,${c.param("dataErasureCostPerUnit")}))*${c.col("endOfPeriodFactor")}`,
  },
  {
    key: "breakdown.residualValue",
    unit: "currency",
    formula: (c) => `-${q(c)}*${c.col("residualValuePerUnit")}*${c.col("endOfPeriodFactor")}`,
  },
  {
    key: "breakdown.total",
    unit: "currency",
    formula: (c) =>
      BREAKDOWN.filter((k) => c.kind === "imaging" || k !== "breakdown.consumablesCost")
        .map((k) => c.col(k))
        .join("+"),
  },
  { key: "lccPerUnit", unit: "currency", formula: (c) => `IF(${q(c)}>0,${c.col("breakdown.total")}/${q(c)},0)` },
  {
    key: "useCo2Kg",
    unit: "kg",
    formula: (c) => `${c.col("annualKWh")}*${c.col("horizonYears")}*${c.param("emissionFactorKgPerKWh")}*${q(c)}`,
  },
  { key: "productionCo2Kg", unit: "kg", formula: (c) => `${c.bid("embodiedKgCO2e")}*${q(c)}` },
  {
    key: "productionShare",
    unit: "share",
    formula: (c) => {
      const [use, prod] = [c.col("useCo2Kg"), c.col("productionCo2Kg")];
      return `IF(${use}+${prod}>0,${prod}/(${use}+${prod}),0)`;
    },
  },
  {
    key: "annualisedFootprintKg",
    unit: "kgPerYear",
    formula: (c) => `${c.bid("embodiedKgCO2e")}/${c.col("horizonYears")}+${c.col("annualKWh")}*${c.param("emissionFactorKgPerKWh")}`,
  },
  {
    key: "externalCo2Cost",
    unit: "currency",
    formula: (c) =>
      `${q(c)}*(${c.col("annualKWh")}*${c.param("emissionFactorKgPerKWh")}/1000)*${c.param("co2PricePerTonne")}*${c.col("pvCo2")}`,
  },
  { key: "lccWithExternalities", unit: "currency", formula: (c) => `${c.col("breakdown.total")}+${c.col("externalCo2Cost")}` },
  {
    key: "awardLcc",
    unit: "currency",
    formula: (c) =>
      `IF(${c.param("includeExternalities")}=${str(YES_NO.yes)},${c.col("lccWithExternalities")},${c.col("breakdown.total")})`,
  },
  { key: "equivalentAnnualCost", unit: "currencyPerYear", formula: (c) => `${c.col("awardLcc")}/${c.col("annuityFactor")}` },
  {
    key: "comparisonValue",
    unit: "currency",
    formula: (c) => `IF(${c.name(SUMMARY_NAMES.comparesEac)},${c.col("equivalentAnnualCost")},${c.col("awardLcc")})`,
  },
  { key: "differenceToBest", unit: "currency", formula: (c) => `${c.col("comparisonValue")}-${c.name(SUMMARY_NAMES.bestValue)}` },
  {
    key: "differenceToBestShare",
    unit: "share",
    formula: (c) => `(${c.col("comparisonValue")}-${c.name(SUMMARY_NAMES.bestValue)})/${c.name(SUMMARY_NAMES.bestValue)}`,
  },
  // §12.4: a non-compliant offer keeps its figures above but gets no rank and no scores (blank), and RANK,
  // MIN and MAX skip the blanks of the ranked-value column, so best and worst come from compliant offers.
  { key: "rank", unit: "rank", formula: (c) => `IF(${isCompliant(c)},RANK(${c.col("comparisonValue")},${c.all("rankingValue")},1),"")` },
  { key: "priceScore", unit: "points", formula: (c) => `IF(${isCompliant(c)},${priceScore(c)},"")` },
  { key: "qualityPoints", unit: "points", formula: (c) => `N(${c.bid("qualityPoints")})` },
  // CRITERIA.md §3.4: Σ award points, and with the free quality points capped at the quality maximum.
  {
    key: "criteriaPoints",
    unit: "points",
    formula: (c) =>
      `IF(${isCompliant(c)},${c.criteria.on.length ? `SUM(${c.criteria.on.map((x) => c.col(`points.${x.id}`)).join(",")})` : "0"},"")`,
  },
  {
    key: "qualityTotal",
    unit: "points",
    formula: (c) => `IF(${isCompliant(c)},MIN(${c.col("criteriaPoints")}+${c.col("qualityPoints")},${c.param("qualityPoints")}),"")`,
  },
  { key: "meatScore", unit: "points", formula: (c) => `IF(${isCompliant(c)},${c.col("qualityTotal")}+${c.col("priceScore")},"")` },
  { key: "meatRank", unit: "rank", formula: (c) => `IF(${isCompliant(c)},RANK(${c.col("meatScore")},${c.all("meatScore")},0),"")` },
  { key: "rankingValue", unit: "currency", working: true, formula: (c) => `IF(${isCompliant(c)},${c.col("comparisonValue")},"")` },
  // Working factors over the bid's horizon.
  ...discountFactorColumns<BidRowRefs>((c) => c.col("horizonYears"), {
    pvEnergy: "energyEscalation",
    pvMaintenance: "maintenanceEscalation",
    pvCo2: "co2Escalation",
  }),
  {
    key: "pvCovered",
    unit: "factor",
    working: true,
    // engine outOfWarrantyFactor: the maintenance factor over the years a warranty covers, min(Wc, H).
    formula: (c) =>
      pvFactor(
        c,
        c.param("discountRate"),
        c.param("maintenanceEscalation"),
        `MIN(${c.col("coveredWarrantyYears")},${c.col("horizonYears")})`,
      ),
  },
  {
    key: "oneOffFactor",
    unit: "factor",
    working: true,
    // A battery in a year of use within H (engine oneOffCosts); none, or one beyond H, counts 0.
    formula: (c) => {
      const [cost, year] = [c.bid("batteryReplacementCost"), c.bid("batteryReplacementYear")];
      return `IF(AND(ISNUMBER(${cost}),ISNUMBER(${year})),IF(${year}<=${c.col("horizonYears")},${oneOffFactor(c, c.param("discountRate"), c.param("maintenanceEscalation"), year)},0),0)`;
    },
  },
];

/**
 * What the two charts show: the cost breakdown and the CO2 per offer, or per year when the offers are
 * compared on equivalent annual cost (costs over the annuity factor, CO2 over the years counted).
 */
function chartColumns(lang: Language, perYear: string): ResultColumn<BidRowRefs>[] {
  const costs = BREAKDOWN.filter((k) => k !== "breakdown.total").map((key): ResultColumn<BidRowRefs> => ({
    key: `chart.${key}`,
    unit: "currency",
    kinds: key === "breakdown.consumablesCost" ? ["imaging"] : undefined,
    chart: { label: t(lang, `result.${key}` as "result.breakdown.energyCost"), perYearUnit: "currencyPerYear" },
    formula: (c) => `IF(${perYear},${c.col(key)}/${c.col("annuityFactor")},${c.col(key)})`,
  }));
  const co2 = (["useCo2Kg", "productionCo2Kg"] as const).map((key): ResultColumn<BidRowRefs> => ({
    key: `chart.${key}`,
    unit: "kg",
    chart: { label: t(lang, `result.${key}`), perYearUnit: "kgPerYear" },
    formula: (c) => `IF(${perYear},${c.col(key)}/${c.col("horizonYears")},${c.col(key)})`,
  }));
  return [...costs, ...co2];
}

/**
 * The award summary from the result columns, ranked as the wizard ranks: on the MEAT total when any
 * offer has quality points, else on the value compared (LCC, or equivalent annual cost when lives differ).
 * The margin is relative to the best offer's value, as the Difference to best column.
 */
function comparisonHeadline(lang: Language, p: Parameters, refs: Refs, all: RowRefs["all"]): Headline {
  // Ranked offers only (§12.4): a non-compliant offer's ranked value and MEAT total are blank, which MIN, SMALL and COUNT skip.
  const [values, offers, meat] = [all("rankingValue"), all("offer"), all("meatScore")];
  const comparesEac = refs.name(SUMMARY_NAMES.comparesEac);
  const byMeat = `SUM(${all("qualityTotal")})>0`;
  const count = `COUNT(${values})`;
  const fixed = (x: string, decimals = 2) => `FIXED(${x},${decimals})`;
  const offer = (position: string) => `INDEX(${offers},${position})`;
  const [best, second] = [`MIN(${values})`, `SMALL(${values},2)`];
  const [top, next] = [`MAX(${meat})`, `LARGE(${meat},2)`];
  const [lccWinner, lccRunnerUp] = [offer(`MATCH(${best},${values},0)`), offer(`MATCH(${second},${values},0)`)];
  const [meatWinner, meatRunnerUp] = [offer(`MATCH(${top},${meat},0)`), offer(`MATCH(${next},${meat},0)`)];
  const unit = (u: UnitKey) => str(unitLabel(lang, u, p.currency));
  const cost = { amount: fixed(`${second}-${best}`), share: fixed(`100*(${second}-${best})/${best}`, 1), runnerUp: lccRunnerUp };
  const lcc = { ...cost, winner: lccWinner, value: fixed(best), unit: unit("currency") };
  const eac = { ...lcc, unit: unit("currencyPerYear") };
  const points = { points: fixed(`${top}-${next}`), runnerUp: meatRunnerUp };
  const meatWinnerRow = `MATCH(${top},${meat},0)`;
  const meatParts = {
    ...points,
    winner: meatWinner,
    total: fixed(top),
    quality: fixed(`INDEX(${all("qualityTotal")},${meatWinnerRow})`),
    price: fixed(`INDEX(${all("priceScore")},${meatWinnerRow})`),
  };
  const single = sentence(t(lang, "summary.sentenceSingle"), {
    winner: lccWinner,
    value: fixed(best),
    unit: `IF(${comparesEac},${unit("currencyPerYear")},${unit("currency")})`,
  });
  const guard = (text: string) => `IFERROR(${text},"")`;
  return {
    winner: guard(`IF(${count}=0,"",IF(${byMeat},${meatWinner},${lccWinner}))`),
    margin: guard(
      `IF(${count}<2,"",IF(${byMeat},${sentence(t(lang, "summary.marginPoints"), points)},${sentence(t(lang, "summary.marginCost"), { ...cost, unit: `IF(${comparesEac},${unit("currencyPerYear")},${unit("currency")})` })}))`,
    ),
    sentence: guard(
      `IF(${count}=0,"",IF(${count}=1,${single},IF(${byMeat},${sentence(t(lang, "summary.sentenceMeat"), meatParts)},IF(${comparesEac},${sentence(t(lang, "summary.sentenceEac"), eac)},${sentence(t(lang, "summary.sentenceLcc"), lcc)}))))`,
    ),
    warning: `IF(N(${refs.param("electricityPricePerKWh")})<=0,${str(t(lang, "summary.noElectricityPrice"))},"")`,
  };
}

export function comparisonResultsSheet(
  kind: ComparisonKind,
  bids: InputTableLayout,
  filled: readonly Bid[],
  p: Parameters,
  lang: Language,
  refs: Refs,
  sheetName: string,
  criteria: CriteriaLayout,
  /** The adopted framework set's lines (fingerprint, deviations), after the set's name and version. */
  framework: readonly SummaryRow[] = [],
  /** A mini-competition: the workbook name of the framework's suppliers. */
  suppliers?: string,
) {
  const enums = new Set(
    bidColumns(kind)
      .filter((c) => c.kind === "enum")
      .map((c) => c.key),
  );
  const comparesEac = refs.name(SUMMARY_NAMES.comparesEac);
  const summary = (all: RowRefs["all"]): SummaryRow[] => {
    const [best, worst] = [refs.name(SUMMARY_NAMES.bestValue), refs.name(SUMMARY_NAMES.worstValue)];
    return [
      { key: "parameterSet", cell: { formula: `${refs.param("parameterSetName")}&""` }, unit: "text" },
      { key: "parameterSetVersion", cell: { formula: `${refs.param("parameterSetVersion")}&""` }, unit: "text" },
      ...framework,
      {
        key: "comparedOn",
        cell: { formula: `IF(${comparesEac},${str(t(lang, "summary.onEac"))},${str(t(lang, "summary.onLcc"))})` },
        unit: "text",
      },
      // §12.1: EAC as soon as one horizon is shorter than the period; the ranked (compliant) offers decide,
      // as in evaluateComparison. 1 or 0, shown as the workbook's yes or no (TRUE/FALSE would show in the
      // spreadsheet's language, not the workbook's).
      {
        key: "comparesEac",
        cell: {
          formula: `IF(SUMPRODUCT((${all("compliant")}=${str(t(lang, "compliant.yes"))})*(${all("horizonYears")}<${refs.param("evaluationYears")}))>0,1,0)`,
        },
        unit: "text",
        name: comparesEac,
        numberFormat: yesNoFormat(lang),
      },
      { key: "bestValue", cell: { formula: `MIN(${all("rankingValue")})` }, unit: "currency", name: best },
      { key: "worstValue", cell: { formula: `MAX(${all("rankingValue")})` }, unit: "currency", name: worst },
      {
        key: "scoreBest",
        cell: { formula: `IF(${refs.param("rangeBestValue")}>0,${refs.param("rangeBestValue")},${best})` },
        unit: "currency",
        name: refs.name(SUMMARY_NAMES.scoreBest),
      },
      {
        key: "scoreWorst",
        cell: { formula: `IF(${refs.param("rangeWorstValue")}>0,${refs.param("rangeWorstValue")},${worst})` },
        unit: "currency",
        name: refs.name(SUMMARY_NAMES.scoreWorst),
      },
    ];
  };
  const lives = new Set(filled.map((b) => b.serviceLifeYears ?? p.evaluationYears));
  const charted = chartColumns(lang, comparesEac);
  const scored = criteriaResultColumns<BidRowRefs>(criteria, lang);
  const firstOf = (prefix: string) => charted.find((c) => c.key.startsWith(prefix) && (!c.kinds || c.kinds.includes(kind)))!.key;
  return resultsSheet<BidRowRefs>({
    kind,
    lang,
    sheetName,
    currency: p.currency,
    columns: [...COMPARISON_COLUMNS, ...scored.points, ...scored.pass, ...charted],
    rowCount: bids.rowCount,
    filledRows: filled.length,
    longestCategory: Math.max(0, ...filled.map((b) => `${b.supplier} – ${b.product}`.length)),
    isBlank: (i) => `${bids.cell("supplier", i)}=""`,
    // Coded columns and parameters reach the formulas as codes, whatever word the workbook shows.
    context: (i, rows) => ({
      ...rows,
      kind,
      lang,
      bid: (key) => (enums.has(key) ? codeOf(refs, key, bids.cell(key, i)) : bids.cell(key, i)),
      param: refs.value,
      name: refs.name,
      answer: (id) => bids.cell(id, i),
      criteria,
      ...(suppliers ? { suppliers } : {}),
    }),
    summary,
    headline: (all) => comparisonHeadline(lang, p, refs, all),
    categoryKey: "offer",
    perYear: comparesEac,
    perYearNow: lives.size > 1,
    // The points per criterion on pages of their own, after the others, a few a page to keep the scale.
    pages: [
      ...PAGES,
      ...chunks(
        scored.points.map((x) => x.key),
        POINTS_PER_PAGE,
      ),
    ],
    charts: [
      {
        titleKey: "chart.lccBreakdown",
        perYearTitleKey: "chart.lccBreakdownPerYear",
        type: "ColumnStacked",
        from: firstOf("chart.breakdown."),
        to: "chart.breakdown.residualValue",
      },
      {
        titleKey: "chart.co2",
        perYearTitleKey: "chart.co2PerYear",
        type: "ColumnStacked",
        from: "chart.useCo2Kg",
        to: "chart.productionCo2Kg",
      },
    ],
  });
}

/** Criteria points columns on one printed page: as wide as the widest other page. */
const POINTS_PER_PAGE = 7;
const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A number format showing 1 as the workbook's yes and 0 as its no. */
const yesNoFormat = (lang: Language): string => {
  const [yes, no] = [codeWord(lang, "includeExternalities", YES_NO.yes), codeWord(lang, "includeExternalities", YES_NO.no)].map(
    (w) => `"${w.replace(/"/g, "")}"`,
  );
  return `${yes};${yes};${no}`;
};

/**
 * Printed pages, each after the offer names: the award (with whether each offer complies and the value
 * compared, LCC or EAC), the costs, the CO2, then what the figures rest on (the reasons an offer is not
 * ranked, the quality total's parts, its EAC, years, energy and residual value). Four pages keep every page
 * at a legible scale (≥ 70 %) now that the commitments add cost lines; the points per criterion, when any
 * criterion is on, print on a fifth.
 */
const PAGES: readonly (readonly string[])[] = [
  [
    "compliant",
    "awardLcc",
    "comparisonValue",
    "differenceToBest",
    "differenceToBestShare",
    "rank",
    "priceScore",
    "qualityPoints",
    "qualityTotal",
    "meatScore",
    "meatRank",
  ],
  [...BREAKDOWN, "breakdown.total"],
  ["useCo2Kg", "productionCo2Kg", "productionShare", "annualisedFootprintKg", "externalCo2Cost", "lccWithExternalities"],
  // Electricity and the years counted drive the use-phase CO2 as well as the energy cost.
  [
    "check",
    "reasons",
    "criteriaPoints",
    "equivalentAnnualCost",
    "lccPerUnit",
    "horizonYears",
    "annualKWh",
    "residualValuePerUnit",
    "annualRunningCostPerUnit",
  ],
];
