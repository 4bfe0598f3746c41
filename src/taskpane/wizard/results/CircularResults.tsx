/** Results of the circular group: extend, refurbished and new on cost per year (EAC) and CO2 per year. */
import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScenarioResult } from "../../../model/circular";
import { StackedBars } from "../charts/StackedBars";
import { useI18n } from "../i18n";
import { ScrollTable } from "../ScrollTable";
import { dataTable } from "../styles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  table: {
    ...dataTable("right"),
    "& th:first-child": { textAlign: "left" },
  },
});

export function CircularResults({ scenarios }: { scenarios: readonly ScenarioResult[] }) {
  const s = useStyles();
  const { t, money, number, percent, short } = useI18n();
  const cheapest = scenarios.reduce((a, b) => (b.equivalentAnnualCost < a.equivalentAnnualCost ? b : a));
  const greenest = scenarios.reduce((a, b) => (b.annualisedCo2Kg < a.annualisedCo2Kg ? b : a));
  const newOption = scenarios.find((r) => r.kind === "new");
  const name = (r: ScenarioResult) => t(`scenario.${r.kind}`);
  const extend = scenarios.find((r) => r.kind === "extend" && r.lifetimeView);
  return (
    <div className={s.stack}>
      <Text data-testid="circular-summary">
        {t("circular.summary", {
          cheapest: name(cheapest),
          eac: money(cheapest.equivalentAnnualCost),
          greenest: name(greenest),
          co2: number(greenest.annualisedCo2Kg, 1),
        })}
      </Text>
      <Text data-testid="eac-note">{t("circular.eacNote")}</Text>
      <ScrollTable
        caption={t("circular.table")}
        hideCaption
        columns={[
          t("circular.option"),
          t("results.lcc"),
          t("results.eac"),
          t("circular.co2PerYear"),
          t("circular.costSavingVsNew"),
          t("circular.savingVsNew"),
        ]}
        className={s.table}
        testId="circular-table"
      >
        {scenarios.map((r) => (
          <tr key={r.kind} data-testid={`circular-row-${r.kind}`}>
            <th scope="row">{name(r)}</th>
            <td>{money(r.lifeCycleCost)}</td>
            <td data-testid={`circular-eac-${r.kind}`}>{money(r.equivalentAnnualCost)}</td>
            <td data-testid={`circular-co2-${r.kind}`}>{number(r.annualisedCo2Kg, 1)}</td>
            <td>{r.kind === "new" || !newOption ? "–" : money(newOption.equivalentAnnualCost - r.equivalentAnnualCost)}</td>
            <td>{r.kind === "new" ? "–" : percent(r.co2SavingVsNew, 1)}</td>
          </tr>
        ))}
      </ScrollTable>
      <StackedBars
        testId="chart-circular-eac"
        title={t("circular.eacChart")}
        segments={[{ label: t("results.eac"), color: tokens.colorPaletteBlueBorderActive }]}
        rows={scenarios.map((r) => ({ name: name(r), values: [r.equivalentAnnualCost], total: r.equivalentAnnualCost }))}
        format={(n) => money(n)}
        totalLabel={t("chart.total")}
        tableLabel={t("chart.showTable")}
      />
      <StackedBars
        testId="chart-circular-co2"
        title={t("circular.co2Chart")}
        segments={[{ label: t("circular.co2PerYear"), color: tokens.colorPaletteGreenBorderActive }]}
        rows={scenarios.map((r) => ({ name: name(r), values: [r.annualisedCo2Kg], total: r.annualisedCo2Kg }))}
        format={(n) => number(n, 1)}
        totalLabel={t("chart.total")}
        tableLabel={t("chart.showTable")}
      />
      {extend?.lifetimeView && (
        <section aria-labelledby="circular-lifetime" data-testid="circular-lifetime">
          <Subtitle2 as="h3" block id="circular-lifetime">
            {t("circular.lifetimeTitle")}
          </Subtitle2>
          <Text block data-testid="circular-lifetime-text">
            {t("circular.lifetimeText", {
              before: number(extend.lifetimeView.beforeKgPerYear),
              after: number(extend.lifetimeView.afterKgPerYear),
              age: short(extend.lifetimeView.yearsBefore),
              years: short(extend.lifetimeView.yearsAfter),
              saving: extend.lifetimeView.saving === null ? "–" : percent(extend.lifetimeView.saving, 2),
            })}
          </Text>
        </section>
      )}
    </div>
  );
}
