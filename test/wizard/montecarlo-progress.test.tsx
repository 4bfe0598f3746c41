/** @jest-environment jsdom */
/**
 * The Monte Carlo section with a worker that reports progress and can be stopped: a fake Worker stands in
 * for the real one (jsdom has none), so the test controls when draws are reported and whether it finishes.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { runJob, type MonteCarloJob, type MonteCarloMessage } from "../../src/taskpane/wizard/monteCarloJob";
import { MemoryStorage, hostWith, referenceComparison, renderApp, text } from "./support";

class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: { data: MonteCarloMessage }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  job: MonteCarloJob | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(job: MonteCarloJob) {
    this.job = job;
  }
  terminate() {
    this.terminated = true;
  }
  /** As the real worker script does, from the page's side. */
  send(message: MonteCarloMessage) {
    if (!this.terminated) this.onmessage?.({ data: message });
  }
}

jest.mock("../../src/taskpane/wizard/startWorker", () => ({ startWorker: () => new FakeWorker() }));

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

async function startRun() {
  const user = userEvent.setup();
  renderApp(hostWith(referenceComparison("en"), { storage: new MemoryStorage() }));
  await user.click(await screen.findByTestId("step-results"));
  // The Results step loads on demand: on a busy machine that takes longer than findBy's default second.
  await user.click(await screen.findByTestId("mc-run", {}, { timeout: 20_000 }));
  await waitFor(() => expect(FakeWorker.last?.job).not.toBeNull());
  return { user, worker: FakeWorker.last! };
}

describe("Monte Carlo progress and cancel", () => {
  beforeEach(() => (FakeWorker.last = null));

  it("shows the draws done while the worker runs, then the result", async () => {
    const { worker } = await startRun();
    worker.send({ done: 2500 });
    await waitFor(() => expect(text(screen.getByTestId("mc-progress"))).toContain("2,500 of 10,000 draws done"));
    expect((screen.getByTestId("mc-run") as HTMLButtonElement).disabled).toBe(true);
    worker.send({ result: runJob(worker.job!) });
    const result = await screen.findByTestId("mc-result");
    expect(text(result)).toContain("Notebook B (Supplier B): first in");
    expect(screen.queryByTestId("mc-progress")).toBeNull();
    expect(worker.terminated).toBe(true);
  });

  it("stops the worker on Cancel, shows no result and lets the user run again", async () => {
    const { user, worker } = await startRun();
    worker.send({ done: 250 });
    await user.click(await screen.findByTestId("mc-cancel"));
    await waitFor(() => expect(screen.queryByTestId("mc-progress")).toBeNull());
    expect(worker.terminated).toBe(true);
    worker.send({ result: runJob(worker.job!) }); // too late: ignored
    expect(screen.queryByTestId("mc-result")).toBeNull();
    expect((screen.getByTestId("mc-run") as HTMLButtonElement).disabled).toBe(false);
  });
});
