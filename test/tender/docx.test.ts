/**
 * The tender annex as a .docx (src/templates/docx/annexDocx.ts): a valid package (every XML part
 * well-formed by xmllint), heading styles, repeated table headers and page numbers, and — read back by
 * LibreOffice Writer as a PDF — every award criterion with its weight, the scoring formula and the page
 * footer, in Dutch and French. Page 1 of each is kept as a PNG in test-artifacts/tender/ to look at.
 * Missing tools fail the suite with the install command; it never skips.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import JSZip from "jszip";
import { parametersFromJson } from "../../src/model";
import { type AnnexOptions, type TenderAnnex, tenderAnnex } from "../../src/model/tender/annex";
import { sofficeConvert } from "../templates/libreoffice";

const ROOT = resolve(__dirname, "../..");
const ARTIFACTS = join(ROOT, "test-artifacts", "tender");

function requireTool(command: string, args: string[], install: string): void {
  const probe = spawnSync(command, args, { encoding: "utf8" });
  if (probe.error)
    throw new Error(
      `${command} is required to check the tender annex and was not found on PATH. Install it with \`apt-get install -y ${install}\` (.ci/run does).`,
    );
}

const { parameters } = parametersFromJson(JSON.parse(readFileSync(join(ROOT, "examples/parameters.json"), "utf8")));
const CRITERIA: Record<"nl" | "fr", AnnexOptions> = {
  nl: {
    criteria: [
      { name: "Garantie", role: "award", points: 10, unit: "jaar" },
      { name: "Batterijcycli", role: "award", points: 6, unit: "cycli" },
      { name: "Reserveonderdelen", role: "requirement", threshold: 5, unit: "jaar" },
    ],
  },
  fr: {
    criteria: [
      { name: "Garantie", role: "award", points: 10, unit: "ans" },
      { name: "Cycles de batterie", role: "award", points: 6, unit: "cycles" },
      { name: "Pièces détachées", role: "requirement", threshold: 5, unit: "ans" },
    ],
  },
};
/** Weighting rows and the formula, as the annex words them: what the PDF must show. */
const EXPECTED = {
  nl: {
    rows: [
      ["Levenscycluskosten (LCC)", "40 punten"],
      ["Kwaliteit: Garantie", "10 punten"],
      ["Kwaliteit: Batterijcycli", "6 punten"],
      ["Kwaliteit: overige criteria", "44 punten"],
      ["Totaal", "100 punten"],
    ],
    formula: "LCC-punten = 40 × laagste LCC / LCC van de offerte",
    footer: /Pagina 1 van (\d+)/,
    sentences: ["De regelmatige offerte met de laagste LCC krijgt 40 punten.", "Reserveonderdelen: ten minste 5 jaar."],
  },
  fr: {
    rows: [
      ["Coût du cycle de vie (CCV)", "40 points"],
      ["Qualité : Garantie", "10 points"],
      ["Qualité : Cycles de batterie", "6 points"],
      ["Qualité : autres critères", "44 points"],
      ["Total", "100 points"],
    ],
    formula: "Points CCV = 40 × CCV le plus bas / CCV de l'offre",
    footer: /Page 1 sur (\d+)/,
    sentences: ["L'offre régulière dont le CCV est le plus bas reçoit 40 points.", "Pièces détachées : au moins 5 ans."],
  },
};

describe("the tender annex as a Word document", () => {
  const work = mkdtempSync(join(tmpdir(), "tender-docx-"));
  const annexes: Record<"nl" | "fr", TenderAnnex> = {
    nl: tenderAnnex("computers", parameters!, "nl", CRITERIA.nl),
    fr: tenderAnnex("computers", parameters!, "fr", CRITERIA.fr),
  };
  const files = { nl: join(work, "bestek-bijlage.docx"), fr: join(work, "annexe-cahier-des-charges.docx") };
  const pdfText: Record<string, string> = {};

  beforeAll(async () => {
    requireTool("soffice", ["--version"], "libreoffice-writer-nogui");
    requireTool("pdftotext", ["-v"], "poppler-utils");
    requireTool("pdftoppm", ["-v"], "poppler-utils");
    requireTool("xmllint", ["--version"], "libxml2-utils");
    // Loaded on demand, as the wizard and the CLI load it.
    const { annexDocx } = await import("../../src/templates/docx/annexDocx");
    for (const lang of ["nl", "fr"] as const) writeFileSync(files[lang], await annexDocx(annexes[lang]));
    const run = sofficeConvert([files.nl, files.fr], work, "pdf");
    const pdfs = { nl: files.nl.replace(/\.docx$/, ".pdf"), fr: files.fr.replace(/\.docx$/, ".pdf") };
    if (run.status !== 0 || !existsSync(pdfs.nl) || !existsSync(pdfs.fr)) {
      throw new Error(
        `LibreOffice Writer did not convert the annex to PDF (status ${run.status}; Writer comes with \`apt-get install -y libreoffice-writer-nogui\`): ${run.stderr}`,
      );
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const lang of ["nl", "fr"] as const) {
      const text = spawnSync("pdftotext", ["-layout", pdfs[lang], "-"], { encoding: "utf8" });
      expect(text.status).toBe(0);
      pdfText[lang] = text.stdout.replace(/\u00a0/g, " ");
      writeFileSync(join(ARTIFACTS, `annex-${lang}.txt`), text.stdout);
      const png = spawnSync(
        "pdftoppm",
        ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfs[lang], join(ARTIFACTS, `annex-${lang}-page1`)],
        { encoding: "utf8" },
      );
      expect(png.status).toBe(0);
    }
  }, 240_000);

  it.each(["nl", "fr"] as const)("%s: a valid package whose every XML part is well-formed", async (lang) => {
    const zip = await JSZip.loadAsync(readFileSync(files[lang]));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
      ]),
    );
    const parts = names.filter((n) => /\.(xml|rels)$/.test(n));
    const dir = mkdtempSync(join(work, `parts-${lang}-`));
    const paths = parts.map((n, i) => join(dir, `${i}-${n.replace(/[^\w.]/g, "_")}`));
    await Promise.all(parts.map(async (n, i) => writeFileSync(paths[i], await zip.file(n)!.async("uint8array"))));
    const lint = spawnSync("xmllint", ["--noout", ...paths], { encoding: "utf8" });
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);

    const document = await zip.file("word/document.xml")!.async("string");
    for (const style of ["Title", "Heading1", "Heading2"]) expect(document).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(3);
    const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(await zip.file("word/styles.xml")!.async("string")).toContain(`w:val="${lang}-BE"`);
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(
      `<dc:title>${annexes[lang].title.replace(/'/g, "&apos;")}</dc:title>`,
    );
  });

  it.each(["nl", "fr"] as const)("%s: LibreOffice reads every award criterion with its weight, the formula and the page footer", (lang) => {
    const text = pdfText[lang];
    const lines = text.split("\n");
    for (const [criterion, weight] of EXPECTED[lang].rows) {
      expect(lines.filter((l) => l.includes(criterion) && l.includes(weight))).toHaveLength(1);
    }
    expect(text).toContain(EXPECTED[lang].formula);
    // Sentences may wrap across lines in the PDF: compare with whitespace folded.
    const folded = text.replace(/\s+/g, " ");
    for (const s of EXPECTED[lang].sentences) expect(folded).toContain(s);
    const pages = Number(EXPECTED[lang].footer.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(lang === "nl" ? `Pagina ${pages} van ${pages}` : `Page ${pages} sur ${pages}`);
    expect(statSync(join(ARTIFACTS, `annex-${lang}-page1.png`)).size).toBeGreaterThan(10_000);
  });

  it("is loaded on demand only: no other module of src imports it or the docx package", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : [],
      );
    const writer = join(ROOT, "src/templates/docx/annexDocx.ts");
    const importers = sources(join(ROOT, "src"))
      .filter((f) => f !== writer)
      .filter((f) => /from\s+["'](docx|[^"']*annexDocx)["']|require\(["'][^"']*annexDocx/.test(readFileSync(f, "utf8")));
    expect(importers).toEqual([]);
    expect(dirname(writer)).toBe(join(ROOT, "src/templates/docx"));
  });
});
