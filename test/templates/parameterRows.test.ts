/** The Parameters sheet validates what the model accepts: both read one rule per field from PARAMETER_FIELDS. */
import { DEFAULT_PARAMETERS, PARAMETER_FIELDS, type Parameters, validateParameters } from "../../src/model";
import { PARAMETER_ROWS, type ParameterRow } from "../../src/templates/parametersSheet";
import { PARAMETER_INPUTS } from "../../src/taskpane/wizard/form";

const rows = PARAMETER_ROWS.filter((r): r is ParameterRow => "key" in r);
const accepted = (key: keyof Parameters, value: number) =>
  !validateParameters({ ...DEFAULT_PARAMETERS, [key]: value }).some((e) => e.field === key);

describe("one rule per parameter", () => {
  it.each(rows.filter((r) => r.key !== "customEmissionFactor" && (r.min !== undefined || r.max !== undefined)))(
    "$key: the model accepts the sheet's bounds and refuses just outside",
    (r) => {
      const key = r.key as keyof Parameters;
      const field = PARAMETER_FIELDS.find((f) => f.key === key)!;
      expect(accepted(key, r.min!)).toBe(true);
      expect(accepted(key, field.rule!.min)).toBe(!field.rule!.above);
      expect(accepted(key, field.rule!.min - 1e-9)).toBe(false);
      expect(r.max).toBe(field.rule!.max);
      expect(accepted(key, r.max!)).toBe(true);
      expect(accepted(key, r.max! * 1.000001 + 1e-9)).toBe(false);
    },
  );

  it("bounds rates above -100 % and at most 100 % in the model, from -99 % on the sheet", () => {
    const discount = rows.find((r) => r.key === "discountRate")!;
    expect([discount.min, discount.max, discount.unit]).toEqual([-0.99, 1, "share"]);
    expect(accepted("discountRate", -0.995)).toBe(true);
    expect(accepted("discountRate", -1)).toBe(false);
  });

  it("has every parameter on the sheet, and in the pane all but the currency (the criteria list: its own sheet and step)", () => {
    const keys = Object.keys(DEFAULT_PARAMETERS)
      .filter((k) => k !== "criteria")
      .sort();
    expect(
      rows
        .map((r) => r.key)
        .filter((k) => k !== "customEmissionFactor")
        .sort(),
    ).toEqual(keys);
    expect(PARAMETER_INPUTS.map((i) => i.key).sort()).toEqual(keys.filter((k) => k !== "currency"));
  });
});
