/**
 * The comparison the browser tests enter: the general inputs and the two notebook bids of
 * REFERENCE-CASES.md, plus a third offer of our own (a refurbished notebook: the cheapest purchase, but
 * dearer to run, so it lands between the two). Entries are text as a procurer types them; the Bid objects
 * are what the wizard should make of them, for computing expected figures and workbook contents in Node.
 */
import { type Bid, DEFAULT_PARAMETERS, type Parameters, bidFields, emptyBid, evaluateComparison } from "../../../src/model";
import { templateRequest } from "../../../src/host/templateWriters";
import type { SavedComparison, TemplateInput } from "../../../src/host/types";
import { type CellPlan, DEFAULT_ROWS, buildPlan } from "../../../src/templates";
import { bidA, bidB, expectedReference, referenceParameters } from "../../fixtures/referenceBids";

/** Parameters step, in the order typed; country is a select (the BE preset brings 0.23 kg/kWh). */
export const PARAMETER_INPUT = {
  discountRate: "4 %",
  evaluationYears: "5",
  electricityPricePerKWh: "0.20",
  energyEscalation: "3 %",
  maintenanceEscalation: "2 %",
  co2PricePerTonne: "100",
} as const;
export const COUNTRY = "BE";
export const BE_FACTOR_TEXT = "0.23";

export const bidC: Bid = {
  ...emptyBid("computers"),
  supplier: "Supplier C",
  product: "Notebook C",
  deviceType: "notebook",
  condition: "refurbished",
  quantity: 100,
  price: 550,
  installation: 35,
  tecKWhPerYear: 26,
  annualMaintenance: 45,
  residualValue: 25,
};

export const BIDS: readonly Bid[] = [bidA, bidB, bidC];

/** What is typed into an offer card (fields left blank keep their defaults). */
export const BID_INPUT: readonly Readonly<Record<string, string>>[] = BIDS.map((b) => {
  const typed: Record<string, string> = {
    supplier: b.supplier,
    product: b.product,
    quantity: String(b.quantity),
    price: String(b.price),
    installation: String(b.installation),
    tecKWhPerYear: String(b.tecKWhPerYear),
    annualMaintenance: String(b.annualMaintenance),
    residualValue: String(b.residualValue),
  };
  if (b.condition !== "new") typed.condition = b.condition;
  return typed;
});

/** The wizard's reading of the inputs above: the reference parameters. */
export const PARAMETERS: Parameters = { ...referenceParameters };

/** Same inputs, same numbers: guards the fixture against drifting from what the UI is told to type. */
export function checkInputsMatchFixture(): void {
  const p = PARAMETERS;
  const same =
    p.discountRate === 0.04 &&
    p.evaluationYears === 5 &&
    p.electricityPricePerKWh === 0.2 &&
    p.energyEscalation === 0.03 &&
    p.maintenanceEscalation === 0.02 &&
    p.co2PricePerTonne === 100 &&
    p.country === "BE" &&
    p.emissionFactorKgPerKWh === 0.23;
  if (!same || p.includeExternalities !== DEFAULT_PARAMETERS.includeExternalities)
    throw new Error("test/e2e/support/comparison.ts no longer matches test/fixtures/referenceBids.ts");
}

/** Expected LCCs (EUR, 100 units each), from REFERENCE-CASES.md for A and B and from the engine for C. */
export function expectedLcc(): { A: number; B: number; C: number } {
  const r = evaluateComparison(PARAMETERS, BIDS, "computers");
  if (!r.ok) throw new Error(`reference comparison failed: ${JSON.stringify(r.error)}`);
  const [a, b, c] = r.value.bids.map((x) => x.comparisonValue);
  if (Math.abs(a - expectedReference.A.lcc) > 0.006 || Math.abs(b - expectedReference.B.lcc) > 0.006)
    throw new Error(`engine disagrees with REFERENCE-CASES.md: ${a}, ${b}`);
  return { A: expectedReference.A.lcc, B: expectedReference.B.lcc, C: c };
}

/** Money as the wizard shows it (en-GB, the browser's locale in these tests: "€78,460.98"), spaces made plain. */
export const money = (n: number, locale = "en-GB"): string =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(n)
    .replace(/\s+/g, " ");

/** An offer as the entries (text as typed, blank for none) that the hosts keep, keyed by Bid field. */
export const offerEntries = (bid: Bid): Record<string, string> =>
  Object.fromEntries(bidFields("computers").map((f) => [f.key, bid[f.key] === null ? "" : String(bid[f.key])]));

/**
 * The same comparison as StandaloneHost keeps it in localStorage (for tests and the bench that start
 * mid-way). Parameters not listed keep the wizard's defaults when it loads this.
 */
export function savedComparison(bids: readonly Bid[] = BIDS): SavedComparison {
  return {
    group: "computers",
    parameters: { ...PARAMETER_INPUT, country: COUNTRY, emissionFactorKgPerKWh: BE_FACTOR_TEXT },
    bids: bids.map(offerEntries),
    circular: {},
  };
}

/** What the wizard hands the template writers for this comparison (step 6, Workbook). */
export const templateInput = (bids: readonly Bid[] = BIDS): TemplateInput => ({
  group: "computers",
  parameters: PARAMETERS,
  bids,
  language: "en",
});

/** The template's cell plan for it: where the writers put each input and result (default placement). */
export const templatePlan = (bids: readonly Bid[] = BIDS): CellPlan => buildPlan(templateRequest(templateInput(bids), DEFAULT_ROWS));
