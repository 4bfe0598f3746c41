/**
 * The hidden helper sheet: the fixed year column 1..100 that discounted streams are summed over, the
 * timing and escalation shifts the Parameters choose (engine TIMING_SHIFT / ESCALATION_SHIFT), the code of
 * each coded parameter, and the table that turns the words the workbook shows into codes (codes.ts).
 */
import { LIMITS } from "../engine";
import type { Language } from "../i18n";
import type { ProductGroup } from "../model";
import { codeFields, codeWord } from "./codes";
import { SheetDraft } from "./draft";
import { codeOf, escalationShiftFormula, formula, timingShiftFormula } from "./formulas";
import { HELPER_NAMES, type ParameterKey, type Refs, codeName } from "./names";
import { t, tBuilt } from "./text";

export function helperSheet(kind: ProductGroup, lang: Language, refs: Refs, sheetName: string): SheetDraft {
  const d = new SheetDraft("helper", sheetName, lang);
  d.hidden = true;
  d.protect = true;
  d.columnWidths = [8, 4, 40, 14, 4, 40, 16];
  d.write(0, 0, [[t(lang, "helper.hint")]]);
  d.style(0, 0, 1, 1, { role: "hint" });
  const first = 3;
  d.write(0, first - 1, [
    [
      t(lang, "helper.year"),
      null,
      t(lang, "helper.setting"),
      t(lang, "helper.value"),
      null,
      t(lang, "helper.word"),
      t(lang, "helper.code"),
    ],
  ]);
  d.style(0, first - 1, 7, 1, { role: "header" });
  d.write(
    0,
    first,
    Array.from({ length: LIMITS.years }, (_, i) => [i + 1]),
  );
  d.addName(refs.name(HELPER_NAMES.years), 0, first, 1, LIMITS.years);

  const fields = codeFields(kind);
  const parameters = fields.filter((f) => f.where === "parameter");
  // Codes first: the shifts below read the timing and escalation codes.
  d.write(2, first, [
    ...parameters.map((f) => [tBuilt(lang, `param.${f.key}`), formula(codeOf(refs, f.key, refs.param(f.key as ParameterKey)))]),
    [t(lang, "helper.timingShift"), formula(timingShiftFormula(refs))],
    [t(lang, "helper.escalationShift"), formula(escalationShiftFormula(refs))],
  ]);
  d.style(3, first, 1, parameters.length + 2, { role: "formula" });
  parameters.forEach((f, i) => d.addName(refs.name(codeName(f.key as ParameterKey)), 3, first + i));
  d.addName(refs.name(HELPER_NAMES.timingShift), 3, first + parameters.length);
  d.addName(refs.name(HELPER_NAMES.escalationShift), 3, first + parameters.length + 1);

  const table = fields.flatMap((f) => f.codes.map((code) => [`${f.key}:${codeWord(lang, f.key, code)}`, code]));
  d.write(5, first, table);
  d.addName(refs.name(HELPER_NAMES.codeKeys), 5, first, 1, table.length);
  d.addName(refs.name(HELPER_NAMES.codes), 6, first, 1, table.length);
  return d;
}
