/**
 * Engine throughput against a plain hand-written loop computing the same numbers (100 000 bid LCCs with
 * breakdown over 5 years), so the cost of the engine's generality is visible as a ratio.
 */
import { computeLcc, lccCalculator, type BidCosts, type LccParameters } from "../../src/engine";
import { measure, type Figure } from "./measure";

const N = 100_000;
const params: LccParameters = { discountRate: 0.04, years: 5, electricityPricePerKWh: 0.2, energyEscalation: 0.03, maintenanceEscalation: 0.02 };

function makeBids(): BidCosts[] {
  const bids: BidCosts[] = [];
  for (let i = 0; i < N; i++) {
    bids.push({ price: 600 + (i % 500), installation: 20, annualKWh: 15 + (i % 30), annualMaintenance: 10 + (i % 10), residualValue: 50 + (i % 100), endOfLifeCost: 5, quantity: 1 + (i % 200) });
  }
  return bids;
}

/** The same method written out inline for the default conventions (end of year, flat escalation, whole years). */
function handLoop(bids: readonly BidCosts[]): number {
  const d = params.discountRate;
  let checksum = 0;
  for (const b of bids) {
    let energy = 0;
    let maintenance = 0;
    for (let t = 1; t <= params.years; t++) {
      const df = 1 / Math.pow(1 + d, t);
      energy += b.annualKWh * params.electricityPricePerKWh * Math.pow(1.03, t - 1) * df;
      maintenance += (b.annualMaintenance ?? 0) * Math.pow(1.02, t - 1) * df;
    }
    const end = 1 / Math.pow(1 + d, params.years);
    const q = b.quantity ?? 1;
    const acquisition = q * (b.price + (b.installation ?? 0));
    const total = acquisition + q * energy + q * maintenance + q * (b.endOfLifeCost ?? 0) * end - q * (b.residualValue ?? 0) * end;
    checksum += total;
  }
  return checksum;
}

export function benchEngine(): Figure[] {
  const bids = makeBids();
  let engineSum = 0;
  let handSum = 0;
  let singleSum = 0;
  const engine = measure(`engine (lccCalculator): ${N} LCCs with breakdown`, () => {
    const lcc = lccCalculator(params);
    engineSum = 0;
    for (const b of bids) engineSum += lcc(b).total;
  });
  const single = measure(`engine (computeLcc per bid): ${N} LCCs`, () => {
    singleSum = 0;
    for (const b of bids) singleSum += computeLcc(params, b).total;
  });
  const hand = measure(`hand-written loop: ${N} LCCs`, () => {
    handSum = handLoop(bids);
  });
  for (const sum of [engineSum, singleSum]) {
    if (Math.abs(sum - handSum) > 1e-6 * Math.abs(handSum)) throw new Error(`engine and hand loop disagree: ${sum} vs ${handSum}`);
  }
  return [
    engine,
    single,
    hand,
    { name: "engine (lccCalculator) / hand-written loop, time ratio", value: engine.value / hand.value, unit: "×" },
    { name: "engine (computeLcc per bid) / hand-written loop, time ratio", value: single.value / hand.value, unit: "×" },
  ];
}
