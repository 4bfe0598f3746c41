/** The cost of one GPP worksheet function call as Excel makes it: argument coercion, checks, engine, result. */
import { callAsExcel } from "../../src/functions/functions";
import { type Figure, measure } from "./measure";

const CALLS = 100_000;
const REFERENCE_LCC = [750, 30, 0.2, 5, 0.04, 20, 15, 80, 0, 0.03, 0.02, 100];
const BAD_RATE = [750, 30, 0.2, 5, 4]; // "4" typed for 4 %: the error path, message included

export function benchFunctions(): Figure[] {
  const perCall = (name: string, args: readonly unknown[]): Figure => {
    const total = measure(name, () => {
      for (let i = 0; i < CALLS; i++) callAsExcel("LCC", args);
    });
    return { name, value: (total.value * 1000) / CALLS, unit: "µs" };
  };
  return [
    perCall("GPP.LCC, one call with argument checking (reference case)", REFERENCE_LCC),
    perCall("GPP.LCC, one call returning #NUM! with its message", BAD_RATE),
  ];
}
