/**
 * The Parameters sheet: one row per general input (label, value, unit, source, date), each value cell a
 * workbook-scoped name (LCC_DiscountRate …), the country preset table below, parameter set name and version
 * at the top for framework agreements. Only the emission factor is preset per country (COUNTRY_PRESETS);
 * the electricity price is left for the procurer, with the Eurostat hint as its source. Rows, units, options,
 * sources and validation bounds all come from the model's PARAMETER_FIELDS.
 */
import type { Language } from "../i18n";
import {
  COUNTRIES,
  COUNTRY_PRESETS,
  CUSTOM_COUNTRY,
  DEFAULT_PARAMETERS,
  type NumberRule,
  PARAMETER_FIELDS,
  type ParameterField,
  type Parameters,
  PARAMETER_SOURCES,
  type ProductGroup,
  type ScalarParameter,
  parameterField,
} from "../model";
import { YES_NO, codeWord, codeWords } from "./codes";
import { SheetDraft } from "./draft";
import { formula, str } from "./formulas";
import { type ParameterKey, PRESET_NAMES, type Refs } from "./names";
import type { PlanCell } from "./plan";
import { absolute, cellAddress, parseCell } from "./address";
import type { ParameterSet } from "../model/parameterSet";
import type { SummaryRow } from "./resultsSheet";
import { headerRowPoints, rowPoints, wrappedLines } from "./layout";
import { FIELD_UNITS, NUMBER_FORMATS, type UnitKey, sourceText, t, tBuilt, unitLabel } from "./text";

export { CUSTOM_COUNTRY, YES_NO };
export const COUNTRY_OPTIONS: readonly string[] = parameterField("country")?.options ?? [];

export interface ParameterRow {
  readonly key: ParameterKey;
  readonly unit: UnitKey;
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly templates: readonly ProductGroup[];
}
interface SectionRow {
  readonly section: string;
  readonly templates: readonly ProductGroup[];
}

/**
 * The model's rule as the sheet's validation. Excel's decimal rule has inclusive bounds only: a bound the
 * rule excludes (a rate of -100 %, 0 years) becomes the next hundredth inside it.
 */
const boundsOf = (rule: NumberRule | undefined): { min?: number; max?: number } =>
  rule ? { min: rule.above ? rule.min + 0.01 : rule.min, max: rule.max } : {};

function rowOf(f: ParameterField): ParameterRow {
  const unit: UnitKey = f.percent ? "share" : f.unit ? FIELD_UNITS[f.unit] : "text";
  const options = typeof DEFAULT_PARAMETERS[f.key] === "boolean" ? Object.values(YES_NO) : f.options;
  // The factor in use is a formula of the country; the procurer's own factor has a row of its own.
  if (f.key === "emissionFactorKgPerKWh") return { key: f.key, unit, templates: f.groups };
  return { key: f.key, unit, options, ...boundsOf(f.rule), templates: f.groups };
}

/** The rows of the Parameters sheet, in PARAMETER_FIELDS order; a section row starts each group. */
export const PARAMETER_ROWS: readonly (ParameterRow | SectionRow)[] = PARAMETER_FIELDS.flatMap((f, i) => {
  const rows: (ParameterRow | SectionRow)[] = [];
  if (i === 0 || PARAMETER_FIELDS[i - 1].section !== f.section) {
    const templates = [...new Set(PARAMETER_FIELDS.filter((g) => g.section === f.section).flatMap((g) => g.groups))];
    rows.push({ section: f.section, templates });
  }
  if (f.key === "emissionFactorKgPerKWh") rows.push({ ...rowOf(f), key: "customEmissionFactor", ...boundsOf(f.rule) });
  rows.push(rowOf(f));
  return rows;
});

export const parameterRowsOf = (kind: ProductGroup): ParameterRow[] =>
  PARAMETER_ROWS.filter((r): r is ParameterRow => "key" in r && r.templates.includes(kind));

/** A preset country only when its factor is the preset one; otherwise the sheet says "custom" and keeps the figure. */
export function effectiveCountry(p: Parameters): string {
  return p.country !== CUSTOM_COUNTRY && COUNTRY_PRESETS[p.country].emissionFactorKgPerKWh === p.emissionFactorKgPerKWh
    ? p.country
    : CUSTOM_COUNTRY;
}

/** A parameter's cell: coded ones (options, yes/no) as the word of the workbook's language. */
function valueOf(key: ParameterKey, p: Parameters, lang: Language): PlanCell {
  switch (key) {
    case "country":
      return codeWord(lang, key, effectiveCountry(p));
    case "customEmissionFactor":
      return p.emissionFactorKgPerKWh;
    case "electricityPricePerKWh":
      // No default price is shipped: a blank cell asks the procurer for one (see its source).
      return p.electricityPricePerKWh === 0 ? null : p.electricityPricePerKWh;
    default: {
      const value = p[key];
      if (typeof value === "boolean") return codeWord(lang, key, value ? YES_NO.yes : YES_NO.no);
      return parameterField(key)?.options && typeof value === "string" ? codeWord(lang, key, value) : value;
    }
  }
}

const COLUMNS = { label: 0, value: 1, unit: 2, source: 3, date: 4 };
const HEADER_ROW = 3;

/** Workbook names of the adopted framework set's figures (present only when a set is adopted). */
export const FRAMEWORK_NAMES = {
  fingerprint: "LCC_ParameterSetFingerprint",
  deviations: "LCC_FrameworkDeviations",
  /** A mini-competition's suppliers, one a cell: the Results' Compliant and Reasons columns look each offer's supplier up in it. */
  suppliers: "LCC_FrameworkSuppliers",
} as const;
/** Framework values and the comparison with them, right of the five columns. */
const FRAMEWORK_COLUMNS = { value: 5, check: 6 };

export function parametersSheet(
  kind: ProductGroup,
  p: Parameters,
  lang: Language,
  refs: Refs,
  sheetName: string,
  lock: boolean,
  framework?: ParameterSet,
  /** A mini-competition: the framework's suppliers, listed below the parameters. */
  suppliers?: readonly string[],
): SheetDraft {
  const d = new SheetDraft("parameters", sheetName, lang);
  d.freezeRows = HEADER_ROW + 1;
  d.protect = lock;
  d.write(0, 0, [[t(lang, "parameters.title")], [t(lang, "parameters.hint")]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.style(0, 1, 1, 1, { role: "hint", wrap: true });
  d.merge(0, 1, 5);
  const headers = [
    ...(["label", "value", "unit", "source", "date"] as const).map((h) => t(lang, `parameters.header.${h}`)),
    ...(framework ? [t(lang, "framework.header.value"), t(lang, "framework.header.check")] : []),
  ];
  d.write(0, HEADER_ROW, [headers]);
  d.style(0, HEADER_ROW, headers.length, 1, { role: "header", wrap: true });

  const country = refs.value("country");
  const preset = (column: string) => `INDEX(${refs.name(column)},MATCH(${country},${refs.name(PRESET_NAMES.countries)},0))`;
  let row = HEADER_ROW + 1;
  for (const r of PARAMETER_ROWS) {
    if (!r.templates.includes(kind)) continue;
    if ("section" in r) {
      d.write(0, row, [[tBuilt(lang, `section.${r.section}`)]]);
      d.style(0, row, 1, 1, { role: "section" });
      row++;
      continue;
    }
    const label = t(lang, `param.${r.key}`);
    const help = t(lang, `paramNote.${r.key}`);
    const sourced = r.key in PARAMETER_SOURCES ? PARAMETER_SOURCES[r.key as ScalarParameter] : undefined;
    let value = valueOf(r.key, p, lang);
    let source: PlanCell = sourced ? sourceText(lang, sourced) : t(lang, "source.authority");
    let date: PlanCell = sourced?.date ?? "";
    const isPresetFactor = r.key === "emissionFactorKgPerKWh";
    if (isPresetFactor) {
      const custom = `${country}=${str(CUSTOM_COUNTRY)}`;
      value = formula(`IF(${custom},${refs.param("customEmissionFactor")},${preset(PRESET_NAMES.emissionFactors)})`);
      source = formula(`IF(${custom},${str(t(lang, "source.custom"))},${preset(PRESET_NAMES.sources)})`);
      date = formula(`IF(${custom},"",${preset(PRESET_NAMES.dates)})`);
    }
    // A percentage shows its "%" in the value ("4.00%"): no unit beside it.
    d.write(0, row, [[label, value, r.unit === "share" ? "" : unitLabel(lang, r.unit, p.currency), source, date]]);
    d.style(COLUMNS.value, row, 1, 1, { role: isPresetFactor ? "formula" : "input", numberFormat: NUMBER_FORMATS[r.unit] });
    d.note(COLUMNS.label, row, help);
    const list = r.options && codeWords(lang, r.key, r.options);
    if (!isPresetFactor) d.validate(COLUMNS.value, row, 1, { list, min: r.min, max: r.max }, { title: label, message: help });
    d.addName(refs.param(r.key), COLUMNS.value, row, 1, 1, label);
    if (framework) frameworkCells(d, r.key, row, framework, lang);
    row++;
  }
  const lastParameterRow = row - 1;
  if (framework) row = frameworkSection(d, row, framework, lang, refs, HEADER_ROW + 1, lastParameterRow);
  if (suppliers) row = suppliersSection(d, row, suppliers, framework ?? p, lang, refs);

  // Country presets: what the selector above looks up, with the source of every figure.
  row++;
  d.write(0, row, [[t(lang, "section.presets")]]);
  d.style(0, row, 1, 1, { role: "section" });
  row++;
  const presetHeaders = (["country", "emissionFactor", "unit", "source", "date"] as const).map((h) => t(lang, `presets.header.${h}`));
  d.write(0, row, [presetHeaders]);
  d.style(0, row, presetHeaders.length, 1, { role: "header" });
  row++;
  const unit = unitLabel(lang, "kgPerKWh", p.currency);
  d.write(
    0,
    row,
    COUNTRIES.map((c) => [
      c,
      COUNTRY_PRESETS[c].emissionFactorKgPerKWh,
      unit,
      sourceText(lang, COUNTRY_PRESETS[c].source),
      COUNTRY_PRESETS[c].source.date,
    ]),
  );
  const n = COUNTRIES.length;
  sizeColumns(d, HEADER_ROW + 1, row + n);
  // The framework columns are sized for their values: their headers wrap rather than being cut.
  d.rowHeight(HEADER_ROW, headerRowPoints(headers, d.columnWidths));
  d.style(COLUMNS.value, row, 1, n, { numberFormat: NUMBER_FORMATS.kgPerKWh });
  d.addName(refs.name(PRESET_NAMES.countries), COLUMNS.label, row, 1, n);
  d.addName(refs.name(PRESET_NAMES.emissionFactors), COLUMNS.value, row, 1, n);
  d.addName(refs.name(PRESET_NAMES.sources), COLUMNS.source, row, 1, n);
  d.addName(refs.name(PRESET_NAMES.dates), COLUMNS.date, row, 1, n);
  return d;
}

const SOURCE_WIDTH = 60;

/**
 * Widths from the text: labels, values and units shown whole, sources wrapped in a column of their own
 * with rows tall enough for them.
 */
function sizeColumns(d: SheetDraft, from: number, to: number): void {
  const longest = (col: number, min: number, max: number) => {
    let chars = min;
    for (const b of d.blocks) {
      const top = parseCell(b.anchor).row;
      b.rows.forEach((r, i) => {
        const cell = r[col];
        if (top + i >= from && typeof cell === "string") chars = Math.max(chars, Math.ceil(cell.length * 1.1) + 2);
      });
    }
    return Math.min(max, chars);
  };
  d.columnWidths = [
    longest(0, 30, 56),
    longest(1, 14, 40),
    longest(2, 10, 20),
    SOURCE_WIDTH,
    12,
    // The framework value: at least as wide as its header's longest word ("raamovereenkomst"), so it wraps between words.
    ...(d.blocks.some((b) => b.rows.some((r) => r.length > 5)) ? [longest(5, 18, 40), 24] : []),
  ];
  // Wrapped cells sit at the top of their row: the whole row, so a label stays level with its source.
  d.style(0, from, 5, to - from, { wrap: true });
  for (const b of d.blocks) {
    const top = parseCell(b.anchor).row;
    b.rows.forEach((r, i) => {
      const source = r[3];
      if (top + i >= from && typeof source === "string" && wrappedLines(source, SOURCE_WIDTH) > 1)
        d.rowHeight(top + i, rowPoints(wrappedLines(source, SOURCE_WIDTH)));
    });
  }
  d.rowHeight(
    1,
    rowPoints(
      wrappedLines(
        String(d.blocks[0].rows[1][0]),
        d.columnWidths.reduce((a, b) => a + b, 0),
      ),
    ),
  );
}

/**
 * Beside a parameter: the framework set's value (written, in the same form as the value column) and a native
 * formula comparing the two, so a value changed later in the workbook shows as a deviation at once.
 */
function frameworkCells(d: SheetDraft, key: ParameterKey, row: number, set: ParameterSet, lang: Language): void {
  // The set's name and version are what the sheet is about, and the own factor is compared as the factor in use.
  if (key === "parameterSetName" || key === "parameterSetVersion" || key === "customEmissionFactor") return;
  const own = cellAddress(COLUMNS.value, row);
  const theirs = cellAddress(FRAMEWORK_COLUMNS.value, row);
  const local = set.local.includes(key);
  // Numbers compare exactly (both written from the same doubles); words by their text; two blanks are equal.
  const check = `IF(${own}&""=${theirs}&"","",${str(t(lang, local ? "framework.local" : "framework.differs"))})`;
  d.write(FRAMEWORK_COLUMNS.value, row, [[valueOf(key, set.parameters, lang), formula(check)]]);
  d.style(FRAMEWORK_COLUMNS.value, row, 2, 1, { role: "formula" });
  // A value the set leaves to the participant stays editable when the sheet is protected.
  if (local) d.style(COLUMNS.value, row, 1, 1, { locked: false });
}

/** A section's title one row below `start`; returns the row under it. */
function sectionTitle(d: SheetDraft, start: number, title: string): number {
  d.write(0, start + 1, [[title]]);
  d.style(0, start + 1, 1, 1, { role: "section" });
  return start + 2;
}

/** Below the parameters: the set's fingerprint, publisher, date and local fields, and the count of deviations. */
function frameworkSection(
  d: SheetDraft,
  start: number,
  set: ParameterSet,
  lang: Language,
  refs: Refs,
  first: number,
  last: number,
): number {
  const row = sectionTitle(d, start, t(lang, "framework.section"));
  const checks = absolute(`${cellAddress(FRAMEWORK_COLUMNS.check, first)}:${cellAddress(FRAMEWORK_COLUMNS.check, last)}`);
  const differs = `COUNTIF(${checks},${str(t(lang, "framework.differs"))})`;
  const local = `COUNTIF(${checks},${str(t(lang, "framework.local"))})`;
  const summary = `IF(${differs}+${local}=0,${str(t(lang, "framework.unchanged"))},${str(t(lang, "framework.countDiffers"))}&${differs}&${str(t(lang, "framework.countLocal"))}&${local})`;
  const rows: [string, PlanCell][] = [
    [t(lang, "framework.fingerprint"), set.fingerprint],
    [t(lang, "framework.publisher"), set.publisher],
    [t(lang, "framework.date"), set.date],
    [t(lang, "framework.localFields"), set.local.map((k) => tBuilt(lang, `param.${k}`)).join(", ") || "–"],
    [t(lang, "framework.deviations"), formula(summary)],
  ];
  d.write(0, row, rows);
  d.style(COLUMNS.value, row, 1, rows.length, { role: "formula" });
  d.addName(refs.name(FRAMEWORK_NAMES.fingerprint), COLUMNS.value, row, 1, 1, t(lang, "framework.fingerprint"));
  d.addName(refs.name(FRAMEWORK_NAMES.deviations), COLUMNS.value, row + rows.length - 1, 1, 1, t(lang, "framework.deviations"));
  return row + rows.length;
}

/**
 * A mini-competition's participants: the framework (its set's name and version) and its suppliers, one a row,
 * named for the Results' formulas. None listed leaves one blank cell, which no offer's supplier matches.
 */
function suppliersSection(
  d: SheetDraft,
  start: number,
  suppliers: readonly string[],
  set: { readonly name: string; readonly version: string } | Parameters,
  lang: Language,
  refs: Refs,
): number {
  const row = sectionTitle(d, start, t(lang, "mini.section"));
  d.note(0, row - 1, t(lang, "mini.note"));
  const [name, version] = "name" in set ? [set.name, set.version] : [set.parameterSetName, set.parameterSetVersion];
  const listed = [...new Set(suppliers.map((x) => x.trim()))];
  const rows: PlanCell[][] = [
    [t(lang, "mini.framework"), t(lang, "mini.setName", { name: name.trim() || "–", version: version.trim() || "–" })],
    ...(listed.length ? listed : [null]).map((x) => [t(lang, "mini.supplier"), x]),
  ];
  d.write(0, row, rows);
  d.style(COLUMNS.value, row, 1, rows.length, { role: "formula" });
  d.addName(refs.name(FRAMEWORK_NAMES.suppliers), COLUMNS.value, row + 1, 1, rows.length - 1, t(lang, "mini.section"));
  return row + rows.length;
}

/** The Results summary's lines on the adopted set (after its name and version); none without a set. */
export const frameworkSummaryRows = (framework: ParameterSet | undefined, refs: Refs): SummaryRow[] =>
  framework
    ? [
        { key: "parameterSetFingerprint", cell: formula(`${refs.name(FRAMEWORK_NAMES.fingerprint)}&""`), unit: "text" },
        { key: "frameworkDeviations", cell: formula(`${refs.name(FRAMEWORK_NAMES.deviations)}&""`), unit: "text" },
      ]
    : [];
