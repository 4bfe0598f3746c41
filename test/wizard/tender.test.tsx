/**
 * @jest-environment jsdom
 *
 * The Write step's Tender documents: the annex is a valid .docx in the pane's language; the bid form
 * downloaded from the pane, filled as a bidder would (exceljs), comes back through "Import returned bid
 * forms" as offers in the Offers list; a refused form adds nothing and says why (file, sheet, cell) in Dutch.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";
import { LANGUAGE_KEY, STORAGE_KEY, StandaloneHost } from "../../src/host/StandaloneHost";
import type { SavedComparison } from "../../src/host/types";
import type { Language } from "../../src/i18n";
import { stampOf } from "../../src/model/bidForm";
import { readReturnedForm } from "../../src/templates/bidForm/readBidForm";
import { bidA, bidB, referenceParameters } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "../bidform/forms";
import { MemoryStorage, openStep, parameterEntriesOf, recordingWriters, referenceComparison, renderApp, text, value } from "./support";

jest.setTimeout(120_000);

// Every browser the pane supports has TextEncoder and WebCrypto; jsdom's window lacks them: Node's stand in.
Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

interface Download {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly type: string;
}

/** The pane in `lang` on a standalone host holding `saved`, whose downloads (bytes and all) land in `downloads`. */
function renderIn(lang: Language, saved: SavedComparison, downloads: Download[], writers = recordingWriters()) {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEY, JSON.stringify(saved));
  storage.setItem(LANGUAGE_KEY, lang);
  return renderApp(
    new StandaloneHost({
      storage,
      locale: "en-GB",
      writers,
      download: (bytes, name, type) => downloads.push({ bytes, name, type }),
      today: () => new Date("2026-01-15T10:00:00Z"),
    }),
  );
}

/** The reference parameters as a named tender, without offers yet (the procurer is about to publish). */
function tender(lang: Language): SavedComparison {
  return {
    ...referenceComparison(lang),
    parameters: { ...parameterEntriesOf(referenceParameters, lang), parameterSetName: "Laptops 2027", parameterSetVersion: "2" },
    bids: [],
  };
}

describe("Tender documents in the Write step", () => {
  it("downloads the tender annex as a valid .docx in Dutch, with the parameters' figures in it", async () => {
    const user = userEvent.setup();
    const downloads: Download[] = [];
    renderIn("nl", tender("nl"), downloads);
    await openStep(user, "write");
    await user.click(await screen.findByRole("button", { name: "Bestekbijlage downloaden (.docx)" }));
    expect(text(await screen.findByTestId("tender-status", {}, { timeout: 60_000 }))).toBe("bestek-bijlage-laptops-2027.docx gedownload.");
    expect(downloads.map((d) => [d.name, d.type])).toEqual([
      ["bestek-bijlage-laptops-2027.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
    const zip = await JSZip.loadAsync(downloads[0].bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName("parsererror")).toHaveLength(0);
    const words = xml.replace(/<[^>]+>/g, "");
    expect(words).toContain("Bijlage bij het bestek");
    expect(words).toContain("Laptops 2027");
    // The reference discount rate (4 %) comes from the parameters, not from a sentence.
    expect(words).toMatch(/4\u00a0%/);
  });

  it("round trip: bid form downloaded, filled by two bidders, imported: the offers appear in the Offers list", async () => {
    const user = userEvent.setup();
    const downloads: Download[] = [];
    renderIn("en", tender("en"), downloads);
    await openStep(user, "write");
    await user.click(await screen.findByRole("button", { name: "Download bid form (.xlsx)" }));
    expect(text(await screen.findByTestId("tender-status", {}, { timeout: 60_000 }))).toBe("Downloaded bid-form-laptops-2027.xlsx.");
    const [form] = downloads;
    expect(form.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const { stamp } = stampOf(await readReturnedForm({ name: form.name, bytes: form.bytes }));
    if (!stamp) throw new Error("the downloaded form carries no stamp");
    expect([stamp.tenderName, stamp.parameterSetVersion, stamp.group]).toEqual(["Laptops 2027", "2", "computers"]);

    const a = await fillForm(form.bytes, stamp, { supplier: bidA.supplier, bids: [bidA] });
    const b = await fillForm(form.bytes, stamp, { supplier: bidB.supplier, bids: [bidB] });
    await user.upload(screen.getByTestId("tender-forms-input"), [
      new File([a as BlobPart], "supplier-a.xlsx"),
      new File([b as BlobPart], "supplier-b.xlsx"),
    ]);
    const report = await screen.findByTestId("tender-report", {}, { timeout: 60_000 });
    expect(text(within(report).getByTestId("tender-form-0"))).toBe(`supplier-a.xlsx: 1 offer of ${bidA.supplier} imported.`);
    expect(text(within(report).getByTestId("tender-form-1"))).toBe(`supplier-b.xlsx: 1 offer of ${bidB.supplier} imported.`);
    expect(text(screen.getByTestId("tender-added"))).toBe("2 offers added to the Offers list.");

    await user.click(screen.getByTestId("tender-goto-bids"));
    await screen.findByTestId("panel-bids");
    expect(text(await screen.findByTestId("bid-card-0"))).toContain(`${bidA.product} (${bidA.supplier})`);
    expect(text(screen.getByTestId("bid-card-1"))).toContain(`${bidB.product} (${bidB.supplier})`);
    expect(text(screen.getByTestId("bids-summary"))).toBe("2 offers, 0 needing attention.");
    await user.click(screen.getByTestId("bid-1-toggle"));
    expect(value(screen.getByTestId("bid-1-price"))).toBe(String(bidB.price));

    // The same form again adds nothing: its offer is in the list already.
    await openStep(user, "write");
    await user.upload(screen.getByTestId("tender-forms-input"), new File([a as BlobPart], "supplier-a.xlsx"));
    const again = await screen.findByTestId("tender-report", {}, { timeout: 60_000 });
    expect(text(within(again).getByTestId("tender-form-0"))).toContain("supplier-a.xlsx: refused, nothing imported.");
    expect(screen.queryByTestId("tender-added")).toBeNull();
    await openStep(user, "bids");
    expect(text(screen.getByTestId("bids-summary"))).toBe("2 offers, 0 needing attention.");
  });

  it("refuses a form with text in a number and says where and why, in Dutch; nothing is added", async () => {
    const user = userEvent.setup();
    const downloads: Download[] = [];
    renderIn("nl", tender("nl"), downloads);
    await openStep(user, "write");
    await user.click(await screen.findByRole("button", { name: "Offerteformulier downloaden (.xlsx)" }));
    await screen.findByTestId("tender-status", {}, { timeout: 60_000 });
    const [form] = downloads;
    const { stamp } = stampOf(await readReturnedForm({ name: form.name, bytes: form.bytes }));
    if (!stamp) throw new Error("no stamp");
    const price = cellOf(stamp, "price");
    const bad = await fillForm(form.bytes, stamp, { supplier: bidA.supplier, bids: [bidA], cells: { [price]: "duizend" } });
    await user.upload(screen.getByTestId("tender-forms-input"), new File([bad as BlobPart], "leverancier-a.xlsx"));
    const report = await screen.findByTestId("tender-report", {}, { timeout: 60_000 });
    const form0 = within(report).getByTestId("tender-form-0");
    expect(form0.getAttribute("data-ok")).toBe("false");
    expect([...form0.querySelectorAll("li")].map(text)).toEqual([
      `leverancier-a.xlsx, blad „Offerte”, cel ${price}: Prijs per stuk (EUR) moet een getal zijn.`,
    ]);
    expect(text(form0)).toMatch(/^leverancier-a\.xlsx: geweigerd, niets ingelezen\./);
    expect(text(report)).toContain("0 van 1 formulieren ingelezen");
    expect(screen.queryByTestId("tender-added")).toBeNull();
    await openStep(user, "bids");
    expect(screen.queryByTestId("bid-card-0")).toBeNull();
  });

  it("waits for the parameters before making any document", async () => {
    const user = userEvent.setup();
    const saved = tender("en");
    renderIn("en", { ...saved, parameters: { ...saved.parameters, discountRate: "abc" } }, []);
    await openStep(user, "write");
    expect(text(await screen.findByTestId("tender-blocked"))).toBe(
      "The tender documents are made from the parameters: some need attention first.",
    );
    expect(screen.queryByTestId("tender-annex")).toBeNull();
    expect(screen.queryByTestId("tender-import")).toBeNull();
  });

  it("writes the workbook with the Tender text sheet when ticked", async () => {
    const user = userEvent.setup();
    const writers = recordingWriters();
    renderIn("fr", referenceComparison("fr"), [], writers);
    await openStep(user, "write");
    await user.click(
      screen.getByRole("checkbox", { name: "Ajouter une feuille Texte du cahier des charges (l'annexe en texte, d'après ces paramètres)" }),
    );
    await user.click(screen.getByTestId("write-button"));
    await screen.findByTestId("write-status");
    expect(writers.calls.map((c) => c.tenderText)).toEqual([true]);
  });

  it("says so where the host cannot save a file from the pane (Excel on Windows and Mac), and still imports", async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify(tender("en")));
    const host = new StandaloneHost({ storage, locale: "en-GB", writers: recordingWriters() });
    // As ExcelHost without a download: no offerFile.
    Object.defineProperty(host, "offerFile", { value: undefined });
    renderApp(host);
    await openStep(user, "write");
    expect(text(await screen.findByTestId("tender-no-download"))).toContain(
      "Excel on this computer cannot save a file from the add-in pane.",
    );
    expect(screen.queryByTestId("tender-annex")).toBeNull();
    expect(screen.getByTestId("tender-import")).toBeTruthy();
  });
});
