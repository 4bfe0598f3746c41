/** A workbook as the computers template leaves it, and an ExcelHost on the recording fake of it. */
import { ExcelHost } from "../../src/host/ExcelHost";
import type { SavedComparison } from "../../src/host/types";
import { columnKeys, parameterNames, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { bidsSheet } from "../../src/templates/comparison";
import { codeWord, parameterCodeList } from "../../src/templates/codes";
import { refsFor } from "../../src/templates/names";
import { recordingWriters } from "../fixtures/writers";
import { type FakeBook, fakeRun } from "./fakeExcel";

export const stamp = { template: "computers" as const, nameSuffix: "", language: "en" as const };

/** The Bids table's header row as the template writes it in a language. */
export const bidHeaders = (lang: "en" | "nl" | "fr" = "en") =>
  bidsSheet("computers", [], 1, DEFAULT_PARAMETERS, lang, refsFor(""), "LCC Bids").table.headers;

/** A workbook as the computers template leaves it: parameter cells, a 4-row Bids table with two offers; codes as the words of `lang`. */
export function templateBook(lang: "en" | "nl" | "fr" = "en"): FakeBook {
  const names: Record<string, unknown> = {};
  const word = (field: string, code: string) => (lang === "en" ? code : codeWord(lang, field, code));
  for (const { key, name } of parameterNames(stamp)) {
    const v =
      key === "customEmissionFactor"
        ? 0.23
        : key === "includeExternalities"
          ? "no"
          : (DEFAULT_PARAMETERS as unknown as Record<string, unknown>)[key];
    names[name] = parameterCodeList(key) && typeof v === "string" ? word(key, v) : v;
  }
  names.LCC_Country = "BE";
  names.LCC_ElectricityPricePerKWh = 0.2;
  names.LCC_EvaluationYears = 5;
  const keys = columnKeys(stamp);
  const row = (o: Record<string, unknown>) => keys.map((k) => o[k] ?? "");
  return {
    setting: JSON.stringify({
      template: "computers",
      version: "1.0.0",
      sheets: {},
      nameSuffix: "",
      ...(lang === "en" ? {} : { language: lang }),
    }),
    names,
    headers: { [tableName(stamp)]: bidHeaders(lang) },
    tableAt: { [tableName(stamp)]: "'LCC Bids'!A4" },
    tables: {
      [tableName(stamp)]: [
        row({
          supplier: "Supplier A",
          product: "Notebook A",
          deviceType: word("deviceType", "notebook"),
          condition: word("condition", "new"),
          quantity: 100,
          price: 750,
          installation: 20,
          tecKWhPerYear: 30,
          annualMaintenance: 15,
          residualValue: 80,
        }),
        row({
          supplier: "Supplier B",
          product: "Notebook B",
          deviceType: word("deviceType", "desktop"),
          condition: word("condition", "refurbished"),
          quantity: 100,
          price: 800,
          installation: 20,
          tecKWhPerYear: 18,
          annualMaintenance: 10,
          residualValue: 120,
        }),
        row({}),
        row({}),
      ],
    },
  };
}

export const writers = () => recordingWriters(["LCC Parameters (2)", "LCC Bids (2)", "LCC Results (2)"]);

/** Loads and expects the whole comparison read. */
export async function loaded(h: ExcelHost): Promise<SavedComparison> {
  const result = await h.load();
  expect(result).toMatchObject({ status: "ok", report: { repaired: [], unreadable: [] } });
  return result.comparison!;
}

export const host = (book: FakeBook, w = writers()) => {
  const { run, rec } = fakeRun(book);
  return { host: new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: w, saveDelayMs: 0 }), rec, w };
};
