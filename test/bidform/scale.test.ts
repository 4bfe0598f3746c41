/**
 * A form of 10 000 offer rows (MAX_FORM_ROWS), in Node: filled to the last row, it imports every offer;
 * one answer below the last row refuses it, naming that cell. The wizard's part (off the main thread or in
 * chunks) is not tested here.
 */
import type { Parameters } from "../../src/model";
import { MAX_FORM_ROWS } from "../../src/model/bidForm";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { formsReport } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { randomComputerBids } from "../fixtures/randomBids";
import { referenceParameters } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "./forms";

const P: Parameters = { ...referenceParameters, parameterSetName: "Framework 2027", parameterSetVersion: "1" };

describe(`a form of ${MAX_FORM_ROWS} rows`, () => {
  it("imports all of its offers, or refuses it naming the cell below the last row", async () => {
    const form = await writeBidForm("computers", P, "en", { rows: MAX_FORM_ROWS + 500 });
    expect(form.stamp.rows).toBe(MAX_FORM_ROWS);
    const bids = randomComputerBids(MAX_FORM_ROWS, 7, false).map((b, i) => ({
      ...b,
      supplier: "Big Supplier",
      product: `Model ${i}`,
      qualityPoints: 0,
    }));
    const filled = await fillForm(form.bytes, form.stamp, { supplier: "Big Supplier", bids });
    const start = performance.now();
    const batch = await importBidForms([{ name: "big.xlsx", bytes: filled }], "computers", P, "en");
    const seconds = (performance.now() - start) / 1000;
    expect(formsReport(batch, "en")[0]).toBe(`big.xlsx: ${MAX_FORM_ROWS} offers of Big Supplier imported.`);
    expect(batch.bids).toHaveLength(MAX_FORM_ROWS);
    expect(batch.bids[MAX_FORM_ROWS - 1]).toEqual(bids[MAX_FORM_ROWS - 1]);
    expect(seconds).toBeLessThan(60);

    const below = cellOf(form.stamp, "product", MAX_FORM_ROWS);
    const tooMany = await fillForm(filled, form.stamp, { cells: { [below]: "Model 10000" } });
    const refused = await importBidForms([{ name: "big.xlsx", bytes: tooMany }], "computers", P, "en");
    expect(refused.bids).toEqual([]);
    expect(formsReport(refused, "en").slice(0, 2)).toEqual([
      "big.xlsx: refused, nothing imported.",
      `  big.xlsx, sheet “Offer”, cell ${below}: this cell is outside the input cells but holds “Model 10000”.`,
    ]);
  }, 300_000);
});
