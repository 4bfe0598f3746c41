/**
 * Whatever Excel hands over (numbers of any size, text, booleans, empty, ranges, data types), every GPP
 * function answers with finite numbers or Excel errors that carry a message: never NaN, Infinity or a throw.
 */
import fc from "fast-check";
import { GPP_FUNCTIONS, GPP_IDS, callAsExcel } from "../../src/functions/functions";

const scalar = fc.oneof(
  { weight: 5, arbitrary: fc.double() }, // NaN, ±Infinity, ±0, subnormals, ±1.8e308
  { weight: 5, arbitrary: fc.double({ min: -10, max: 1000, noNaN: true }) }, // mostly plausible values
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 4, 0.04, 100, 1e12, 1e13) },
  { weight: 1, arbitrary: fc.string() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("end", "begin", "mid", "nist", "flat", "linear", "range", "declining", "tablet", "EU617", "desktop"),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "") },
  { weight: 1, arbitrary: fc.double().map((basicValue) => ({ type: "Double", basicValue })) },
);
const argument = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }) },
);

test.each(GPP_IDS)("GPP.%s returns finite numbers or errors with a message for any arguments", (id) => {
  const arity = GPP_FUNCTIONS[id].length;
  fc.assert(
    fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
      const r = callAsExcel(id, args);
      const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
      return cells.every((c) =>
        typeof c === "number"
          ? Number.isFinite(c)
          : typeof c === "object" &&
            c !== null &&
            ["#VALUE!", "#NUM!"].includes((c as { code: string }).code) &&
            ((c as { message: string }).message ?? "").length > 0,
      );
    }),
    { numRuns: 400 },
  );
});
