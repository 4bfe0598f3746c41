/**
 * The command line: `npm run bidform` writes the form from --parameters; `npm run template -- --forms DIR`
 * adds the offers of every returned form, or stops with each refused form's reasons and writes nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_PARAMETERS, type Parameters } from "../../src/model";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { parseTemplateArgs } from "../../scripts/template-args";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { bidA, bidB } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "./forms";
import { readStampOf } from "./stamp";

const ROOT = resolve(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/parameters.json");
const P: Parameters = { ...DEFAULT_PARAMETERS, ...(JSON.parse(readFileSync(EXAMPLE, "utf8")) as Partial<Parameters>) };
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { cwd: ROOT, encoding: "utf8" });

it("parses --forms", () => {
  expect(parseTemplateArgs(["computers", "--forms", "returned", "--parameters", "p.json", "--out", "c.xlsx"])).toMatchObject({
    kind: "computers",
    forms: "returned",
    parameters: "p.json",
  });
});

describe("bidform and template --forms", () => {
  const dir = mkdtempSync(join(tmpdir(), "bidform-cli-"));
  const formPath = join(dir, "offerteformulier.xlsx");
  const forms = join(dir, "returned");
  mkdirSync(forms);

  it("writes the form from --parameters, in the chosen language, stamped with the settings", async () => {
    const cli = run("scripts/bidform-cli.ts", ["computers", "--parameters", EXAMPLE, "--lang", "nl", "--rows", "30", "--out", formPath]);
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(
      /^Wrote .*offerteformulier\.xlsx: bid form for computers, 30 offer rows, 23 columns \(0 criteria answers\), language nl; tender "Worked example \(REFERENCE-CASES\.md\)" version "1", settings sha256:[0-9a-f]{12}…\.$/m,
    );
    const bytes = new Uint8Array(readFileSync(formPath));
    const stamp = await readStampOf(bytes);
    const same = await writeBidForm("computers", P, "nl", { rows: 30 });
    expect(stamp).toEqual(same.stamp);
    writeFileSync(join(forms, "a.xlsx"), await fillForm(bytes, stamp, { supplier: bidA.supplier, bids: [bidA] }));
    writeFileSync(join(forms, "b.xlsx"), await fillForm(bytes, stamp, { supplier: bidB.supplier, bids: [bidB] }));
    expect((await importBidForms([{ name: "a.xlsx", bytes: readFileSync(join(forms, "a.xlsx")) }], "computers", P, "en")).bids).toEqual([
      bidA,
    ]);
  });

  it("adds the offers of the returned forms to the comparison", async () => {
    const out = join(dir, "vergelijking.xlsx");
    const cli = run("scripts/template-cli.ts", ["computers", "--forms", forms, "--parameters", EXAMPLE, "--lang", "nl", "--out", out]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(
      "a.xlsx: 1 offerte van Supplier A ingelezen.\nb.xlsx: 1 offerte van Supplier B ingelezen.\n2 van 2 formulieren ingelezen, 0 geweigerd; toe te voegen offertes: 2.",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names: unknown[] = [];
    wb.getWorksheet("LCC Offertes")
      ?.getColumn(1)
      .eachCell((c) => names.push(c.value));
    expect(names).toEqual(expect.arrayContaining(["Supplier A", "Supplier B"]));
  });

  it("stops at a refused form, reports it with cell and reason, and writes nothing", async () => {
    const bytes = new Uint8Array(readFileSync(formPath));
    const stamp = await readStampOf(bytes);
    writeFileSync(
      join(forms, "c.xlsx"),
      await fillForm(bytes, stamp, {
        supplier: "Supplier C",
        bids: [{ ...bidB, supplier: "Supplier C" }],
        cells: { [cellOf(stamp, "price")]: "n.v.t." },
      }),
    );
    const out = join(dir, "refused.xlsx");
    const cli = run("scripts/template-cli.ts", ["computers", "--forms", forms, "--parameters", EXAMPLE, "--lang", "nl", "--out", out]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      `c.xlsx: geweigerd, niets ingelezen.\n  c.xlsx, blad „Offerte”, cel ${cellOf(stamp, "price")}: Prijs per stuk (EUR) moet een getal zijn.`,
    );
    expect(cli.stderr).toContain("2 van 3 formulieren ingelezen, 1 geweigerd");
    expect(existsSync(out)).toBe(false);
  });
});

describe("bidform and template --forms with the §4 criteria", () => {
  it("asks the criteria answers and carries them into the comparison's Bids table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bidform-cli-criteria-"));
    const parameters = join(dir, "p.json");
    writeFileSync(parameters, JSON.stringify({ ...JSON.parse(readFileSync(EXAMPLE, "utf8")), qualityPoints: 60, criteria: SECTION_4 }));
    const formPath = join(dir, "form.xlsx");
    const cli = run("scripts/bidform-cli.ts", ["computers", "--parameters", parameters, "--lang", "nl", "--rows", "5", "--out", formPath]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/5 offer rows, 27 columns \(4 criteria answers\), language nl/);
    const bytes = new Uint8Array(readFileSync(formPath));
    const stamp = await readStampOf(bytes);
    const forms = join(dir, "returned");
    mkdirSync(forms);
    const [, Q] = SECTION_4_BIDS;
    writeFileSync(join(forms, "q.xlsx"), await fillForm(bytes, stamp, { supplier: Q.supplier, bids: [Q] }));
    const out = join(dir, "vergelijking.xlsx");
    const template = run("scripts/template-cli.ts", [
      "computers",
      "--forms",
      forms,
      "--parameters",
      parameters,
      "--lang",
      "nl",
      "--out",
      out,
    ]);
    expect(template.stderr).toBe("");
    expect(template.stdout).toContain("q.xlsx: 1 offerte van Supplier Q ingelezen.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const bids = wb.getWorksheet("LCC Offertes")!;
    // The table's header is below the sheet's title and note: the row that names the answers.
    let headerRow = 1;
    while (!(bids.getRow(headerRow).values as unknown[]).includes("Batterijcycli") && headerRow < 20) headerRow++;
    const header = bids.getRow(headerRow).values as unknown[];
    const row = bids.getRow(headerRow + 1).values as unknown[];
    expect(["Batterijcycli", "Label"].map((h) => row[header.indexOf(h)])).toEqual([1200, "TCO Certified"]);
  });
});
