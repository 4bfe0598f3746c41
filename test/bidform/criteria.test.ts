/**
 * Bid forms with the tender's criteria (CRITERIA.md): the form generated with the §4 settings asks one
 * answer column per criterion that is on and has no Bids field (batteryCycles, label, takeBack,
 * refurbishmentQuality), headed by its name and unit, with a list or a number range, an instruction line
 * each and a required marker on the requirement. Filled with the §4 answers for P–T and imported, it gives
 * the §4 offers back, and the comparison gives the §4 figures. Wrong answers and a missing required answer
 * refuse the form, at its cell, in Dutch.
 */
import ExcelJS from "exceljs";
import { LANGUAGES, type Language } from "../../src/i18n";
import { type Bid, type Parameters, emptyBid, evaluateComparison, fingerprintOf } from "../../src/model";
import { type FormImport, type FormsImport, bidFormFields } from "../../src/model/bidForm";
import { importBidForms } from "../../src/templates/bidForm/readBidForm";
import { criterionHeader, describeFormProblem, formsReport, tf } from "../../src/templates/bidForm/texts";
import { writeBidForm } from "../../src/templates/bidForm/writeBidForm";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { cellOf, fillForm } from "./forms";

const P: Parameters = {
  ...referenceParameters,
  qualityPoints: 60,
  pricePoints: 40,
  criteria: SECTION_4,
  parameterSetName: "Laptops 2027",
  parameterSetVersion: "3",
};

/** What a form gives back of a §4 offer: the quality points are the procurer's (not on the form), a blank answer is no answer. */
const asImported = (b: Bid): Bid => ({
  ...b,
  qualityPoints: emptyBid("computers").qualityPoints,
  criteria: Object.fromEntries(Object.entries(b.criteria ?? {}).filter(([, a]) => a !== null)),
});

const refusedOf = (batch: FormsImport): Extract<FormImport, { ok: false }> => {
  const r = batch.results[0];
  if (r.ok) throw new Error("the form was imported");
  expect(batch.bids).toEqual([]);
  return r;
};

describe("the form of a tender with the §4 criteria", () => {
  let form: Awaited<ReturnType<typeof writeBidForm>>;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    form = await writeBidForm("computers", P, "nl", { rows: 8 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(form.bytes) as unknown as ArrayBuffer);
    ws = wb.getWorksheet("Offerte")!;
  });

  it("asks the criteria without a Bids field, after the Bids fields, the requirement marked required", () => {
    expect(form.stamp.criteria).toEqual([
      { id: "batteryCycles", required: false },
      { id: "label", required: false },
      { id: "takeBack", required: false },
      { id: "refurbishmentQuality", required: true },
    ]);
    const first = bidFormFields("computers").length;
    const header = ws.getRow(form.layout.headerRow + 1);
    const markers = ws.getRow(form.layout.headerRow);
    expect([0, 1, 2, 3].map((i) => header.getCell(first + i + 1).value)).toEqual([
      "Batterijcycli (cycli)",
      "Label",
      "Terugname (ja/nee)",
      "Kwaliteit van de refurbishment (ja/nee)",
    ]);
    expect([0, 1, 2, 3].map((i) => markers.getCell(first + i + 1).value)).toEqual(["optioneel", "optioneel", "optioneel", "verplicht"]);
    expect(criterionHeader("fr", "batteryCycles")).toBe("Cycles de batterie (cycles)");
    expect(criterionHeader("en", "takeBack")).toBe("Take-back (yes/no)");
  });

  it("validates the answers: yes/no and labels from a list in Dutch, cycles a number of at least 0; inputs unlocked", () => {
    const last = form.stamp.rows - 1;
    expect(ws.getCell(cellOf(form.stamp, "takeBack", last)).dataValidation).toMatchObject({ type: "list", formulae: ['"ja,nee"'] });
    expect(ws.getCell(cellOf(form.stamp, "refurbishmentQuality")).dataValidation).toMatchObject({ type: "list", formulae: ['"ja,nee"'] });
    expect(ws.getCell(cellOf(form.stamp, "label")).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"geen,TCO Certified,TCO Certified Edge,EPEAT Bronze,EPEAT Silver,EPEAT Gold,EU Ecolabel,Blauer Engel,gelijkwaardig"'],
    });
    expect(ws.getCell(cellOf(form.stamp, "batteryCycles")).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100_000],
    });
    for (const id of ["batteryCycles", "label", "takeBack", "refurbishmentQuality"]) {
      expect(ws.getCell(cellOf(form.stamp, id, last)).protection?.locked).toBe(false);
      expect(ws.getCell(cellOf(form.stamp, id, last + 1)).protection?.locked).not.toBe(false);
    }
  });

  it("explains each criterion on its own line: what is asked, its role, the requirement's answer", () => {
    const lines = form.layout.fixed.filter((c) => c.role === "hint").map((c) => c.text);
    const column = (id: string) => cellOf(form.stamp, id).replace(/\d+$/, "");
    expect(lines).toContain(
      `${column("batteryCycles")} · Batterijcycli: Volledige laadcycli met behoud van minstens 80 % van de capaciteit. Gunningscriterium: ten hoogste 6 punten. Alleen voor notebook, tablet, smartphone: laat leeg voor andere toestellen.`,
    );
    expect(lines.find((l) => l.startsWith(`${column("refurbishmentQuality")} · `))).toMatch(
      /Minimumeis: ja; een antwoord is verplicht\. Alleen voor refurbished offertes: laat leeg voor nieuwe\.$/,
    );
    expect(lines.find((l) => l.startsWith(`${column("takeBack")} · `))).toMatch(
      /Contractclausule: antwoord ja als u zich ertoe verbindt\.$/,
    );
    expect(lines).toContain(
      `De kolommen ${column("batteryCycles")} tot ${column("refurbishmentQuality")} zijn de circulaire criteria van deze opdracht: antwoord ja of nee, kies een label uit de lijst, of typ een getal in de eenheid van de kolomkop. Elk criterium wordt hieronder uitgelegd.`,
    );
  });

  it("a number requirement states its threshold with its unit", async () => {
    const strict: Parameters = { ...P, criteria: [{ id: "batteryCycles", role: "requirement", threshold: 500 }] };
    const f = await writeBidForm("computers", strict, "en", { rows: 2 });
    expect(f.stamp.criteria).toEqual([{ id: "batteryCycles", required: true }]);
    expect(f.layout.fixed.map((c) => c.text)).toContainEqual(
      expect.stringMatching(/Minimum requirement: at least 500 cycles; an answer is required\./),
    );
  });

  it("the fingerprint covers the criteria: a form of other criteria settings is refused", async () => {
    const other: Parameters = { ...P, criteria: SECTION_4.map((s) => (s.id === "batteryCycles" ? { ...s, points: 7 } : s)) };
    expect(await fingerprintOf(other)).not.toBe(await fingerprintOf(P));
    const f = await writeBidForm("computers", other, "nl", { rows: 8 });
    const bytes = await fillForm(f.bytes, f.stamp, { supplier: "Supplier P", bids: [SECTION_4_BIDS[0]] });
    const refused = refusedOf(await importBidForms([{ name: "p.xlsx", bytes }], "computers", P, "nl"));
    expect(describeFormProblem(refused.problems[0], "nl")).toMatch(
      /^p\.xlsx: dit formulier werd gemaakt voor „Laptops 2027” versie 3 met andere instellingen/,
    );
  });

  it("an imaging form asks no battery or upgrade criterion", async () => {
    const imaging: Parameters = {
      ...P,
      criteria: [...SECTION_4, { id: "upgradeable", role: "award", points: 2 }],
    };
    const f = await writeBidForm("imaging", imaging, "en", { rows: 2 });
    expect(f.stamp.criteria.map((c) => c.id)).toEqual(["label", "takeBack", "refurbishmentQuality"]);
  });
});

describe.each(LANGUAGES)("§4 round trip in %s", (lang: Language) => {
  it("gives the §4 offers back, one form per bidder, and the comparison the §4 figures", async () => {
    const form = await writeBidForm("computers", P, lang, { rows: 5 });
    const files = await Promise.all(
      SECTION_4_BIDS.map(async (b) => ({
        name: `${b.product}.xlsx`,
        bytes: await fillForm(form.bytes, form.stamp, { supplier: b.supplier, bids: [b] }),
      })),
    );
    const batch = await importBidForms(files, "computers", P, lang);
    expect(batch.refused).toBe(0);
    expect(batch.bids).toEqual(SECTION_4_BIDS.map(asImported));
    expect(formsReport(batch, lang)).toHaveLength(6);

    // The procurer adds the free quality points (30 each, §4), then compares.
    const comparison = evaluateComparison(
      P,
      batch.bids.map((b) => ({ ...b, qualityPoints: 30 })),
      "computers",
    );
    if (!comparison.ok) throw new Error("comparison failed");
    const [p, q, r, s, t] = comparison.value.bids;
    expect(p.criteriaPoints).toBeCloseTo(12.7143, 4);
    expect([q, r, t].map((x) => x.criteriaPoints)).toEqual([24, 8, 10]);
    expect(p.qualityTotal).toBeCloseTo(42.7143, 4);
    expect([q, r, t].map((x) => x.qualityTotal)).toEqual([54, 38, 40]);
    expect(s.compliant).toBe(false);
    expect(s.reasons).toEqual([{ requirement: "sparePartsYears", required: 5, answer: 3 }]);
    expect(s.meatScore).toBeNaN();
    for (const x of [p, q, r, t]) expect(x.meatScore).toBeCloseTo(x.priceScore + x.qualityTotal, 9);
  });
});

describe("answers the Dutch form refuses, at their cell, nothing imported", () => {
  let form: Awaited<ReturnType<typeof writeBidForm>>;
  const [, Q, R] = SECTION_4_BIDS;
  beforeAll(async () => {
    form = await writeBidForm("computers", P, "nl", { rows: 8 });
  });
  const importOne = async (bids: readonly Bid[], cells: Record<string, ExcelJS.CellValue>, lang: Language = "nl") => {
    const bytes = await fillForm(form.bytes, form.stamp, { supplier: "Leverancier Q", bids, cells });
    return importBidForms([{ name: "q.xlsx", bytes }], "computers", P, lang);
  };
  const lines = (r: Extract<FormImport, { ok: false }>) => r.problems.map((p) => describeFormProblem(p, "nl"));

  it("text in a number of cycles", async () => {
    const cell = cellOf(form.stamp, "batteryCycles");
    const refused = refusedOf(await importOne([Q], { [cell]: "veel" }));
    expect(lines(refused)).toEqual([`q.xlsx, blad „Offerte”, cel ${cell}: Batterijcycli (cycli) moet een getal zijn.`]);
  });

  it("a word that is no yes or no, and a label that is none of the list, each listing the valid answers in Dutch", async () => {
    const take = cellOf(form.stamp, "takeBack");
    const label = cellOf(form.stamp, "label");
    const refused = refusedOf(await importOne([Q], { [take]: "misschien", [label]: "EPEAT Platinum" }));
    expect(lines(refused)).toEqual([
      `q.xlsx, blad „Offerte”, cel ${label}: Label moet een van deze waarden zijn: geen, TCO Certified, TCO Certified Edge, EPEAT Bronze, EPEAT Silver, EPEAT Gold, EU Ecolabel, Blauer Engel, gelijkwaardig.`,
      `q.xlsx, blad „Offerte”, cel ${take}: Terugname (ja/nee) moet een van deze waarden zijn: ja, nee.`,
    ]);
  });

  it("a refurbished offer without the refurbishment quality it requires; a new offer may leave it blank", async () => {
    const cell = cellOf(form.stamp, "refurbishmentQuality", 1);
    const refused = refusedOf(await importOne([Q, R], { [cell]: null }));
    expect(lines(refused)).toEqual([
      `q.xlsx, blad „Offerte”, cel ${cell}: Kwaliteit van de refurbishment (ja/nee) is leeg: dit is een minimumeis van deze opdracht en vraagt een antwoord voor deze offerte.`,
    ]);
    expect(formsReport(await importOne([Q], {}), "nl")[0]).toBe("q.xlsx: 1 offerte van Leverancier Q ingelezen.");
  });

  it("reads ja and nee on the Dutch form, and oui on the French one", async () => {
    const take = cellOf(form.stamp, "takeBack");
    const nl = await importOne([R], { [take]: "Ja" });
    expect(nl.bids[0].criteria).toEqual({ batteryCycles: 300, label: "none", takeBack: true, refurbishmentQuality: true });
    const fr = await writeBidForm("computers", P, "fr", { rows: 3 });
    const bytes = await fillForm(fr.bytes, fr.stamp, { supplier: "Fournisseur R", bids: [R], cells: { [take]: "oui" } });
    const batch = await importBidForms([{ name: "r.xlsx", bytes }], "computers", P, "fr");
    expect(batch.bids.map((b) => b.criteria)).toEqual([{ batteryCycles: 300, label: "none", takeBack: true, refurbishmentQuality: true }]);
  });

  it("states every problem in the form's words in English too", async () => {
    const cell = cellOf(form.stamp, "batteryCycles");
    const refused = refusedOf(await importOne([Q], { [cell]: "many" }, "en"));
    expect(refused.problems.map((p) => describeFormProblem(p, "en"))).toEqual([
      `q.xlsx, sheet “Offerte”, cell ${cell}: Batterijcycli (cycli) must be a number.`,
    ]);
    expect(tf("en", "problem.requirementUnanswered", { name: "X" })).toMatch(/^X is empty: it is a minimum requirement/);
  });
});
