/** CSV import: encodings, header names in every language, the header row below titles, refusals that say why. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES, translate } from "../../src/i18n";
import { type ComparisonKind, bidFields, decodeCsv, headerKey, matchHeaders, parseBidsCsv } from "../../src/model";
import { bidHeaderNames, bidHeaderRow } from "../../src/templates/bidHeaders";

const names = bidHeaderNames("computers");
const parse = (text: string, locale?: "en" | "nl" | "fr") => parseBidsCsv(text, "computers", { names, locale });
const rules = (r: ReturnType<typeof parse>) => r.problems.map((p) => [p.rule, p.argument, p.detail]);

describe("CSV files that cannot be read safely are refused with the reason", () => {
  it("refuses a column given twice (the last one used to win silently)", () => {
    const r = parse("Supplier;Product;Device type;Quantity;Price;Price;TEC\nA;P;notebook;1;100;900;20\n");
    expect(rules(r)).toEqual([["duplicateColumn", "Price", "Price"]]);
    expect(r.bids).toEqual([]);
  });

  it("refuses the same field under two names (key and Dutch header)", () => {
    const r = parse("supplier;product;deviceType;quantity;price;Prijs per stuk (EUR);TEC\nA;P;notebook;1;100;900;20\n");
    expect(rules(r)).toEqual([["duplicateColumn", "Prijs per stuk (EUR)", "price"]]);
  });

  it("reports an unclosed quote with its line and imports nothing after it silently", () => {
    const r = parse('supplier;product;deviceType;quantity;price;tecKWhPerYear\nA;"P1;notebook;1;100;20\nB;P2;notebook;1;200;20\n');
    expect(r.problems.map((p) => [p.rule, p.argument])).toEqual([["csvSyntax", "2"]]);
    expect(r.problems[0].detail).toMatch(/quote/i);
    expect(r.bids).toEqual([]);
    expect(r.rows).toEqual([]);
  });

  it("tells a missing column from a value left empty in a row", () => {
    const missing = parse("supplier;product;deviceType;price;tecKWhPerYear\nA;P;notebook;100;20\n");
    expect(rules(missing)).toEqual([["columnMissing", "quantity", undefined]]);
    const empty = parse("supplier;product;deviceType;quantity;price;tecKWhPerYear\nA;P;notebook;;100;20\n");
    expect(empty.problems).toEqual([]);
    expect(empty.errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([[2, "quantity", "missing"]]);
    expect(empty.rows.map((r) => r.record.quantity)).toEqual([""]);
  });

  it("lists an unknown column as ignored", () => {
    const r = parse("supplier;product;deviceType;quantity;price;tecKWhPerYear;Opmerking\nA;P;notebook;1;100;20;ok\n");
    expect(r.unknownColumns).toEqual(["Opmerking"]);
    expect(r.bids).toHaveLength(1);
  });

  it("reads numbers in the chosen locale and refuses an ambiguous one with its row", () => {
    const csv = "supplier;product;deviceType;quantity;price;tecKWhPerYear\nA;P;notebook;1;1.234;20\n";
    expect(parse(csv).errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([[2, "price", "ambiguousThousands"]]);
    expect(parse(csv, "nl").bids[0].price).toBe(1234);
    expect(parse(csv, "en").bids[0].price).toBe(1.234);
  });
});

describe("headers as the workbook and the wizard write them, in en, nl and fr", () => {
  it.each(["Prijs per stuk (EUR)", "Price per unit", "price", "PRICE PER UNIT (€)", "  prix   unitaire  ", "Aankoopprijs per stuk (€)"])(
    "%s is the price",
    (h) => {
      expect(matchHeaders([h], "computers", names)).toEqual(["price"]);
    },
  );

  it("ignores accents and case", () => {
    const frEnd = translate("fr", "templates", "bid.endOfLifeCost");
    expect(frEnd).toMatch(/[éèû]/);
    expect(
      matchHeaders(
        [
          frEnd
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .toUpperCase(),
        ],
        "computers",
        names,
      ),
    ).toEqual(["endOfLifeCost"]);
  });

  it.each(["computers", "imaging"] as ComparisonKind[])(
    "every %s field is found by its header in every language, and no name stands for two fields",
    (kind) => {
      const kindNames = bidHeaderNames(kind);
      const keys = bidFields(kind).map((f) => f.key);
      for (const lang of LANGUAGES) expect(matchHeaders(bidHeaderRow(kind, lang), kind, kindNames)).toEqual(keys);
      const owner = new Map<string, string>();
      for (const key of keys) {
        for (const name of [key, ...kindNames[key]]) {
          const k = headerKey(name);
          expect([k, owner.get(k) ?? key]).toEqual([k, key]);
          owner.set(k, key);
        }
      }
    },
  );

  it("finds the header row below the sheet's title rows", () => {
    const header = bidHeaderRow("computers", "nl").join(";");
    const csv = `Offertes;;;\nVul één rij per offerte in.;;\n;;;\n${header}\nA;N1;notebook;nieuw;10;800;0;25;;;;;;0;0;;0;;0\n;;;;\n`;
    const r = parse(csv, "nl");
    expect(r.problems).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([[5, "condition", "unknownOption"]]);
  });
});

describe("the example files", () => {
  it.each([
    ["bids.csv", "computers", 4],
    ["bids-imaging.csv", "imaging", 2],
  ] as const)("%s imports every offer (a decimal comma does not fool the delimiter guess)", (file, kind, n) => {
    const r = parseBidsCsv(decodeCsv(readFileSync(join(__dirname, "../../examples", file))), kind, { names: bidHeaderNames(kind) });
    expect([r.problems, r.errors, r.unknownColumns, r.bids.length]).toEqual([[], [], [], n]);
  });
});

describe("encodings", () => {
  const text = "supplier;product;deviceType;quantity;price;tecKWhPerYear\nRéseau Dépôt;Écran ß;notebook;1;100;20\n";
  const check = (bytes: Uint8Array) => {
    const r = parse(decodeCsv(bytes));
    expect(r.problems).toEqual([]);
    expect([r.bids[0].supplier, r.bids[0].product]).toEqual(["Réseau Dépôt", "Écran ß"]);
  };
  it("reads UTF-8 with and without BOM", () => {
    check(new TextEncoder().encode(text));
    check(new TextEncoder().encode(`\uFEFF${text}`));
  });
  it("reads UTF-16 little- and big-endian with BOM", () => {
    const le = Buffer.from(`\uFEFF${text}`, "utf16le");
    check(new Uint8Array(le));
    check(new Uint8Array(Buffer.from(le).swap16()));
  });
  it("reads Windows-1252 without garbling accents", () => {
    check(new Uint8Array(Buffer.from(text, "latin1")));
  });
});
