/** The Results charts, loaded on demand (React.lazy) so the pane's first download stays small. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import type { RankedOffer } from "../../../model/explain";
import type { BidResult } from "../../../model/evaluate";
import { StackedBars } from "./StackedBars";
import type { CriteriaSettings } from "../../../model/criteria/settings";
import { qualityBars } from "./qualityBars";

const useStyles = makeStyles({ charts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL } });

/** Bars for the best offers only: a chart of 1 000 bars helps no one (the table has them all). */
export const CHART_ROWS = 10;

/** With different service lives the bars show each cost item per year (its share of the EAC), as the ranking does. */
export default function Charts({
  offers,
  includeExternalities,
  perYear,
  quality,
}: {
  offers: readonly RankedOffer[];
  includeExternalities: boolean;
  perYear: boolean;
  /** The ranked offers and the tender's criteria: quality points per award criterion (none without award criteria). */
  quality?: { offers: readonly RankedOffer[]; criteria: CriteriaSettings };
}) {
  const s = useStyles();
  const { t, money, number, lang } = useI18n();
  const shown = offers.slice(0, CHART_ROWS);
  // The lines of LCC-METHOD §12 (warranty extension, repairs after warranty, battery) are stacked when an offer has them.
  const lines = [
    { label: t("chart.acquisition"), color: tokens.colorPaletteBlueBorderActive, of: (r: BidResult) => r.breakdown.acquisitionCost },
    {
      label: t("chart.warrantyExtension"),
      color: tokens.colorPaletteLavenderBorderActive,
      of: (r: BidResult) => r.breakdown.warrantyExtensionCost,
      optional: true,
    },
    { label: t("chart.energy"), color: tokens.colorPaletteMarigoldBorderActive, of: (r: BidResult) => r.breakdown.energyCost },
    {
      label: t("chart.maintenance"),
      color: tokens.colorPaletteTealBorderActive,
      of: (r: BidResult) => r.breakdown.maintenanceCost + r.breakdown.consumablesCost,
    },
    {
      label: t("chart.repairs"),
      color: tokens.colorPaletteCranberryBorderActive,
      of: (r: BidResult) => r.breakdown.repairCost,
      optional: true,
    },
    {
      label: t("chart.battery"),
      color: tokens.colorPalettePeachBorderActive,
      of: (r: BidResult) => r.breakdown.oneOffCost,
      optional: true,
    },
    { label: t("chart.endOfLife"), color: tokens.colorPaletteBerryBorderActive, of: (r: BidResult) => r.breakdown.endOfLifeCost },
    { label: t("chart.residualValue"), color: tokens.colorNeutralStroke1, of: (r: BidResult) => r.breakdown.residualValue },
    ...(includeExternalities
      ? [{ label: t("chart.externalities"), color: tokens.colorPaletteRedBorderActive, of: (r: BidResult) => r.externalCo2Cost }]
      : []),
  ].filter((line) => !line.optional || shown.some((o) => line.of(o.result) !== 0));
  const costSegments = lines.map(({ label, color }) => ({ label, color }));
  const costRows = shown.map(({ name, result: r }) => {
    const k = perYear && r.awardLcc !== 0 ? r.equivalentAnnualCost / r.awardLcc : 1;
    return { name, values: lines.map((line) => line.of(r) * k), total: r.awardLcc * k };
  });
  const co2Rows = shown.map(({ name, result: r }) => ({
    name,
    values: [r.productionCo2Kg / 1000, r.useCo2Kg / 1000],
    total: (r.productionCo2Kg + r.useCo2Kg) / 1000,
  }));
  const qualityChart = quality && qualityBars(quality.offers.slice(0, CHART_ROWS), quality.criteria, lang, t("chart.otherQuality"));
  return (
    <div className={s.charts}>
      {qualityChart && (
        <StackedBars
          testId="chart-quality"
          title={t("chart.qualityTitle")}
          segments={qualityChart.segments}
          rows={qualityChart.rows}
          format={(n) => number(n)}
          totalLabel={t("results.qualityScore")}
        />
      )}
      <StackedBars
        testId="chart-lcc"
        title={t(perYear ? "chart.lccTitlePerYear" : "chart.lccTitle")}
        segments={costSegments}
        rows={costRows}
        format={(n) => money(n)}
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
      />
    </div>
  );
}
