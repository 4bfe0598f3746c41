/**
 * A participant's call-off under a framework set published with its awarded offers: a quantity per product,
 * and the call-off's life-cycle cost, cost per year, CO2 and budget (computeCallOff, under the set's values and
 * the participant's local ones). A wrong quantity or a product no longer in the catalogue is named beside it and
 * kept as typed. Then the mini-competition: a new comparison under the locked set for the framework's suppliers.
 * Loaded on its own chunk, only when the adopted set has offers.
 */
import { Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type Entries, parametersFromEntries } from "../../../model/entries";
import { type CallOffResult, computeCallOff, productKey } from "../../../model/callOff";
import type { ParameterSet } from "../../../model/parameterSet";
import { TextField, useFieldStyles } from "../fields";
import { type I18n, useI18n } from "../i18n";
import { dataTable, tableScroll } from "../styles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0 },
  scroll: tableScroll,
  table: dataTable("right", { overflowWrap: "break-word", hyphens: "auto" }),
});

/** A call-off problem in words, with the text as typed. */
export function callOffProblemText(i18n: I18n, result: CallOffResult, key: string, text: string): string | undefined {
  const rule = result.problems[key]?.rule;
  if (rule === "nonNegative") return i18n.t("callOff.negative", { text });
  if (rule === "wholeNumber") return i18n.t("callOff.wholeNumber", { text });
  if (rule === "notANumber") return i18n.t("callOff.notANumber", { text });
  if (rule === "notInCatalogue") return i18n.t("callOff.notInCatalogue", { product: key, text });
  return undefined;
}

/** The framework's suppliers, once each, in catalogue order. */
export const frameworkSuppliers = (set: ParameterSet): string[] => [...new Set((set.offers?.bids ?? []).map((b) => b.supplier))];

export function CallOffView(props: {
  set: ParameterSet;
  /** The Parameters entries: the participant's local values come from them. */
  entries: Entries;
  quantities: Entries;
  onQuantity(key: string, text: string): void;
  /** Offers now in the list (a mini-competition starts without them) and their suppliers. */
  offerSuppliers: readonly string[];
  onMiniCompetition(): void;
}) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [confirm, setConfirm] = useState(false);
  const { set, quantities } = props;
  const result = computeCallOff(set, quantities, parametersFromEntries(props.entries).value, i18n.lang);
  const bids = set.offers?.bids ?? [];
  const known = new Set(bids.map(productKey));
  const gone = Object.entries(quantities).filter(([k, v]) => !known.has(k) && v.trim() !== "");
  const suppliers = frameworkSuppliers(set);
  const outsiders = [...new Set(props.offerSuppliers.filter((x) => x.trim() !== "" && !suppliers.includes(x)))];
  const list = (items: string[]) => new Intl.ListFormat(i18n.locale, { type: "conjunction" }).format(items);
  const kg = (n: number) => i18n.number(n, 0);
  const { totals } = result;

  const start = () => {
    if (props.offerSuppliers.length && !confirm) return setConfirm(true);
    setConfirm(false);
    props.onMiniCompetition();
  };

  return (
    <div className={s.stack} data-testid="calloff">
      <section aria-labelledby="calloff-heading" className={s.stack}>
        <Subtitle2 as="h4" block id="calloff-heading" className={s.heading}>
          {t("callOff.title")}
        </Subtitle2>
        <Text size={200}>{t("callOff.hint", { name: set.name, version: set.version })}</Text>
        <div className={f.grid}>
          {bids.map((b, i) => {
            const key = productKey(b);
            const text = quantities[key] ?? "";
            return (
              <TextField
                key={key}
                label={t("callOff.quantity", { product: b.product, supplier: b.supplier })}
                value={text}
                numeric
                onChange={(v) => props.onQuantity(key, v)}
                error={callOffProblemText(i18n, result, key, text)}
                testId={`calloff-quantity-${i}`}
              />
            );
          })}
        </div>
        {gone.map(([key, text]) => (
          <MessageBar key={key} intent="warning" layout="multiline" data-testid="calloff-gone">
            <MessageBarBody>{callOffProblemText(i18n, result, key, text)}</MessageBarBody>
          </MessageBar>
        ))}
        {result.lines.length === 0 ? (
          <Text data-testid="calloff-none">{t("callOff.none")}</Text>
        ) : (
          <>
            <div className={s.scroll} role="region" aria-label={t("callOff.caption")} tabIndex={0}>
              <table className={s.table} data-testid="calloff-table">
                <caption style={{ textAlign: "left" }}>{t("callOff.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("callOff.product")}</th>
                    <th scope="col">{t("callOff.units")}</th>
                    <th scope="col">{t("callOff.lcc")}</th>
                    <th scope="col">{t("callOff.costPerYear")}</th>
                    <th scope="col">{t("callOff.co2Production")}</th>
                    <th scope="col">{t("callOff.co2Use")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.lines.map((l) => (
                    <tr key={l.key}>
                      <th scope="row">{`${l.bid.product} (${l.bid.supplier})`}</th>
                      <td>{i18n.short(l.quantity)}</td>
                      <td>{i18n.money(l.lcc)}</td>
                      <td>{i18n.money(l.costPerYear)}</td>
                      <td>{kg(l.productionCo2Kg)}</td>
                      <td>{kg(l.useCo2Kg)}</td>
                    </tr>
                  ))}
                  <tr data-testid="calloff-total">
                    <th scope="row">{t("callOff.total")}</th>
                    <td>{i18n.short(result.lines.reduce((a, l) => a + l.quantity, 0))}</td>
                    <td>{i18n.money(totals.lcc)}</td>
                    <td>{i18n.money(totals.costPerYear)}</td>
                    <td>{kg(totals.productionCo2Kg)}</td>
                    <td>{kg(totals.useCo2Kg)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <Text data-testid="calloff-budget">
              {t("callOff.budget", { purchase: i18n.money(totals.purchase), running: i18n.money(totals.runningPerYear) })}
            </Text>
            <Text size={200}>{t("callOff.explainFigures")}</Text>
          </>
        )}
      </section>
      <section aria-labelledby="mini-heading" className={s.stack} data-testid="mini-competition">
        <Subtitle2 as="h4" block id="mini-heading" className={s.heading}>
          {t("callOff.miniTitle")}
        </Subtitle2>
        <Text size={200}>{t("callOff.miniHint", { suppliers: list(suppliers) })}</Text>
        {outsiders.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="mini-outsiders">
            <MessageBarBody>{t("callOff.outsiders", { list: list(outsiders) })}</MessageBarBody>
          </MessageBar>
        )}
        {confirm && (
          <MessageBar intent="warning" layout="multiline" data-testid="mini-confirm">
            <MessageBarBody>{i18n.plural("callOff.miniReplace", props.offerSuppliers.length)}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.row}>
          <Button appearance={confirm ? "primary" : "secondary"} onClick={start} data-testid="mini-start">
            {t(confirm ? "callOff.miniConfirm" : "callOff.miniStart")}
          </Button>
          {confirm && (
            <Button onClick={() => setConfirm(false)} data-testid="mini-cancel">
              {t("callOff.miniCancel")}
            </Button>
          )}
        </div>
      </section>
    </div>
  );
}
