/**
 * The general inputs of one comparison (LCC-METHOD §2.1), with their defaults, units and sources, and the
 * country presets. One definition feeds the Parameters sheet, the wizard's form and validation.
 */
import type { EscalationBase, Timing } from "../engine/discounting";
import type { ScoringMethod } from "../engine/scoring";

export type CountryCode = "BE" | "NL" | "FR" | "DE" | "EU27";
export const COUNTRIES: readonly CountryCode[] = ["BE", "NL", "FR", "DE", "EU27"];
export type ResidualCurve = "laptop" | "tablet";
export type RateType = "real" | "nominal";

export interface Parameters {
  /** Framework agreements: the central buyer names and versions the parameter set. */
  readonly parameterSetName: string;
  readonly parameterSetVersion: string;
  readonly currency: string;
  readonly country: CountryCode | "custom";
  readonly discountRate: number;
  readonly rateType: RateType;
  readonly evaluationYears: number;
  /** Excl. VAT for public bodies that recover it. No default: it must be entered (see ELECTRICITY_PRICE_HINT). */
  readonly electricityPricePerKWh: number;
  readonly energyEscalation: number;
  readonly maintenanceEscalation: number;
  readonly emissionFactorKgPerKWh: number;
  readonly co2PricePerTonne: number;
  readonly co2Escalation: number;
  readonly timing: Timing;
  readonly escalationBase: EscalationBase;
  /** Art. 68(2): only when announced in the tender documents. */
  readonly includeExternalities: boolean;
  readonly scoringMethod: ScoringMethod;
  /** Maximum points for price (LCC) and for quality in the MEAT award. */
  readonly pricePoints: number;
  readonly qualityPoints: number;
  /** Range method only: the bounds announced in the tender; 0 = use the lowest and highest offer. */
  readonly rangeBestValue: number;
  readonly rangeWorstValue: number;
  /** Residual value when a bid gives none ("use curve"): the authority's curve for all bids (§5.3). */
  readonly residualCurve: ResidualCurve;
  /** Hours-of-use model (§2.6): working days on which the on/sleep hours apply; other days are off. */
  readonly useDaysPerYear: number;
  /** Imaging equipment (§2.7): the authority's print volume and paper, the same for every offer. */
  readonly monoPagesPerYear: number;
  readonly colourPagesPerYear: number;
  readonly paperCostPerPage: number;
  readonly duplexShare: number;
}

export interface Source {
  readonly text: string;
  readonly date: string;
}

/** Emission factors, kg CO2e/kWh: Boavizta factors.yml after Scarlat et al. 2022, 2019 data (LCC-METHOD §2.1, S9). */
export const COUNTRY_PRESETS: Record<CountryCode, { readonly emissionFactorKgPerKWh: number; readonly source: Source }> = {
  BE: { emissionFactorKgPerKWh: 0.23, source: { text: "Boavizta / Scarlat et al. 2022 (BEL)", date: "2019 data" } },
  NL: { emissionFactorKgPerKWh: 0.45, source: { text: "Boavizta / Scarlat et al. 2022 (NLD)", date: "2019 data" } },
  FR: { emissionFactorKgPerKWh: 0.098, source: { text: "Boavizta / Scarlat et al. 2022 (FRA)", date: "2019 data" } },
  DE: { emissionFactorKgPerKWh: 0.422, source: { text: "Boavizta / Scarlat et al. 2022 (DEU)", date: "2019 data" } },
  EU27: { emissionFactorKgPerKWh: 0.38, source: { text: "Boavizta / Scarlat et al. 2022 (EEE)", date: "2019 data" } },
};

/**
 * No per-country electricity price is confirmed in LCC-METHOD, and an unsourced default is never shipped:
 * the procurer enters it; this is where to find it, with the EU range for orientation.
 */
export const ELECTRICITY_PRICE_HINT: Source = {
  text: "Eurostat nrg_pc_205, non-household consumers, band IB, excl. VAT and recoverable taxes; EU range 2H2023: 0.089 (FI) to 0.276 (CY) EUR/kWh",
  date: "2024-04",
};

/** Where each default comes from; [D] marks a design choice of ours (LCC-METHOD tags). */
export const PARAMETER_SOURCES: Partial<Record<keyof Parameters, Source>> = {
  discountRate: { text: "EC Better Regulation Toolbox social discount rate, 4 % real [R]; NL KiM advises 2.5 % for LCC", date: "2021 / 2012" },
  evaluationYears: { text: "Boavizta archetypes: laptop 4 y, desktop and monitor 6 y, tablet 3 y", date: "v2.4.1" },
  electricityPricePerKWh: ELECTRICITY_PRICE_HINT,
  energyEscalation: { text: "[D] design default, real terms", date: "2026" },
  maintenanceEscalation: { text: "[D] design default, real terms", date: "2026" },
  emissionFactorKgPerKWh: COUNTRY_PRESETS.EU27.source,
  co2PricePerTonne: { text: "[D] example; EIB shadow cost of carbon rises to 250 EUR/t in 2030", date: "2021" },
  timing: { text: "Excel NPV convention: end of year", date: "" },
  escalationBase: { text: "[D] flat: year-1 cost = today's price", date: "" },
  paperCostPerPage: { text: "EU ENERGY STAR calculator default, about 1.6 EUR cent per page", date: "dated" },
  useDaysPerYear: { text: "[D] office pattern: 220 working days (LCC-METHOD §2.6)", date: "" },
};

export const DEFAULT_PARAMETERS: Parameters = {
  parameterSetName: "",
  parameterSetVersion: "",
  currency: "EUR",
  country: "EU27",
  discountRate: 0.04,
  rateType: "real",
  evaluationYears: 4,
  electricityPricePerKWh: 0,
  energyEscalation: 0.02,
  maintenanceEscalation: 0,
  emissionFactorKgPerKWh: COUNTRY_PRESETS.EU27.emissionFactorKgPerKWh,
  co2PricePerTonne: 100,
  co2Escalation: 0,
  timing: "end",
  escalationBase: "flat",
  includeExternalities: false,
  scoringMethod: "lowest",
  pricePoints: 40,
  qualityPoints: 60,
  rangeBestValue: 0,
  rangeWorstValue: 0,
  residualCurve: "laptop",
  useDaysPerYear: 220,
  monoPagesPerYear: 0,
  colourPagesPerYear: 0,
  paperCostPerPage: 0.016,
  duplexShare: 0,
};

/** Applies a country preset: only the emission factor is sourced per country (see ELECTRICITY_PRICE_HINT). */
export function withCountry(p: Parameters, country: CountryCode): Parameters {
  return { ...p, country, emissionFactorKgPerKWh: COUNTRY_PRESETS[country].emissionFactorKgPerKWh };
}
