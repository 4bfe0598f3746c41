/**
 * The pane's own entry ("energyMode", not a Bid field): the light part of the form that the first screen
 * needs. Entries to and from values are src/model/entries.ts.
 */
import type { Entries } from "../../model/entries";

export const MODE_FIELDS = ["onW", "onHoursPerDay", "sleepW", "sleepHoursPerDay", "offW"] as const;
export type EnergyMode = "tec" | "modes";

/** Switching the energy input clears the other one, so what is shown is what is computed. */
export function withEnergyMode(e: Entries, mode: EnergyMode): Entries {
  if (mode === "tec") return { ...e, energyMode: mode, ...Object.fromEntries(MODE_FIELDS.map((k) => [k, ""])) };
  return { ...e, energyMode: mode, tecKWhPerYear: "" };
}
