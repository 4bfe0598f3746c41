/**
 * Imported offers cross from the tender worker packed as JSON parts (offerParts.ts): read back in order,
 * the checks exactly as bidFromEntries made them, and one part per task (other work runs between parts).
 */
import { bidEntries, bidFromEntries } from "../../src/model/entries";
import { OFFER_PART, packOffers, unpackOffers } from "../../src/taskpane/wizard/offerParts";
import { SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { randomComputerBids, withRandomAnswers } from "../fixtures/randomBids";

const offersOf = (n: number) => withRandomAnswers(randomComputerBids(n, 7, false), 8).map((b) => bidEntries(b, "computers", "nl"));

describe("offer parts", () => {
  it("packs 2 500 offers in parts of 1 000 and reads them back in order, checks and all", async () => {
    const offers = offersOf(2500);
    const checks = offers.map((e) => bidFromEntries(e, "computers"));
    const parts = packOffers(offers, checks);
    expect(OFFER_PART).toBe(1000);
    expect(parts).toHaveLength(3);
    const back = await unpackOffers(parts);
    expect(back.offers).toStrictEqual(offers);
    expect(back.checks).toStrictEqual(checks);
  });

  it("keeps an offer's errors and a criteria answer left blank as they were", async () => {
    const offers = SECTION_4_BIDS.map((b) => bidEntries(b, "computers", "en"));
    offers[1] = { ...offers[1], price: "a lot" };
    const checks = offers.map((e) => bidFromEntries(e, "computers"));
    expect(checks[1].bid).toBeUndefined();
    expect(Object.keys(checks[1].errors)).toEqual(["price"]);
    expect(checks[0].bid?.criteria?.batteryCycles).toBe(500);
    expect(checks[4].bid?.criteria).not.toHaveProperty("batteryCycles");
    const back = await unpackOffers(packOffers(offers, checks, 2));
    // A flagged offer's `bid: undefined` comes back as no bid at all, which reads the same.
    expect(back.checks).toEqual(checks);
    expect(back.checks[1].bid).toBeUndefined();
    expect(back.checks.map((c) => c.errors)).toStrictEqual(checks.map((c) => c.errors));
    expect(back.checks.map((c) => c.bid)).toStrictEqual(checks.map((c) => c.bid));
  });

  it("reads one part per task: work queued meanwhile runs between the parts", async () => {
    const offers = offersOf(30);
    const parts = packOffers(
      offers,
      offers.map((e) => bidFromEntries(e, "computers")),
      10,
    );
    const events: string[] = [];
    const parse = JSON.parse;
    const spy = jest.spyOn(JSON, "parse").mockImplementation((text: string) => {
      events.push("part");
      return parse(text) as unknown;
    });
    let done = false;
    const tick = () => {
      if (done) return;
      events.push("task");
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    try {
      expect((await unpackOffers(parts)).offers).toStrictEqual(offers);
    } finally {
      done = true;
      spy.mockRestore();
    }
    // Parsed all at once, the three parts would follow one another; a queued task runs between each two.
    const order = events.join(" ").replace(/(task )+/g, "task ");
    expect(order).toMatch(/^part task part task part/);
  });

  it("packs no offers as no parts", async () => {
    expect(packOffers([], [])).toEqual([]);
    expect(await unpackOffers([])).toEqual({ offers: [], checks: [] });
  });
});
