/**
 * No internal tags reach a procurer: not in any text table (pane, functions, workbooks, sources, errors, in
 * en, nl and fr), not in any text a written workbook carries (cells, validation lists and messages, notes,
 * names' comments, table headers, chart titles, and the strings of the .xlsx file itself). "[D]" and "[R]"
 * were our design tags, "LCC-METHOD §2.6" our spec; an acronym such as WRAP or NIST is spelled out wherever
 * it appears, and the Dutch "BPKV" is never used.
 */
import JSZip from "jszip";
import { LANGUAGES, type Language, SECTIONS, sectionOf } from "../src/i18n";
import { type ProductGroup, PRODUCT_GROUPS } from "../src/model";
import { buildPlan } from "../src/templates";
import { type CellPlan, isFormula } from "../src/templates/plan";
import { planToXlsx } from "../src/templates/xlsx/writeXlsx";
import { bidA, bidB, referenceParameters } from "./fixtures/referenceBids";
import { randomCircularInputs } from "./fixtures/randomBids";

const SPELLED_OUT: Record<string, RegExp> = {
  WRAP: /Waste and Resources Action Programme/,
  NIST: /National Institute of Standards and Technology/,
};

/** What is wrong with a text, or null when nothing is. */
export function internalTag(text: string): string | null {
  if (/\[[DR]\]/.test(text)) return "a design tag [D] or [R]";
  if (/LCC-METHOD/.test(text) || /§\s?\d+\.\d/.test(text)) return "a reference to our specification";
  if (/\bBPKV\b/.test(text)) return "BPKV, not spelled out";
  for (const [acronym, spelled] of Object.entries(SPELLED_OUT))
    if (new RegExp(`\\b${acronym}\\b`).test(text) && !spelled.test(text)) return `${acronym} without saying what it is`;
  return null;
}

function leaves(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === "string") out.push([path, value]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  return out;
}

/** Every text a plan asks a writer to put in the workbook. */
function planTexts(plan: CellPlan): [string, string][] {
  const out: [string, string][] = [];
  for (const sheet of plan.sheets) {
    out.push([`sheet name`, sheet.name]);
    for (const block of sheet.blocks)
      for (const row of block.rows)
        for (const cell of row) {
          const where = `${sheet.name}!${block.anchor}…`;
          if (typeof cell === "string") out.push([where, cell]);
          // A formula shows the text literals it returns.
          else if (isFormula(cell)) for (const m of cell.formula.matchAll(/"((?:[^"]|"")*)"/g)) out.push([`${where} formula`, m[1]]);
        }
    for (const v of sheet.validations) {
      for (const item of v.list ?? []) out.push([`${sheet.name}!${v.range} list`, item]);
      if (v.prompt) out.push([`${sheet.name}!${v.range} prompt`, `${v.prompt.title} ${v.prompt.message}`]);
      if (v.error) out.push([`${sheet.name}!${v.range} error`, `${v.error.title} ${v.error.message}`]);
    }
    for (const n of sheet.notes) out.push([`${sheet.name}!${n.address} note`, n.text]);
  }
  for (const n of plan.names) if (n.comment) out.push([`name ${n.name}`, n.comment]);
  for (const tbl of plan.tables) for (const h of tbl.headers) out.push([`table ${tbl.name}`, h]);
  for (const c of plan.charts) out.push([`chart`, c.title]);
  return out;
}

const planOf = (template: ProductGroup, language: Language) =>
  buildPlan(
    template === "circular"
      ? { template, parameters: referenceParameters, circular: randomCircularInputs(3, 7), language }
      : { template, parameters: referenceParameters, bids: [bidA, bidB], language },
  );

describe("the tag check itself", () => {
  it("flags each kind of internal tag and lets explained acronyms and legal citations pass", () => {
    expect(internalTag("[D] design default")).not.toBeNull();
    expect(internalTag("4 % real [R]")).not.toBeNull();
    expect(internalTag("220 working days (LCC-METHOD §2.6)")).not.toBeNull();
    expect(internalTag("Rang BPKV")).not.toBeNull();
    expect(internalTag("Laptop curve (WRAP)")).not.toBeNull();
    expect(internalTag("From the base date (NIST)")).not.toBeNull();
    expect(internalTag("WRAP, the UK Waste and Resources Action Programme (2013)")).toBeNull();
    expect(internalTag("directive 2014/24/UE, art. 68, § 2")).toBeNull();
    expect(internalTag("nist: prices grow from today")).toBeNull();
  });
});

describe("no internal tags in the text tables", () => {
  it.each(SECTIONS)("%s, in en, nl and fr", (section) => {
    const bad = LANGUAGES.flatMap((lang) => leaves(sectionOf(lang, section), `${lang}/${section}`))
      .map(([path, text]) => [path, internalTag(text), text])
      .filter(([, why]) => why !== null);
    expect(bad).toEqual([]);
  });
});

describe("no internal tags in the written workbooks", () => {
  const cases = PRODUCT_GROUPS.flatMap((g) => LANGUAGES.map((l) => [g, l] as const));

  it.each(cases)("%s template in %s: every text of the plan", (template, language) => {
    const texts = planTexts(planOf(template, language));
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.map(([where, text]) => [where, internalTag(text), text]).filter(([, why]) => why !== null)).toEqual([]);
  });

  it.each(LANGUAGES)("computers workbook in %s: every string of the .xlsx file", async (language) => {
    const zip = await JSZip.loadAsync(await planToXlsx(planOf("computers", language)));
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.endsWith(".xml"))
        .map((f) => zip.file(f)!.async("string")),
    );
    const strings = xml.flatMap((x) =>
      [...x.matchAll(/>([^<>]+)</g)]
        .map((m) => m[1])
        .concat([...x.matchAll(/(?:prompt|error|promptTitle|errorTitle)="([^"]*)"/g)].map((m) => m[1])),
    );
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.map((s) => [internalTag(s), s]).filter(([why]) => why !== null)).toEqual([]);
  });
});
