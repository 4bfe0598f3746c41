/** Step 5: write the comparison as a workbook: into the open workbook in Excel, as an .xlsx download standalone. */
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { Host, WriteOutcome } from "../../../host/types";
import { type ProductGroup, kindOf } from "../../../model/bid";
import type { Entries } from "../../../model/entries";
import type { Evaluation } from "../evaluation";
import { useI18n } from "../i18n";
import type { StepId } from "../state";
import { type ParameterSet, frameworkSuppliers } from "../../../model/parameterSet";
import { callOffQuantitiesFor } from "../../../model/callOff";

/** The tender documents come as a chunk of their own (and their heavy parts only on a click). */
const TenderDocuments = lazy(() => import("./TenderDocuments").then((m) => ({ default: m.TenderDocuments })));

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, alignItems: "flex-start" },
  // The status spans the pane and wraps (a list of sheet names at 320 px), never cut to one line.
  status: { alignSelf: "stretch", minWidth: 0, overflowWrap: "anywhere" },
});

export function WriteStep({
  host,
  group,
  evaluation,
  onGoTo,
  onWritten,
  onImportOffers,
  framework,
}: {
  host: Host;
  group: ProductGroup;
  evaluation: Evaluation;
  onGoTo(step: StepId): void;
  /** After a write: in Excel the workbook now holds the comparison, so saving can start. */
  onWritten(): void;
  /** Offers read from returned bid forms, appended to the Offers list. */
  onImportOffers(offers: Entries[]): void;
  /**
   * The framework set adopted: the workbook compares its Parameters with it; locked, the sheet is written
   * protected; with awarded offers, its Call-off sheet gets the call-off's quantities (by each Bids row's product),
   * and in a mini-competition the workbook lists the framework's suppliers and ranks only their offers.
   */
  framework?: { set: ParameterSet; locked: boolean; callOff?: Entries; miniCompetition?: boolean };
}) {
  const s = useStyles();
  const { t, plural, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<WriteOutcome | "failed" | null>(null);
  const [tenderText, setTenderText] = useState(false);
  const circular = group === "circular";
  const flagged = evaluation.offers.length - evaluation.compared.length;
  const blocker = !evaluation.parametersOk
    ? (["write.fixParameters", "parameters"] as const)
    : circular
      ? Object.keys(evaluation.circular.errors).length > 0
        ? (["write.fixOptions", "bids"] as const)
        : null
      : evaluation.compared.length === 0
        ? (["write.noOffers", "bids"] as const)
        : flagged > 0
          ? (["write.fixOffers", "bids"] as const)
          : null;

  const write = async () => {
    setBusy(true);
    setOutcome(null);
    const bids = circular ? [] : evaluation.compared.map((o) => o.bid);
    const p = evaluation.parameters.value;
    try {
      setOutcome(
        await host.write({
          group,
          parameters: p,
          bids,
          circular: circular ? evaluation.circular.value : undefined,
          language: lang,
          tenderText: !circular && tenderText,
          ...(framework ? { framework: framework.set, lockParameters: framework.locked } : {}),
          ...(framework?.set.offers && framework.callOff
            ? { callOffQuantities: callOffQuantitiesFor(framework.set, framework.callOff, bids, p, lang) }
            : {}),
          // As the Results step evaluates (evaluation.ts): the framework's suppliers, only under a set with awarded offers.
          ...(framework?.miniCompetition && framework.set.offers && !circular
            ? { miniCompetition: { suppliers: frameworkSuppliers(framework.set) } }
            : {}),
        }),
      );
      onWritten();
    } catch (error) {
      // The pane says it failed; the console (F12, or Office's developer tools) says why, for whoever supports it.
      console.error("Writing the workbook failed:", error);
      setOutcome("failed");
    } finally {
      setBusy(false);
    }
  };

  const excel = host.kind === "excel";
  return (
    <div className={s.stack}>
      <Text>{t(excel ? "write.introExcel" : "write.introStandalone", { template: t(`group.${group}`) })}</Text>
      {blocker ? (
        <MessageBar intent="warning" layout="multiline" data-testid="write-blocked">
          <MessageBarBody>
            {blocker[0] === "write.fixOffers" ? plural(blocker[0], flagged) : t(blocker[0])}{" "}
            <Button onClick={() => onGoTo(blocker[1])} data-testid={`write-goto-${blocker[1]}`}>
              {t(blocker[1] === "parameters" ? "results.goParameters" : circular ? "results.goOptions" : "results.goOffers")}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {!circular && (
            <Checkbox
              checked={tenderText}
              onChange={(_, d) => setTenderText(d.checked === true)}
              label={t("write.tenderSheet")}
              data-testid="write-tender-sheet"
            />
          )}
          <Button appearance="primary" onClick={write} disabled={busy} data-testid="write-button">
            {t(excel ? "write.toWorkbook" : "write.download")}
          </Button>
        </>
      )}
      {busy && <Spinner size="tiny" label={t("common.working")} />}
      <div aria-live="polite" className={s.status}>
        {outcome === "failed" && (
          <MessageBar intent="error" layout="multiline" data-testid="write-status">
            <MessageBarBody>{t("write.failed")}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && outcome !== "failed" && (
          <MessageBar intent="success" layout="multiline" data-testid="write-status">
            <MessageBarBody>
              {outcome.kind === "download"
                ? t("write.downloaded", { file: outcome.fileName ?? "" })
                : outcome.updated
                  ? [
                      t("write.updated"),
                      ...(outcome.sheets?.length ? [t("write.written", { sheets: outcome.sheets.join(", ") })] : []),
                    ].join(" ")
                  : t("write.written", { sheets: (outcome.sheets ?? []).join(", ") })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!circular && (
        <Suspense fallback={<Spinner size="tiny" label={t("common.working")} />}>
          <TenderDocuments
            host={host}
            kind={kindOf(group)}
            parameters={evaluation.parametersOk ? evaluation.parameters.value : null}
            existing={evaluation.compared.map((o) => o.bid)}
            onImport={onImportOffers}
            onGoOffers={() => onGoTo("bids")}
          />
        </Suspense>
      )}
    </div>
  );
}
