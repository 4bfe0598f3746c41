/**
 * A call-off under a framework agreement: a participant orders quantities of the framework's awarded offers
 * (the set's `offers`) and gets, per line and in total, what the comparison would show for that quantity,
 * under the set's parameters with the participant's own values only where the set leaves them local:
 *   LCC (EUR, present value over the offer's horizon H), cost per year (the LCC's equivalent annual cost),
 *   CO2 from production and from use over H (kgCO2e), and a budget: the purchase in year 0 and the running
 *   costs per year (energy, maintenance, consumables, repairs and batteries over H, undiscounted, at the
 *   escalated prices, divided by H), so a finance department sees cash out rather than present values.
 */
import { computeLcc } from "../engine/lcc";
import { pvFactor } from "../engine/discounting";
import type { Bid } from "./bid";
import { type NumberLocale, readNumber } from "./numbers";
import { type Parameters } from "./parameters";
import type { ParameterSet } from "./parameterSet";
import { bidLccParametersOf, commitmentCostsOf, evaluateOne } from "./evaluate";

/** One product of the catalogue: supplier, product and condition name it (an offer's identity in the Bids table). */
export const productKey = (bid: Pick<Bid, "supplier" | "product" | "condition">): string =>
  `${bid.supplier} | ${bid.product} | ${bid.condition}`;

/** The set's values with the participant's own only in the fields the set leaves local. */
export function callOffParameters(set: ParameterSet, current?: Parameters): Parameters {
  if (!current) return set.parameters;
  const local = Object.fromEntries(set.local.map((k) => [k, current[k]]));
  return { ...set.parameters, ...local };
}

/** The figures of a line, and of the call-off as their sums. */
export interface CallOffTotals {
  readonly lcc: number;
  readonly costPerYear: number;
  readonly productionCo2Kg: number;
  readonly useCo2Kg: number;
  /** Year 0: price, installation and any warranty top-up, for the quantity. */
  readonly purchase: number;
  /** Years 1…H: the undiscounted running costs (energy, maintenance, consumables, repairs, batteries) divided by H. */
  readonly runningPerYear: number;
}

export interface CallOffLine extends CallOffTotals {
  readonly key: string;
  readonly bid: Bid;
  readonly quantity: number;
  readonly horizonYears: number;
}

export interface CallOffResult {
  /** Lines with a quantity above 0, in catalogue order. */
  readonly lines: readonly CallOffLine[];
  readonly totals: CallOffTotals;
  /** Per product key: a quantity that is not a whole number ≥ 0, or a product no longer in the catalogue. */
  readonly problems: Readonly<Record<string, CallOffProblem>>;
}

/** One catalogue product ordered `quantity` times. */
export function callOffLine(bid: Bid, quantity: number, p: Parameters, kind: "computers" | "imaging"): CallOffLine {
  const ordered: Bid = { ...bid, quantity };
  const one = evaluateOne(ordered, p, kind);
  const H = one.horizonYears;
  const cash = computeLcc(
    { ...bidLccParametersOf(p, H), discountRate: 0 },
    {
      price: bid.price,
      installation: bid.installation,
      annualKWh: one.annualKWh,
      annualMaintenance: bid.annualMaintenance,
      annualConsumables: one.annualRunningCostPerUnit,
      quantity,
      ...commitmentCostsOf(bid),
    },
  );
  const running = cash.energyCost + cash.maintenanceCost + cash.consumablesCost + cash.repairCost + cash.oneOffCost;
  return {
    key: productKey(bid),
    bid,
    quantity,
    horizonYears: H,
    lcc: one.breakdown.total,
    costPerYear: one.breakdown.total / pvFactor({ discountRate: p.discountRate, timing: p.timing }, H),
    productionCo2Kg: one.productionCo2Kg,
    useCo2Kg: one.useCo2Kg,
    purchase: cash.acquisitionCost + cash.warrantyExtensionCost,
    runningPerYear: running / H,
  };
}

/** Why a line is not counted; `text` is the quantity as typed. */
export interface CallOffProblem {
  readonly rule: "notANumber" | "nonNegative" | "wholeNumber" | "notInCatalogue";
  readonly text: string;
}

/**
 * The call-off for quantities typed per product key. Blank is 0. A quantity that is text, negative or not
 * whole, or a key that is no longer in the set's catalogue, is a problem of that key; the other lines are
 * still computed, and nothing typed is dropped (the caller keeps the text).
 */
export function computeCallOff(
  set: ParameterSet,
  quantities: Readonly<Record<string, string>>,
  current?: Parameters,
  locale?: NumberLocale,
): CallOffResult {
  const offers = set.offers ?? { kind: "computers" as const, bids: [] };
  const p = callOffParameters(set, current);
  const catalogue = new Map(offers.bids.map((b) => [productKey(b), b]));
  const problems: Record<string, CallOffProblem> = {};
  const lines: CallOffLine[] = [];
  for (const [key, text] of Object.entries(quantities)) {
    if (!catalogue.has(key) && text.trim() !== "") problems[key] = { rule: "notInCatalogue", text };
  }
  for (const [key, bid] of catalogue) {
    const text = (quantities[key] ?? "").trim();
    if (text === "") continue;
    const read = readNumber(text, { locale, percent: false });
    if (typeof read !== "number") problems[key] = { rule: "notANumber", text };
    else if (read < 0) problems[key] = { rule: "nonNegative", text };
    else if (!Number.isInteger(read)) problems[key] = { rule: "wholeNumber", text };
    else if (read > 0) lines.push(callOffLine(bid, read, p, offers.kind));
  }
  const sum = (f: (l: CallOffLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  return {
    lines,
    problems,
    totals: {
      lcc: sum((l) => l.lcc),
      costPerYear: sum((l) => l.costPerYear),
      productionCo2Kg: sum((l) => l.productionCo2Kg),
      useCo2Kg: sum((l) => l.useCo2Kg),
      purchase: sum((l) => l.purchase),
      runningPerYear: sum((l) => l.runningPerYear),
    },
  };
}

/**
 * The Call-off sheet's quantities for a workbook's Bids rows: per row, the whole quantity typed for that row's
 * product (its key); blank for a product with none, with a wrong one, or not in the set's catalogue.
 */
export function callOffQuantitiesFor(
  set: ParameterSet,
  quantities: Readonly<Record<string, string>>,
  bids: readonly Bid[],
  current?: Parameters,
  locale?: NumberLocale,
): (number | null)[] {
  const ordered = new Map(computeCallOff(set, quantities, current, locale).lines.map((l) => [l.key, l.quantity]));
  return bids.map((b) => ordered.get(productKey(b)) ?? null);
}
