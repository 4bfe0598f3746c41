/**
 * The tender documents' heavy work, as sent to the tender worker (tender.worker.ts) or run on this thread
 * where there is no worker: plain data in, plain data out (structured-clone safe). Writing a bid form and
 * reading returned ones loads exceljs and may touch 10 000 rows, so it runs off the UI thread; the annex
 * (the docx package) is small and loads on demand in annexBytes.
 */
import type { Language } from "../../i18n/core";
import type { Bid, ComparisonKind } from "../../model/bid";
import { bidEntries, bidFromEntries } from "../../model/entries";
import type { Parameters } from "../../model/parameters";
import { packOffers } from "./offerParts";

export type TenderJob =
  | {
      readonly job: "bidForm";
      readonly kind: ComparisonKind;
      readonly parameters: Parameters;
      readonly lang: Language;
      readonly rows?: number;
    }
  | {
      readonly job: "import";
      readonly kind: ComparisonKind;
      readonly parameters: Parameters;
      readonly lang: Language;
      readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
      /** The offers already in the list: only read, to refuse a form imported twice. */
      readonly existing: readonly Bid[];
    };

/** One returned form as the pane reports it: its lines in the pane's language (the first says imported or refused). */
export interface FormLines {
  readonly file: string;
  readonly ok: boolean;
  readonly lines: readonly string[];
}

export type TenderJobResult =
  | { readonly job: "bidForm"; readonly bytes: Uint8Array }
  | {
      readonly job: "import";
      readonly forms: readonly FormLines[];
      readonly summary: string;
      /** The offers of the accepted forms, as the offer cards show them, with each one's check: packed (offerParts.ts), as 10 000 of them are many objects to clone. */
      readonly parts: string[];
    };

export async function tenderJob(request: TenderJob): Promise<TenderJobResult> {
  if (request.job === "bidForm") {
    const { writeBidForm } = await import("../../templates/bidForm/writeBidForm");
    const form = await writeBidForm(request.kind, request.parameters, request.lang, { rows: request.rows });
    return { job: "bidForm", bytes: form.bytes };
  }
  const [{ importBidForms }, { formReport, formsReport }] = await Promise.all([
    import("../../templates/bidForm/readBidForm"),
    import("../../templates/bidForm/texts"),
  ]);
  const { kind, lang } = request;
  const batch = await importBidForms(request.files, kind, request.parameters, lang, request.existing);
  const report = formsReport(batch, lang);
  const offers = batch.bids.map((b) => bidEntries(b, kind, lang));
  return {
    job: "import",
    forms: batch.results.map((r) => ({ file: r.file, ok: r.ok, lines: formReport(r, lang).map((l) => l.trim()) })),
    summary: report[report.length - 1],
    parts: packOffers(
      offers,
      offers.map((entries) => bidFromEntries(entries, kind)),
    ),
  };
}

/** The job's bytes to transfer back rather than copy. */
export const tenderTransfer = (r: TenderJobResult): Transferable[] => (r.job === "bidForm" ? [r.bytes.buffer as ArrayBuffer] : []);

/** The tender annex as a .docx: the docx package comes with the first annex, never with the pane. */
export async function annexBytes(kind: ComparisonKind, parameters: Parameters, lang: Language): Promise<Uint8Array> {
  const [{ tenderAnnex }, { annexDocx }] = await Promise.all([
    import("../../model/tender/annex"),
    import("../../templates/docx/annexDocx"),
  ]);
  return annexDocx(tenderAnnex(kind, parameters, lang));
}
