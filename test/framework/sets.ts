/** The set the framework tests adopt: the reference parameters (changed where given), the electricity price left local. */
import type { Parameters } from "../../src/model/parameters";
import { type FrameworkOffers, publishParameterSet } from "../../src/model/parameterSet";
import { referenceParameters } from "../fixtures/referenceBids";

export const referenceSet = (name: string, changed: Partial<Parameters> = {}, offers?: FrameworkOffers) =>
  publishParameterSet(
    { ...referenceParameters, ...changed },
    { name, version: "2", date: "2026-01-10", publisher: "Central Buying Office", local: ["electricityPricePerKWh"] },
    offers,
  );
