/**
 * CSV import (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252; headers in any of our languages):
 * every row becomes an offer, a row with a problem a flagged one, so nothing read is lost. The report stays
 * (also when the user leaves the step and comes back) until dismissed; a file that cannot be read safely
 * (broken quote, column twice or missing) imports nothing and says why. The file is read in a Web Worker
 * (csvImportJob.ts), so 10 000 offers never freeze the pane; the Offers step shows them a page at a time.
 */
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { offThread } from "../../../host/offThread";
import { type ComparisonKind, bidFields } from "../../../model/bid";
import type { Entries } from "../../../model/entries";
import type { NumberLocale } from "../../../model/numbers";
import { type CsvImportReport, importCsv } from "../csvImportJob";
import { rememberChecks } from "../evaluation";
import { SelectField, withUnit } from "../fields";
import { useI18n } from "../i18n";
import { readBytes, useFilePicker } from "../FilePicker";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "1.2em" },
});

type Report = { file: string; result: CsvImportReport };
/** The last report per kind, kept for the session so leaving the step does not lose what it flagged. */
const reports = new Map<ComparisonKind, Report>();

/** One CSV line, semicolon-separated (what spreadsheets in nl and fr expect; en ones detect it too). */
const csvLine = (cells: readonly string[]): string => cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";");

export function CsvImport({ kind, onImport }: { kind: ComparisonKind; onImport(offers: Entries[]): void }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t, tBuilt } = i18n;
  const chooser = useFilePicker(".csv,text/csv,text/plain", t("bids.importCsv"), "csv-input", (f) => void read(f));
  const [locale, setLocale] = useState<NumberLocale | "">("");
  const [report, setReportState] = useState<Report | null>(reports.get(kind) ?? null);
  const setReport = (r: Report | null) => {
    if (r) reports.set(kind, r);
    else reports.delete(kind);
    setReportState(r);
  };

  // What the offer cards show as labels, with units: accepted as headers, and the blank template's row.
  const headers = bidFields(kind).map((f) => withUnit(t(`bid.${f.key}`), f.unit ? t(`unit.${f.unit}`) : undefined));
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvLine(headers)}\r\n`)}`;

  const read = async (file: File) => {
    const job = { bytes: await readBytes(file), kind, lang: i18n.lang, locale: locale || undefined };
    const {
      offers,
      checks,
      report: result,
    } = await offThread(async () => (await import("../startCsvWorker")).startCsvWorker(), job, importCsv);
    rememberChecks(kind, offers, checks);
    onImport(offers);
    setReport({ file: file.name, result });
  };

  const rows = report ? [...new Set(report.result.errors.map((e) => e.row ?? 0))] : [];
  const problems = report?.result.problems ?? [];
  const fieldName = (key: string) => (bidFields(kind).some((f) => f.key === key) ? tBuilt(`bid.${key}`) : key);
  const numberOptions = [
    { value: "", label: t("csv.numbers.auto") },
    { value: i18n.lang === "en" ? "nl" : i18n.lang, label: t("csv.numbers.comma") },
    { value: "en", label: t("csv.numbers.point") },
  ];
  return (
    <>
      {chooser.picker}
      <SelectField
        label={t("csv.numbers")}
        value={locale}
        options={numberOptions}
        onChange={(v) => setLocale(v as NumberLocale | "")}
        testId="csv-number-locale"
      />
      <Button onClick={chooser.choose} data-testid="csv-import">
        {t("bids.importCsv")}
      </Button>
      <details data-testid="csv-expected">
        <summary>{t("csv.expected")}</summary>
        <p>{headers.join("; ")}</p>
        <Link href={template} download={`${t("csv.templateFile")}.csv`} data-testid="csv-template">
          {t("csv.template")}
        </Link>
      </details>
      {report && (
        <MessageBar
          intent={problems.length ? "error" : rows.length || report.result.unknownColumns.length ? "warning" : "success"}
          layout="multiline"
          data-testid="csv-report"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {problems.length
                ? t("csv.refused", { file: report.file })
                : i18n.plural("csv.imported", report.result.rows, { file: report.file })}
            </MessageBarTitle>
            {problems.length > 0 && (
              <ul className={s.list}>
                {problems.map((p, i) => (
                  <li key={i} data-testid={`csv-problem-${i}`}>
                    {p.rule === "duplicateColumn"
                      ? i18n.error({ ...p, detail: `"${p.detail ?? ""}"` }, `"${p.argument}"`)
                      : i18n.error(p, p.rule === "columnMissing" ? `"${fieldName(p.argument)}"` : p.argument)}
                  </li>
                ))}
              </ul>
            )}
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
            {report.result.unknownColumns.length > 0 && (
              <div>{t("csv.unknownColumns", { columns: report.result.unknownColumns.join(", ") })}</div>
            )}
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
