/** The Tender text sheet's rows (src/templates/tenderSheet.ts): the annex, row by row, with a style per row. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parametersFromJson } from "../../src/model";
import { annexText, tenderAnnex } from "../../src/model/tender/annex";
import { tenderSheetName, tenderSheetRows } from "../../src/templates/tenderSheet";

const { parameters } = parametersFromJson(JSON.parse(readFileSync(resolve(__dirname, "../../examples/parameters.json"), "utf8")));

describe.each(["en", "nl", "fr"] as const)("Tender text sheet in %s", (lang) => {
  const annex = tenderAnnex("computers", parameters!, lang);
  const rows = tenderSheetRows(annex);

  it("starts with the title and the subtitles, then a blank row", () => {
    expect(rows.slice(0, 4)).toEqual([
      { cells: [annex.title], style: "title" },
      { cells: [annex.subtitle[0]], style: "subtitle" },
      { cells: [annex.subtitle[1]], style: "subtitle" },
      { cells: [], style: "blank" },
    ]);
  });

  it("holds every line of the annex, in order, and nothing else", () => {
    const lines = rows.filter((r) => r.style !== "blank").map((r) => (r.style === "bullet" ? `• ${r.cells[0]}` : r.cells.join(" | ")));
    expect(lines.join("\n")).toBe(annexText(annex).replace(/\n\n/, "\n"));
  });

  it("styles the five main headings, the sub-headings, the formulas and the tables", () => {
    expect(rows.filter((r) => r.style === "heading1").map((r) => r.cells[0].slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5."]);
    expect(rows.filter((r) => r.style === "heading2").map((r) => r.cells[0].split(" ")[0])).toEqual([
      "1.1",
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "2.5",
      "2.6",
    ]);
    expect(rows.find((r) => r.style === "formula")?.cells[0]).toMatch(/= 40 × /);
    // A blank row before each main heading; every table row as wide as its header.
    rows.forEach((r, i) => r.style === "heading1" && expect(rows[i - 1].style).toBe("blank"));
    let width = 0;
    for (const r of rows) {
      if (r.style === "tableHeader") width = r.cells.length;
      if (r.style === "tableRow") expect(r.cells).toHaveLength(width);
    }
    expect(rows.filter((r) => r.style === "tableHeader").map((r) => r.cells.length)).toEqual([2, 2, 4]);
  });

  it("has a sheet name Excel accepts", () => {
    expect(tenderSheetName(annex).length).toBeLessThanOrEqual(31);
    expect(tenderSheetName(annex)).not.toMatch(/[\\/?*[\]:]/);
  });
});
