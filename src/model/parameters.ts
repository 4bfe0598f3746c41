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

/** Where a figure comes from: `key` names its wording in src/i18n/<lang>/sources.json. */
export interface Source {
  readonly key: string;
  readonly date: string;
}

/** Emission factors, kg CO2e/kWh: Boavizta factors.yml after Scarlat et al. 2022, 2019 data (LCC-METHOD §2.1, S9). */
export const COUNTRY_PRESETS: Record<CountryCode, { readonly emissionFactorKgPerKWh: number; readonly source: Source }> = {
  BE: { emissionFactorKgPerKWh: 0.23, source: { key: "boaviztaBE", date: "2019" } },
  NL: { emissionFactorKgPerKWh: 0.45, source: { key: "boaviztaNL", date: "2019" } },
  FR: { emissionFactorKgPerKWh: 0.098, source: { key: "boaviztaFR", date: "2019" } },
  DE: { emissionFactorKgPerKWh: 0.422, source: { key: "boaviztaDE", date: "2019" } },
  EU27: { emissionFactorKgPerKWh: 0.38, source: { key: "boaviztaEU27", date: "2019" } },
};

/**
 * No per-country electricity price is confirmed in LCC-METHOD, and an unsourced default is never shipped:
 * the procurer enters it; this is where to find it, with the EU range for orientation.
 */
export const ELECTRICITY_PRICE_HINT: Source = { key: "electricityPrice", date: "2024-04" };

/** Where each default comes from; [D] marks a design choice of ours (LCC-METHOD tags). */
export const PARAMETER_SOURCES: Partial<Record<keyof Parameters, Source>> = {
  discountRate: { key: "discountRate", date: "2021 / 2012" },
  evaluationYears: { key: "evaluationYears", date: "v2.4.1" },
  electricityPricePerKWh: ELECTRICITY_PRICE_HINT,
  energyEscalation: { key: "designDefaultReal", date: "2026" },
  maintenanceEscalation: { key: "designDefaultReal", date: "2026" },
  emissionFactorKgPerKWh: COUNTRY_PRESETS.EU27.source,
  co2PricePerTonne: { key: "co2Price", date: "2021" },
  timing: { key: "timing", date: "" },
  escalationBase: { key: "escalationBase", date: "" },
  paperCostPerPage: { key: "paperCost", date: "" },
  useDaysPerYear: { key: "useDays", date: "" },
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
