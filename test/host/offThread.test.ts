/**
 * offThread: a request answered by a Web Worker, or on this thread when there is no worker or it cannot
 * start. Node has no Worker, so a stand-in runs the real worker side (answerRequests) behind a structured
 * clone, as the browser's postMessage does (fixtures/workers.ts); the Chromium test (test/e2e/scale.test.ts)
 * runs the real ones.
 */
import ExcelJS from "exceljs";
import { answerRequests, offThread } from "../../src/host/offThread";
import { templateWriters } from "../../src/host/templateWriters";
import type { TemplateInput } from "../../src/host/types";
import { xlsxBytes } from "../../src/host/xlsxJob";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { CloneWorker, DeadWorker } from "../fixtures/workers";

const asWorker = (w: object) => w as unknown as Worker;

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = CloneWorker; // only its presence is checked
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});
beforeEach(() => (CloneWorker.started = []));

const double = (r: { n: number }) => ({ twice: r.n * 2 });

describe("offThread", () => {
  it("answers in the worker, then terminates it", async () => {
    const here = jest.fn(double);
    const answer = await offThread(() => asWorker(new CloneWorker(() => answerRequests(double))), { n: 21 }, here);
    expect(answer).toEqual({ twice: 42 });
    expect(here).not.toHaveBeenCalled();
    expect(CloneWorker.started).toHaveLength(1);
    expect(CloneWorker.started[0].terminated).toBe(true);
  });

  it("answers on this thread when there is no Worker at all (jsdom, Node)", async () => {
    const saved = (globalThis as { Worker?: unknown }).Worker;
    delete (globalThis as { Worker?: unknown }).Worker;
    try {
      const start = jest.fn();
      expect(await offThread(start, { n: 4 }, (r) => r.n * 2)).toBe(8);
      expect(start).not.toHaveBeenCalled();
    } finally {
      (globalThis as { Worker?: unknown }).Worker = saved;
    }
  });

  it("answers on this thread when the worker cannot be created (a policy, a chunk that fails to load)", async () => {
    const answer = await offThread(
      () => {
        throw new DOMException("blocked", "SecurityError");
      },
      { n: 5 },
      (r) => r.n * 2,
    );
    expect(answer).toBe(10);
  });

  it("answers on this thread when the worker reports an error instead of an answer (its script never ran), and terminates it", async () => {
    const dead = new DeadWorker();
    expect(
      await offThread(
        () => asWorker(dead),
        { n: 6 },
        async (r) => r.n * 2,
      ),
    ).toBe(12);
    expect(dead.terminated).toBe(true);
  });

  it("rejects with the worker's message when the work itself fails, without running it a second time here", async () => {
    const here = jest.fn(() => 0);
    const failing = () => {
      throw new Error("The Results sheet holds at most 20000 offers");
    };
    await expect(offThread(() => asWorker(new CloneWorker(() => answerRequests(failing))), {}, here)).rejects.toThrow(
      "holds at most 20000 offers",
    );
    expect(here).not.toHaveBeenCalled();
    expect(CloneWorker.started[0].terminated).toBe(true);
  });

  it("a failure on this thread rejects too", async () => {
    await expect(
      offThread(
        () => asWorker(new DeadWorker()),
        {},
        () => Promise.reject(new Error("no room")),
      ),
    ).rejects.toThrow("no room");
  });
});

describe("the .xlsx download off the UI thread", () => {
  const input: TemplateInput = { group: "computers", parameters: referenceParameters, bids: [bidA, bidB], language: "en" };

  async function offers(bytes: Uint8Array): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets.find((w) => /bids/i.test(w.name))!;
    const names: string[] = [];
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      if (v.includes(bidA.supplier) || v.includes(bidB.supplier))
        names.push(String(v.find((c) => c === bidA.supplier || c === bidB.supplier)));
    });
    return names;
  }

  it("the worker writes the workbook and transfers its bytes back (not copied)", async () => {
    const notHere = (): Promise<Uint8Array> => Promise.reject(new Error("not here"));
    const bytes = await offThread(() => asWorker(new CloneWorker(() => answerRequests(xlsxBytes, (b) => [b.buffer]))), input, notHere);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK": a zip
    const [sent] = CloneWorker.started[0].transferred as ArrayBuffer[];
    expect(sent.byteLength).toBe(0); // the worker's copy is detached: moved, not copied
    expect(await offers(bytes)).toEqual([bidA.supplier, bidB.supplier]);
  });

  it("without a worker, templateWriters writes the same workbook on this thread", async () => {
    const saved = (globalThis as { Worker?: unknown }).Worker;
    delete (globalThis as { Worker?: unknown }).Worker;
    try {
      const bytes = await templateWriters().writeXlsx(input);
      expect(await offers(bytes)).toEqual([bidA.supplier, bidB.supplier]);
    } finally {
      (globalThis as { Worker?: unknown }).Worker = saved;
    }
  });
});
