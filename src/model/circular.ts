/**
 * Circular scenarios for one device (LCC-METHOD §4–§5) [D]: keep and extend the device in use (repair or
 * battery), buy refurbished, buy new. Each delivers a different number of service years, so they are
 * compared on equivalent annual cost and annualised CO2, not on LCC.
 */
import { computeLcc } from "../engine/lcc";
import { pvFactor } from "../engine/discounting";
import type { ScenarioKind } from "./bid";
import type { Parameters } from "./parameters";
import { lccParametersOf } from "./evaluate";


export interface Scenario {
  readonly kind: ScenarioKind;
  /** extend: repair/battery cost; refurbished/new: purchase price (incl. installation). */
  readonly upfrontCost: number;
  /** Service years this option delivers (extend: the extra years). */
  readonly serviceYears: number;
  readonly annualKWh: number;
  readonly annualMaintenance: number;
  readonly residualValue: number;
  readonly endOfLifeCost: number;
  /** CO2 attributed to this option: extend → the repair parts; refurbished → refurbishment; new → production. */
  readonly embodiedKgCO2e: number;
}

export interface CircularInputs {
  /** The device in use: its production CO2 and the years it has served (for the extend option). */
  readonly currentDeviceEmbodiedKgCO2e: number;
  readonly currentAgeYears: number;
  readonly scenarios: readonly Scenario[];
}

export interface ScenarioResult {
  readonly kind: ScenarioKind;
  readonly lifeCycleCost: number;
  readonly equivalentAnnualCost: number;
  readonly annualisedCo2Kg: number;
  /** Cut in annualised CO2 against buying new (1 − this / new); 0 for new itself. */
  readonly co2SavingVsNew: number;
  /**
   * extend only: cut in the device's annualised footprint when its life goes from currentAge to
   * currentAge + serviceYears (GPP.LIFEEXTENSION); null for the other options.
   */
  readonly lifeExtensionSaving: number | null;
}

function annualisedCo2(s: Scenario, inputs: CircularInputs, ef: number): number {
  const use = s.annualKWh * ef;
  if (s.kind !== "extend") return s.embodiedKgCO2e / s.serviceYears + use;
  // The kept device's production is spread over its whole, extended life.
  return (inputs.currentDeviceEmbodiedKgCO2e + s.embodiedKgCO2e) / (inputs.currentAgeYears + s.serviceYears) + use;
}

export function evaluateScenarios(p: Parameters, inputs: CircularInputs): ScenarioResult[] {
  const ef = p.emissionFactorKgPerKWh;
  const newOption = inputs.scenarios.find((s) => s.kind === "new");
  const newCo2 = newOption ? annualisedCo2(newOption, inputs, ef) : 0;
  return inputs.scenarios.map((s) => {
    const lcc = computeLcc(lccParametersOf(p, s.serviceYears), {
      price: s.upfrontCost,
      annualKWh: s.annualKWh,
      annualMaintenance: s.annualMaintenance,
      residualValue: s.residualValue,
      endOfLifeCost: s.endOfLifeCost,
    }).total;
    const co2 = annualisedCo2(s, inputs, ef);
    const before = inputs.currentDeviceEmbodiedKgCO2e / inputs.currentAgeYears + s.annualKWh * ef;
    return {
      kind: s.kind,
      lifeCycleCost: lcc,
      equivalentAnnualCost: lcc / pvFactor({ discountRate: p.discountRate, timing: p.timing }, s.serviceYears),
      annualisedCo2Kg: co2,
      co2SavingVsNew: newCo2 > 0 ? 1 - co2 / newCo2 : 0,
      lifeExtensionSaving: s.kind === "extend" && before > 0 ? 1 - co2 / before : null,
    };
  });
}
