/**
 * Excel only: offers from a table or the selected range already in the workbook. The user maps each offer
 * field to one of its columns (matched by name where possible); every row becomes an offer, and a row with
 * a problem is flagged in its card rather than dropped.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SourceTable, WorkbookSource } from "../../../host/types";
import { type ComparisonKind, bidFields } from "../../../model/bid";
import { type Entries, entryText, newBidEntries } from "../../../model/entries";
import { matchHeaders } from "../../../model/headers";
import { type OptionWords, optionCode } from "../../../model/optionWords";
import { SelectField, useFieldStyles } from "../fields";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const SELECTION = "\u0000selection";

export function TableImport({
  kind,
  source,
  onImport,
}: {
  kind: ComparisonKind;
  source: WorkbookSource;
  onImport(offers: Entries[]): void;
}) {
  const s = useStyles();
  const f = useFieldStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [tables, setTables] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState(SELECTION);
  const [table, setTable] = useState<SourceTable | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [words, setWords] = useState<OptionWords>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "error" | "success"; text: string } | null>(null);
  const keys = [...new Set(bidFields(kind).map((d) => d.key))];

  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch {
      setMessage({ intent: "error", text: t("tableImport.failed") });
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    guard(async () => {
      setOpen(true);
      setTables(await source.listTables());
    });

  const read = () =>
    guard(async () => {
      // Headers may be the workbook's or the pane's, in any of our languages (as for CSV): those names come on demand.
      const [found, { bidHeaderNames }, { optionWords }] = await Promise.all([
        source.readTable(chosen === SELECTION ? null : chosen),
        import("../../../templates/bidHeaders"),
        import("../../../templates/codes"),
      ]);
      const matched = matchHeaders(found.headers, kind, bidHeaderNames(kind));
      setWords(optionWords());
      setTable(found);
      setMapping(Object.fromEntries(keys.map((k) => [k, matched.indexOf(k)])));
    });

  const importRows = () => {
    if (!table) return;
    // Fields without a column keep a new offer's defaults (device type, condition…), as if typed in the pane.
    const base = newBidEntries(kind, i18n.lang);
    // A list column may hold a workbook's words ("Gereviseerd", "Neuf"): the pane keeps codes.
    const options = (k: string) => bidFields(kind).find((f) => f.key === k && f.kind === "enum")?.options;
    const code = (k: string, v: unknown) => {
      const codes = options(k);
      return (codes && optionCode(k, codes, v, words)) ?? v;
    };
    const offers = table.rows.map((row) => ({
      ...base,
      ...Object.fromEntries(keys.filter((k) => mapping[k] >= 0).map((k) => [k, entryText(k, code(k, row[mapping[k]]), i18n.lang)])),
    }));
    onImport(offers);
    setMessage({ intent: "success", text: i18n.plural("tableImport.done", offers.length) });
    setTable(null);
  };

  if (!open)
    return (
      <Button onClick={start} data-testid="table-import">
        {t("tableImport.open")}
      </Button>
    );
  const columns = [
    { value: "-1", label: t("tableImport.noColumn") },
    ...(table?.headers ?? []).map((h, i) => ({ value: String(i), label: h || t("tableImport.column", { n: i + 1 }) })),
  ];
  return (
    <section className={s.panel} aria-label={t("tableImport.open")} data-testid="table-import-panel">
      {busy && <Spinner size="tiny" label={t("common.working")} />}
      {tables && (
        <SelectField
          label={t("tableImport.source")}
          value={chosen}
          options={[{ value: SELECTION, label: t("tableImport.selection") }, ...tables.map((n) => ({ value: n, label: n }))]}
          onChange={setChosen}
          testId="table-import-source"
        />
      )}
      <Button onClick={read} disabled={busy} data-testid="table-import-read">
        {t("tableImport.read")}
      </Button>
      {table && (
        <>
          <p>{i18n.plural("tableImport.mapHint", table.rows.length, { name: table.name })}</p>
          <div className={f.grid}>
            {keys.map((k) => (
              <SelectField
                key={k}
                label={t(`bid.${k}`)}
                value={String(mapping[k] ?? -1)}
                options={columns}
                onChange={(v) => setMapping({ ...mapping, [k]: Number(v) })}
                testId={`table-map-${k}`}
              />
            ))}
          </div>
          <Button appearance="primary" onClick={importRows} data-testid="table-import-rows">
            {i18n.plural("tableImport.import", table.rows.length)}
          </Button>
        </>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="table-import-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="subtle" onClick={() => setOpen(false)} data-testid="table-import-close">
        {t("common.close")}
      </Button>
    </section>
  );
}
