/**
 * A participant's call-off under a framework set published with its awarded offers: a quantity per product,
 * and the call-off's life-cycle cost, cost per year, CO2 and budget (computeCallOff, under the set's values and
 * the participant's local ones). A wrong quantity or a product no longer in the catalogue is named beside it and
 * kept as typed. Then the mini-competition: a new comparison under the locked set for the framework's suppliers.
 * Loaded on its own chunk, only when the adopted set has offers.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { XLSX_TYPE } from "../../../host/download";
import type { Host } from "../../../host/types";
import { type Entries, parametersFromEntries } from "../../../model/entries";
import { type CallOffResult, computeCallOff, productKey } from "../../../model/callOff";
import type { Parameters } from "../../../model/parameters";
import { type ParameterSet, frameworkSuppliers, setFileStem } from "../../../model/parameterSet";
import { TextField, useFieldStyles } from "../fields";
import { type I18n, useI18n } from "../i18n";
import { ScrollTable } from "../ScrollTable";
import { dataTable } from "../styles";
import { callOffWorkbookInput } from "./callOffWorkbook";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0 },
  table: dataTable("right", { overflowWrap: "break-word", hyphens: "auto" }),
});

/** The table's columns, in the order of each line's cells. */
const COLUMNS = ["product", "units", "lcc", "costPerYear", "co2Production", "co2Use"] as const;

/** The call-off workbook (callOffWorkbookInput: the catalogue as Bids, these quantities) as an .xlsx download. */
function CallOffDownload(props: { set: ParameterSet; quantities: Entries; current: Parameters; offerFile?: Host["offerFile"] }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ file: string } | "failed" | null>(null);
  const offerFile = props.offerFile;
  const download = async () => {
    const input = callOffWorkbookInput(props.set, props.quantities, props.current, i18n.lang);
    if (!offerFile || !input) return;
    setBusy(true);
    setStatus(null);
    try {
      const bytes = await (await import("../../../host/templateWriters")).templateWriters().writeXlsx(input);
      const file = t("callOff.fileName", { name: setFileStem(props.set) });
      await offerFile(bytes, file, XLSX_TYPE);
      setStatus({ file });
    } catch (error) {
      console.error("Writing the call-off workbook failed:", error);
      setStatus("failed");
    } finally {
      setBusy(false);
    }
  };
  if (!offerFile)
    return (
      <Text size={200} data-testid="calloff-no-download">
        {t("callOff.noDownload")}
      </Text>
    );
  return (
    <div className={s.stack}>
      <Text size={200}>{t("callOff.downloadHint")}</Text>
      <div className={s.row}>
        <Button onClick={() => void download()} disabled={busy} data-testid="calloff-download">
          {t("callOff.download")}
        </Button>
        {busy && <Spinner size="tiny" label={t("common.working")} />}
      </div>
      <div aria-live="polite">
        {status && (
          <MessageBar intent={status === "failed" ? "error" : "success"} layout="multiline" data-testid="calloff-download-status">
            <MessageBarBody>
              {status === "failed" ? t("callOff.downloadFailed") : t("callOff.downloaded", { file: status.file })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

/** A call-off problem in words, with the text as typed. */
export function callOffProblemText(i18n: I18n, result: CallOffResult, key: string, text: string): string | undefined {
  const rule = result.problems[key]?.rule;
  if (rule === "nonNegative") return i18n.t("callOff.negative", { text });
  if (rule === "wholeNumber") return i18n.t("callOff.wholeNumber", { text });
  if (rule === "notANumber") return i18n.t("callOff.notANumber", { text });
  if (rule === "notInCatalogue") return i18n.t("callOff.notInCatalogue", { product: key, text });
  return undefined;
}

export function CallOffView(props: {
  set: ParameterSet;
  /** The Parameters entries: the participant's local values come from them. */
  entries: Entries;
  quantities: Entries;
  onQuantity(key: string, text: string): void;
  /** Offers now in the list (a mini-competition starts without them) and their suppliers. */
  offerSuppliers: readonly string[];
  onMiniCompetition(): void;
  /** Where the host can offer a file (standalone, Excel on the web): the call-off workbook's download. */
  offerFile?: Host["offerFile"];
}) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [confirm, setConfirm] = useState(false);
  const { set, quantities } = props;
  const current = parametersFromEntries(props.entries).value;
  const result = computeCallOff(set, quantities, current, i18n.lang);
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
            <ScrollTable
              caption={t("callOff.caption")}
              columns={COLUMNS.map((c) => t(`callOff.${c}`))}
              className={s.table}
              testId="calloff-table"
            >
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
            </ScrollTable>
            <Text data-testid="calloff-budget">
              {t("callOff.budget", { purchase: i18n.money(totals.purchase), running: i18n.money(totals.runningPerYear) })}
            </Text>
            <Text size={200}>{t("callOff.explainFigures")}</Text>
          </>
        )}
        <CallOffDownload set={set} quantities={quantities} current={current} offerFile={props.offerFile} />
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
