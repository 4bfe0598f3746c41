/** The wizard's state and every change a step can make to it: one reducer, so saving is one effect. */
import type { SavedComparison } from "../../host/types";
import type { Language } from "../../i18n/core";
import { type ProductGroup, kindOf } from "../../model/bid";
import { type Entries, defaultParameterEntries, newBidEntries, numberText } from "../../model/entries";
import { COUNTRY_PRESETS, type CountryCode } from "../../model/parameters";
import { type EnergyMode, withEnergyMode } from "./defaults";

export const STEPS = ["start", "parameters", "bids", "results", "write"] as const;
export type StepId = (typeof STEPS)[number];

export interface Offer {
  /** Stable React key; not saved. */
  readonly id: number;
  readonly entries: Entries;
}

export interface WizardState {
  readonly group: ProductGroup;
  readonly parameters: Entries;
  readonly offers: readonly Offer[];
  readonly circular: Entries;
  readonly nextId: number;
}

export type Action =
  | { readonly type: "load"; readonly saved: SavedComparison }
  | { readonly type: "reset"; readonly group: ProductGroup; readonly lang: Language }
  | { readonly type: "group"; readonly group: ProductGroup }
  | { readonly type: "parameter"; readonly key: string; readonly text: string }
  | { readonly type: "country"; readonly country: CountryCode | "custom"; readonly lang: Language }
  | { readonly type: "addOffer"; readonly lang: Language }
  | { readonly type: "duplicateOffer"; readonly id: number }
  | { readonly type: "removeOffer"; readonly id: number }
  | { readonly type: "offerField"; readonly id: number; readonly key: string; readonly text: string }
  | { readonly type: "energyMode"; readonly id: number; readonly mode: EnergyMode }
  | { readonly type: "importOffers"; readonly offers: readonly Entries[] }
  | { readonly type: "circular"; readonly key: string; readonly text: string };

export function initialState(lang: Language, group: ProductGroup = "computers"): WizardState {
  return { group, parameters: defaultParameterEntries(lang), offers: [], circular: {}, nextId: 1 };
}

const offersOf = (list: readonly Entries[], first: number): Offer[] => list.map((entries, i) => ({ id: first + i, entries }));

const mapOffer = (s: WizardState, id: number, f: (e: Entries) => Entries): WizardState => ({
  ...s,
  offers: s.offers.map((o) => (o.id === id ? { ...o, entries: f(o.entries) } : o)),
});

export function reducer(s: WizardState, a: Action): WizardState {
  switch (a.type) {
    case "load":
      return {
        group: a.saved.group,
        parameters: { ...s.parameters, ...a.saved.parameters },
        offers: offersOf(a.saved.bids, 1),
        circular: { ...s.circular, ...a.saved.circular },
        nextId: a.saved.bids.length + 1,
      };
    case "reset":
      return initialState(a.lang, a.group);
    case "group":
      return { ...s, group: a.group };
    case "parameter":
      return { ...s, parameters: { ...s.parameters, [a.key]: a.text } };
    case "country": {
      // A preset brings its sourced emission factor; "custom" keeps whatever factor is there.
      const factor: Entries = a.country === "custom" ? {} : { emissionFactorKgPerKWh: numberText(COUNTRY_PRESETS[a.country].emissionFactorKgPerKWh, a.lang) };
      return { ...s, parameters: { ...s.parameters, country: a.country, ...factor } };
    }
    case "addOffer":
      return { ...s, offers: [...s.offers, { id: s.nextId, entries: newBidEntries(kindOf(s.group), a.lang) }], nextId: s.nextId + 1 };
    case "duplicateOffer": {
      const i = s.offers.findIndex((o) => o.id === a.id);
      if (i < 0) return s;
      const copy = { id: s.nextId, entries: s.offers[i].entries };
      return { ...s, offers: [...s.offers.slice(0, i + 1), copy, ...s.offers.slice(i + 1)], nextId: s.nextId + 1 };
    }
    case "removeOffer":
      return { ...s, offers: s.offers.filter((o) => o.id !== a.id) };
    case "offerField":
      return mapOffer(s, a.id, (e) => ({ ...e, [a.key]: a.text }));
    case "energyMode":
      return mapOffer(s, a.id, (e) => withEnergyMode(e, a.mode));
    case "importOffers":
      return { ...s, offers: [...s.offers, ...offersOf(a.offers, s.nextId)], nextId: s.nextId + a.offers.length };
    case "circular":
      return { ...s, circular: { ...s.circular, [a.key]: a.text } };
  }
}

export const toSaved = (s: WizardState): SavedComparison => ({
  group: s.group,
  parameters: s.parameters,
  bids: s.offers.map((o) => o.entries),
  circular: s.circular,
});
