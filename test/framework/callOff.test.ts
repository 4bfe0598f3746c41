/**
 * Call-offs under a framework: the set published with its awarded offers (fingerprint covering them, sets
 * without them unchanged), and the call-off's figures against an independent computation of the reference
 * offers (REFERENCE-CASES.md, scaled from 100 units, and the annuity and cash sums written out here).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import {
  type Bid,
  type ParameterSet,
  computeCallOff,
  fingerprintOf,
  productKey,
  publishParameterSet,
  verifyParameterSet,
} from "../../src/model";
import { bidA, bidB, closeToCent, expectedReference, referenceParameters } from "../fixtures/referenceBids";

const INFO = { name: "ICT framework 2027", version: "1.0", date: "2026-12-03", publisher: "Central purchasing body", local: [] };
const catalogue: Bid[] = [
  { ...bidA, embodiedKgCO2e: 300 },
  { ...bidB, embodiedKgCO2e: 250 },
];
const publish = (local: ParameterSet["local"] = ["electricityPricePerKWh"]) =>
  publishParameterSet(referenceParameters, { ...INFO, local }, { kind: "computers", bids: catalogue });

const keyA = productKey(bidA);
const keyB = productKey(bidB);

describe("a parameter set with the awarded offers", () => {
  it("fingerprints the offers; a set without them keeps the fingerprint it had", async () => {
    const plain = await publishParameterSet(referenceParameters, INFO);
    expect(plain.offers).toBeUndefined();
    expect(plain.fingerprint).toBe(await fingerprintOf(plain.parameters, []));
    const withOffers = await publish([]);
    expect(withOffers.offers?.bids.map((b) => b.product)).toEqual(["Notebook A", "Notebook B"]);
    expect(withOffers.fingerprint).not.toBe(plain.fingerprint);
    const verified = await verifyParameterSet(JSON.parse(JSON.stringify(withOffers)));
    expect(verified.ok && verified.set.offers?.bids[1].price).toBe(800);
    expect((await verifyParameterSet(JSON.parse(JSON.stringify(plain)))).ok).toBe(true);
  });

  it("refuses a set whose offer was changed after publishing, and an offer that is not an offer", async () => {
    const json = JSON.parse(JSON.stringify(await publish()));
    json.offers.bids[0].price = 700;
    const changed = await verifyParameterSet(json);
    expect(changed.ok ? "" : changed.problems[0].rule).toBe("fingerprintMismatch");
    json.offers.bids[0].price = "cheap";
    const broken = await verifyParameterSet(json);
    expect(broken.ok ? "" : broken.problems[0].argument).toBe("offers.bids[0].price");
  });
});

describe("call-off figures", () => {
  const annuity = [1, 2, 3, 4, 5].reduce((a, t) => a + 1.04 ** -t, 0);
  const escalated = (rate: number) => [1, 2, 3, 4, 5].reduce((a, t) => a + (1 + rate) ** (t - 1), 0);

  it("30 of A and 70 of B: LCC, cost per year, CO2 and budget as computed by hand", async () => {
    const set = await publish();
    const r = computeCallOff(set, { [keyA]: "30", [keyB]: "70" });
    expect(r.problems).toEqual({});
    const [a, b] = r.lines;
    closeToCent(a.lcc, (expectedReference.A.lcc * 30) / 100, 0.01);
    closeToCent(b.lcc, (expectedReference.B.lcc * 70) / 100, 0.01);
    closeToCent(r.totals.lcc, (expectedReference.A.lcc * 30 + expectedReference.B.lcc * 70) / 100, 0.02);
    closeToCent(r.totals.costPerYear, r.totals.lcc / annuity, 0.01);
    // Use: kWh per year × 5 years × 0.23 kg/kWh × units; production: the offer's kg per unit × units.
    closeToCent(r.totals.useCo2Kg, 30 * 30 * 5 * 0.23 + 18 * 70 * 5 * 0.23, 1e-6);
    closeToCent(r.totals.productionCo2Kg, 300 * 30 + 250 * 70, 1e-6);
    // Budget: purchase in year 0; running costs undiscounted, electricity +3 %/year, maintenance +2 %/year.
    expect(r.totals.purchase).toBeCloseTo((750 + 20) * 30 + (800 + 20) * 70, 6);
    const running = (kWh: number, maint: number, q: number) => ((kWh * 0.2 * escalated(0.03) + maint * escalated(0.02)) * q) / 5;
    closeToCent(a.runningPerYear, running(30, 15, 30), 1e-6);
    closeToCent(r.totals.runningPerYear, running(30, 15, 30) + running(18, 10, 70), 1e-6);
  });

  it("takes the participant's value only where the set leaves it local", async () => {
    const set = await publish(["electricityPricePerKWh"]);
    const own = { ...set.parameters, electricityPricePerKWh: 0.3, discountRate: 0.1 };
    const r = computeCallOff(set, { [keyA]: "100" }, own);
    // Electricity at 0.30 instead of 0.20: energy × 1.5; the discount rate stays the set's 4 %.
    closeToCent(r.totals.lcc, expectedReference.A.lcc + expectedReference.A.energy * 0.5, 0.02);
  });

  it("names a negative or text quantity and a product no longer in the catalogue, and still computes the rest", async () => {
    const set = await publish();
    const r = computeCallOff(set, { [keyA]: "-3", [keyB]: "ten", "Supplier C | Old notebook | new": "5" });
    expect(r.problems[keyA].rule).toBe("nonNegative");
    expect(r.problems[keyB].rule).toBe("notANumber");
    expect(r.problems["Supplier C | Old notebook | new"].rule).toBe("notInCatalogue");
    expect(r.lines).toEqual([]);
    const mixed = computeCallOff(set, { [keyA]: "2.5", [keyB]: "10" });
    expect(mixed.problems[keyA].rule).toBe("wholeNumber");
    closeToCent(mixed.totals.lcc, expectedReference.B.lcc / 10, 0.01);
  });
});

describe("npm run framework -- publish --bids", () => {
  it("publishes the compliant offers of the CSV with the set; verify checks them; the template writes them with a Call-off sheet", async () => {
    const ROOT = resolve(__dirname, "../..");
    const out = join(mkdtempSync(join(tmpdir(), "calloff-cli-")), "set.json");
    const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/framework-cli.ts", ...args], { cwd: ROOT, encoding: "utf8" });
    const published = run(
      "publish",
      ...["--parameters", "examples/parameters.json", "--name", "ICT framework 2027", "--version", "1.0"],
      ...["--local", "electricityPricePerKWh", "--bids", "examples/bids.csv", "--out", out],
    );
    expect(published.stderr).toBe("");
    expect(published.stdout).toMatch(/4 awarded offer\(s\)/);
    const set = JSON.parse(readFileSync(out, "utf8")) as ParameterSet;
    expect(set.offers?.bids.map(productKey)).toEqual([
      "Supplier A | Notebook A | new",
      "Supplier B | Notebook B | new",
      "Supplier C | Notebook C (refurbished) | refurbished",
      "Supplier D | Notebook D | new",
    ]);
    expect(run("verify", out).status).toBe(0);
    // The participant's workbook from the set alone: the catalogue as the Bids table, and the Call-off sheet.
    const xlsx = join(out, "..", "call-off.xlsx");
    const template = spawnSync("npx", ["tsx", "scripts/template-cli.ts", "computers", "--parameters", out, "--out", xlsx], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(template.stdout).toMatch(/4 bids/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet("LCC Call-off")!;
    expect(sheet.getCell("A4").value).toBe("Offer");
    expect((sheet.getCell("C8").value as { formula: string }).formula).toBe("IF(N(B8)>0,N(B8)*'LCC Results'!AI23,0)");
  }, 90_000);
});
