/**
 * @jest-environment jsdom
 *
 * CRITERIA.md §4 through the Write step's "Import returned bid forms", in Dutch: the bid form downloaded
 * from the pane with the §4 criteria, returned by the five bidders P–T with their criteria answers, chosen
 * at once; the tender worker (a real thread: Node's, behind the Web Worker interface) reads them and sends
 * the offers back packed in parts. The import report says what came in; the offers are in the Offers step
 * with their answers (P's battery cycles, R's refurbishment quality), and the Results rank them as §4 does:
 * S out for its spare parts, then R, Q, P, T on price-quality.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webcrypto } from "node:crypto";
import { join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { bidEntries, parameterText } from "../../src/model";
import { stampOf } from "../../src/model/bidForm";
import { readReturnedForm } from "../../src/templates/bidForm/readBidForm";
import { fillForm } from "../bidform/forms";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { type WebLikeWorker, startNodeWorker } from "../support/nodeWorker";
import { checked, hostWith, openStep, parameterEntriesOf, renderApp, text, value } from "./support";

jest.setTimeout(300_000);

const WORKER = join(__dirname, "../../src/taskpane/wizard/tender.worker.ts");
const started: WebLikeWorker[] = [];
jest.mock("../../src/taskpane/wizard/startTenderWorker", () => ({
  startTenderWorker: () => {
    started.push(startNodeWorker(WORKER));
    return started[started.length - 1];
  },
}));

// Every browser the pane supports has TextEncoder and WebCrypto; jsdom's window lacks them: Node's stand in.
Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = function Worker() {}; // offThread checks only that there is one
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

/** A Fluent Radio's input, wherever its test id landed. */
const radio = (id: string): HTMLElement => {
  const el = screen.getByTestId(id);
  return el.tagName === "INPUT" ? el : (el.querySelector("input") as HTMLElement);
};

it("imports the §4 bidders' returned forms in Dutch: report, answers in the Offers step, S out and R, Q, P, T in the Results", async () => {
  const user = userEvent.setup();
  const files: { name: string; bytes: Uint8Array }[] = [];
  renderApp(
    hostWith(
      {
        group: "computers",
        parameters: {
          ...parameterEntriesOf(referenceParameters, "nl"),
          criteria: parameterText("criteria", SECTION_4, "nl"),
          parameterSetName: "Laptops 2027",
          parameterSetVersion: "2",
        },
        bids: [],
        circular: {},
      },
      { locale: "nl-BE", files },
    ),
  );
  await openStep(user, "write");
  await user.click(await screen.findByRole("button", { name: "Offerteformulier downloaden (.xlsx)" }));
  expect(text(await screen.findByTestId("tender-status", {}, { timeout: 120_000 }))).toBe("offerteformulier-laptops-2027.xlsx gedownload.");
  const [form] = files;
  const { stamp } = stampOf(await readReturnedForm({ name: form.name, bytes: form.bytes }));
  if (!stamp) throw new Error("the downloaded form carries no stamp");
  // The form asks the §4 answers that are not offer fields already (warranty and spare parts are).
  expect(stamp.criteria.map((c) => c.id)).toEqual(["batteryCycles", "label", "takeBack", "refurbishmentQuality"]);

  // Each bidder returns the form with its own offer and answers.
  const returned = await Promise.all(
    SECTION_4_BIDS.map(
      async (b) => new File([(await fillForm(form.bytes, stamp, { supplier: b.supplier, bids: [b] })) as BlobPart], `${b.product}.xlsx`),
    ),
  );
  await user.upload(screen.getByTestId("tender-forms-input"), returned);
  const report = await screen.findByTestId("tender-report", {}, { timeout: 120_000 });
  expect(SECTION_4_BIDS.map((_, i) => text(within(report).getByTestId(`tender-form-${i}`)))).toEqual(
    SECTION_4_BIDS.map((b) => `${b.product}.xlsx: 1 offerte van ${b.supplier} ingelezen.`),
  );
  expect(text(report)).toContain("5 van 5 formulieren ingelezen, 0 geweigerd; toe te voegen offertes: 5.");
  expect(text(screen.getByTestId("tender-added"))).toBe("5 offertes toegevoegd aan de lijst Offertes.");
  // Both jobs ran in the worker thread; the offers came back as packed parts (text), not as objects.
  expect(started.map((w) => [w.replies.length, w.errors])).toEqual([
    [1, []],
    [1, []],
  ]);
  const answer = (started[1].replies[0] as { ok: { parts: unknown[] } }).ok;
  expect(answer.parts.map((p) => typeof p)).toEqual(["string"]);

  await user.click(screen.getByTestId("tender-goto-bids"));
  await screen.findByTestId("panel-bids");
  expect(text(screen.getByTestId("bids-summary"))).toBe("5 offertes, waarvan 0 met een probleem.");
  expect(text(screen.getByTestId("bid-card-0"))).toContain("P (Supplier P)");
  await user.click(screen.getByTestId("bid-0-toggle"));
  await user.click(screen.getByTestId("bid-0-group-criteria"));
  expect(value(screen.getByTestId("bid-0-criterion-batteryCycles"))).toBe("500");
  expect(value(screen.getByTestId("bid-0-criterion-label"))).toBe("EPEAT Silver");
  await user.click(screen.getByTestId("bid-2-toggle"));
  await user.click(screen.getByTestId("bid-2-group-criteria"));
  expect(checked(radio("bid-2-criterion-refurbishmentQuality-yes"))).toBe(true);
  expect(value(screen.getByTestId("bid-2-criterion-label"))).toBe("geen");
  // As the cards would hold them typed: the same entries as §4's offers (the procurer's quality points aside).
  expect(value(screen.getByTestId("bid-2-price"))).toBe(bidEntries(SECTION_4_BIDS[2], "computers", "nl").price);

  await openStep(user, "results");
  expect(text(screen.getByTestId("not-ranked-name-1"))).toContain("S (Supplier S)");
  expect(text(screen.getByTestId("not-ranked-reason-1"))).toBe(
    "Niet gerangschikt: Reserveonderdelen: 3 jaar, de opdracht vraagt minstens 5",
  );
  await user.click(screen.getByTestId("rank-by-meat"));
  await waitFor(() => expect(screen.getAllByTestId(/^ranking-name-/).map((el) => text(el)[0])).toEqual(["R", "Q", "P", "T"]));
  // §4's criteria points (the bid form carries no free quality points: those are the procurer's, 0 here).
  expect([1, 2, 3, 4].map((i) => text(screen.getByTestId(`ranking-quality-${i}`)))).toEqual(["8,00", "24,00", "12,71", "10,00"]);
});
