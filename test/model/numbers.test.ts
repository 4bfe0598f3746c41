import fc from "fast-check";
import { type NumberLocale, numberText, parseNumber, readNumber } from "../../src/model/numbers";
import { parseBid, parametersFromEntries } from "../../src/model/entries";

const LOCALES: readonly NumberLocale[] = ["en", "nl", "fr"];

describe("numbers as a person of each locale reads them", () => {
  // [text, no locale chosen, en, nl, fr]; a string is the reason it is refused.
  const table: ReadonlyArray<readonly [string, number | string, number | string, number | string, number | string]> = [
    ["1.234", "ambiguousThousands", 1.234, 1234, 1234],
    ["1,234", "ambiguousThousands", 1234, 1.234, 1.234],
    ["-1.234", "ambiguousThousands", -1.234, -1234, -1234],
    ["1.234,56", 1234.56, "wrongSeparators", 1234.56, 1234.56],
    ["1,234.56", 1234.56, 1234.56, "wrongSeparators", "wrongSeparators"],
    ["1.234.567", 1234567, "wrongSeparators", 1234567, 1234567],
    ["1,234,567", 1234567, 1234567, "wrongSeparators", "wrongSeparators"],
    ["€ 1.234,56", 1234.56, "wrongSeparators", 1234.56, 1234.56],
    ["1 234,56", 1234.56, 1234.56, 1234.56, 1234.56],
    ["1\u202f234,56", 1234.56, 1234.56, 1234.56, 1234.56],
    ["1\u00a0234", 1234, 1234, 1234, 1234],
    ["12 34", "notANumber", "notANumber", "notANumber", "notANumber"],
    ["1 2345", "notANumber", "notANumber", "notANumber", "notANumber"],
    ["7€50", "currencyInside", "currencyInside", "currencyInside", "currencyInside"],
    ["€7€", "currencyInside", "currencyInside", "currencyInside", "currencyInside"],
    ["750 EUR", 750, 750, 750, 750],
    ["0,2", 0.2, 0.2, 0.2, 0.2],
    ["0.016", 0.016, 0.016, 0.016, 0.016],
    ["1234.567", 1234.567, 1234.567, 1234.567, 1234.567],
    ["1,5", 1.5, 1.5, 1.5, 1.5],
    ["1.2340", 1.234, 1.234, 1.234, 1.234],
    ["1.23.4", "notANumber", "notANumber", "notANumber", "notANumber"],
    ["1e3", 1000, 1000, 1000, 1000],
    ["", "notANumber", "notANumber", "notANumber", "notANumber"],
  ];
  it.each(table)("%s", (text, ...expected) => {
    expect([undefined, ...LOCALES].map((locale) => readNumber(text, { locale, percent: false }))).toEqual(expected);
  });

  it("takes % only where a percentage may be", () => {
    expect(readNumber("4 %")).toBe(0.04);
    expect(readNumber("4 %", { percent: false })).toBe("percentNotAllowed");
    expect(readNumber("12,5%", { locale: "nl" })).toBe(0.125);
  });

  it("refuses an ambiguous price with its field and row, unless the locale is chosen", () => {
    const record = { supplier: "A", product: "P", deviceType: "notebook", quantity: "2", price: "1.234", tecKWhPerYear: "20" };
    expect(parseBid(record, "computers", 7).errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([
      [7, "price", "ambiguousThousands"],
    ]);
    expect(parseBid(record, "computers", 7, "nl").bid?.price).toBe(1234);
    expect(parseBid(record, "computers", 7, "en").bid?.price).toBe(1.234);
    expect(parseBid({ ...record, price: "50 %" }, "computers", 7).errors[0].error.rule).toBe("percentNotAllowed");
  });

  it("writes numbers that read back the same in the UI language, never ambiguously", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(...LOCALES), (n, lang) => {
        const text = numberText(n, lang);
        expect(parseNumber(text)).toBe(Number(n.toPrecision(12)));
      }),
    );
  });
});

/** A number as a person of `locale` writes it: with or without thousands groups, currency, sign. */
const written = fc
  .record({
    whole: fc.integer({ min: 0, max: 999_999_999 }),
    decimals: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    locale: fc.constantFrom(...LOCALES),
    grouping: fc.constantFrom("none", "separator", " ", "\u202f", "\u00a0"),
    currency: fc.constantFrom("", "€ ", "€", " EUR", " €"),
    negative: fc.boolean(),
  })
  .map(({ whole, decimals, locale, grouping, currency, negative }) => {
    const [group, decimal] = locale === "en" ? [",", "."] : [".", ","];
    const sep = grouping === "none" ? "" : grouping === "separator" ? group : grouping;
    const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const body = `${digits}${decimals ? decimal + decimals : ""}`;
    const text = currency.startsWith(" ") ? `${body}${currency}` : `${currency}${body}`;
    const value = Number(`${whole}${decimals ? `.${decimals}` : ""}`);
    return { text: negative ? `-${text}` : text, value: negative ? -value : value, locale };
  });

describe("any text: the number a person reads, or refused", () => {
  it("reads what a person of the chosen locale writes, exactly", () => {
    fc.assert(fc.property(written, ({ text, value, locale }) => expect(parseNumber(text, { locale })).toBe(value)));
  });

  it("without a chosen locale, reads a written number right or refuses it", () => {
    fc.assert(
      fc.property(written, ({ text, value }) => {
        const n = parseNumber(text);
        if (!Number.isNaN(n)) expect(n).toBe(value);
      }),
    );
  });

  it("for any string: refused, or a number every digit of which was in the text, in order", () => {
    const chars = fc.constantFrom(..."0123456789.,  €%-e$\u202f".split(""), "EUR", "\u00a0", "a");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 14 }).map((a) => a.join("")),
        fc.constantFrom(undefined, ...LOCALES),
        (text, locale) => {
          const n = parseNumber(text, { locale, percent: false });
          if (Number.isNaN(n)) return;
          expect(Number.isFinite(n)).toBe(true);
          if (/e/i.test(text.replace(/EUR/gi, ""))) return; // exponent: digits are a mantissa
          const strip = (s: string) => s.replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "");
          if (!/e/.test(String(n))) expect(strip(String(Math.abs(n)))).toBe(strip(text.replace(/EUR/gi, "")));
          // An unchosen locale accepts only what every locale reads the same.
          if (locale === undefined) for (const l of LOCALES) expect(parseNumber(text, { locale: l, percent: false })).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("parameters typed in the wizard", () => {
  it("say why a number is refused: ambiguous, or a % where none belongs", () => {
    const { errors } = parametersFromEntries({
      electricityPricePerKWh: "0,25",
      useDaysPerYear: "2.200",
      co2PricePerTonne: "100 %",
      discountRate: "3,5 %",
    });
    expect([errors.useDaysPerYear?.rule, errors.co2PricePerTonne?.rule, errors.discountRate, errors.electricityPricePerKWh]).toEqual([
      "ambiguousThousands",
      "percentNotAllowed",
      undefined,
      undefined,
    ]);
  });
});
