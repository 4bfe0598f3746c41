/**
 * The hidden helper sheet: the fixed year column 1..100 that discounted streams are summed over, and the
 * timing and escalation shifts the Parameters choose (engine TIMING_SHIFT / ESCALATION_SHIFT).
 */
import { LIMITS } from "../engine";
import type { Language } from "../i18n";
import { SheetDraft } from "./draft";
import { escalationShiftFormula, formula, timingShiftFormula } from "./formulas";
import { HELPER_NAMES, type Refs } from "./names";
import { t } from "./text";

export function helperSheet(lang: Language, refs: Refs, sheetName: string): SheetDraft {
  const d = new SheetDraft("helper", sheetName, lang);
  d.hidden = true;
  d.protect = true;
  d.columnWidths = [8, 4, 28, 10];
  d.write(0, 0, [[t(lang, "helper.hint")]]);
  d.style(0, 0, 1, 1, { role: "hint" });
  const first = 3;
  d.write(0, first - 1, [[t(lang, "helper.year"), null, t(lang, "helper.setting"), t(lang, "helper.value")]]);
  d.style(0, first - 1, 4, 1, { role: "header" });
  d.write(0, first, Array.from({ length: LIMITS.years }, (_, i) => [i + 1]));
  d.addName(refs.name(HELPER_NAMES.years), 0, first, 1, LIMITS.years);
  d.write(2, first, [
    [t(lang, "helper.timingShift"), formula(timingShiftFormula(refs))],
    [t(lang, "helper.escalationShift"), formula(escalationShiftFormula(refs))],
  ]);
  d.style(3, first, 1, 2, { role: "formula" });
  d.addName(refs.name(HELPER_NAMES.timingShift), 3, first);
  d.addName(refs.name(HELPER_NAMES.escalationShift), 3, first + 1);
  return d;
}
