/**
 * Closeness for worked values: 1e-6 relative, or half a unit of the last decimal the reference shows
 * (REFERENCE-CASES.md rounds to cents or to 4–6 decimals), whichever is looser.
 */
export function expectClose(actual: unknown, expected: number, decimals = 12): void {
  expect(typeof actual).toBe("number");
  const tolerance = Math.max(1e-6 * Math.abs(expected), 0.5 * Math.pow(10, -decimals));
  const diff = Math.abs((actual as number) - expected);
  if (!(diff <= tolerance)) throw new Error(`expected ${expected} ± ${tolerance}, got ${String(actual)} (off by ${diff})`);
}

/** For sums that can cancel out: within 1e-9 of the size of the terms that were added up. */
export function expectNear(actual: number, expected: number, scale: number): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(scale));
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Excel NPV: Σ v_t / (1 + rate)^t for t = 1..n (the first value is discounted one full period). */
export function npv(rate: number, values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum + v / Math.pow(1 + rate, i + 1), 0);
}

/**
 * Excel PV(rate, nper, pmt, fv, type): the present value, with Excel's sign (negative for a positive
 * payment); type 0 = payments at the end of each period, 1 = at the beginning.
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, type: 0 | 1 = 0): number {
  if (rate === 0) return -(pmt * nper + fv);
  const growth = Math.pow(1 + rate, nper);
  return -(pmt * (1 + rate * type) * ((growth - 1) / rate) + fv) / growth;
}
