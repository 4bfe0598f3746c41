import { LANGUAGES } from "../../src/i18n/core";
import { byKey, mapColumns, runs } from "../../src/host/tableColumns";
import { columnKeys } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { scenariosSheet } from "../../src/templates/circular";
import { bidsSheet } from "../../src/templates/comparison";
import { refsFor } from "../../src/templates/names";

const refs = refsFor("");
const headersOf = {
  computers: (lang: (typeof LANGUAGES)[number]) => bidsSheet("computers", [], 1, DEFAULT_PARAMETERS, lang, refs, "Bids").table.headers,
  imaging: (lang: (typeof LANGUAGES)[number]) => bidsSheet("imaging", [], 1, DEFAULT_PARAMETERS, lang, refs, "Bids").table.headers,
  circular: (lang: (typeof LANGUAGES)[number]) => scenariosSheet(undefined, 3, DEFAULT_PARAMETERS, lang, refs, "Options").table.headers,
};

describe("Bids and Scenarios columns by header", () => {
  it.each(Object.keys(headersOf) as (keyof typeof headersOf)[])(
    "finds every %s column where the template wrote it, in each language and in another currency",
    (template) => {
      const stamp = { template, nameSuffix: "", language: "en" as const };
      const identity = columnKeys(stamp).map((_, i) => i);
      for (const lang of LANGUAGES) {
        expect(mapColumns(stamp, headersOf[template](lang))).toEqual({
          columns: identity,
          answers: [],
          width: identity.length,
          missing: [],
          duplicated: [],
        });
        const inUsd = headersOf[template](lang).map((h) => h.replace(/EUR|€/g, "USD"));
        expect(inUsd).not.toEqual(headersOf[template](lang));
        expect(mapColumns(stamp, inUsd).columns).toEqual(identity);
      }
    },
  );

  it("ignores a column of the user's own and writes a row around it", () => {
    const stamp = { template: "circular" as const, nameSuffix: "", language: "en" as const };
    const headers = headersOf.circular("en");
    const withVat = [headers[0], headers[1], "Price incl. VAT", ...headers.slice(2)];
    const map = mapColumns(stamp, withVat);
    expect(map.missing).toEqual([]);
    const row = columnKeys(stamp).map((k) => k);
    const tableRow = [row[0], row[1], 121, ...row.slice(2)];
    expect(byKey(map, tableRow)).toEqual(row);
    expect(runs(map, row)).toEqual([
      { start: 0, values: row.slice(0, 2) },
      { start: 3, values: row.slice(2) },
    ]);
  });
});
