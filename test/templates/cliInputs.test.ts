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
  const bad = (p: Partial<Record<keyof Parameters, unknown>>) => validateParameters({ ...DEFAULT_PARAMETERS, ...p } as Parameters).map((e) => [e.field, e.error.rule, e.error.detail]);

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
    const p = file("p.json", JSON.stringify({ includeExternalities: "no", scoringMethod: "best", timing: "start", country: "ZZ", electricityPricePerKWh: 0.2 }));
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
    const csv = file("amb.csv", "Leverancier;Product;Soort apparaat;Aantal (stuks);Prijs per stuk (EUR);TEC (kWh/jr)\nA;P;notebook;2;1.234;20\n");
    const refused = cli("computers", "--bids", csv, "--lang", "nl");
    expect([refused.status, refused.wrote]).toEqual([1, false]);
    expect(refused.stderr).toContain(`${csv}: row 2: Prijs per stuk (EUR): "1.234" kan op twee manieren gelezen worden`);
    const nl = cli("computers", "--bids", csv, "--number-locale", "nl");
    expect([nl.status, nl.wrote]).toEqual([0, true]);
  });

  it("tells a missing column from an empty value, lists ignored columns, and reads UTF-16", () => {
    const missing = file("missing.csv", Buffer.from("\uFEFFsupplier;product;deviceType;price;tecKWhPerYear;Opmerking\nRéseau;P;notebook;100;20;x\n", "utf16le"));
    const run = cli("computers", "--bids", missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing}: ignored columns (no such field): Opmerking`);
    expect(run.stderr).toContain(`${missing}: The column "Quantity (units)" is missing: add it to the header row.`);
    expect(run.stderr).toContain(`${missing}: expected headers: Supplier; Product;`);
    const empty = file("empty.csv", "supplier;product;deviceType;quantity;price;tecKWhPerYear\nA;P;notebook;;100;20\n");
    expect(cli("computers", "--bids", empty).stderr).toContain(`${empty}: row 2: Quantity (units) is empty: enter a value.`);
  });

  it("reads a Windows-1252 file without garbling accents", async () => {
    const csv = file("cp1252.csv", Buffer.from("Fournisseur;Produit;Type d'appareil;Quantité;Prix unitaire;TEC\nRéseau Dépôt;Écran;notebook;2;899,5;20\n", "latin1"));
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
