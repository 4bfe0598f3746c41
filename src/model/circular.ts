/**
 * Circular scenarios for one device (LCC-METHOD §4–§5, §12.5) [D]: keep and extend the device in use
 * (repair or battery), buy refurbished, buy new. Each delivers a different number of service years, so they
 * are compared on equivalent annual cost and annualised CO2, not on LCC. CO2 counts from the decision on,
 * by one rule for every option; the lifetime view of the kept device is a separate, labelled figure.
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
  /**
   * §12.5, from the decision on: (attributed production + annual kWh · EF · years) / years, where extend is
   * charged its repair parts only (the kept device's production is emitted whatever is decided).
   */
  readonly annualisedCo2Kg: number;
  /** Cut in annualised CO2 against buying new (1 − this / new); 0 for new itself. */
  readonly co2SavingVsNew: number;
  /** extend only: the lifetime view of the kept device, apart from the comparison; null for the other options. */
  readonly lifetimeView: LifetimeView | null;
  /** = lifetimeView.saving (GPP.LIFEEXTENSION); null for the other options. */
  readonly lifeExtensionSaving: number | null;
}

/**
 * The kept device over its whole life (TCO Certified method, GPP.LIFEEXTENSION): its original production
 * (plus the repair parts) spread over currentAge years before and currentAge + serviceYears after. Never
 * ranked against the options: it answers "how much does the longer life cut this device's footprint".
 */
export interface LifetimeView {
  /** currentAge, and currentAge + the extra service years. */
  readonly yearsBefore: number;
  readonly yearsAfter: number;
  /** kg CO2e per year over the life it has had (currentAge). */
  readonly beforeKgPerYear: number;
  /** kg CO2e per year over its extended life. */
  readonly afterKgPerYear: number;
  /** 1 − after / before. */
  readonly saving: number | null;
}

/** §12.5: one rule for every option. */
const annualisedCo2 = (s: Scenario, ef: number): number => s.embodiedKgCO2e / s.serviceYears + s.annualKWh * ef;

function lifetimeView(s: Scenario, inputs: CircularInputs, ef: number): LifetimeView {
  const use = s.annualKWh * ef;
  const beforeKgPerYear = inputs.currentDeviceEmbodiedKgCO2e / inputs.currentAgeYears + use;
  const afterKgPerYear = (inputs.currentDeviceEmbodiedKgCO2e + s.embodiedKgCO2e) / (inputs.currentAgeYears + s.serviceYears) + use;
  const yearsAfter = inputs.currentAgeYears + s.serviceYears;
  return {
    yearsBefore: inputs.currentAgeYears,
    yearsAfter,
    beforeKgPerYear,
    afterKgPerYear,
    saving: beforeKgPerYear > 0 ? 1 - afterKgPerYear / beforeKgPerYear : null,
  };
}

export function evaluateScenarios(p: Parameters, inputs: CircularInputs): ScenarioResult[] {
  const ef = p.emissionFactorKgPerKWh;
  const newOption = inputs.scenarios.find((s) => s.kind === "new");
  const newCo2 = newOption ? annualisedCo2(newOption, ef) : 0;
  return inputs.scenarios.map((s) => {
    const lcc = computeLcc(lccParametersOf(p, s.serviceYears), {
      price: s.upfrontCost,
      annualKWh: s.annualKWh,
      annualMaintenance: s.annualMaintenance,
      residualValue: s.residualValue,
      endOfLifeCost: s.endOfLifeCost,
    }).total;
    const co2 = annualisedCo2(s, ef);
    const view = s.kind === "extend" ? lifetimeView(s, inputs, ef) : null;
    return {
      kind: s.kind,
      lifeCycleCost: lcc,
      equivalentAnnualCost: lcc / pvFactor({ discountRate: p.discountRate, timing: p.timing }, s.serviceYears),
      annualisedCo2Kg: co2,
      co2SavingVsNew: newCo2 > 0 ? 1 - co2 / newCo2 : 0,
      lifetimeView: view,
      lifeExtensionSaving: view ? view.saving : null,
    };
  });
}
