/** CSV import (comma, semicolon or tab; decimal comma): good rows become offers, bad rows are reported with their reasons. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { BID_FIELDS, type ComparisonKind } from "../../../model/bid";
import type { CsvBids } from "../../../model/csv";
import { type Entries, bidEntries } from "../../../model/entries";
import { useI18n } from "../i18n";
import { visuallyHidden } from "../styles";

const useStyles = makeStyles({
  hidden: visuallyHidden,
  list: { margin: 0, paddingLeft: "1.2em" },
});

const KNOWN_KEYS = [...new Set(BID_FIELDS.map((f) => f.key))];

/** The file's text, read locally (FileReader: also where Blob.text is missing); nothing is uploaded. */
const readText = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });

export function CsvImport({ kind, onImport }: { kind: ComparisonKind; onImport(offers: Entries[]): void }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ file: string; result: CsvBids } | null>(null);

  const read = async (file: File) => {
    // papaparse comes with the first import, not with the pane.
    const [{ parseBidsCsv }, text] = await Promise.all([import("../../../model/csv"), readText(file)]);
    const result = parseBidsCsv(text, kind, KNOWN_KEYS);
    onImport(result.bids.map((b) => bidEntries(b, kind, i18n.lang)));
    setReport({ file: file.name, result });
  };

  const rows = report ? [...new Set(report.result.errors.map((e) => e.row ?? 0))] : [];
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        className={s.hidden}
        tabIndex={-1}
        aria-label={t("bids.importCsv")}
        data-testid="csv-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void read(file);
        }}
      />
      <Button onClick={() => input.current?.click()} data-testid="csv-import">
        {t("bids.importCsv")}
      </Button>
      {report && (
        <MessageBar intent={rows.length || report.result.unknownColumns.length ? "warning" : "success"} layout="multiline" data-testid="csv-report">
          <MessageBarBody>
            <MessageBarTitle>{i18n.plural("csv.imported", report.result.bids.length, { file: report.file })}</MessageBarTitle>
            {rows.length > 0 && (
              <>
                {i18n.plural("csv.badRows", rows.length)}
                <ul className={s.list}>
                  {rows.map((row) => (
                    <li key={row} data-testid={`csv-bad-row-${row}`}>
                      {t("csv.row", {
                        row,
                        reasons: report.result.errors
                          .filter((e) => (e.row ?? 0) === row)
                          .map((e) => i18n.error(e.error, i18n.tBuilt(`bid.${e.field}`)))
                          .join(" "),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {report.result.unknownColumns.length > 0 && <div>{t("csv.unknownColumns", { columns: report.result.unknownColumns.join(", ") })}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setReport(null)} data-testid="csv-report-close">
              {t("common.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
