/**
 * The *Call-off* sheet of a workbook written under a framework set with awarded offers: one row per row of the
 * Bids table (the framework's offers), a quantity to type per offer, and the call-off's figures as native
 * formulas from the Results row of that offer (model/callOff.ts computes the same): life-cycle cost
 * (LCC per unit × quantity), cost per year (over the annuity factor), CO2 from production and use, the
 * purchase in year 0 and the running costs per year of use, undiscounted (the factors of Results with a
 * discount rate of 0), then the totals.
 */
import type { Language } from "../i18n";
import type { ComparisonKind } from "../model/bid";
import { columnLetter, sheetRef } from "./address";
import { SheetDraft } from "./draft";
import { oneOffFactor, pvFactor } from "./formulas";
import type { InputTableLayout } from "./inputTable";
import type { Refs } from "./names";
import type { PlanCell, ResultsLayout } from "./plan";
import { NUMBER_FORMATS, t } from "./text";

const COLUMNS = ["offer", "quantity", "lcc", "costPerYear", "co2Production", "co2Use", "purchase", "runningPerYear"] as const;
export type CallOffColumn = (typeof COLUMNS)[number];
const HEADER_ROW = 3;

export interface CallOffLayout {
  /** 1-based row of the first line; line i is firstRow + i; the totals row follows the last line. */
  readonly firstRow: number;
  readonly rowCount: number;
  readonly column: Readonly<Record<CallOffColumn, string>>;
}

export function callOffSheet(
  kind: ComparisonKind,
  results: ResultsLayout,
  resultsSheet: string,
  bids: InputTableLayout,
  /** Quantities to fill in, by Bids row; null or absent: blank. */
  quantities: readonly (number | null)[],
  lang: Language,
  refs: Refs,
  sheetName: string,
): { draft: SheetDraft; layout: CallOffLayout } {
  const d = new SheetDraft("callOff", sheetName, lang);
  const n = bids.rowCount;
  const first = HEADER_ROW + 1;
  const resultCol = (key: string) => results.columns.find((c) => c.key === key)?.column;
  const r = (key: string, i: number) => `${sheetRef(resultsSheet)}${resultCol(key)}${results.firstRow + i}`;
  const col = (c: CallOffColumn) => columnLetter(COLUMNS.indexOf(c));
  const own = (c: CallOffColumn, i: number) => `${col(c)}${first + i + 1}`;
  const Q = (i: number) => `N(${own("quantity", i)})`;
  const bidQ = (i: number) => `N(${bids.cell("quantity", i)})`;
  const perUnit = (key: string, i: number) => `IF(${bidQ(i)}>0,${r(key, i)}/${bidQ(i)},0)`;
  const H = (i: number) => r("horizonYears", i);
  const undiscounted = (escalation: string, years: string) => pvFactor(refs, "0", escalation, years);
  const running = (i: number) => {
    const energy = `${r("annualKWh", i)}*${refs.value("electricityPricePerKWh")}*(${undiscounted(refs.value("energyEscalation"), H(i))})`;
    const yearly =
      kind === "imaging"
        ? `(N(${bids.cell("annualMaintenance", i)})+${r("annualRunningCostPerUnit", i)})`
        : `N(${bids.cell("annualMaintenance", i)})`;
    const maintenance = `${yearly}*(${undiscounted(refs.value("maintenanceEscalation"), H(i))})`;
    const covered = `MIN(${r("coveredWarrantyYears", i)},${H(i)})`;
    const repairs = `${refs.value("outOfWarrantyRepairPerYear")}*((${undiscounted(refs.value("maintenanceEscalation"), H(i))})-(${undiscounted(refs.value("maintenanceEscalation"), covered)}))`;
    const [cost, year] = [bids.cell("batteryReplacementCost", i), bids.cell("batteryReplacementYear", i)];
    const battery = `IF(AND(ISNUMBER(${cost}),ISNUMBER(${year})),IF(${year}<=${H(i)},${cost}*${oneOffFactor(refs, "0", refs.value("maintenanceEscalation"), year)},0),0)`;
    return `IF(${Q(i)}>0,${Q(i)}*(${energy}+${maintenance}+${repairs}+${battery})/${H(i)},0)`;
  };
  // A blank or 0 quantity counts 0 without reading its Results row (an empty Bids row has no figures there).
  const ifOrdered = (i: number, x: string) => ({ formula: `IF(${Q(i)}>0,${x},0)` });
  const line = (i: number): PlanCell[] => [
    { formula: `${r("offer", i)}&""` },
    quantities[i] ?? null,
    ifOrdered(i, `${Q(i)}*${r("lccPerUnit", i)}`),
    ifOrdered(i, `${own("lcc", i)}/${r("annuityFactor", i)}`),
    ifOrdered(i, `${Q(i)}*${perUnit("productionCo2Kg", i)}`),
    ifOrdered(i, `${Q(i)}*${perUnit("useCo2Kg", i)}`),
    ifOrdered(i, `${Q(i)}*(${perUnit("breakdown.acquisitionCost", i)}+${perUnit("breakdown.warrantyExtensionCost", i)})`),
    { formula: running(i) },
  ];

  const total: PlanCell[] = COLUMNS.map((c, k) =>
    k === 0 ? t(lang, "callOff.total") : { formula: `SUM(${col(c)}${first + 1}:${col(c)}${first + n})` },
  );

  d.write(0, 0, [[t(lang, "callOff.title")]]);
  d.style(0, 0, 1, 1, { role: "title" });
  d.write(0, 1, [[t(lang, "callOff.hint")]]);
  d.style(0, 1, COLUMNS.length, 1, { role: "hint", wrap: true });
  d.merge(0, 1, COLUMNS.length);
  d.rowHeight(1, 45);
  d.write(0, HEADER_ROW, [COLUMNS.map((c) => t(lang, `callOff.${c}`))]);
  d.style(0, HEADER_ROW, COLUMNS.length, 1, { role: "header", wrap: true });
  d.rowHeight(HEADER_ROW, 45);
  d.write(0, first, [...Array.from({ length: n }, (_, i) => line(i)), total]);
  d.style(0, first, 1, n, { role: "formula" });
  d.style(1, first, 1, n, { role: "input", locked: false, numberFormat: NUMBER_FORMATS.units });
  d.validate(1, first, n, { min: 0 }, { title: t(lang, "callOff.quantity"), message: t(lang, "callOff.quantityHelp") });
  d.style(2, first, 2, n + 1, { role: "formula", numberFormat: NUMBER_FORMATS.currency });
  d.style(4, first, 2, n + 1, { role: "formula", numberFormat: NUMBER_FORMATS.kg });
  d.style(6, first, 2, n + 1, { role: "formula", numberFormat: NUMBER_FORMATS.currency });
  d.style(0, first + n, COLUMNS.length, 1, { role: "summary" });
  d.columnWidths = [36, 12, 18, 18, 18, 18, 18, 18];
  d.freezeRows = HEADER_ROW + 1;
  d.protect = true;
  return {
    draft: d,
    layout: {
      firstRow: first + 1,
      rowCount: n,
      column: Object.fromEntries(COLUMNS.map((c) => [c, col(c)])) as Record<CallOffColumn, string>,
    },
  };
}

/** The address of a totals cell, for tests and readers. */
export const callOffTotal = (layout: CallOffLayout, c: CallOffColumn): string => `${layout.column[c]}${layout.firstRow + layout.rowCount}`;
