/**
 * Round trip (issue 7 §3): the Bids sheet of a workbook this project writes, saved as CSV by LibreOffice
 * (title rows first, headers in the workbook's language), imports back to the same offers, in the model
 * and through the CLI's --bids.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LANGUAGES, type Language, translate } from "../../src/i18n";
import { type Bid, DEFAULT_PARAMETERS, decodeCsv, parseBid, parseBidsCsv } from "../../src/model";
import { bidHeaderNames } from "../../src/templates/bidHeaders";
import { optionWords } from "../../src/templates/codes";
import { writeXlsx } from "../../src/templates/xlsx/writeXlsx";
import { requireSoffice, sofficeConvert } from "./libreoffice";

const ROOT = resolve(__dirname, "../..");
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1";

const record = (r: Record<string, string>): Bid => {
  const { bid, errors } = parseBid(r, "computers", undefined, "en");
  expect(errors).toEqual([]);
  return bid as Bid;
};
const BIDS: Bid[] = [
  record({
    supplier: "Réseau; Dépôt « ß »",
    product: 'Écran 14"',
    deviceType: "notebook",
    condition: "new",
    quantity: "1200",
    price: "1234.5",
    installation: "12.25",
    tecKWhPerYear: "22.5",
    serviceLifeYears: "5",
    qualityPoints: "40",
  }),
  record({
    supplier: "B",
    product: "N2",
    deviceType: "desktop",
    condition: "refurbished",
    quantity: "3",
    price: "899",
    onW: "15",
    onHoursPerDay: "8",
    sleepW: "1.5",
    sleepHoursPerDay: "4",
    offW: "0.3",
    residualValue: "40",
    embodiedKgCO2e: "310",
  }),
];

describe("a Bids sheet saved as CSV by LibreOffice imports back to the same offers", () => {
  const work = mkdtempSync(join(tmpdir(), "csv-round-trip-"));
  const csvOf = new Map<Language, string>();

  beforeAll(async () => {
    requireSoffice();
    const files: string[] = [];
    for (const language of LANGUAGES) {
      const file = join(work, `${language}.xlsx`);
      writeFileSync(
        file,
        await writeXlsx({
          template: "computers",
          parameters: { ...DEFAULT_PARAMETERS, electricityPricePerKWh: 0.2 },
          bids: BIDS,
          language,
        }),
      );
      files.push(file);
    }
    const out = join(work, "csv");
    mkdirSync(out);
    const run = sofficeConvert(files, out, CSV_FILTER);
    for (const language of LANGUAGES) {
      const csv = join(out, `${language}-${translate(language, "templates", "sheet.bids")}.csv`);
      if (!existsSync(csv)) throw new Error(`soffice wrote no ${csv} (status ${run.status}): ${run.stderr}`);
      csvOf.set(language, csv);
    }
  }, 300_000);

  it.each(LANGUAGES)("in %s", (language) => {
    const text = decodeCsv(readFileSync(csvOf.get(language) as string));
    // The workbook's own header row, in its language, below the title rows.
    expect(text).toContain(translate(language, "templates", "bid.price"));
    // The list columns hold the workbook's words ("Gereviseerd", "Reconditionné"), read back as codes.
    const { bids, problems, errors, unknownColumns } = parseBidsCsv(text, "computers", {
      names: bidHeaderNames("computers"),
      words: optionWords(),
    });
    expect([problems, errors, unknownColumns]).toEqual([[], [], []]);
    expect(bids).toEqual(BIDS);
  });

  it("through the CLI's --bids, in Dutch", () => {
    const out = join(work, "again.xlsx");
    const cli = spawnSync(
      "npx",
      ["tsx", "scripts/template-cli.ts", "computers", "--bids", csvOf.get("nl") as string, "--lang", "nl", "--out", out],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(cli.stderr).not.toContain("ignored columns");
    expect([cli.status, cli.stdout]).toEqual([0, expect.stringContaining("2 bids, language nl")]);
  });
});
