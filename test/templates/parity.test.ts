/**
 * The proof: every template written as .xlsx, recalculated by LibreOffice headless, and every result cell
 * compared with the engine (evaluateComparison / evaluateScenarios): relative difference ≤ 1e-9, with an
 * absolute floor of 1e-9 for values below 1. One soffice run converts all files, CLI outputs included.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ESCALATION_SHIFT, TIMING_SHIFT, discountFactor, endOfPeriodFactor, escalationFactor, pvFactor } from "../../src/engine";
import type { Language } from "../../src/i18n";
import {
  type Bid,
  type BidResult,
  type CircularInputs,
  type ComparisonKind,
  DEFAULT_PARAMETERS,
  type Parameters,
  evaluateComparison,
  evaluateScenarios,
  parseBidsCsv,
} from "../../src/model";
import { type CellPlan, type TemplateInput, buildPlan, parameterName } from "../../src/templates";
import { HELPER_NAMES } from "../../src/templates/names";
import { optionLabel } from "../../src/templates/circular";
import { REPEAT_PREFIX } from "../../src/templates/resultsSheet";
import { t } from "../../src/templates/text";
import { planToXlsx } from "../../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters, refurbishedC4 } from "../fixtures/referenceBids";
import {
  randomCircularInputs,
  randomComputerBids,
  randomCriteriaSettings,
  randomImagingBids,
  withRandomAnswers,
} from "../fixtures/randomBids";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { checkCriteria, reasonText } from "../../src/model/criteria";
import { recalculate } from "./libreoffice";
import { frameworkSuppliers, publishParameterSet } from "../../src/model/parameterSet";
import { readParametersFile } from "../../scripts/parameters-file";

const ROOT = resolve(__dirname, "../..");
const TOLERANCE = 1e-9;
type Expected = number | string | boolean;

interface Case {
  readonly id: string;
  readonly input: TemplateInput;
}

const computersA: Parameters = {
  ...DEFAULT_PARAMETERS,
  parameterSetName: "Raamovereenkomst ICT",
  parameterSetVersion: "2026-1",
  country: "NL",
  emissionFactorKgPerKWh: 0.45,
  discountRate: 0.035,
  evaluationYears: 4.5,
  electricityPricePerKWh: 0.25,
  energyEscalation: 0.02,
  maintenanceEscalation: 0.01,
  co2PricePerTonne: 120,
  co2Escalation: 0.03,
  timing: "mid",
  escalationBase: "nist",
  includeExternalities: true,
  scoringMethod: "linear",
  residualValueRule: "none",
  useDaysPerYear: 230,
  requiredWarrantyYears: 3,
  outOfWarrantyRepairPerYear: 35,
  requiredSparePartsYears: 2,
  dataErasureCostPerUnit: 9,
};
const computersB: Parameters = {
  ...DEFAULT_PARAMETERS,
  country: "DE",
  emissionFactorKgPerKWh: 0.3, // not DE's preset: the sheet must fall back to "custom"
  discountRate: 0.05,
  evaluationYears: 6,
  electricityPricePerKWh: 0.18,
  timing: "begin",
  scoringMethod: "range",
  rangeBestValue: 20000,
  rangeWorstValue: 0,
  requiredWarrantyYears: 5,
  outOfWarrantyRepairPerYear: 20,
};
const imaging: Parameters = {
  ...DEFAULT_PARAMETERS,
  country: "FR",
  emissionFactorKgPerKWh: 0.098,
  evaluationYears: 6,
  electricityPricePerKWh: 0.22,
  energyEscalation: 0.015,
  maintenanceEscalation: 0.02,
  monoPagesPerYear: 20000,
  colourPagesPerYear: 5000,
  paperCostPerPage: 0.016,
  duplexShare: 0.4,
  requiredWarrantyYears: 2,
  outOfWarrantyRepairPerYear: 60,
  dataErasureCostPerUnit: 15,
};
const circular: Parameters = { ...DEFAULT_PARAMETERS, ...referenceParameters, timing: "mid", escalationBase: "nist" };
const CIRCULAR_EXAMPLE = JSON.parse(readFileSync(join(ROOT, "examples/circular.json"), "utf8")) as CircularInputs;

/** LCC-METHOD §12.7: the reference bids with the circular commitments of cases C1–C6. */
const REFERENCE_12_7: readonly Case[] = [
  {
    id: "c1",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, requiredWarrantyYears: 5 },
      bids: [
        { ...bidA, warrantyYears: 3, extraWarrantyYearPrice: 25 },
        { ...bidB, warrantyYears: 5, batteryReplacementCost: 90, batteryReplacementYear: 4 },
      ],
    },
  },
  {
    id: "c2",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, outOfWarrantyRepairPerYear: 40 },
      bids: [
        { ...bidA, warrantyYears: 3 },
        { ...bidB, warrantyYears: 5, batteryReplacementCost: 90, batteryReplacementYear: 4 },
      ],
    },
  },
  {
    id: "c3",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, requiredWarrantyYears: 5, requiredSparePartsYears: 4 },
      bids: [
        { ...bidA, warrantyYears: 3, sparePartsYears: 2 },
        { ...bidB, warrantyYears: 5, sparePartsYears: 5 },
      ],
    },
  },
  {
    id: "c4-c5",
    input: {
      template: "computers",
      parameters: referenceParameters,
      bids: [bidA, refurbishedC4, { ...bidA, supplier: "Supplier L", serviceLifeYears: 8 }],
    },
  },
  {
    id: "c6",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, dataErasureCostPerUnit: 12 },
      bids: [
        bidA,
        { ...bidB, takeBackWithDataErasure: "yes" },
        { ...bidB, supplier: "Supplier N", residualValue: null, deviceType: "desktop", takeBackWithDataErasure: "no" },
      ],
    },
  },
].map((c) => ({ ...c, id: `computers-12.7-${c.id}` }) as Case);

/** Seeded offers with every commitment field, under every timing and escalation base. */
const CONVENTIONS: readonly Case[] = (["end", "begin", "mid"] as const).flatMap((timing, i) =>
  (["flat", "nist"] as const).map((escalationBase, j) => ({
    id: `computers-commitments-${timing}-${escalationBase}`,
    input: {
      template: "computers",
      parameters: {
        ...computersA,
        timing,
        escalationBase,
        includeExternalities: j === 0,
        scoringMethod: (["lowest", "linear", "range"] as const)[i],
        requiredWarrantyYears: 2 + i + j,
        requiredSparePartsYears: j * 3,
      },
      bids: randomComputerBids(25, 100 + 10 * i + j, true, true),
      language: (["en", "nl", "fr"] as const)[i],
    },
  })),
);

/** Seeded offers (refurbished and not, every device type) with random answers under random criteria settings. */
const CRITERIA_CASES: readonly Case[] = [
  ...(["en", "nl", "fr"] as const).map(
    (language) =>
      ({
        id: `computers-criteria-P-T-${language}`,
        input: { template: "computers", parameters: { ...referenceParameters, criteria: SECTION_4 }, bids: [...SECTION_4_BIDS], language },
      }) as Case,
  ),
  ...[11, 12, 13].map(
    (seed, i) =>
      ({
        id: `computers-criteria-random-${seed}`,
        input: {
          template: "computers",
          parameters: { ...computersA, qualityPoints: [60, 30, 45][i], criteria: randomCriteriaSettings(seed) },
          bids: withRandomAnswers(randomComputerBids(30, 300 + seed, true, true), seed),
          language: (["en", "nl", "fr"] as const)[i],
        },
      }) as Case,
  ),
  {
    id: "imaging-criteria-random",
    input: {
      template: "imaging",
      parameters: { ...imaging, criteria: randomCriteriaSettings(21) },
      bids: withRandomAnswers(randomImagingBids(30, 21, true), 21),
    },
  },
];

/**
 * Mini-competitions (issue 11 §5): the framework's suppliers listed, an offer of another supplier not compliant with
 * the model's reason. The reference offers with a cheaper outsider (who would win if ranked); CRITERIA.md §4 with
 * two suppliers left out, one of which also fails a requirement (two reasons, the supplier's last); seeded offers,
 * every other supplier out, one framework supplier typed with spaces around its name (trimmed, as the model does).
 */
const MINI_CASES: readonly Case[] = [
  {
    id: "computers-mini-reference-nl",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, parameterSetName: "Raamovereenkomst ICT", parameterSetVersion: "2026-1" },
      bids: [bidA, bidB, { ...bidA, supplier: "Supplier X", product: "Notebook X", price: 600 }],
      language: "nl",
      miniCompetition: { suppliers: ["Supplier A", "Supplier B"] },
    },
  },
  {
    id: "computers-mini-criteria-fr",
    input: {
      template: "computers",
      parameters: { ...referenceParameters, criteria: SECTION_4 },
      bids: [...SECTION_4_BIDS],
      language: "fr",
      miniCompetition: { suppliers: SECTION_4_BIDS.map((b) => b.supplier).filter((_, i) => i !== 1 && i !== 3) },
    },
  },
  {
    id: "computers-mini-random-30",
    input: {
      template: "computers",
      parameters: computersA,
      bids: randomComputerBids(30, 515, true, true).map((b, i) => (i === 4 ? { ...b, supplier: `  ${b.supplier} ` } : b)),
      miniCompetition: { suppliers: Array.from({ length: 15 }, (_, i) => `Supplier ${2 * i + 1}`) },
    },
  },
];

const CASES: readonly Case[] = [
  ...CRITERIA_CASES,
  ...MINI_CASES,
  { id: "computers-reference", input: { template: "computers", parameters: referenceParameters, bids: [bidA, bidB] } },
  ...REFERENCE_12_7,
  ...CONVENTIONS,
  {
    id: "computers-random-200",
    input: { template: "computers", parameters: computersA, bids: randomComputerBids(200, 20260101, true, true), language: "nl" },
  },
  {
    id: "computers-random-40-range",
    input: { template: "computers", parameters: computersB, bids: randomComputerBids(40, 7, false, true), language: "fr" },
  },
  { id: "imaging-random-200", input: { template: "imaging", parameters: imaging, bids: randomImagingBids(200, 42, true) } },
  { id: "circular-example", input: { template: "circular", parameters: referenceParameters, circular: CIRCULAR_EXAMPLE } },
  {
    id: "circular-random-30",
    input: { template: "circular", parameters: circular, circular: randomCircularInputs(30, 99), language: "nl" },
  },
];

/** A colleague typed 16 on + 10 sleep hours into the Bids table (the wizard and CLI refuse it; the sheet must flag it). */
const HOURS_CASE: Case = {
  id: "computers-hours-over-24",
  input: {
    template: "computers",
    parameters: referenceParameters,
    bids: [
      bidA,
      { ...bidB, tecKWhPerYear: null, onW: 20, onHoursPerDay: 16, sleepW: 2, sleepHoursPerDay: 10, offW: 1 },
      { ...bidA, onHoursPerDay: 20, sleepHoursPerDay: 8 },
    ],
  },
};

const INJECTION_CSV = [
  "Supplier;Product;Device type;Quantity;Price;TEC kWh per year",
  '"=HYPERLINK(""http://example.org"",""x"")";@SUM(1+1);notebook;10;700;25',
  "+cmd;-2+3;desktop;5;900,50;60",
].join("\n");

/** CLI runs, end to end, with the bids they were given (parsed the same way for the oracle). */
const CLI_RUNS: readonly { id: string; csv: string; parameters: string | undefined; miniCompetition?: true }[] = [
  { id: "cli-examples", csv: readFileSync(join(ROOT, "examples/bids.csv"), "utf8"), parameters: join(ROOT, "examples/parameters.json") },
  { id: "cli-injection", csv: INJECTION_CSV, parameters: undefined },
  {
    id: "cli-criteria",
    csv: readFileSync(join(ROOT, "examples/bids-criteria.csv"), "utf8"),
    parameters: join(ROOT, "examples/parameters-criteria.json"),
  },
  // examples/bids.csv under a set whose awarded offers are A's and B's: C and D are outsiders (--parameters is written in beforeAll).
  { id: "cli-mini", csv: readFileSync(join(ROOT, "examples/bids.csv"), "utf8"), parameters: undefined, miniCompetition: true },
];

const work = mkdtempSync(join(tmpdir(), "lcc-templates-"));
const converted = new Map<string, string>();
const inputs = new Map<string, TemplateInput>();
const parity: Record<string, { template: string; cells: number; maxRelativeDifference: number }> = {};

beforeAll(async () => {
  const files: string[] = [];
  for (const c of CASES) {
    const file = join(work, `${c.id}.xlsx`);
    writeFileSync(file, await planToXlsx(buildPlan(c.input)));
    files.push(file);
    inputs.set(c.id, c.input);
  }
  const hours = join(work, `${HOURS_CASE.id}.xlsx`);
  writeFileSync(hours, await planToXlsx(buildPlan(HOURS_CASE.input)));
  files.push(hours);
  inputs.set(HOURS_CASE.id, HOURS_CASE.input);
  for (const run of CLI_RUNS) {
    const setFile = join(work, `${run.id}-set.json`);
    if (run.miniCompetition) {
      const set = await publishParameterSet(
        (await readParametersFile(join(ROOT, "examples/parameters.json"), "en")).parameters,
        { name: "ICT framework 2027", version: "1.0", date: "2026-12-03", publisher: "Central purchasing body", local: [] },
        { kind: "computers", bids: [bidA, bidB] },
      );
      writeFileSync(setFile, JSON.stringify(set));
    }
    const parametersFile = run.miniCompetition ? setFile : run.parameters;
    const csv = join(work, `${run.id}.csv`);
    writeFileSync(csv, run.csv);
    const file = join(work, `${run.id}.xlsx`);
    const args = [
      "tsx",
      "scripts/template-cli.ts",
      "computers",
      "--bids",
      csv,
      "--out",
      file,
      ...(parametersFile ? ["--parameters", parametersFile] : []),
      ...(run.miniCompetition ? ["--mini-competition"] : []),
    ];
    const cli = spawnSync("npx", args, { cwd: ROOT, encoding: "utf8" });
    if (cli.status !== 0) throw new Error(`template CLI failed: ${cli.stderr}`);
    // The oracle reads --parameters as the CLI does: plain parameters, or a published set (with its suppliers).
    const { parameters: p, set } = await readParametersFile(parametersFile, "en");
    const { bids, errors } = parseBidsCsv(run.csv, "computers");
    expect(errors).toEqual([]);
    inputs.set(run.id, {
      template: "computers",
      parameters: p,
      bids,
      ...(run.miniCompetition && set ? { framework: set, miniCompetition: { suppliers: frameworkSuppliers(set) } } : {}),
    });
    files.push(file);
  }
  const out = join(work, "recalculated");
  mkdirSync(out);
  recalculate(files, out).forEach((f, i) => converted.set([...inputs.keys()][i], f));
});

afterAll(() => {
  const byTemplate: Record<string, { cells: number; maxRelativeDifference: number }> = {};
  for (const r of Object.values(parity)) {
    const agg = (byTemplate[r.template] ??= { cells: 0, maxRelativeDifference: 0 });
    agg.cells += r.cells;
    agg.maxRelativeDifference = Math.max(agg.maxRelativeDifference, r.maxRelativeDifference);
  }
  const summary = { tolerance: TOLERANCE, byTemplate, byFile: parity };
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
  writeFileSync(join(ROOT, "test-artifacts/template-parity.json"), JSON.stringify(summary, null, 2));
  console.log(`Template parity (LibreOffice vs engine):\n${JSON.stringify(byTemplate, null, 2)}`);
});

/** Compares cells and records the figures; mismatches are listed, not thrown one by one. */
class Comparer {
  cells = 0;
  maxRelative = 0;
  readonly mismatches: string[] = [];
  check(where: string, actual: ExcelJS.CellValue | undefined, expected: Expected): void {
    this.cells++;
    const value = actual === undefined || actual === null ? "" : actual;
    if (typeof expected === "number") {
      if (typeof value !== "number") {
        this.mismatches.push(`${where}: ${JSON.stringify(value)} ≠ ${expected}`);
        return;
      }
      const relative = Math.abs(value - expected) / Math.max(Math.abs(expected), 1);
      this.maxRelative = Math.max(this.maxRelative, relative);
      if (relative > TOLERANCE) this.mismatches.push(`${where}: ${value} ≠ ${expected} (relative ${relative})`);
    } else if (value !== expected) this.mismatches.push(`${where}: ${JSON.stringify(value)} ≠ ${JSON.stringify(expected)}`);
  }
  record(id: string, template: string): void {
    parity[id] = { template, cells: this.cells, maxRelativeDifference: this.maxRelative };
    expect(this.mismatches.slice(0, 20)).toEqual([]);
  }
}

async function open(id: string): Promise<{ wb: ExcelJS.Workbook; plan: CellPlan; input: TemplateInput }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(converted.get(id)!);
  const input = inputs.get(id)!;
  return { wb, plan: buildPlan(input), input };
}

const sheetOf = (wb: ExcelJS.Workbook, plan: CellPlan, key: string) => wb.getWorksheet(plan.sheets.find((s) => s.key === key)!.name)!;

/** The Parameters and helper formulas: the country's emission factor and the two shifts. */
function checkParameterFormulas(c: Comparer, wb: ExcelJS.Workbook, plan: CellPlan, p: Parameters): void {
  const at = (name: string) => {
    const n = plan.names.find((x) => x.name === name)!;
    return sheetOf(wb, plan, n.sheet).getCell(n.range).result as ExcelJS.CellValue;
  };
  c.check("emission factor", at(parameterName("emissionFactorKgPerKWh")), p.emissionFactorKgPerKWh);
  c.check("timing shift", at(HELPER_NAMES.timingShift), TIMING_SHIFT[p.timing]);
  c.check("escalation shift", at(HELPER_NAMES.escalationShift), ESCALATION_SHIFT[p.escalationBase]);
}

/** The Reasons cell: the model's reasons in its own words (reasonText, what the pane and the explanation say), joined by "; ". */
const reasonsText = (r: BidResult, lang: Language): string => r.reasons.map((x) => reasonText(lang, x)).join("; ");

function expectedBidCell(key: string, bid: Bid, r: BidResult, p: Parameters, comparesEac: boolean, lang: Language): Expected {
  const settings = { discountRate: p.discountRate, timing: p.timing, escalationBase: p.escalationBase };
  const n = r.horizonYears;
  const battery =
    bid.batteryReplacementCost !== null && bid.batteryReplacementYear !== null && bid.batteryReplacementYear <= n
      ? bid.batteryReplacementYear
      : null;
  const working: Record<string, () => number> = {
    pvEnergy: () => pvFactor(settings, n, p.energyEscalation),
    pvMaintenance: () => pvFactor(settings, n, p.maintenanceEscalation),
    pvCo2: () => pvFactor(settings, n, p.co2Escalation),
    annuityFactor: () => pvFactor({ discountRate: p.discountRate, timing: p.timing }, n),
    endOfPeriodFactor: () => endOfPeriodFactor(p.discountRate, n),
    pvCovered: () => pvFactor(settings, Math.min(r.coveredWarrantyYears, n), p.maintenanceEscalation),
    oneOffFactor: () =>
      battery === null
        ? 0
        : escalationFactor(p.maintenanceEscalation, battery, p.escalationBase) * discountFactor(p.discountRate, battery, p.timing),
  };
  if (key === "offer" || key.startsWith(REPEAT_PREFIX)) return `${bid.supplier} – ${bid.product}`;
  if (key.startsWith("chart.")) {
    // What the charts show: per year when the offers are compared on equivalent annual cost.
    const part = key.slice("chart.".length);
    const value = part.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r) as number;
    if (!comparesEac) return value;
    return part.startsWith("breakdown.") ? value / pvFactor({ discountRate: p.discountRate, timing: p.timing }, n) : value / n;
  }
  if (key === "check") return ""; // valid offers: nothing to flag
  if (key === "compliant") return t(lang, r.compliant ? "compliant.yes" : "compliant.no");
  if (key === "reasons") return reasonsText(r, lang);
  // CRITERIA.md §3: points of an award criterion (blank for another role); whether a requirement passes.
  if (key.startsWith("points.")) {
    const s = r.criteria.find((x) => x.id === key.slice("points.".length));
    return s?.role === "award" ? (s.points as number) : "";
  }
  if (key.startsWith("pass.")) {
    const s = r.criteria.find((x) => x.id === key.slice("pass.".length));
    return s?.role === "requirement" ? (s.passed as boolean) : true;
  }
  // §12.4: no rank and no scores for an offer that fails a requirement.
  if (!r.compliant && ["rank", "priceScore", "criteriaPoints", "qualityTotal", "meatScore", "meatRank", "rankingValue"].includes(key))
    return "";
  if (key === "rankingValue") return r.comparisonValue;
  if (key in working) return working[key]();
  const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r);
  if (typeof value !== "number") throw new Error(`no engine figure for result column ${key}`);
  return value;
}

/** LibreOffice's FIXED in the test profile's en-US locale. */
const fixed = (x: number, decimals = 2) => x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** The first row holding the k-th smallest value, as MATCH(SMALL(range,k),range,0) finds it. */
/** The position of the k-th best value; NaN (an offer that is not ranked) is never among them, as MIN, SMALL and MATCH skip blanks. */
const nth = (values: readonly number[], k: number, order: 1 | -1) =>
  values.indexOf(values.filter((v) => !Number.isNaN(v)).sort((a, b) => order * (a - b))[k - 1]);

/** The award summary the Results sheet must show: winner, margin and sentence, ranked as the wizard ranks. */
function comparisonHeadline(
  lang: Language,
  p: Parameters,
  bids: readonly Bid[],
  results: readonly BidResult[],
  comparesEac: boolean,
): Record<string, Expected> {
  const name = (i: number) => `${bids[i].supplier} – ${bids[i].product}`;
  // Ranked (compliant) offers only, §12.4.
  const values = results.map((r) => (r.compliant ? r.comparisonValue : NaN));
  const warning = p.electricityPricePerKWh > 0 ? "" : t(lang, "summary.noElectricityPrice");
  const unit = t(lang, comparesEac ? "unit.currencyPerYear" : "unit.currency", { cur: p.currency });
  const [w, r] = [nth(values, 1, 1), nth(values, 2, 1)];
  const ranked = results.filter((x) => x.compliant).length;
  const byMeat = results.some((x) => x.qualityTotal > 0);
  if (ranked === 0) return { winner: "", margin: "", sentence: "", warning };
  if (ranked === 1) {
    const meatWinner = nth(
      results.map((x) => x.meatScore),
      1,
      -1,
    );
    return {
      winner: name(byMeat ? meatWinner : w),
      margin: "",
      sentence: t(lang, "summary.sentenceSingle", { winner: name(w), value: fixed(values[w]), unit }),
      warning,
    };
  }
  if (byMeat) {
    const meat = results.map((x) => x.meatScore);
    const [mw, mr] = [nth(meat, 1, -1), nth(meat, 2, -1)];
    const points = { points: fixed(meat[mw] - meat[mr]), runnerUp: name(mr) };
    return {
      winner: name(mw),
      margin: t(lang, "summary.marginPoints", points),
      sentence: t(lang, "summary.sentenceMeat", {
        ...points,
        winner: name(mw),
        total: fixed(meat[mw]),
        quality: fixed(results[mw].qualityTotal),
        price: fixed(results[mw].priceScore),
      }),
      warning,
    };
  }
  const cost = {
    amount: fixed(values[r] - values[w]),
    share: fixed((100 * (values[r] - values[w])) / values[w], 1),
    runnerUp: name(r),
    unit,
  };
  return {
    winner: name(w),
    margin: t(lang, "summary.marginCost", cost),
    sentence: t(lang, comparesEac ? "summary.sentenceEac" : "summary.sentenceLcc", { ...cost, winner: name(w), value: fixed(values[w]) }),
    warning,
  };
}

function circularHeadline(lang: Language, p: Parameters, options: readonly { name: string; value: number }[]): Record<string, Expected> {
  const values = options.map((o) => o.value);
  const [w, r] = [nth(values, 1, 1), nth(values, 2, 1)];
  const unit = t(lang, "unit.currencyPerYear", { cur: p.currency });
  const cost = {
    amount: fixed(values[r] - values[w]),
    share: fixed((100 * (values[r] - values[w])) / values[w], 1),
    runnerUp: options[r].name,
    unit,
  };
  return {
    winner: options[w].name,
    margin: t(lang, "summary.marginCost", cost),
    sentence: t(lang, "summary.sentenceCircular", { ...cost, winner: options[w].name, value: fixed(values[w]) }),
    warning: p.electricityPricePerKWh > 0 ? "" : t(lang, "summary.noElectricityPrice"),
  };
}

async function compareComparison(id: string): Promise<void> {
  const { wb, plan, input } = await open(id);
  const p = input.parameters!;
  const bids = input.bids!;
  const lang: Language = input.language ?? "en";
  // A mini-competition's workbook against the model given the same suppliers (the pane's evaluation).
  const result = evaluateComparison(p, bids, input.template as ComparisonKind, input.miniCompetition ?? {});
  if (!result.ok) throw new Error(`engine refused ${id}: ${JSON.stringify(result.error)}`);
  const ws = sheetOf(wb, plan, "results");
  const c = new Comparer();
  for (let i = 0; i < plan.results.rowCount; i++) {
    for (const { key, column } of plan.results.columns) {
      const address = `${column}${plan.results.firstRow + i}`;
      c.check(
        `${id} ${address} ${key}`,
        ws.getCell(address).result,
        i < bids.length ? expectedBidCell(key, bids[i], result.value.bids[i], p, result.value.comparesEac, lang) : "",
      );
    }
  }
  const values = result.value.bids.filter((b) => b.compliant).map((b) => b.comparisonValue);
  const best = result.value.bestValue;
  const worst = values.length ? Math.max(...values) : 0;
  const summary: Record<string, Expected> = {
    parameterSet: p.parameterSetName,
    parameterSetVersion: p.parameterSetVersion,
    comparedOn: t(lang, result.value.comparesEac ? "summary.onEac" : "summary.onLcc"),
    comparesEac: result.value.comparesEac ? 1 : 0,
    // A set adopted (the CLI's mini-competition): its fingerprint, and no deviation since its values are the ones used.
    ...(input.framework
      ? { parameterSetFingerprint: input.framework.fingerprint, frameworkDeviations: t(lang, "framework.unchanged") }
      : {}),
    ...comparisonHeadline(lang, p, bids, result.value.bids, result.value.comparesEac),
    bestValue: best,
    worstValue: worst,
    scoreBest: p.rangeBestValue > 0 ? p.rangeBestValue : best,
    scoreWorst: p.rangeWorstValue > 0 ? p.rangeWorstValue : worst,
  };
  for (const s of plan.results.summary) c.check(`${id} ${s.address} ${s.key}`, ws.getCell(s.address).result, summary[s.key]);
  checkParameterFormulas(c, wb, plan, p);
  c.record(id, input.template);
}

async function compareCircular(id: string): Promise<void> {
  const { wb, plan, input } = await open(id);
  const p = input.parameters!;
  const lang: Language = input.language ?? "en";
  const scenarios = input.circular!.scenarios;
  const results = evaluateScenarios(p, input.circular!);
  const ws = sheetOf(wb, plan, "results");
  const c = new Comparer();
  const settings = { discountRate: p.discountRate, timing: p.timing, escalationBase: p.escalationBase };
  for (let i = 0; i < plan.results.rowCount; i++) {
    const s = scenarios[i];
    const r = results[i];
    for (const { key, column } of plan.results.columns) {
      const address = `${column}${plan.results.firstRow + i}`;
      const expected: Record<string, () => Expected> = {
        kind: () => optionLabel(lang, r.kind),
        lifeCycleCost: () => r.lifeCycleCost,
        equivalentAnnualCost: () => r.equivalentAnnualCost,
        annualisedCo2Kg: () => r.annualisedCo2Kg,
        co2SavingVsNew: () => r.co2SavingVsNew,
        lifeExtensionSaving: () => r.lifeExtensionSaving ?? "",
        lifetimeBeforeKg: () => r.lifetimeView?.beforeKgPerYear ?? "",
        lifetimeAfterKg: () => r.lifetimeView?.afterKgPerYear ?? "",
        pvEnergy: () => pvFactor(settings, s.serviceYears, p.energyEscalation),
        pvMaintenance: () => pvFactor(settings, s.serviceYears, p.maintenanceEscalation),
        annuityFactor: () => pvFactor({ discountRate: p.discountRate, timing: p.timing }, s.serviceYears),
        endOfPeriodFactor: () => endOfPeriodFactor(p.discountRate, s.serviceYears),
      };
      if (!expected[key]) throw new Error(`no engine figure for circular column ${key}`);
      c.check(`${id} ${address} ${key}`, ws.getCell(address).result, s ? expected[key]() : "");
    }
  }
  const firstNew = results.find((r) => r.kind === "new");
  const summary: Record<string, Expected> = {
    parameterSet: p.parameterSetName,
    parameterSetVersion: p.parameterSetVersion,
    newAnnualisedCo2: firstNew ? firstNew.annualisedCo2Kg : 0,
    ...circularHeadline(
      lang,
      p,
      results.map((r) => ({ name: optionLabel(lang, r.kind), value: r.equivalentAnnualCost })),
    ),
  };
  for (const s of plan.results.summary) c.check(`${id} ${s.address} ${s.key}`, ws.getCell(s.address).result, summary[s.key]);
  checkParameterFormulas(c, wb, plan, p);
  c.record(id, "circular");
}

describe("templates recalculated by LibreOffice equal the engine", () => {
  it.each(CASES.filter((c) => c.input.template !== "circular").map((c) => c.id))("%s", (id) => compareComparison(id));
  it.each(CASES.filter((c) => c.input.template === "circular").map((c) => c.id))("%s", (id) => compareCircular(id));
  it("the CLI's workbook from examples/bids.csv", () => compareComparison("cli-examples"));
  it("the CLI's workbook from examples/bids-criteria.csv with the criteria of examples/parameters-criteria.json (README's table)", async () => {
    await compareComparison("cli-criteria");
    const { wb, plan } = await open("cli-criteria");
    const column = (key: string) => plan.results.columns.find((c) => c.key === key)!.column;
    const at = (key: string, row: number) =>
      sheetOf(wb, plan, "results").getCell(`${column(key)}${plan.results.firstRow + row}`).result ?? "";
    const round = (x: unknown) => (typeof x === "number" ? Math.round(x * 1e4) / 1e4 : x);
    expect([0, 1, 2, 3, 4].map((i) => round(at("meatScore", i)))).toEqual([66.2541, 76.1583, 78, "", 65.1051]);
    expect(at("reasons", 3)).toBe("Spare parts: 3 years, the tender asks at least 5");
  });
  it("a mini-competition: the outsider is not compliant with the model's reason (nl), A and B are ranked as without it", async () => {
    await compareComparison("computers-mini-reference-nl");
    const { wb, plan } = await open("computers-mini-reference-nl");
    const at = (key: string, row: number) =>
      sheetOf(wb, plan, "results").getCell(`${plan.results.columns.find((c) => c.key === key)!.column}${plan.results.firstRow + row}`)
        .result ?? "";
    expect([0, 1, 2].map((i) => at("compliant", i))).toEqual(["ja", "ja", "nee"]);
    expect(at("reasons", 2)).toBe(
      "geen leverancier van de raamovereenkomst (Supplier X): een minicompetitie staat alleen open voor de leveranciers van de raamovereenkomst",
    );
    expect(at("reasons", 2)).toBe(reasonText("nl", { requirement: "frameworkSupplier", supplier: "Supplier X" }));
    // The cheaper outsider would rank first; without it A and B rank as in REFERENCE-CASES.md.
    expect([0, 1, 2].map((i) => at("rank", i))).toEqual([2, 1, ""]);
    const alone = evaluateComparison(referenceParameters, [bidA, bidB], "computers");
    if (!alone.ok) throw new Error("the reference offers do not evaluate");
    // The price scores as without the outsider (LibreOffice's last digits may differ: 1e-9 as the parity above).
    alone.value.bids.forEach((b, i) => expect(at("priceScore", i) as number).toBeCloseTo(b.priceScore, 9));
    expect(alone.value.bids.map((b) => b.rank)).toEqual([2, 1]);
    // The Parameters sheet lists the framework's suppliers under a title in the workbook's language.
    const list = plan.names.find((n) => n.name === "LCC_FrameworkSuppliers")!;
    const parameters = sheetOf(wb, plan, "parameters");
    const [from, to] = list.range.split(":").map((a) => parameters.getCell(a));
    expect([from.value, to.value]).toEqual(["Supplier A", "Supplier B"]);
    expect(parameters.getCell(`A${Number(from.row) - 2}`).value).toBe("Minicompetitie: de leveranciers van de raamovereenkomst");
    expect(parameters.getCell(`B${Number(from.row) - 1}`).value).toBe("Raamovereenkomst ICT, versie 2026-1");
  });
  it("the CLI's mini-competition under a set with A's and B's offers: C and D not ranked", async () => {
    await compareComparison("cli-mini");
    const { wb, plan } = await open("cli-mini");
    const column = plan.results.columns.find((c) => c.key === "reasons")!.column;
    const at = (row: number) => sheetOf(wb, plan, "results").getCell(`${column}${plan.results.firstRow + row}`).result ?? "";
    expect(at(2)).toBe("not a framework supplier (Supplier C): a mini-competition is limited to the framework's suppliers");
    expect(at(3)).toBe("not a framework supplier (Supplier D): a mini-competition is limited to the framework's suppliers");
    expect([at(0), at(1)]).toEqual(["", ""]);
  });
  it("§12.7: C1 flips the ranking to A, C3 leaves A without rank or score with its reason, in the workbook's own formulas", async () => {
    const cell = async (id: string, key: string, row: number) => {
      const { wb, plan } = await open(id);
      const column = plan.results.columns.find((c) => c.key === key)!.column;
      return sheetOf(wb, plan, "results").getCell(`${column}${plan.results.firstRow + row}`).result ?? "";
    };
    expect(await cell("computers-12.7-c1", "rank", 0)).toBe(1);
    expect(Math.round(((await cell("computers-12.7-c1", "breakdown.total", 0)) as number) * 100) / 100).toBe(85193.71);
    expect(Math.round(((await cell("computers-12.7-c1", "breakdown.warrantyExtensionCost", 0)) as number) * 100) / 100).toBe(5000);
    expect(Math.round(((await cell("computers-12.7-c1", "breakdown.oneOffCost", 1)) as number) * 100) / 100).toBe(8164.13);
    expect(await cell("computers-12.7-c3", "rank", 0)).toBe("");
    expect(await cell("computers-12.7-c3", "reasons", 0)).toBe(
      "Warranty: 3 years, the tender asks at least 5; Spare parts: 2 years, the tender asks at least 4",
    );
    expect(await cell("computers-12.7-c3", "rank", 1)).toBe(1);
  });
  it("CRITERIA.md §4 in the workbook's own formulas: quality totals 42.7143, 54, 38, 40; S out with the model's reason in nl", async () => {
    const cell = async (id: string, key: string, row: number) => {
      const { wb, plan } = await open(id);
      const column = plan.results.columns.find((c) => c.key === key)!.column;
      return sheetOf(wb, plan, "results").getCell(`${column}${plan.results.firstRow + row}`).result ?? "";
    };
    const totals = await Promise.all([0, 1, 2, 3, 4].map((row) => cell("computers-criteria-P-T-nl", "qualityTotal", row)));
    expect(totals.map((x) => (typeof x === "number" ? Math.round(x * 1e4) / 1e4 : x))).toEqual([42.7143, 54, 38, "", 40]);
    expect(await cell("computers-criteria-P-T-nl", "compliant", 3)).toBe(t("nl", "compliant.no"));
    // S's reason reads as the model words it (the pane, the explanation): one source, the criteria table.
    const model = evaluateComparison({ ...referenceParameters, criteria: SECTION_4 }, [...SECTION_4_BIDS], "computers");
    if (!model.ok) throw new Error("CRITERIA.md §4 does not evaluate");
    const s = model.value.bids[3];
    expect([s.compliant, s.reasons.map((x) => reasonText("nl", x))]).toEqual([
      false,
      ["Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5"],
    ]);
    expect(await cell("computers-criteria-P-T-nl", "reasons", 3)).toBe(reasonText("nl", s.reasons[0]));
    expect(await cell("computers-criteria-P-T-nl", "rank", 3)).toBe("");
    expect(await cell("computers-criteria-P-T-en", "points.batteryCycles", 4)).toBe(6);
  });
  it("the random criteria settings are valid ones, and both sides of every role occur", () => {
    const all = CRITERIA_CASES.flatMap((c) => {
      expect(checkCriteria(c.input.parameters!.criteria, c.input.parameters).ok).toBe(true);
      const r = evaluateComparison(c.input.parameters!, c.input.bids!, c.input.template as ComparisonKind);
      return r.ok ? r.value.bids : [];
    });
    expect(all.filter((b) => !b.compliant).length).toBeGreaterThan(5);
    expect(all.filter((b) => b.compliant).length).toBeGreaterThan(20);
    expect(all.filter((b) => b.reasons.some((x) => x.requirement === "criterion")).length).toBeGreaterThan(5);
    expect(all.filter((b) => b.criteria.some((x) => !x.applicable)).length).toBeGreaterThan(5);
  });
  it("the CLI keeps formula-looking CSV text as text", async () => {
    await compareComparison("cli-injection");
    const zip = await JSZip.loadAsync(readFileSync(join(work, "cli-injection.xlsx")));
    const bidsXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(bidsXml).not.toContain("<f>");
    const { wb, plan } = await open("cli-injection");
    const supplier = sheetOf(wb, plan, "bids").getCell("A5").value;
    expect(supplier).toBe('=HYPERLINK("http://example.org","x")');
  });
});

test("the seeded offers with commitments exercise every new line and both sides of compliance", () => {
  const all = CONVENTIONS.flatMap((c) => {
    const r = evaluateComparison(c.input.parameters!, c.input.bids!, "computers");
    return r.ok ? r.value.bids : [];
  });
  expect(all).toHaveLength(CONVENTIONS.length * 25);
  const count = (f: (b: BidResult) => boolean) => all.filter(f).length;
  expect(count((b) => !b.compliant)).toBeGreaterThan(5);
  expect(count((b) => b.compliant)).toBeGreaterThan(50);
  for (const line of ["warrantyExtensionCost", "repairCost", "oneOffCost"] as const)
    expect(count((b) => b.breakdown[line] > 0)).toBeGreaterThan(5);
});

test("the mini-competition cases exercise an outsider alone, an outsider failing a requirement too, and a padded framework supplier", () => {
  const all = MINI_CASES.flatMap((c) => {
    const r = evaluateComparison(c.input.parameters!, c.input.bids!, "computers", c.input.miniCompetition);
    return r.ok ? r.value.bids.map((b, i) => ({ b, supplier: c.input.bids![i].supplier })) : [];
  });
  const outsider = (x: (typeof all)[number]) => x.b.reasons.some((r) => r.requirement === "frameworkSupplier");
  expect(all.filter((x) => outsider(x) && x.b.reasons.length === 1).length).toBeGreaterThan(5);
  expect(all.filter((x) => outsider(x) && x.b.reasons.length > 1).length).toBeGreaterThan(0);
  expect(all.filter((x) => x.b.compliant).length).toBeGreaterThan(5);
  expect(all.find((x) => x.supplier !== x.supplier.trim())?.b.reasons.some((r) => r.requirement === "frameworkSupplier")).toBe(false);
});

describe("on + sleep hours above 24 typed into the Bids table", () => {
  it("are flagged in the Check column and give #N/A energy where the hours are used, never negative off hours", async () => {
    const { wb, plan } = await open(HOURS_CASE.id);
    const ws = sheetOf(wb, plan, "results");
    const at = (key: string, row: number) =>
      ws.getCell(`${plan.results.columns.find((c) => c.key === key)!.column}${plan.results.firstRow + row}`).result ?? ""; // exceljs reads an empty text result as undefined
    expect(at("check", 0)).toBe("");
    expect(at("check", 1)).toBe(t("en", "check.hoursOver24"));
    expect(at("annualKWh", 1)).toEqual({ error: "#N/A" });
    // The third offer declares its TEC, so its energy stands; the impossible hours are still flagged.
    expect(at("check", 2)).toBe(t("en", "check.hoursOver24"));
    expect(at("annualKWh", 2)).toBe(bidA.tecKWhPerYear);
  });
});

describe("the .xlsx file's structure", () => {
  it("holds the Bids table, every workbook name, validation, notes and protection", async () => {
    const input = CASES[0].input;
    const plan = buildPlan(input);
    const zip = await JSZip.loadAsync(await planToXlsx(plan));
    const text = (path: string) => zip.file(path)!.async("string");
    const table = await text("xl/tables/table1.xml");
    expect(table).toContain('name="LCC_Bids"');
    expect(table).toContain(`ref="${plan.tables[0].range}"`);
    const workbook = await text("xl/workbook.xml");
    for (const n of plan.names) expect(workbook).toContain(`<definedName name="${n.name}">`);
    expect(workbook).toContain('state="hidden"');
    const bidsSheet = await text("xl/worksheets/sheet2.xml");
    expect(bidsSheet).toMatch(/<dataValidation type="list"[^>]*showInputMessage="1"/);
    expect(bidsSheet).toContain("<tablePart");
    expect(await text("xl/worksheets/sheet3.xml")).toContain("<sheetProtection");
    expect(Object.keys(zip.files).some((f) => /^xl\/comments\d+\.xml$/.test(f))).toBe(true);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2); // added after exceljs (xlsx/charts.ts)
  });
});
