/**
 * Annual electricity from product data (LCC-METHOD §3): ENERGY STAR / EU 617/2013 typical energy
 * consumption of computers, the ENERGY STAR display formula, an hours-of-use model, imaging kWh/week.
 */
import { LIMITS, atMost, firstError, isNumber, nonNegative, oneOf } from "./checks";
import { type Result, fail, ok } from "./result";

export type DeviceType = "notebook" | "desktop" | "integrated" | "thinclient" | "workstation";
export const DEVICE_TYPES: readonly DeviceType[] = ["notebook", "desktop", "integrated", "thinclient", "workstation"];

export type EnergySpec = "ES6" | "ES7" | "ES8" | "EU617";
export const ENERGY_SPECS: readonly EnergySpec[] = ["ES6", "ES7", "ES8", "EU617"];

/** Mode powers in W. Under EU617 pLongIdleW is the idle power and pShortIdleW is ignored. */
export interface ModePowersW {
  readonly pOffW: number;
  readonly pSleepW: number;
  readonly pLongIdleW: number;
  readonly pShortIdleW: number;
}

/** Time shares [off, sleep, long idle, short idle], LCC-METHOD §3.1 (fourdollars/energy-tools, S14–S16). */
type Weights = readonly [number, number, number, number];
const DESKTOP_V6: Weights = [0.45, 0.05, 0.15, 0.35];
const NOTEBOOK_V6: Weights = [0.25, 0.35, 0.1, 0.3];
const WORKSTATION_V6: Weights = [0.35, 0.1, 0.15, 0.4];

/**
 * Combinations without a confirmed weighting are absent (ENERGY STAR v6 thin clients; thin clients and
 * workstations under 617/2013, which sets no TEC for them): the function says so rather than guess.
 */
const WEIGHTS: Record<EnergySpec, Partial<Record<DeviceType, Weights>>> = {
  ES6: { desktop: DESKTOP_V6, integrated: DESKTOP_V6, notebook: NOTEBOOK_V6, workstation: WORKSTATION_V6 },
  ES7: { desktop: DESKTOP_V6, integrated: DESKTOP_V6, notebook: NOTEBOOK_V6, thinclient: NOTEBOOK_V6, workstation: WORKSTATION_V6 },
  ES8: {
    desktop: [0.15, 0.45, 0.1, 0.3],
    integrated: [0.15, 0.45, 0.1, 0.3],
    notebook: NOTEBOOK_V6,
    thinclient: DESKTOP_V6,
    workstation: [0.1, 0.35, 0.2, 0.35],
  },
  EU617: { desktop: [0.55, 0.05, 0.4, 0], integrated: [0.55, 0.05, 0.4, 0], notebook: [0.6, 0.1, 0.3, 0] },
};

const HOURS_PER_YEAR_IN_KWH = 8760 / 1000;
const power = [isNumber, nonNegative, atMost(LIMITS.powerW)];

/** Typical energy consumption, kWh/year. */
export function typicalEnergyConsumption(p: ModePowersW, deviceType = "notebook", spec = "ES8"): Result<number> {
  const error = firstError(
    ["pOff", p.pOffW, power],
    ["pSleep", p.pSleepW, power],
    ["pLongIdle", p.pLongIdleW, power],
    ["pShortIdle", p.pShortIdleW, power],
  );
  if (error) return { ok: false, error };
  const device = oneOf("deviceType", deviceType, DEVICE_TYPES);
  if (!device.ok) return device;
  const version = oneOf("spec", spec, ENERGY_SPECS);
  if (!version.ok) return version;
  const w = WEIGHTS[version.value][device.value];
  if (!w) return fail("type", "deviceType", "noWeightsForCombination", `${device.value}/${version.value}`);
  return ok(HOURS_PER_YEAR_IN_KWH * (p.pOffW * w[0] + p.pSleepW * w[1] + p.pLongIdleW * w[2] + p.pShortIdleW * w[3]));
}

/** ENERGY STAR displays v8: 8.76 × (0.35 P_on + 0.65 P_sleep) kWh/year (LCC-METHOD §3.2). */
export function displayEnergy(pOnW: number, pSleepW: number): Result<number> {
  const error = firstError(["pOn", pOnW, power], ["pSleep", pSleepW, power]);
  if (error) return { ok: false, error };
  return ok(HOURS_PER_YEAR_IN_KWH * (0.35 * pOnW + 0.65 * pSleepW));
}

/** Hours-of-use model (LCC-METHOD §2.6): Σ P_mode × h_mode per day × days / 1000. */
/** Hours per day may exceed 24 by rounding only (far below a second). */
const HOURS_TOLERANCE = 1e-9;

export function energyFromHours(powersW: readonly number[], hoursPerDay: readonly number[], daysPerYear = 365): Result<number> {
  if (powersW.length !== hoursPerDay.length) return fail("type", "hoursPerDay", "sameShape", "powerW");
  const error = firstError(
    ...powersW.map((w) => ["powerW", w, power] as const),
    ...hoursPerDay.map((h) => ["hoursPerDay", h, [isNumber, nonNegative]] as const),
    ["daysPerYear", daysPerYear, [isNumber, nonNegative, atMost(366)]],
  );
  if (error) return { ok: false, error };
  const hours = hoursPerDay.reduce((a, b) => a + b, 0);
  // Binary fractions: 0.1 + 16.1 + 7.8 sums to 24.000000000000004, which is a full day, not more.
  if (hours > 24 + HOURS_TOLERANCE) return fail("domain", "hoursPerDay", "hoursPerDayAtMost24", String(Number(hours.toPrecision(12))));
  let whPerDay = 0;
  powersW.forEach((w, i) => (whPerDay += w * hoursPerDay[i]));
  return ok((whPerDay * daysPerYear) / 1000);
}

/** Imaging equipment: ENERGY STAR TEC is stated in kWh/week (LCC-METHOD §2.7). */
export const WEEKS_PER_YEAR = 52;
export const annualKWhFromWeekly = (tecKWhPerWeek: number): number => tecKWhPerWeek * WEEKS_PER_YEAR;
