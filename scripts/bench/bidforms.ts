/**
 * Returned bid forms (issue 10): 50 forms of 20 offers each, read and checked as `npm run template --
 * --forms` and the wizard import them. Wall time (median of 3 runs), the peak of the process's resident
 * memory while importing (sampled every 10 ms) and the heap in use right after the last run.
 */
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_FORM_ROWS } from "../../src/model/bidForm";
import { tenderJob } from "../../src/taskpane/wizard/tenderJob";
import { fillForm, offersForForm } from "../../test/bidform/forms";
import { SECTION_4 } from "../../test/fixtures/criteriaCases";
import { offThreadInNode } from "../../test/support/nodeWorker";
import { PARAMETERS } from "../../test/e2e/support/comparison";
import { randomComputerBids } from "../../test/fixtures/randomBids";
import { importBidForms, type FormFile } from "../../src/templates/bidForm/readBidForm";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import type { Figure } from "./measure";

const FORMS = 50;
const OFFERS = 20;

export async function benchBidForms(): Promise<Figure[]> {
  const parameters = { ...PARAMETERS, parameterSetName: "Bench tender", parameterSetVersion: "1" };
  const form = await writeBidForm("computers", parameters, "en", { rows: OFFERS });
  const files: FormFile[] = [];
  for (let f = 0; f < FORMS; f++) {
    const supplier = `Supplier ${f + 1}`;
    const bids = randomComputerBids(OFFERS, 100 + f, true).map((b, i) => ({
      ...b,
      supplier,
      product: `Model ${f + 1}-${i + 1}`,
      qualityPoints: 0,
    }));
    files.push({ name: `form-${f + 1}.xlsx`, bytes: await fillForm(form.bytes, form.stamp, { supplier, bids }) });
  }
  const times: number[] = [];
  let peak = 0;
  let offers = 0;
  let heapMB = 0;
  for (let run = 0; run < 3; run++) {
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const start = performance.now();
    const batch = await importBidForms(files, "computers", parameters, "en");
    times.push(performance.now() - start);
    clearInterval(sampler);
    if (batch.refused)
      throw new Error(
        `bench forms refused: ${batch.results
          .filter((r) => !r.ok)
          .map((r) => r.file)
          .join(", ")}`,
      );
    offers = batch.bids.length;
    heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  }
  times.sort((a, b) => a - b);
  return [
    { name: `Import ${FORMS} bid forms × ${OFFERS} offers (${offers} offers), wall time`, value: times[1] / 1000, unit: "s" },
    { name: `Import ${FORMS} bid forms, per form`, value: times[1] / FORMS, unit: "ms" },
    { name: `Import ${FORMS} bid forms, peak resident memory of the process`, value: peak / 2 ** 20, unit: "MB" },
    { name: `Import ${FORMS} bid forms, heap in use after the last run (not collected)`, value: heapMB, unit: "MB" },
  ];
}

/**
 * One returned form of MAX_FORM_ROWS rows with the §4 criteria answers, imported as the Write step does it
 * (offThread → the tender worker module, here in a Node worker thread): wall time, and the longest block of
 * this (the "main") thread meanwhile, from its event-loop delay. `npm run bench`'s browser part measures
 * the same import in the pane (formScale.ts).
 */
export async function benchLargeForm(): Promise<Figure[]> {
  const parameters = { ...PARAMETERS, criteria: SECTION_4, parameterSetName: "Bench tender", parameterSetVersion: "1" };
  const form = await writeBidForm("computers", parameters, "en", { rows: MAX_FORM_ROWS });
  const bids = offersForForm(form.stamp, MAX_FORM_ROWS, 41, "Big Supplier");
  const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Big Supplier", bids });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const { value, byWorker } = await offThreadInNode(
    join(__dirname, "../../src/taskpane/wizard/tender.worker.ts"),
    { job: "import", kind: "computers", parameters, lang: "en", files: [{ name: "big.xlsx", bytes }], existing: [] } as const,
    tenderJob,
  );
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  if (value.job !== "import" || !byWorker) throw new Error("the 10 000-row form was not read by the worker thread");
  const outcome = value.forms[0]?.lines[0] ?? "";
  return [
    {
      name: `Import one bid form of ${MAX_FORM_ROWS} rows × ${form.stamp.criteria.length} criteria answers, worker thread (${outcome})`,
      value: seconds,
      unit: "s",
    },
    {
      name: `Import one bid form of ${MAX_FORM_ROWS} rows, longest block of the main thread meanwhile`,
      value: delay.max / 1e6,
      unit: "ms",
    },
  ];
}
