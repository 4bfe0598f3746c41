/** Files the pane makes (tender annex, bid form): offered where the host can save one, absent where it cannot. */
import { ExcelHost } from "../../src/host/ExcelHost";
import { StandaloneHost } from "../../src/host/StandaloneHost";
import { DOCX_TYPE } from "../../src/host/download";
import { recordingWriters } from "../fixtures/writers";

type Offered = [number[], string, string];

describe("offerFile", () => {
  const excel = (download?: (bytes: Uint8Array, name: string, type: string) => void) =>
    new ExcelHost({
      run: async () => Promise.reject(new Error("no workbook here")),
      locale: "nl-BE",
      language: "nl",
      theme: "light",
      writers: recordingWriters(),
      download,
    });

  it("is absent in Excel on Windows and Mac (no download given): the pane says so instead", () => {
    expect(excel().offerFile).toBeUndefined();
  });

  it("hands bytes, name and type to the browser in Excel on the web", async () => {
    const offered: Offered[] = [];
    await excel((bytes, name, type) => offered.push([[...bytes], name, type])).offerFile!(
      new Uint8Array([80, 75]),
      "bestek-bijlage.docx",
      DOCX_TYPE,
    );
    expect(offered).toEqual([[[80, 75], "bestek-bijlage.docx", DOCX_TYPE]]);
  });

  it("hands bytes, name and type to the download standalone", async () => {
    const offered: Offered[] = [];
    const host = new StandaloneHost({
      storage: { getItem: () => null, setItem: () => undefined } as unknown as Storage,
      locale: "fr-BE",
      writers: recordingWriters(),
      download: (bytes, name, type) => offered.push([[...bytes], name, type]),
    });
    await host.offerFile(
      new Uint8Array([1, 2, 3]),
      "formulaire-offre.xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(offered).toEqual([[[1, 2, 3], "formulaire-offre.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]]);
  });
});
