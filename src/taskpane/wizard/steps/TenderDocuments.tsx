/**
 * The tender documents, from the comparison's parameters: the tender annex (.docx), the bid form bidders
 * fill in (.xlsx), and the import of returned forms (several at once, chosen or dropped), each checked;
 * the report names file, sheet, cell and reason in the pane's language, and the offers of accepted forms
 * are appended to the Offers list (a refused form adds nothing). A chunk of its own, loaded with the Write
 * step's section; the docx package and exceljs load on the first click, the forms in the tender worker.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { DOCX_TYPE, XLSX_TYPE } from "../../../host/download";
import { offThread } from "../../../host/offThread";
import type { Host } from "../../../host/types";
import type { Bid, ComparisonKind } from "../../../model/bid";
import type { Entries } from "../../../model/entries";
import type { Parameters } from "../../../model/parameters";
import { rememberChecks } from "../evaluation";
import { useI18n } from "../i18n";
import { FilePicker, readBytes } from "../FilePicker";
import { unpackOffers } from "../offerParts";
import { type FormLines, type TenderJob, type TenderJobResult, annexBytes, tenderJob } from "../tenderJob";

const useStyles = makeStyles({
  section: {
    alignSelf: "stretch",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  drop: {
    alignSelf: "stretch",
    padding: tokens.spacingVerticalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  dropActive: { border: `1px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  status: { alignSelf: "stretch", minWidth: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: "1.2em" },
});

const inWorker = (job: TenderJob): Promise<TenderJobResult> =>
  offThread(async () => (await import("../startTenderWorker")).startTenderWorker(), job, tenderJob);

type Status = { kind: "downloaded"; file: string } | { kind: "failed" } | { kind: "importFailed" };
interface ImportReport {
  readonly forms: readonly FormLines[];
  readonly summary: string;
  readonly added: number;
}

/** Tidy for a file name: the parameter set's name where there is one ("bid-form-laptops-2027.xlsx"). */
const slug = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

export function TenderDocuments({
  host,
  kind,
  parameters,
  existing,
  onImport,
  onGoOffers,
}: {
  host: Host;
  kind: ComparisonKind;
  /** Null while a parameter needs attention: the documents are made from them. */
  parameters: Parameters | null;
  /** The checked offers already in the list: a form with one of them again is refused. */
  existing: readonly Bid[];
  onImport(offers: Entries[]): void;
  onGoOffers(): void;
}) {
  const s = useStyles();
  const { t, plural, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);

  const fileName = (base: string, ext: string) =>
    `${[t(base === "annex" ? "tender.annexFile" : "tender.bidFormFile"), slug(parameters?.parameterSetName ?? "") || kind].join("-")}.${ext}`;

  const offer = async (make: () => Promise<Uint8Array>, name: string, type: string) => {
    if (!host.offerFile) return;
    setBusy(true);
    setStatus(null);
    try {
      await host.offerFile(await make(), name, type);
      setStatus({ kind: "downloaded", file: name });
    } catch {
      setStatus({ kind: "failed" });
    } finally {
      setBusy(false);
    }
  };

  const annex = () => parameters && offer(() => annexBytes(kind, parameters, lang), fileName("annex", "docx"), DOCX_TYPE);
  const bidForm = () =>
    parameters &&
    offer(
      async () => {
        const r = await inWorker({ job: "bidForm", kind, parameters, lang });
        if (r.job !== "bidForm") throw new Error("unexpected answer");
        return r.bytes;
      },
      fileName("bidForm", "xlsx"),
      XLSX_TYPE,
    );

  const importForms = async (chosen: readonly File[]) => {
    if (!parameters || !chosen.length) return;
    setBusy(true);
    setStatus(null);
    setReport(null);
    try {
      const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await readBytes(f) })));
      const r = await inWorker({ job: "import", kind, parameters, lang, files, existing: [...existing] });
      if (r.job !== "import") throw new Error("unexpected answer");
      // Read a part per task, then add them all at once: the Offers list never holds half a form.
      const { offers, checks } = await unpackOffers(r.parts);
      if (offers.length) {
        rememberChecks(kind, offers, checks);
        onImport(offers);
      }
      setReport({ forms: r.forms, summary: r.summary, added: offers.length });
    } catch {
      setStatus({ kind: "importFailed" });
    } finally {
      setBusy(false);
    }
  };

  const refused = report ? report.forms.filter((f) => !f.ok).length : 0;
  return (
    <section className={s.section} aria-labelledby="tender-heading" data-testid="tender-documents">
      <Text as="h3" size={400} weight="semibold" block id="tender-heading" className={s.heading}>
        {t("tender.heading")}
      </Text>
      <Text>{t("tender.intro")}</Text>
      {!parameters ? (
        <MessageBar intent="warning" layout="multiline" data-testid="tender-blocked">
          <MessageBarBody>{t("tender.fixParameters")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {host.offerFile ? (
            <div className={s.buttons}>
              <Button onClick={annex} disabled={busy} data-testid="tender-annex">
                {t("tender.annex")}
              </Button>
              <Button onClick={bidForm} disabled={busy} data-testid="tender-bidform">
                {t("tender.bidForm")}
              </Button>
            </div>
          ) : (
            <MessageBar intent="info" layout="multiline" data-testid="tender-no-download">
              <MessageBarBody>{t("tender.noDownload")}</MessageBarBody>
            </MessageBar>
          )}
          <div
            className={dragging ? `${s.drop} ${s.dropActive}` : s.drop}
            data-testid="tender-drop"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void importForms([...e.dataTransfer.files]);
            }}
          >
            <FilePicker
              inputRef={input}
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              label={t("tender.import")}
              testId="tender-forms-input"
              onFiles={(files) => void importForms(files)}
            />
            <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy} data-testid="tender-import">
              {t("tender.import")}
            </Button>
            <Text size={200}>{t("tender.drop")}</Text>
          </div>
        </>
      )}
      {busy && <Spinner size="tiny" label={t("common.working")} />}
      <div aria-live="polite" className={s.status}>
        {status && (
          <MessageBar intent={status.kind === "downloaded" ? "success" : "error"} layout="multiline" data-testid="tender-status">
            <MessageBarBody>
              {status.kind === "downloaded"
                ? t("tender.downloaded", { file: status.file })
                : t(status.kind === "failed" ? "tender.failed" : "tender.importFailed")}
            </MessageBarBody>
          </MessageBar>
        )}
        {report && (
          <MessageBar
            intent={refused === 0 ? "success" : report.added ? "warning" : "error"}
            layout="multiline"
            data-testid="tender-report"
          >
            <MessageBarBody>
              <MessageBarTitle>{report.summary}</MessageBarTitle>
              <ul className={s.list}>
                {report.forms.map((f, i) => (
                  <li key={i} data-testid={`tender-form-${i}`} data-ok={f.ok}>
                    {f.lines[0]}
                    {f.lines.length > 1 && (
                      <ul className={s.list}>
                        {f.lines.slice(1).map((line, j) => (
                          <li key={j}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              {report.added > 0 && <div data-testid="tender-added">{plural("tender.added", report.added)}</div>}
            </MessageBarBody>
            <MessageBarActions>
              {report.added > 0 && (
                <Button onClick={onGoOffers} data-testid="tender-goto-bids">
                  {t("results.goOffers")}
                </Button>
              )}
              <Button onClick={() => setReport(null)} data-testid="tender-report-close">
                {t("common.dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
