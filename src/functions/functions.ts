/**
 * The GPP worksheet functions (FUNCTIONS.md, frozen contract). Thin wrappers: read the arguments the way
 * Excel passes them (coerce.ts), call the engine, hand back a number or an Excel error (invoke.ts).
 * custom-functions-metadata-plugin builds functions.json from the JSDoc below and appends the
 * CustomFunctions.associate calls; the descriptions must match src/i18n/en/functions.json (the build
 * checks). Parameters are `unknown` (metadata type "any") so that coerce.ts, not Excel, judges them.
 */
import {
  type LccBreakdown,
  type Result,
  DEVICE_TYPES,
  ENERGY_SPECS,
  ESCALATION_BASES,
  RESIDUAL_MODELS,
  SCORING_METHODS,
  TIMINGS,
  annualisedFootprint,
  displayEnergy,
  energyFromHours,
  equivalentAnnualCost,
  externalCo2Cost,
  firstError,
  lifeCycleCost,
  lifeExtensionSaving,
  ok,
  priceScore,
  productionShare,
  pvFactor,
  rateChecks,
  repairCost as repairCostOf,
  residualValue as residualValueOf,
  typicalEnergyConsumption,
  useCo2Kg,
  years as yearsChecks,
} from "../engine";
import { cellNumber, cells, missing, tooManyCells, numberOrUndefined, option, optionalNumber, pairCells, requiredNumber } from "./coerce";
import { followDisplayLanguage } from "./displayLanguage";
import { isExcelError } from "./errors";
import { scalar, row } from "./invoke";

// Error messages in Office's display language (Dutch Excel, Dutch messages), not the browser engine's.
followDisplayLanguage();

type Registry = { associate(id: string, fn: (...args: never[]) => unknown): void };

/**
 * The metadata plugin appends `CustomFunctions.associate("ID", fn)` lines to this file. This local name
 * takes those calls and forwards them only when the Excel runtime is there, so taskpane.html opened
 * outside Office (a browser, a test page) loads without a ReferenceError. (Exported: the appended lines
 * are the only readers, and the compiler does not see them.)
 */
export const CustomFunctions: Registry = {
  associate(id, fn) {
    const runtime = (globalThis as { CustomFunctions?: Registry }).CustomFunctions;
    if (runtime && typeof runtime.associate === "function") runtime.associate(id, fn);
  },
};

/** GPP.LCC and GPP.LCCBREAKDOWN share their 14 arguments; read them in argument order. */
const lccOf = (id: string, a: readonly unknown[]): Result<LccBreakdown> => {
  const price = requiredNumber(id, "price", a[0]);
  const annualKWh = requiredNumber(id, "annualKWh", a[1]);
  const electricityPricePerKWh = requiredNumber(id, "electricityPrice", a[2]);
  const years = requiredNumber(id, "years", a[3]);
  const discountRate = requiredNumber(id, "discountRate", a[4]);
  const installation = optionalNumber("installation", a[5], 0);
  const annualMaintenance = optionalNumber("annualMaintenance", a[6], 0);
  const residualValue = optionalNumber("residualValue", a[7], 0);
  const endOfLifeCost = optionalNumber("endOfLifeCost", a[8], 0);
  const energyEscalation = optionalNumber("energyEscalation", a[9], 0);
  const maintenanceEscalation = optionalNumber("maintenanceEscalation", a[10], 0);
  const quantity = optionalNumber("quantity", a[11], 1);
  const timing = option("timing", a[12], TIMINGS, "end");
  const escalationBase = option("escalationBase", a[13], ESCALATION_BASES, "flat");
  return lifeCycleCost(
    { years, discountRate, electricityPricePerKWh, energyEscalation, maintenanceEscalation, timing, escalationBase },
    { price, installation, annualKWh, annualMaintenance, residualValue, endOfLifeCost, quantity },
  );
};

/**
 * Financial life-cycle cost of an offer for quantity units, present value: purchase and installation, energy, maintenance and end-of-life cost, minus the residual value.
 * @customfunction LCC
 * @param price Purchase price per unit (excluding VAT if your organisation recovers VAT).
 * @param annualKWh Electricity use per unit in kWh per year, e.g. the ENERGY STAR TEC.
 * @param electricityPrice Electricity price per kWh today.
 * @param years Evaluation period in years; may be fractional, e.g. 4.5.
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param installation One-off installation, delivery or configuration cost per unit. Default 0.
 * @param annualMaintenance Maintenance, support or licence cost per unit per year. Default 0.
 * @param residualValue Resale value per unit at the end of the period; it lowers the cost. Default 0.
 * @param endOfLifeCost Collection, data wiping and recycling cost per unit at the end of the period. Default 0.
 * @param energyEscalation Yearly rise of the electricity price as a fraction. Default 0.
 * @param maintenanceEscalation Yearly rise of the maintenance cost as a fraction. Default 0.
 * @param quantity Number of units. Default 1.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @param escalationBase "flat" (default: the first year costs today's price) or "nist" (prices rise from today).
 * @returns {number} Life-cycle cost in the workbook currency.
 */
export function lcc(
  price: unknown,
  annualKWh: unknown,
  electricityPrice: unknown,
  years: unknown,
  discountRate: unknown,
  installation?: unknown,
  annualMaintenance?: unknown,
  residualValue?: unknown,
  endOfLifeCost?: unknown,
  energyEscalation?: unknown,
  maintenanceEscalation?: unknown,
  quantity?: unknown,
  timing?: unknown,
  escalationBase?: unknown,
) {
  return scalar("LCC", () => {
    const r = lccOf("LCC", [
      price,
      annualKWh,
      electricityPrice,
      years,
      discountRate,
      installation,
      annualMaintenance,
      residualValue,
      endOfLifeCost,
      energyEscalation,
      maintenanceEscalation,
      quantity,
      timing,
      escalationBase,
    ]);
    return r.ok ? r.value.total : r;
  });
}

/**
 * The life-cycle cost as a row of six cells: acquisition, energy, maintenance, end-of-life cost, residual value (negative) and total.
 * @customfunction LCCBREAKDOWN
 * @param price Purchase price per unit (excluding VAT if your organisation recovers VAT).
 * @param annualKWh Electricity use per unit in kWh per year, e.g. the ENERGY STAR TEC.
 * @param electricityPrice Electricity price per kWh today.
 * @param years Evaluation period in years; may be fractional, e.g. 4.5.
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param installation One-off installation, delivery or configuration cost per unit. Default 0.
 * @param annualMaintenance Maintenance, support or licence cost per unit per year. Default 0.
 * @param residualValue Resale value per unit at the end of the period; it lowers the cost. Default 0.
 * @param endOfLifeCost Collection, data wiping and recycling cost per unit at the end of the period. Default 0.
 * @param energyEscalation Yearly rise of the electricity price as a fraction. Default 0.
 * @param maintenanceEscalation Yearly rise of the maintenance cost as a fraction. Default 0.
 * @param quantity Number of units. Default 1.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @param escalationBase "flat" (default: the first year costs today's price) or "nist" (prices rise from today).
 * @returns {number[][]} One row: acquisition, energy, maintenance, end-of-life cost, residual value, total.
 */
export function lccBreakdown(
  price: unknown,
  annualKWh: unknown,
  electricityPrice: unknown,
  years: unknown,
  discountRate: unknown,
  installation?: unknown,
  annualMaintenance?: unknown,
  residualValue?: unknown,
  endOfLifeCost?: unknown,
  energyEscalation?: unknown,
  maintenanceEscalation?: unknown,
  quantity?: unknown,
  timing?: unknown,
  escalationBase?: unknown,
) {
  return row("LCCBREAKDOWN", 6, () => {
    const r = lccOf("LCCBREAKDOWN", [
      price,
      annualKWh,
      electricityPrice,
      years,
      discountRate,
      installation,
      annualMaintenance,
      residualValue,
      endOfLifeCost,
      energyEscalation,
      maintenanceEscalation,
      quantity,
      timing,
      escalationBase,
    ]);
    if (!r.ok) return r;
    const b = r.value;
    // Consumables and one-off costs are zero here (GPP.LCC has no such arguments); kept with maintenance.
    return ok([
      b.acquisitionCost,
      b.energyCost,
      b.maintenanceCost + b.consumablesCost + b.oneOffCost,
      b.endOfLifeCost,
      b.residualValue,
      b.total,
    ]);
  });
}

/**
 * Present value of 1 per year over a number of years (an annuity factor), optionally escalating.
 * @customfunction PVFACTOR
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param years Number of years; may be fractional, e.g. 4.5.
 * @param escalation Yearly rise of the cost as a fraction. Default 0.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @param escalationBase "flat" (default: the first year costs today's price) or "nist" (prices rise from today).
 * @returns {number} Present value of 1 per year.
 */
export function pvfactor(discountRate: unknown, years: unknown, escalation?: unknown, timing?: unknown, escalationBase?: unknown) {
  return scalar("PVFACTOR", () => {
    const d = requiredNumber("PVFACTOR", "discountRate", discountRate);
    const n = requiredNumber("PVFACTOR", "years", years);
    const g = optionalNumber("escalation", escalation, 0);
    const t = option("timing", timing, TIMINGS, "end");
    const base = option("escalationBase", escalationBase, ESCALATION_BASES, "flat");
    const error = firstError(["discountRate", d, rateChecks], ["years", n, yearsChecks], ["escalation", g, rateChecks]);
    return error ? { ok: false, error } : pvFactor({ discountRate: d, timing: t, escalationBase: base }, n, g);
  });
}

/**
 * Equivalent annual cost: the life-cycle cost spread into equal yearly amounts with the same present value.
 * @customfunction EAC
 * @param lifeCycleCost Life-cycle cost as a present value, e.g. from GPP.LCC.
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param years Service life in years over which the cost is spread.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @returns {number} Cost per year of service.
 */
export function eac(lifeCycleCost: unknown, discountRate: unknown, years: unknown, timing?: unknown) {
  return scalar("EAC", () => {
    const cost = requiredNumber("EAC", "lifeCycleCost", lifeCycleCost);
    const d = requiredNumber("EAC", "discountRate", discountRate);
    const n = requiredNumber("EAC", "years", years);
    return equivalentAnnualCost(cost, d, n, option("timing", timing, TIMINGS, "end"));
  });
}

/**
 * Present value of the external cost of the CO2 emitted by the electricity an offer uses.
 * @customfunction CO2COST
 * @param annualKWh Electricity use per unit in kWh per year, e.g. the ENERGY STAR TEC.
 * @param emissionFactor Emission factor of the grid in kg CO2e per kWh, e.g. 0.23 for Belgium.
 * @param co2Price Value of CO2 per tonne CO2e.
 * @param years Evaluation period in years; may be fractional, e.g. 4.5.
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param co2Escalation Yearly rise of the CO2 price as a fraction. Default 0.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @param quantity Number of units. Default 1.
 * @returns {number} External CO2 cost in the workbook currency.
 */
export function co2cost(
  annualKWh: unknown,
  emissionFactor: unknown,
  co2Price: unknown,
  years: unknown,
  discountRate: unknown,
  co2Escalation?: unknown,
  timing?: unknown,
  quantity?: unknown,
) {
  return scalar("CO2COST", () => {
    const kWh = requiredNumber("CO2COST", "annualKWh", annualKWh);
    const factor = requiredNumber("CO2COST", "emissionFactor", emissionFactor);
    const price = requiredNumber("CO2COST", "co2Price", co2Price);
    const n = requiredNumber("CO2COST", "years", years);
    const d = requiredNumber("CO2COST", "discountRate", discountRate);
    const g = optionalNumber("co2Escalation", co2Escalation, 0);
    const t = option("timing", timing, TIMINGS, "end");
    const q = optionalNumber("quantity", quantity, 1);
    return externalCo2Cost({
      annualKWh: kWh,
      emissionFactor: factor,
      co2PricePerTonne: price,
      years: n,
      discountRate: d,
      co2Escalation: g,
      timing: t,
      quantity: q,
    });
  });
}

/**
 * Typical energy consumption of a computer in kWh per year, from its mode powers in W (ENERGY STAR or EU 617/2013 weighting).
 * @customfunction TEC
 * @param pOff Off-mode power in W.
 * @param pSleep Sleep-mode power in W.
 * @param pLongIdle Long-idle power in W; under EU617 the idle power.
 * @param pShortIdle Short-idle power in W; ignored under EU617.
 * @param deviceType "notebook" (default), "desktop", "integrated", "thinclient" or "workstation".
 * @param spec "ES8" (default), "ES7" or "ES6" (ENERGY STAR versions) or "EU617" (Regulation (EU) 617/2013).
 * @returns {number} kWh per year.
 */
export function tec(pOff: unknown, pSleep: unknown, pLongIdle: unknown, pShortIdle: unknown, deviceType?: unknown, spec?: unknown) {
  return scalar("TEC", () => {
    const pOffW = requiredNumber("TEC", "pOff", pOff);
    const pSleepW = requiredNumber("TEC", "pSleep", pSleep);
    const pLongIdleW = requiredNumber("TEC", "pLongIdle", pLongIdle);
    const pShortIdleW = requiredNumber("TEC", "pShortIdle", pShortIdle);
    const device = option("deviceType", deviceType, DEVICE_TYPES, "notebook");
    const version = option("spec", spec, ENERGY_SPECS, "ES8");
    return typicalEnergyConsumption({ pOffW, pSleepW, pLongIdleW, pShortIdleW }, device, version);
  });
}

/**
 * Energy use of a display in kWh per year = 8.76 x (0.35 x on-mode power + 0.65 x sleep power), the ENERGY STAR formula.
 * @customfunction TECDISPLAY
 * @param pOn On-mode power in W.
 * @param pSleep Sleep-mode power in W.
 * @returns {number} kWh per year.
 */
export function tecDisplay(pOn: unknown, pSleep: unknown) {
  return scalar("TECDISPLAY", () =>
    displayEnergy(requiredNumber("TECDISPLAY", "pOn", pOn), requiredNumber("TECDISPLAY", "pSleep", pSleep)),
  );
}

/** ENERGYUSE sums one cell per mode; a whole column of values is a mistake, refused before it costs time. */
const MAX_MODES = 1000;

/**
 * Electricity use in kWh per year from power and hours of use per day, summed over the modes.
 * @customfunction ENERGYUSE
 * @param powerW Power in W; a range gives one cell per mode (on, sleep, off).
 * @param hoursPerDay Hours per day in each mode: a range of the same shape as powerW, 24 hours at most in total.
 * @param daysPerYear Days of use per year. Default 365.
 * @returns {number} kWh per year.
 */
export function energyUse(powerW: unknown[][], hoursPerDay: unknown[][], daysPerYear?: unknown) {
  return scalar("ENERGYUSE", () => {
    const pairs = pairCells("powerW", cells("powerW", powerW), "hoursPerDay", cells("hoursPerDay", hoursPerDay));
    const days = optionalNumber("daysPerYear", daysPerYear, 365);
    const watts: number[] = [];
    const perDay: number[] = [];
    for (const [w, h] of pairs) {
      if (w === null && h === null) continue; // a mode left empty on both sides is not used
      watts.push(cellNumber("powerW", w));
      perDay.push(cellNumber("hoursPerDay", h));
    }
    if (watts.length === 0) missing("ENERGYUSE", "powerW");
    if (watts.length > MAX_MODES) tooManyCells("powerW", MAX_MODES);
    return energyFromHours(watts, perDay, days);
  });
}

/**
 * Use-phase CO2 emissions over the service life in kg CO2e = kWh per year x years x emission factor x quantity.
 * @customfunction CO2USE
 * @param annualKWh Electricity use per unit in kWh per year, e.g. the ENERGY STAR TEC.
 * @param years Service life in years.
 * @param emissionFactor Emission factor of the grid in kg CO2e per kWh, e.g. 0.23 for Belgium.
 * @param quantity Number of units. Default 1.
 * @returns {number} kg CO2e.
 */
export function co2use(annualKWh: unknown, years: unknown, emissionFactor: unknown, quantity?: unknown) {
  return scalar("CO2USE", () =>
    useCo2Kg(
      requiredNumber("CO2USE", "annualKWh", annualKWh),
      requiredNumber("CO2USE", "years", years),
      requiredNumber("CO2USE", "emissionFactor", emissionFactor),
      optionalNumber("quantity", quantity, 1),
    ),
  );
}

/**
 * Production share of the life-cycle CO2 = embodied / (embodied + use phase), a fraction between 0 and 1.
 * @customfunction CO2SHARE
 * @param embodiedKg Production (embodied) CO2 per unit in kg CO2e, from the product carbon footprint.
 * @param annualKWh Electricity use per unit in kWh per year, e.g. the ENERGY STAR TEC.
 * @param years Service life in years.
 * @param emissionFactor Emission factor of the grid in kg CO2e per kWh, e.g. 0.23 for Belgium.
 * @returns {number} Share of production in the life-cycle CO2.
 */
export function co2share(embodiedKg: unknown, annualKWh: unknown, years: unknown, emissionFactor: unknown) {
  return scalar("CO2SHARE", () =>
    productionShare(
      requiredNumber("CO2SHARE", "embodiedKg", embodiedKg),
      requiredNumber("CO2SHARE", "annualKWh", annualKWh),
      requiredNumber("CO2SHARE", "years", years),
      requiredNumber("CO2SHARE", "emissionFactor", emissionFactor),
    ),
  );
}

/**
 * Annualised footprint in kg CO2e per year of service = (embodied + years x yearly use-phase CO2) / years.
 * @customfunction CO2ANNUAL
 * @param embodiedKg Production (embodied) CO2 per unit in kg CO2e, from the product carbon footprint.
 * @param annualUseKg Use-phase CO2 per unit per year in kg CO2e, e.g. from GPP.CO2USE over one year.
 * @param years Service life in years.
 * @returns {number} kg CO2e per year of service.
 */
export function co2annual(embodiedKg: unknown, annualUseKg: unknown, years: unknown) {
  return scalar("CO2ANNUAL", () =>
    annualisedFootprint(
      requiredNumber("CO2ANNUAL", "embodiedKg", embodiedKg),
      requiredNumber("CO2ANNUAL", "annualUseKg", annualUseKg),
      requiredNumber("CO2ANNUAL", "years", years),
    ),
  );
}

/**
 * Relative cut in the annualised footprint when the service life goes from currentYears to extendedYears; negative when the life is shortened.
 * @customfunction LIFEEXTENSION
 * @param embodiedKg Production (embodied) CO2 per unit in kg CO2e, from the product carbon footprint.
 * @param annualUseKg Use-phase CO2 per unit per year in kg CO2e, e.g. from GPP.CO2USE over one year.
 * @param currentYears Current service life in years.
 * @param extendedYears New service life in years.
 * @returns {number} Cut as a fraction, e.g. 0.3 = 30 % less CO2 per year of service.
 */
export function lifeExtension(embodiedKg: unknown, annualUseKg: unknown, currentYears: unknown, extendedYears: unknown) {
  return scalar("LIFEEXTENSION", () =>
    lifeExtensionSaving(
      requiredNumber("LIFEEXTENSION", "embodiedKg", embodiedKg),
      requiredNumber("LIFEEXTENSION", "annualUseKg", annualUseKg),
      requiredNumber("LIFEEXTENSION", "currentYears", currentYears),
      requiredNumber("LIFEEXTENSION", "extendedYears", extendedYears),
    ),
  );
}

/**
 * Residual (resale) value after a number of years: laptop or tablet curve (resale data of WRAP, the UK Waste and Resources Action Programme, 2013), linear or declining balance.
 * @customfunction RESIDUALVALUE
 * @param price Purchase price per unit (excluding VAT if your organisation recovers VAT).
 * @param ageYears Age of the equipment in years.
 * @param model "laptop" (default), "tablet", "linear" or "declining".
 * @param parameter For "linear" the service life in years; for "declining" the yearly loss of value as a fraction. Not used by "laptop" and "tablet".
 * @param floor Lowest value as a share of the price, 0 to 1. Default 0.
 * @returns {number} Residual value in the workbook currency.
 */
export function residual(price: unknown, ageYears: unknown, model?: unknown, parameter?: unknown, floor?: unknown) {
  return scalar("RESIDUALVALUE", () => {
    const p = requiredNumber("RESIDUALVALUE", "price", price);
    const age = requiredNumber("RESIDUALVALUE", "ageYears", ageYears);
    const m = option("model", model, RESIDUAL_MODELS, "laptop");
    const param = numberOrUndefined("parameter", parameter);
    return residualValueOf(p, age, m, param, optionalNumber("floor", floor, 0));
  });
}

/**
 * Price or life-cycle cost score in points: "lowest" = maxPoints x bestValue / value, "linear" or "range".
 * @customfunction PRICESCORE
 * @param value The offer's price or life-cycle cost.
 * @param bestValue The lowest price or life-cycle cost of all offers.
 * @param maxPoints Points for the best offer.
 * @param method "lowest" (default), "linear" (points fall in proportion to the gap to the best) or "range" (between bestValue and worstValue).
 * @param worstValue For "range": the value that scores 0 points.
 * @returns {number} Points.
 */
export function priceScorePoints(value: unknown, bestValue: unknown, maxPoints: unknown, method?: unknown, worstValue?: unknown) {
  return scalar("PRICESCORE", () => {
    const v = requiredNumber("PRICESCORE", "value", value);
    const best = requiredNumber("PRICESCORE", "bestValue", bestValue);
    const max = requiredNumber("PRICESCORE", "maxPoints", maxPoints);
    const m = option("method", method, SCORING_METHODS, "lowest");
    return priceScore(v, best, max, m, numberOrUndefined("worstValue", worstValue));
  });
}

/**
 * Present value of the repairs expected in the years no warranty covers, from coveredYears to years, for quantity units.
 * @customfunction REPAIRCOST
 * @param annualRepair Expected repair cost per unit per year once the warranty has ended.
 * @param coveredYears Years the warranty covers, extensions included; repairs in those years cost nothing extra.
 * @param years Service life or evaluation period in years; may be fractional, e.g. 4.5.
 * @param discountRate Discount rate per year as a fraction: 4 % = 0.04.
 * @param escalation Yearly rise of the repair cost as a fraction. Default 0.
 * @param timing When yearly costs are paid: "end" of each year (default, like Excel NPV), "begin" or "mid".
 * @param escalationBase "flat" (default: the first year costs today's price) or "nist" (prices rise from today).
 * @param quantity Number of units. Default 1.
 * @returns {number} Repair cost in the workbook currency.
 */
export function repairCost(
  annualRepair: unknown,
  coveredYears: unknown,
  years: unknown,
  discountRate: unknown,
  escalation?: unknown,
  timing?: unknown,
  escalationBase?: unknown,
  quantity?: unknown,
) {
  return scalar("REPAIRCOST", () =>
    repairCostOf(
      requiredNumber("REPAIRCOST", "annualRepair", annualRepair),
      requiredNumber("REPAIRCOST", "coveredYears", coveredYears),
      requiredNumber("REPAIRCOST", "years", years),
      requiredNumber("REPAIRCOST", "discountRate", discountRate),
      optionalNumber("escalation", escalation, 0),
      option("timing", timing, TIMINGS, "end"),
      option("escalationBase", escalationBase, ESCALATION_BASES, "flat"),
      optionalNumber("quantity", quantity, 1),
    ),
  );
}

/** Every GPP function by id, for the bench and the tests. */
export const GPP_FUNCTIONS = {
  LCC: lcc,
  LCCBREAKDOWN: lccBreakdown,
  PVFACTOR: pvfactor,
  EAC: eac,
  CO2COST: co2cost,
  TEC: tec,
  TECDISPLAY: tecDisplay,
  ENERGYUSE: energyUse,
  CO2USE: co2use,
  CO2SHARE: co2share,
  CO2ANNUAL: co2annual,
  LIFEEXTENSION: lifeExtension,
  RESIDUALVALUE: residual,
  PRICESCORE: priceScorePoints,
  REPAIRCOST: repairCost,
} as const;

export type GppId = keyof typeof GPP_FUNCTIONS;
export const GPP_IDS = Object.keys(GPP_FUNCTIONS) as GppId[];

/**
 * Calls a GPP function the way Excel does: arguments in order, omitted trailing ones as null, ranges as
 * row-major matrices; the error a single-value function throws is what the cell shows, so it is returned. Includes the argument checks, so `npm run bench` times a real worksheet call.
 */
export function callAsExcel(id: GppId, args: readonly unknown[]): unknown {
  const fn = GPP_FUNCTIONS[id] as (...a: unknown[]) => unknown;
  const padded = Array.from({ length: Math.max(fn.length, args.length) }, (_, i) => (i < args.length ? args[i] : null));
  try {
    return fn(...padded);
  } catch (e) {
    if (isExcelError(e)) return e; // Excel shows a thrown CustomFunctions.Error in the cell
    throw e;
  }
}
