/**
 * A returned bid form of 10 000 offer rows (MAX_FORM_ROWS) with the §4 criteria answers, through the
 * wizard's import path: the same offThread call and tender worker module (tender.worker.ts → tenderJob)
 * as the Write step's "Import returned bid forms", the worker being a real thread (Node's, behind the Web
 * Worker interface). The whole form is imported (all 10 000 offers, each checked as the offer cards check
 * them), and a form with one wrong answer in its last row is refused at that cell; meanwhile this thread
 * keeps turning (a count of event-loop turns, not a time: unit tests do not time things; `npm run bench`
 * prints the times).
 */
import { join } from "node:path";
import type { Bid, Parameters } from "../../src/model";
import { MAX_FORM_ROWS } from "../../src/model/bidForm";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { OFFER_PART, unpackOffers } from "../../src/taskpane/wizard/offerParts";
import { type TenderJob, type TenderJobResult, tenderJob } from "../../src/taskpane/wizard/tenderJob";
import { cellOf, fillForm, offersForForm } from "../bidform/forms";
import { SECTION_4 } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { countTurnsDuring, offThreadInNode } from "../support/nodeWorker";

jest.setTimeout(600_000);

const P: Parameters = {
  ...referenceParameters,
  qualityPoints: 60,
  criteria: SECTION_4,
  parameterSetName: "Raamcontract 2027",
  parameterSetVersion: "1",
};
const WORKER = join(__dirname, "../../src/taskpane/wizard/tender.worker.ts");

/**
 * The Write step's call importing one returned form, groot.xlsx, into a comparison with no offers yet, with the
 * tender worker in a real thread; the answer must come from that thread, and be an import's.
 */
async function importInWorker(bytes: Uint8Array): Promise<{ value: Extract<TenderJobResult, { job: "import" }>; turns: number }> {
  const job: TenderJob = {
    job: "import",
    kind: "computers",
    parameters: P,
    lang: "nl",
    files: [{ name: "groot.xlsx", bytes }],
    existing: [],
  };
  const { value, turns } = await countTurnsDuring(offThreadInNode(WORKER, job, tenderJob));
  expect([value.byWorker, value.errors]).toEqual([true, []]);
  if (value.value.job !== "import") throw new Error("unexpected answer");
  return { value: value.value, turns };
}

describe(`a returned form of ${MAX_FORM_ROWS} rows with criteria answers, through the wizard's tender worker`, () => {
  let form: Awaited<ReturnType<typeof writeBidForm>>;
  let filled: Uint8Array;
  let bids: Bid[];

  beforeAll(async () => {
    form = await writeBidForm("computers", P, "nl", { rows: MAX_FORM_ROWS });
    bids = offersForForm(form.stamp, MAX_FORM_ROWS, 11, "Grote Leverancier");
    filled = await fillForm(form.bytes, form.stamp, { supplier: "Grote Leverancier", bids });
  });

  it("imports every offer, with its criteria answers, each as the offer cards check it", async () => {
    const { value, turns } = await importInWorker(filled);
    expect(value.forms).toEqual([
      { file: "groot.xlsx", ok: true, lines: [`groot.xlsx: ${MAX_FORM_ROWS} offertes van Grote Leverancier ingelezen.`] },
    ]);
    expect(value.summary).toBe(`1 van 1 formulieren ingelezen, 0 geweigerd; toe te voegen offertes: ${MAX_FORM_ROWS}.`);
    // Packed in parts the pane reads one per task; the checks come back exactly as bidFromEntries made them.
    expect(value.parts).toHaveLength(MAX_FORM_ROWS / OFFER_PART);
    const { offers, checks } = await unpackOffers(value.parts);
    expect(offers).toHaveLength(MAX_FORM_ROWS);
    expect(checks.every((c) => Object.keys(c.errors).length === 0)).toBe(true);
    expect(checks.map((c) => c.bid)).toStrictEqual(bids);
    expect(offers.filter((o) => o.takeBack === "ja").length).toBe(bids.filter((b) => b.criteria?.takeBack === true).length);
    expect(turns).toBeGreaterThan(100);
  });

  it("refuses the form for one wrong answer in its last row, naming the cell, and adds nothing", async () => {
    const cell = cellOf(form.stamp, "batteryCycles", MAX_FORM_ROWS - 1);
    const bad = await fillForm(filled, form.stamp, { cells: { [cell]: "veel" } });
    const { value } = await importInWorker(bad);
    expect(value.forms).toEqual([
      {
        file: "groot.xlsx",
        ok: false,
        lines: [
          "groot.xlsx: geweigerd, niets ingelezen.",
          `groot.xlsx, blad „Offerte”, cel ${cell}: Batterijcycli (cycli) moet een getal zijn.`,
        ],
      },
    ]);
    expect(value.parts).toEqual([]);
  });
});
