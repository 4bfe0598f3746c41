/** The Results charts, loaded on demand (React.lazy) so the pane's first download stays small. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import type { RankedOffer } from "../../../model/explain";
import { StackedBars } from "./StackedBars";

const useStyles = makeStyles({ charts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL } });

/** Bars for the best offers only: a chart of 1 000 bars helps no one (the table has them all). */
export const CHART_ROWS = 10;

/** With different service lives the bars show each cost item per year (its share of the EAC), as the ranking does. */
export default function Charts({ offers, includeExternalities, perYear }: { offers: readonly RankedOffer[]; includeExternalities: boolean; perYear: boolean }) {
  const s = useStyles();
  const { t, money, number } = useI18n();
  const shown = offers.slice(0, CHART_ROWS);
  const costSegments = [
    { label: t("chart.acquisition"), color: tokens.colorPaletteBlueBorderActive },
    { label: t("chart.energy"), color: tokens.colorPaletteMarigoldBorderActive },
    { label: t("chart.maintenance"), color: tokens.colorPaletteTealBorderActive },
    { label: t("chart.endOfLife"), color: tokens.colorPaletteBerryBorderActive },
    { label: t("chart.residualValue"), color: tokens.colorNeutralStroke1 },
    ...(includeExternalities ? [{ label: t("chart.externalities"), color: tokens.colorPaletteRedBorderActive }] : []),
  ];
  const costRows = shown.map(({ name, result: r }) => {
    const k = perYear && r.awardLcc !== 0 ? r.equivalentAnnualCost / r.awardLcc : 1;
    return {
      name,
      values: [
        r.breakdown.acquisitionCost,
        r.breakdown.energyCost,
        r.breakdown.maintenanceCost + r.breakdown.consumablesCost + r.breakdown.oneOffCost,
        r.breakdown.endOfLifeCost,
        r.breakdown.residualValue,
        ...(includeExternalities ? [r.externalCo2Cost] : []),
      ].map((v) => v * k),
      total: r.awardLcc * k,
    };
  });
  const co2Rows = shown.map(({ name, result: r }) => ({ name, values: [r.productionCo2Kg / 1000, r.useCo2Kg / 1000], total: (r.productionCo2Kg + r.useCo2Kg) / 1000 }));
  return (
    <div className={s.charts}>
      <StackedBars
        testId="chart-lcc"
        title={t(perYear ? "chart.lccTitlePerYear" : "chart.lccTitle")}
        segments={costSegments}
        rows={costRows}
        format={(n) => money(n)}
        totalLabel={t("chart.total")}
        tableLabel={t("chart.showTable")}
      />
      <StackedBars
        testId="chart-co2"
        title={t("chart.co2Title")}
        segments={[
          { label: t("chart.production"), color: tokens.colorPaletteDarkOrangeBorderActive },
          { label: t("chart.use"), color: tokens.colorPaletteGreenBorderActive },
        ]}
        rows={co2Rows}
        format={(n) => `${number(n, 3)} ${t("unit.tCO2e")}`}
        totalLabel={t("chart.total")}
        tableLabel={t("chart.showTable")}
      />
    </div>
  );
}
