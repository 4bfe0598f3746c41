/** The wizard's state and every change a step can make to it: one reducer, so saving is one effect. */
import type { SavedComparison } from "../../host/types";
import type { Language } from "../../i18n/core";
import { type ProductGroup, kindOf } from "../../model/bid";
import { type Entries, defaultParameterEntries, newBidEntries, numberText, parameterText } from "../../model/entries";
import { COUNTRY_PRESETS, type CountryCode, type Parameters } from "../../model/parameters";
import type { ParameterSet } from "../../model/parameterSet";
import { type EnergyMode, withEnergyMode } from "./defaults";

export const STEPS = ["start", "parameters", "criteria", "bids", "results", "write"] as const;
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
  /** A framework agreement's parameter set adopted in the Parameters step; locked: its values read-only except the local ones. */
  readonly framework?: ParameterSet;
  readonly frameworkLocked?: boolean;
  /** A call-off of the set's awarded offers: the quantity typed per product key (kept as typed, even when wrong). */
  readonly callOff?: Entries;
  /** A mini-competition was started under the set: only offers of the framework's suppliers are ranked. */
  readonly miniCompetition?: boolean;
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
  | { readonly type: "circular"; readonly key: string; readonly text: string }
  | { readonly type: "adoptSet"; readonly set: ParameterSet; readonly lang: Language }
  | { readonly type: "dropSet" }
  | { readonly type: "lockSet"; readonly locked: boolean }
  | { readonly type: "callOffQuantity"; readonly key: string; readonly text: string }
  | { readonly type: "miniCompetition"; readonly lang: Language };

export function initialState(lang: Language, group: ProductGroup = "computers"): WizardState {
  return { group, parameters: defaultParameterEntries(lang), offers: [], circular: {}, nextId: 1 };
}

const offersOf = (list: readonly Entries[], first: number): Offer[] => list.map((entries, i) => ({ id: first + i, entries }));

const mapOffer = (s: WizardState, id: number, f: (e: Entries) => Entries): WizardState => ({
  ...s,
  offers: s.offers.map((o) => (o.id === id ? { ...o, entries: f(o.entries) } : o)),
});

/** A value of a locked framework set that is not one of its local fields: the Parameters step shows it read-only. */
export const isLocked = (s: Pick<WizardState, "framework" | "frameworkLocked">, key: string): boolean =>
  !!s.framework && !!s.frameworkLocked && key in s.framework.parameters && !s.framework.local.includes(key as keyof Parameters);

export function reducer(s: WizardState, a: Action): WizardState {
  switch (a.type) {
    case "load":
      return {
        group: a.saved.group,
        parameters: { ...s.parameters, ...a.saved.parameters },
        offers: offersOf(a.saved.bids, 1),
        circular: { ...s.circular, ...a.saved.circular },
        nextId: a.saved.bids.length + 1,
        framework: a.saved.framework,
        frameworkLocked: a.saved.frameworkLocked,
        ...(a.saved.framework && a.saved.callOff ? { callOff: a.saved.callOff } : {}),
        ...(a.saved.framework && a.saved.miniCompetition ? { miniCompetition: true } : {}),
      };
    case "reset":
      return initialState(a.lang, a.group);
    case "group":
      return { ...s, group: a.group };
    case "parameter":
      if (isLocked(s, a.key)) return s;
      return { ...s, parameters: { ...s.parameters, [a.key]: a.text } };
    case "country": {
      if (isLocked(s, "country") || (a.country !== "custom" && isLocked(s, "emissionFactorKgPerKWh"))) return s;
      // A preset brings its sourced emission factor; "custom" keeps whatever factor is there.
      const factor: Entries =
        a.country === "custom" ? {} : { emissionFactorKgPerKWh: numberText(COUNTRY_PRESETS[a.country].emissionFactorKgPerKWh, a.lang) };
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
    case "adoptSet": {
      // Every value of the set, local ones too (the publisher's value is where a participant starts from).
      const keys = Object.keys(a.set.parameters) as (keyof Parameters)[];
      const entries = Object.fromEntries(keys.map((k) => [k, parameterText(k, a.set.parameters[k], a.lang)]));
      return { ...s, parameters: { ...s.parameters, ...entries }, framework: a.set, frameworkLocked: false, miniCompetition: undefined };
    }
    case "dropSet":
      return { ...s, framework: undefined, frameworkLocked: undefined, callOff: undefined, miniCompetition: undefined };
    case "lockSet":
      return s.framework ? { ...s, frameworkLocked: a.locked } : s;
    case "callOffQuantity":
      return { ...s, callOff: { ...s.callOff, [a.key]: a.text } };
    case "miniCompetition": {
      // A new comparison under the set's values and criteria (the participant's local values kept), locked, for the suppliers' updated offers.
      if (!s.framework) return s;
      const set = s.framework;
      const keys = (Object.keys(set.parameters) as (keyof Parameters)[]).filter((k) => !set.local.includes(k));
      const entries = Object.fromEntries(keys.map((k) => [k, parameterText(k, set.parameters[k], a.lang)]));
      return { ...s, parameters: { ...s.parameters, ...entries }, offers: [], frameworkLocked: true, miniCompetition: true };
    }
  }
}

export const toSaved = (s: WizardState): SavedComparison => ({
  group: s.group,
  parameters: s.parameters,
  bids: s.offers.map((o) => o.entries),
  circular: s.circular,
  ...(s.framework ? { framework: s.framework, frameworkLocked: s.frameworkLocked === true } : {}),
  ...(s.framework && s.callOff && Object.values(s.callOff).some((v) => v.trim() !== "") ? { callOff: s.callOff } : {}),
  ...(s.framework && s.miniCompetition ? { miniCompetition: true } : {}),
});
