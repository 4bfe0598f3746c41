/**
 * What a new comparison starts with, and entries made from typed values: the light part of the form
 * that the first screen needs (parsing and rules are in form.ts, loaded with the later steps).
 */
import { numberText, parameterText } from "../../host/entries";
import type { Entries } from "../../host/types";
import type { Language } from "../../i18n/core";
import { type Bid, type ComparisonKind, bidFields, emptyBid } from "../../model/bid";
import { DEFAULT_PARAMETERS, type Parameters } from "../../model/parameters";

export { numberText, percentText, parameterText } from "../../host/entries";

export function defaultParameterEntries(lang: Language): Entries {
  const keys = Object.keys(DEFAULT_PARAMETERS) as (keyof Parameters)[];
  return Object.fromEntries(keys.map((k) => [k, parameterText(k, DEFAULT_PARAMETERS[k], lang)]));
}

/** The fields of a Bid as text; null (blank) keeps its documented meaning. */
export function bidEntries(bid: Bid, kind: ComparisonKind, lang: Language): Entries {
  return Object.fromEntries(
    bidFields(kind).map((f) => {
      const v = bid[f.key];
      return [f.key, v === null ? "" : typeof v === "number" ? numberText(v, lang) : String(v)];
    }),
  );
}

/** A new offer: defaults filled in, but what the offer must state (quantity, price…) left blank to be typed. */
export function newBidEntries(kind: ComparisonKind, lang: Language): Entries {
  const entries = { ...bidEntries(emptyBid(kind), kind, lang) };
  for (const f of bidFields(kind)) if (f.required && f.kind === "number") entries[f.key] = "";
  return entries;
}

export const MODE_FIELDS = ["onW", "onHoursPerDay", "sleepW", "sleepHoursPerDay", "offW"] as const;
export type EnergyMode = "tec" | "modes";

/** Switching the energy input clears the other one, so what is shown is what is computed. */
export function withEnergyMode(e: Entries, mode: EnergyMode): Entries {
  if (mode === "tec") return { ...e, energyMode: mode, ...Object.fromEntries(MODE_FIELDS.map((k) => [k, ""])) };
  return { ...e, energyMode: mode, tecKWhPerYear: "" };
}
