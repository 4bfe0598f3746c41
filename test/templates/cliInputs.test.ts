/** The template CLI's input files: --parameters checked like the Parameters sheet, --bids like the wizard's import. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { translate } from "../../src/i18n";
import { DEFAULT_PARAMETERS, type Parameters, validateParameters } from "../../src/model";

const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "cli-inputs-"));
const cli = (...args: string[]) => {
  const out = join(work, `${Math.random().toString(36).slice(2)}.xlsx`);
  const run = spawnSync("npx", ["tsx", "scripts/template-cli.ts", ...args, "--out", out], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, wrote: existsSync(out), out };
};
const file = (name: string, content: string | Buffer) => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

describe("parameters are checked like the Parameters sheet and the wizard", () => {
  const bad = (p: Partial<Record<keyof Parameters, unknown>>) =>
    validateParameters({ ...DEFAULT_PARAMETERS, ...p } as Parameters).map((e) => [e.field, e.error.rule, e.error.detail]);

  it.each([
    [{ includeExternalities: "no" }, "includeExternalities", "true, false"],
    [{ scoringMethod: "best" }, "scoringMethod", "lowest, linear, range"],
    [{ timing: "start" }, "timing", "end, begin, mid"],
    [{ country: "ZZ" }, "country", "BE, NL, FR, DE, EU27, custom"],
    [{ rateType: "Real" }, "rateType", "real, nominal"],
  ])("%j is refused naming the valid values", (p, field, valid) => {
    expect(bad(p)).toEqual([[field, "unknownOption", valid]]);
  });

  it("a number given as text is not a number", () => {
    expect(bad({ discountRate: "0.04" })).toEqual([["discountRate", "notANumber", undefined]]);
  });

  it("the CLI exits 1 naming each JSON key, and writes nothing", () => {
    const p = file(
      "p.json",
      JSON.stringify({ includeExternalities: "no", scoringMethod: "best", timing: "start", country: "ZZ", electricityPricePerKWh: 0.2 }),
    );
    const run = cli("computers", "--parameters", p);
    expect([run.status, run.wrote]).toEqual([1, false]);
    expect(run.stderr).toContain(`${p}: includeExternalities must be one of: true, false.`);
    expect(run.stderr).toContain(`${p}: scoringMethod must be one of: lowest, linear, range.`);
    expect(run.stderr).toContain(`${p}: timing must be one of: end, begin, mid.`);
    expect(run.stderr).toContain(`${p}: country must be one of: BE, NL, FR, DE, EU27, custom.`);
    expect(run.stderr).not.toContain("TypeError");
  });

  it("the CLI refuses an unknown key (a typo would otherwise be ignored)", () => {
    const p = file("typo.json", JSON.stringify({ discountrate: 0.03 }));
    const run = cli("computers", "--parameters", p);
    expect([run.status, run.wrote]).toEqual([1, false]);
    expect(run.stderr).toContain(`${p}: discountrate is not a parameter; known: parameterSetName,`);
  });
});

describe("--bids follows the wizard's import rules", () => {
  it("refuses an ambiguous number with its row and field, and reads it in the chosen --number-locale", () => {
    const csv = file(
      "amb.csv",
      "Leverancier;Product;Soort apparaat;Aantal (stuks);Prijs per stuk (EUR);TEC (kWh/jr)\nA;P;notebook;2;1.234;20\n",
    );
    const refused = cli("computers", "--bids", csv, "--lang", "nl");
    expect([refused.status, refused.wrote]).toEqual([1, false]);
    expect(refused.stderr).toContain(`${csv}: row 2: Prijs per stuk (EUR): "1.234" kan op twee manieren gelezen worden`);
    const nl = cli("computers", "--bids", csv, "--number-locale", "nl");
    expect([nl.status, nl.wrote]).toEqual([0, true]);
  });

  it("tells a missing column from an empty value, lists ignored columns, and reads UTF-16", () => {
    const missing = file(
      "missing.csv",
      Buffer.from("\uFEFFsupplier;product;deviceType;price;tecKWhPerYear;Opmerking\nRéseau;P;notebook;100;20;x\n", "utf16le"),
    );
    const run = cli("computers", "--bids", missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing}: ignored columns (no such field): Opmerking`);
    expect(run.stderr).toContain(`${missing}: The column "Quantity (units)" is missing: add it to the header row.`);
    expect(run.stderr).toContain(`${missing}: expected headers: Supplier; Product;`);
    const empty = file("empty.csv", "supplier;product;deviceType;quantity;price;tecKWhPerYear\nA;P;notebook;;100;20\n");
    expect(cli("computers", "--bids", empty).stderr).toContain(`${empty}: row 2: Quantity (units) is empty: enter a value.`);
  });

  it("reads a Windows-1252 file without garbling accents", async () => {
    const csv = file(
      "cp1252.csv",
      Buffer.from("Fournisseur;Produit;Type d'appareil;Quantité;Prix unitaire;TEC\nRéseau Dépôt;Écran;notebook;2;899,5;20\n", "latin1"),
    );
    const run = cli("computers", "--bids", csv, "--lang", "fr");
    expect([run.status, run.stderr]).toEqual([0, expect.not.stringContaining("ignored columns")]);
    const book = await new ExcelJS.Workbook().xlsx.readFile(run.out);
    const sheet = book.getWorksheet(translate("fr", "templates", "sheet.bids"));
    const values = (sheet?.getRow(5).values ?? []) as unknown[];
    expect(values.slice(1, 3)).toEqual(["Réseau Dépôt", "Écran"]);
  });

  it("names the choices when --number-locale is not one", () => {
    const run = cli("computers", "--number-locale", "de");
    expect(run.stderr).toContain("--number-locale must be one of en, nl, fr (en: 1,234.56; nl and fr: 1.234,56)");
  });
});

describe("the circular commitments (LCC-METHOD §12) on the command line", () => {
  const cellsOf = async (out: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const bids = wb.worksheets.find((w) => /Bids|Offertes|Offres/.test(w.name))!;
    const header = (bids.getRow(4).values as unknown[]).slice(1).map(String);
    return { header, row: (i: number) => (bids.getRow(4 + i).values as unknown[]).slice(1), wb };
  };

  it("reads examples/bids-commitments.csv (English headers) with --parameters keys named as the Parameters", async () => {
    const run = cli(
      "computers",
      "--bids",
      join(ROOT, "examples/bids-commitments.csv"),
      "--parameters",
      join(ROOT, "examples/parameters-commitments.json"),
    );
    expect([run.status, run.wrote, run.stderr]).toEqual([0, true, ""]);
    const { header, row, wb } = await cellsOf(run.out);
    expect(header.slice(-6)).toEqual([
      "Warranty years (years)",
      "Extra warranty year price (EUR)",
      "Spare parts years (years)",
      "Battery replacement cost (EUR)",
      "Battery replacement year (years)",
      "Take-back with data erasure",
    ]);
    expect(row(1).slice(-6)).toEqual([3, 25, 5, undefined, undefined, "No"]);
    expect(row(2).slice(-6)).toEqual([5, undefined, 5, 90, 4, "Yes"]);
    const names = (wb as unknown as { definedNames: { getRanges(n: string): { ranges: string[] } } }).definedNames;
    expect(names.getRanges("LCC_RequiredWarrantyYears").ranges).toHaveLength(1);
  });

  it("takes the Dutch and French headers and the field keys, and ja/oui for yes", () => {
    const nl = file(
      "nl.csv",
      "Leverancier;Product;Soort apparaat;Aantal;Prijs per stuk;TEC;Garantiejaren;Prijs extra garantiejaar;Terugname met gegevenswissing\nA;P;notebook;2;700;20;3;25;ja\n",
    );
    expect(cli("computers", "--bids", nl).status).toBe(0);
    const fr = file(
      "fr.csv",
      "Fournisseur;Produit;Type d'appareil;Quantité;Prix unitaire;TEC;Années de garantie;Reprise avec effacement des données\nA;P;notebook;2;700;20;3;oui\n",
    );
    const frRun = cli("computers", "--bids", fr);
    expect(frRun.status).toBe(0);
    expect(frRun.stderr).not.toContain("ignored columns");
    const keys = file(
      "keys.csv",
      "supplier;product;deviceType;quantity;price;tecKWhPerYear;warrantyYears;sparePartsYears;batteryReplacementCost;batteryReplacementYear;takeBackWithDataErasure\nA;P;notebook;2;700;20;2;4;80;3;no\n",
    );
    expect(cli("computers", "--bids", keys).status).toBe(0);
  });

  it("exits 1 naming the row and the column of each bad commitment, and writes nothing", () => {
    const bad = file(
      "bad-commitments.csv",
      [
        "Supplier;Product;Device type;Quantity;Price;TEC;Warranty years;Extra warranty year price;Spare parts years;Battery replacement cost;Battery replacement year;Take-back with data erasure",
        "A;P;notebook;2;700;20;-1;;;;;",
        "B;P;notebook;2;700;20;;25;31;;;",
        "C;P;notebook;2;700;20;;;;90;0;misschien",
      ].join("\n"),
    );
    const run = cli("computers", "--bids", bad);
    expect([run.status, run.wrote]).toEqual([1, false]);
    expect(run.stderr).toContain(`${bad}: row 2: Warranty years (years) must not be negative.`);
    expect(run.stderr).toContain(`${bad}: row 3: Spare parts years (years) must be at most 30.`);
    expect(run.stderr).toContain(
      `${bad}: row 3: Extra warranty year price (EUR) is given, but not the warranty years included in the price`,
    );
    expect(run.stderr).toContain(`${bad}: row 4: Battery replacement year (years) must be greater than 0.`);
    expect(run.stderr).toContain(`${bad}: row 4: Take-back with data erasure must be one of: yes, no, ja, nee, oui, non.`);
  });

  it("refuses the former residualCurve key, saying what replaced it", () => {
    const run = cli("computers", "--parameters", file("old.json", JSON.stringify({ residualCurve: "laptop" })));
    expect([run.status, run.wrote]).toEqual([1, false]);
    expect(run.stderr).toContain("residualCurve is replaced by residualValueRule (byDeviceType, none)");
  });
});
