/**
 * A mini-competition is limited to the framework's suppliers: evaluateComparison with the suppliers ranks and
 * scores only their offers; another supplier's offer gets the reason "not a framework supplier" in the one
 * list of reasons, after its other reasons, and no rank or score, and the others are scored among themselves.
 * The saved format 5 keeps the call-off's quantities and the mini-competition; a version-4 save reads as before.
 */
import { readSaved, storedText } from "../../src/host/savedFormat";
import { evaluateComparison } from "../../src/model/evaluate";
import { productKey } from "../../src/model/callOff";
import { publishParameterSet } from "../../src/model/parameterSet";
import { bidA, bidB, expectedReference, referenceParameters } from "../fixtures/referenceBids";
import { referenceComparison } from "../wizard/support";
import { webcrypto } from "node:crypto";

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

describe("a mini-competition ranks only the framework's suppliers", () => {
  const p = { ...referenceParameters, requiredSparePartsYears: 5 };
  const shortSpares = { ...bidB, sparePartsYears: 3 };

  it("gives an outsider's offer the reason and no rank, and ranks the others as if it were not there", () => {
    const all = evaluateComparison(referenceParameters, [bidA, bidB], "computers");
    if (!all.ok) throw new Error("evaluation failed");
    expect(all.value.bids.map((b) => b.rank)).toEqual([2, 1]);
    const mini = evaluateComparison(referenceParameters, [bidA, bidB], "computers", { suppliers: ["Supplier A"] });
    if (!mini.ok) throw new Error("evaluation failed");
    const [a, b] = mini.value.bids;
    expect(b.compliant).toBe(false);
    expect(b.reasons).toEqual([{ requirement: "frameworkSupplier", supplier: "Supplier B" }]);
    for (const k of ["rank", "priceScore", "meatScore", "meatRank", "criteriaPoints", "qualityTotal"] as const) expect(b[k]).toBeNaN();
    // Its figures stay (listed, not ranked); A alone is first with every price point.
    expect(Math.abs(b.breakdown.total - expectedReference.B.lcc)).toBeLessThan(0.01);
    expect([a.rank, a.priceScore, a.compliant]).toEqual([1, referenceParameters.pricePoints, true]);
    expect(mini.value.bestValue).toBeCloseTo(expectedReference.A.lcc, 2);
  });

  it("adds the supplier reason after the commitments' reasons, in one list", () => {
    const r = evaluateComparison(p, [{ ...bidA, sparePartsYears: 6 }, shortSpares], "computers", { suppliers: [" Supplier A "] });
    if (!r.ok) throw new Error("evaluation failed");
    expect(r.value.bids[1].reasons).toEqual([
      { requirement: "sparePartsYears", required: 5, answer: 3 },
      { requirement: "frameworkSupplier", supplier: "Supplier B" },
    ]);
    expect([r.value.bids[0].reasons, r.value.bids[0].rank]).toEqual([[], 1]);
  });
});

describe("saved format 5", () => {
  it("keeps the call-off's quantities and the mini-competition with the set; a version-4 save has neither", async () => {
    const set = await publishParameterSet(
      referenceParameters,
      { name: "F", version: "1", date: "2026-12-03", publisher: "CPB", local: [] },
      { kind: "computers", bids: [bidA, bidB] },
    );
    const callOff = { [productKey(bidA)]: "30", [productKey(bidB)]: "-3" };
    const saved = { ...referenceComparison(), framework: set, frameworkLocked: true, callOff, miniCompetition: true };
    const stored = JSON.parse(storedText(saved));
    expect([stored.version, stored.callOff, stored.miniCompetition]).toEqual([5, callOff, true]);
    expect(readSaved(storedText(saved)).comparison).toEqual(saved);

    const v4 = JSON.stringify({ ...stored, version: 4, callOff: undefined, miniCompetition: undefined });
    const read = readSaved(v4);
    expect(read.unreadable).toEqual([]);
    expect(read.comparison).toEqual({ ...referenceComparison(), framework: set, frameworkLocked: true });
    // Without a set there is nothing to call off: stray quantities are not kept.
    expect(JSON.parse(storedText({ ...referenceComparison(), callOff }))).not.toHaveProperty("callOff");
    const bad = readSaved(JSON.stringify({ ...stored, callOff: { [productKey(bidA)]: { n: 30 } } }));
    expect(bad.unreadable).toEqual([`callOff.${productKey(bidA)}`]);
  });
});
