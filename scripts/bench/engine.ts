/**
 * Engine throughput against a plain hand-written loop computing the same numbers (100 000 bid LCCs with
 * breakdown over 5 years), so the cost of the engine's generality is visible as a ratio: once for the
 * plain bid, once with the circular commitments of LCC-METHOD §12 (warranty top-up, repairs after
 * warranty, a battery within the horizon, data erasure).
 */
import { computeLcc, lccCalculator, type BidCosts, type LccParameters } from "../../src/engine";
import { type Bid, DEFAULT_PARAMETERS, type Parameters, bidLccParametersOf, commitmentCostsOf, emptyBid } from "../../src/model";
import { measure, type Figure } from "./measure";

const N = 100_000;
const params: LccParameters = {
  discountRate: 0.04,
  years: 5,
  electricityPricePerKWh: 0.2,
  energyEscalation: 0.03,
  maintenanceEscalation: 0.02,
};
const withCommitments: LccParameters = { ...params, requiredWarrantyYears: 4, outOfWarrantyRepairPerYear: 40, dataErasureCostPerUnit: 12 };

// Literal objects of one shape per case, as the model builds them: spreading a base object here made
// V8 fall back to slow properties and timed that instead of the method.
function makeBids(commitments: boolean): BidCosts[] {
  const bids: BidCosts[] = [];
  for (let i = 0; i < N; i++) {
    const [price, installation, annualKWh, annualMaintenance, residualValue, endOfLifeCost, quantity] = [
      600 + (i % 500),
      20,
      15 + (i % 30),
      10 + (i % 10),
      50 + (i % 100),
      5,
      1 + (i % 200),
    ];
    if (!commitments) bids.push({ price, installation, annualKWh, annualMaintenance, residualValue, endOfLifeCost, quantity });
    else
      bids.push({
        price,
        installation,
        annualKWh,
        annualMaintenance,
        residualValue,
        endOfLifeCost,
        quantity,
        warrantyYears: i % 6,
        extraWarrantyYearPrice: i % 3 === 0 ? undefined : 20 + (i % 10),
        oneOffCosts: i % 4 === 0 ? [{ year: 1 + (i % 7), amount: 80 }] : undefined,
        takeBackWithDataErasure: i % 2 === 0,
      });
  }
  return bids;
}

/** The same method written out inline for the default conventions (end of year, flat escalation, whole years). */
function handLoop(p: LccParameters, bids: readonly BidCosts[]): number {
  const d = p.discountRate;
  const years = p.years;
  const wr = p.requiredWarrantyYears ?? 0;
  const rr = p.outOfWarrantyRepairPerYear ?? 0;
  let checksum = 0;
  for (const b of bids) {
    const w = b.warrantyYears ?? 0;
    const covered = b.extraWarrantyYearPrice !== undefined && wr > 0 ? Math.max(w, Math.min(wr, years)) : w;
    let energy = 0;
    let maintenance = 0;
    let repairs = 0;
    for (let t = 1; t <= years; t++) {
      const df = 1 / Math.pow(1 + d, t);
      energy += b.annualKWh * p.electricityPricePerKWh * Math.pow(1.03, t - 1) * df;
      maintenance += (b.annualMaintenance ?? 0) * Math.pow(1.02, t - 1) * df;
      if (t > covered) repairs += rr * Math.pow(1.02, t - 1) * df;
    }
    let battery = 0;
    for (const c of b.oneOffCosts ?? []) if (c.year <= years) battery += (c.amount * Math.pow(1.02, c.year - 1)) / Math.pow(1 + d, c.year);
    const end = 1 / Math.pow(1 + d, years);
    const q = b.quantity ?? 1;
    const acquisition = q * (b.price + (b.installation ?? 0));
    const topUp = q * (covered - w) * (b.extraWarrantyYearPrice ?? 0);
    const endOfLife = (b.endOfLifeCost ?? 0) + (b.takeBackWithDataErasure ? 0 : (p.dataErasureCostPerUnit ?? 0));
    const total =
      acquisition + topUp + q * (energy + maintenance + repairs + battery) + q * endOfLife * end - q * (b.residualValue ?? 0) * end;
    checksum += total;
  }
  return checksum;
}

function benchCase(label: string, p: LccParameters, bids: readonly BidCosts[]): Figure[] {
  let engineSum = 0;
  let handSum = 0;
  let singleSum = 0;
  const engine = measure(`engine (lccCalculator)${label}: ${N} LCCs with breakdown`, () => {
    const lcc = lccCalculator(p);
    engineSum = 0;
    for (const b of bids) engineSum += lcc(b).total;
  });
  const single = measure(`engine (computeLcc per bid)${label}: ${N} LCCs`, () => {
    singleSum = 0;
    for (const b of bids) singleSum += computeLcc(p, b).total;
  });
  const hand = measure(`hand-written loop${label}: ${N} LCCs`, () => {
    handSum = handLoop(p, bids);
  });
  for (const sum of [engineSum, singleSum]) {
    if (Math.abs(sum - handSum) > 1e-6 * Math.abs(handSum)) throw new Error(`engine and hand loop disagree${label}: ${sum} vs ${handSum}`);
  }
  return [
    engine,
    single,
    hand,
    { name: `engine (lccCalculator) / hand-written loop${label}, time ratio`, value: engine.value / hand.value, unit: "×" },
    { name: `engine (computeLcc per bid) / hand-written loop${label}, time ratio`, value: single.value / hand.value, unit: "×" },
  ];
}

/**
 * The same 100 000 offers with commitments as the model holds them (Bid: blank warranty, a battery as
 * cost and year, take-back as yes/no), priced the way evaluateComparison prices each offer: the model's
 * conversion to the engine's inputs, then the calculator. Against the same hand-written loop.
 */
function benchModel(): Figure[] {
  const p: Parameters = {
    ...DEFAULT_PARAMETERS,
    discountRate: 0.04,
    evaluationYears: 5,
    electricityPricePerKWh: 0.2,
    energyEscalation: 0.03,
    maintenanceEscalation: 0.02,
    requiredWarrantyYears: 4,
    outOfWarrantyRepairPerYear: 40,
    dataErasureCostPerUnit: 12,
  };
  const costs = makeBids(true);
  const base = emptyBid("computers");
  const bids: Bid[] = costs.map((c) => ({
    ...base,
    price: c.price,
    installation: c.installation ?? 0,
    tecKWhPerYear: c.annualKWh,
    annualMaintenance: c.annualMaintenance ?? 0,
    residualValue: c.residualValue ?? null,
    endOfLifeCost: c.endOfLifeCost ?? 0,
    quantity: c.quantity ?? 1,
    warrantyYears: c.warrantyYears ?? null,
    extraWarrantyYearPrice: c.extraWarrantyYearPrice ?? null,
    batteryReplacementCost: c.oneOffCosts ? c.oneOffCosts[0].amount : null,
    batteryReplacementYear: c.oneOffCosts ? c.oneOffCosts[0].year : null,
    takeBackWithDataErasure: c.takeBackWithDataErasure ? "yes" : "no",
  }));
  let modelSum = 0;
  let handSum = 0;
  const model = measure(`model (Bid → engine, as evaluateComparison) with commitments: ${N} LCCs`, () => {
    const lcc = lccCalculator(bidLccParametersOf(p, p.evaluationYears));
    modelSum = 0;
    for (const b of bids) {
      const c = commitmentCostsOf(b);
      modelSum += lcc({
        price: b.price,
        installation: b.installation,
        annualKWh: b.tecKWhPerYear ?? 0,
        annualMaintenance: b.annualMaintenance,
        residualValue: b.residualValue ?? 0,
        endOfLifeCost: b.endOfLifeCost,
        quantity: b.quantity,
        warrantyYears: c.warrantyYears,
        extraWarrantyYearPrice: c.extraWarrantyYearPrice,
        oneOffCosts: c.oneOffCosts,
        takeBackWithDataErasure: c.takeBackWithDataErasure,
      }).total;
    }
  });
  const hand = measure(`hand-written loop with commitments (model case): ${N} LCCs`, () => {
    handSum = handLoop(withCommitments, costs);
  });
  if (Math.abs(modelSum - handSum) > 1e-6 * Math.abs(handSum)) throw new Error(`model and hand loop disagree: ${modelSum} vs ${handSum}`);
  return [
    model,
    hand,
    { name: "model (Bid → engine) / hand-written loop with commitments, time ratio", value: model.value / hand.value, unit: "×" },
  ];
}

export function benchEngine(): Figure[] {
  return [...benchCase("", params, makeBids(false)), ...benchCase(" with commitments", withCommitments, makeBids(true)), ...benchModel()];
}
