/**
 * Issue 13 item 7, function side: hour sums that are 24 in decimal but not in binary, a range far too
 * large for one mode per cell, and an offer whose residual value exceeds its price (small or negative LCC).
 */
import { err, num } from "./call";

const column = (values: readonly number[]) => values.map((v) => [v]);

describe("GPP.ENERGYUSE", () => {
  test("0.1 + 16.1 + 7.8 hours is a full day (the binary sum is 24.000000000000004), not more than 24", () => {
    const kWh = num("ENERGYUSE", [column([10, 2, 1]), column([0.1, 16.1, 7.8])]);
    expect(kWh).toBeCloseTo(((10 * 0.1 + 2 * 16.1 + 1 * 7.8) * 365) / 1000, 12);
  });

  test("a real excess over 24 hours is still refused, with the sum as a person would write it", () => {
    expect(err("ENERGYUSE", [column([10, 2, 1]), column([0.1, 16.1, 7.81])])).toEqual({
      code: "#NUM!",
      message: "hoursPerDay adds up to 24.01 hours; a day has at most 24.",
    });
  });

  test("a very large filled range gives a clear #VALUE!, not a stack overflow", () => {
    const rows = 200_000;
    const e = err("ENERGYUSE", [column(Array(rows).fill(1)), column(Array(rows).fill(0))]);
    expect(e).toEqual({
      code: "#VALUE!",
      message: "powerW has more than 1000 filled cells: give one cell per mode (on, sleep, off), not a long list.",
    });
  });

  test("a whole column with three modes filled and the rest empty still works", () => {
    const blanks = (values: number[]) => [...column(values), ...Array.from({ length: 100_000 }, () => [null])];
    expect(num("ENERGYUSE", [blanks([10, 2, 1]), blanks([8, 10, 6])])).toBeCloseTo(((10 * 8 + 2 * 10 + 1 * 6) * 365) / 1000, 12);
  });
});

describe("a residual value above the price", () => {
  const d = 0.04;
  const n = 5;
  test("GPP.LCC is the price minus the discounted residual value, negative here", () => {
    expect(num("LCC", [100, 0, 0.2, n, d, 0, 0, 200])).toBeCloseTo(100 - 200 / (1 + d) ** n, 9);
  });

  test('GPP.PRICESCORE scores a zero or negative LCC with "range" instead of saying it must be greater than 0', () => {
    expect(num("PRICESCORE", [-64, -64, 40, "range", 100])).toBe(40);
    expect(num("PRICESCORE", [18, -64, 40, "range", 100])).toBeCloseTo((40 * (100 - 18)) / (100 + 64), 12);
    expect(num("PRICESCORE", [0, -64, 40, "range", 100])).toBeCloseTo((40 * 100) / 164, 12);
  });

  test('GPP.PRICESCORE "lowest" and "linear" say why a best value of 0 or less cannot be a ratio', () => {
    for (const method of ["lowest", "linear"]) {
      const e = err("PRICESCORE", [10, -64, 40, method]);
      expect(e.code).toBe("#NUM!");
      expect(e.message).toContain(`method "${method}" divides by it; use "range"`);
      expect(e.message).not.toContain("greater than 0");
    }
  });
});
