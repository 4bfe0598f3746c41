/**
 * Issue 9 §5 in Excel: the Criteria sheet and the Bids answer columns are read back like the Parameters, a
 * colleague's edit there is what the pane shows next time, the pane writes back only the cells it changed,
 * and a cell it cannot read is reported at its sheet and cell and left as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelHost } from "../../src/host/ExcelHost";
import type { SavedComparison } from "../../src/host/types";
import { columnKeys, tableName } from "../../src/host/workbookCells";
import { DEFAULT_PARAMETERS, type Parameters, parseBidsCsv } from "../../src/model";
import { type CriteriaSettings, checkCriteria } from "../../src/model/criteria/settings";
import { fakeRun } from "./fakeExcel";
import { planBook } from "./planBook";
import { writers } from "./templateBook";

const ROOT = join(__dirname, "../..");
const example = JSON.parse(readFileSync(join(ROOT, "examples/parameters-criteria.json"), "utf8")) as { criteria: CriteriaSettings };
const parameters: Parameters = { ...DEFAULT_PARAMETERS, electricityPricePerKWh: 0.2, qualityPoints: 60, criteria: example.criteria };
const { bids } = parseBidsCsv(readFileSync(join(ROOT, "examples/bids-criteria.csv"), "utf8"), "computers");
const stamp = { template: "computers" as const, nameSuffix: "" };
const BIDS = tableName(stamp);

function book(language: "en" | "nl" = "en") {
  return planBook({ template: "computers", parameters, bids, language });
}
/** The Criteria sheet's name is the same in English and Dutch. */
const sheetOf = () => "LCC Criteria";

function hostOn(b: ReturnType<typeof book>) {
  const { run, rec } = fakeRun(b);
  return { host: new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: writers(), saveDelayMs: 0 }), rec };
}

async function load(h: ExcelHost): Promise<SavedComparison> {
  const r = await h.load();
  expect(r.status).toBe("ok");
  return r.comparison!;
}

const settingsOf = (saved: SavedComparison) => JSON.parse(saved.parameters.criteria) as CriteriaSettings;
/** The Criteria sheet cell of a criterion's setting: rows from 5 (catalogue order), role in F … best in J. */
const at = (b: ReturnType<typeof book>, address: string) => {
  const [, col, row] = /^([A-Z])(\d+)$/.exec(address)!;
  return { get: () => b.sheets![sheetOf()][Number(row) - 1][col.charCodeAt(0) - 65], row: Number(row) - 1, col: col.charCodeAt(0) - 65 };
};
const set = (b: ReturnType<typeof book>, address: string, v: unknown) => {
  const c = at(b, address);
  b.sheets![sheetOf()][c.row][c.col] = v;
};

describe("the Criteria sheet in Excel", () => {
  it("reads the criteria the template wrote, exactly as the settings were (2 syncs)", async () => {
    const b = book();
    const { host: h, rec } = hostOn(b);
    const saved = await load(h);
    expect(rec.syncs).toBe(2);
    const expected = checkCriteria(example.criteria, parameters).settings;
    const byId = (s: CriteriaSettings) => [...s].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(settingsOf(saved))).toEqual(byId(expected));
  });

  it("shows a colleague's edit of a role, points and a label level next time, in any language's words", async () => {
    const b = book();
    // batteryCycles is the 4th criterion (row 8): points in H; socialClause the last (row 22); label levels below.
    expect(at(b, "A8").get()).toBe("batteryCycles");
    expect(at(b, "H8").get()).toBe(6);
    set(b, "H8", 9);
    expect(at(b, "A22").get()).toBe("socialClause");
    set(b, "F22", "minimumeis"); // Dutch for requirement, in lower case
    expect(at(b, "A28").get()).toBe("EPEAT Bronze");
    set(b, "B28", 0.25);
    const read = await hostOn(b).host.load();
    // The requirement switched on in the sheet has no pass column in its Results: said on load.
    expect(read.report.unscoredCriteria).toEqual(["socialClause"]);
    const settings = settingsOf(read.comparison!);
    expect(settings.find((s) => s.id === "batteryCycles")).toEqual({
      id: "batteryCycles",
      role: "award",
      points: 9,
      worst: 300,
      best: 1000,
    });
    expect(settings.find((s) => s.id === "socialClause")).toEqual({ id: "socialClause", role: "requirement" });
    expect(settings.find((s) => s.id === "label")?.levels).toEqual({
      "TCO Certified": 1,
      "EPEAT Gold": 1,
      "EPEAT Silver": 0.75,
      "EPEAT Bronze": 0.25,
    });
  });

  it("reports a cell it cannot read at its sheet and cell, and never overwrites it unless the pane changes that setting", async () => {
    const b = book();
    set(b, "F8", "Maybe");
    set(b, "H5", "lots"); // warranty points
    const { host: h, rec } = hostOn(b);
    const result = await h.load();
    expect(result.status).toBe("ok");
    expect(result.report.unreadableCells).toEqual([
      { part: "criteria.warranty.points", cell: "'LCC Criteria'!H5", value: "lots" },
      { part: "criteria.batteryCycles.role", cell: "'LCC Criteria'!F8", value: "Maybe" },
    ]);
    // The pane shows the criterion off and the points blank, and the rest as read.
    const saved = result.comparison!;
    expect(settingsOf(saved).find((s) => s.id === "batteryCycles")).toBeUndefined();
    expect(settingsOf(saved).find((s) => s.id === "warranty")).toEqual({ id: "warranty", role: "award", worst: 3, best: 5 });
    // Saving what the pane shows, or another change, leaves both cells as the colleague typed them.
    rec.writes.length = 0;
    await h.save({ ...saved, parameters: { ...saved.parameters, discountRate: "3 %" } });
    expect(rec.writes.map((w) => w.target)).toEqual(["LCC_DiscountRate"]);
    expect([at(b, "F8").get(), at(b, "H5").get()]).toEqual(["Maybe", "lots"]);
  });

  it("reads the answer columns of the Bids table into the offers' answers, keyed by criterion id", async () => {
    const saved = await load(hostOn(book()).host);
    expect(saved.bids[0]).toMatchObject({ supplier: "Supplier P", batteryCycles: "500", label: "EPEAT Silver" });
    expect(saved.bids[2]).toMatchObject({ supplier: "Supplier R", condition: "refurbished", label: "none", refurbishmentQuality: "yes" });
    expect(saved.bids[4]).toMatchObject({ supplier: "Supplier T", label: "EPEAT Bronze" });
    expect(saved.bids[4].batteryCycles).toBeUndefined(); // a blank answer is no answer, as bidEntries leaves it out
  });

  it("writes back only the criteria cells and answers the pane changed, in the workbook's words", async () => {
    const b = book("nl");
    const { host: h, rec } = hostOn(b);
    const saved = await load(h);
    rec.writes.length = 0;
    expect(await h.save(saved)).toEqual({ stored: true });
    expect(rec.writes).toEqual([]); // unchanged: nothing written
    const settings = settingsOf(saved).map((s) =>
      s.id === "batteryCycles" ? { ...s, points: 7 } : s.id === "takeBack" ? { ...s, role: "requirement" as const } : s,
    );
    const answers = columnKeys(stamp).length; // the answer columns follow the Bids fields
    expect(b.headers![BIDS].slice(answers)).toEqual(["Batterijcycli", "Label", "Terugname", "Kwaliteit van de refurbishment"]);
    const status = await h.save({
      ...saved,
      parameters: { ...saved.parameters, criteria: JSON.stringify(settings) },
      bids: [{ ...saved.bids[0], batteryCycles: "900" }, { ...saved.bids[1], label: "EPEAT Gold" }, ...saved.bids.slice(2)],
    });
    expect(status).toEqual({ stored: true });
    expect(rec.writes.map((w) => [w.target, w.values])).toEqual([
      ["LCC Criteria!H8", [[7]]],
      ["LCC Criteria!F19", [["'Minimumeis"]]],
      [`${BIDS}[0][${answers}]`, [[900]]],
      [`${BIDS}[1][${answers + 1}]`, [["'EPEAT Gold"]]],
    ]);
    const again = await load(hostOn(b).host);
    expect(settingsOf(again).find((s) => s.id === "takeBack")?.role).toBe("requirement");
    expect(again.bids[1].label).toBe("EPEAT Gold");
  });

  it("finds the answer columns by their headers again when a colleague removed one after the read", async () => {
    const b = book();
    const { host: h, rec } = hostOn(b);
    const saved = await load(h);
    const label = b.headers![BIDS].indexOf("Label");
    b.headers![BIDS] = b.headers![BIDS].filter((_, i) => i !== label);
    b.tables[BIDS].forEach((row) => row.splice(label, 1));
    rec.writes.length = 0;
    const second = [...b.tables[BIDS][1]];
    const status = await h.save({
      ...saved,
      bids: [{ ...saved.bids[0], batteryCycles: "900" }, { ...saved.bids[1], label: "EPEAT Gold" }, ...saved.bids.slice(2)],
    });
    expect(status).toEqual({ stored: true });
    const cycles = b.headers![BIDS].indexOf("Battery cycles");
    expect(rec.writes.map((w) => [w.target, w.values])).toEqual([[`${BIDS}[0][${cycles}]`, [[900]]]]);
    expect(b.tables[BIDS][1]).toEqual(second); // the label answer has no column now: nothing in that row is written
  });

  describe("a criterion switched on in the pane after the template was written (issue 9 §5)", () => {
    /** The pane's criteria with `extra` switched on (or changed), as the Criteria step writes the entry. */
    const withCriteria = (saved: SavedComparison, ...extra: CriteriaSettings) =>
      JSON.stringify([...settingsOf(saved).filter((s) => !extra.some((x) => x.id === s.id)), ...extra]);

    it("writes its Criteria row, adds its answer column with the template's header and checks, and says the Results do not score it (2 syncs)", async () => {
      const b = book("nl");
      const { host: h, rec } = hostOn(b);
      const saved = await load(h);
      const width = b.headers![BIDS].length;
      expect(b.headers![BIDS]).not.toContain("Repareerbaarheidsscore");
      expect(at(b, "A10").get()).toBe("repairability"); // the Criteria sheet has every catalogue criterion's row, off or not
      expect(at(b, "F10").get()).toBe("Uit");
      rec.writes.length = 0;
      const syncs = rec.syncs;
      const status = await h.save({
        ...saved,
        parameters: {
          ...saved.parameters,
          criteria: withCriteria(saved, { id: "repairability", role: "award", points: 6, worst: 5, best: 10 }),
        },
        bids: [saved.bids[0], { ...saved.bids[1], repairability: "8" }, ...saved.bids.slice(2)],
      });
      expect(rec.syncs - syncs).toBe(2);
      expect(status).toEqual({ stored: true, unscoredCriteria: ["repairability"] });
      // The Criteria row in the workbook's words; the column at the table's right end; only offer 2's answer in it.
      expect([at(b, "F10").get(), at(b, "H10").get(), at(b, "I10").get(), at(b, "J10").get()]).toEqual(["Gunningscriterium", 6, 5, 10]);
      expect(b.headers![BIDS]).toHaveLength(width + 1);
      expect(b.headers![BIDS][width]).toBe("Repareerbaarheidsscore");
      expect(b.tables[BIDS].map((r) => r[width])).toEqual(b.tables[BIDS].map((_, i) => (i === 1 ? 8 : "")));
      expect(rec.writes.map((w) => w.target)).toEqual([
        `${BIDS}.columns.add`,
        "LCC Criteria!F10",
        "LCC Criteria!H10",
        "LCC Criteria!I10",
        "LCC Criteria!J10",
        `${BIDS}[1][${width}]`,
      ]);
      expect(rec.addedColumns.Repareerbaarheidsscore).toEqual({
        numberFormat: Array(b.tables[BIDS].length).fill(["General"]),
        locked: false,
        cleared: true,
        rule: { decimal: { formula1: 0, formula2: 10, operator: "Between" } },
        prompt: {
          showPrompt: true,
          title: "Repareerbaarheidsscore",
          message: "Repareerbaarheidsscore van 0 tot 10 (iFixit, Franse repareerbaarheidsindex of gelijkwaardig)",
        },
        errorAlert: { showAlert: true, style: "Stop", title: expect.any(String), message: expect.stringContaining("10") },
      });
      // Kept: a colleague (or the pane, on reload) reads the answer and the criterion back.
      const again = await load(hostOn(b).host);
      expect(again.bids[1].repairability).toBe("8");
      expect(settingsOf(again).find((s) => s.id === "repairability")).toEqual({
        id: "repairability",
        role: "award",
        points: 6,
        worst: 5,
        best: 10,
      });
    });

    it("a yes/no answer: its column lists the workbook's words; the answer is written as one of them", async () => {
      const b = book("nl");
      const { host: h, rec } = hostOn(b);
      const saved = await load(h);
      const width = b.headers![BIDS].length;
      await h.save({
        ...saved,
        parameters: { ...saved.parameters, criteria: withCriteria(saved, { id: "batteryReplaceable", role: "requirement" }) },
        bids: [{ ...saved.bids[0], batteryReplaceable: "yes" }, ...saved.bids.slice(1)],
      });
      expect(b.headers![BIDS][width]).toBe("Vervangbare batterij");
      expect(b.tables[BIDS][0][width]).toBe("ja");
      expect(rec.addedColumns["Vervangbare batterij"].rule).toEqual({ list: { inCellDropDown: true, source: "ja,nee" } });
    });

    it("adds no column while no offer answers it, and none for a criterion answered in a Bids field; both are said unscored", async () => {
      const b = book();
      const { host: h, rec } = hostOn(b);
      const saved = await load(h);
      const headers = [...b.headers![BIDS]];
      rec.writes.length = 0;
      const status = await h.save({
        ...saved,
        parameters: {
          ...saved.parameters,
          criteria: withCriteria(
            saved,
            { id: "repairability", role: "award", points: 6, worst: 5, best: 10 },
            { id: "dataErasure", role: "requirement" },
          ),
        },
      });
      expect(status).toEqual({ stored: true, unscoredCriteria: ["repairability", "dataErasure"] });
      expect(b.headers![BIDS]).toEqual(headers);
      expect(rec.writes.every((w) => w.target.startsWith("LCC Criteria!"))).toBe(true);
      // A contract clause scores nothing: switching one on says nothing.
      const clause = await h.save({
        ...saved,
        parameters: { ...saved.parameters, criteria: withCriteria(saved, { id: "packaging", role: "clause" }) },
      });
      expect(clause).toEqual({ stored: true });
    });

    it("still says so after a reload, and for a workbook stamped before the scored criteria were, infers them from its Criteria sheet and columns", async () => {
      const b = book();
      const { host: h } = hostOn(b);
      const saved = await load(h);
      const criteria = withCriteria(saved, { id: "repairability", role: "award", points: 6, worst: 5, best: 10 });
      await h.save({
        ...saved,
        parameters: { ...saved.parameters, criteria },
        bids: [{ ...saved.bids[0], repairability: "7" }, ...saved.bids.slice(1)],
      });
      const reloaded = hostOn(b).host;
      const again = await load(reloaded);
      expect((await reloaded.save({ ...again, parameters: { ...again.parameters, discountRate: "3 %" } })).unscoredCriteria).toEqual([
        "repairability",
      ]);
      // The stamp without its list: the criteria on in the sheet with their column count as scored, except the one the pane added… which had none when the template was written.
      const stamped = JSON.parse(b.setting!) as Record<string, unknown>;
      expect(stamped.scored).toEqual(["warranty", "spareParts", "batteryCycles", "label", "takeBack", "refurbishmentQuality"]);
      const older = book();
      older.setting = JSON.stringify({ ...stamped, scored: undefined });
      const { host: o } = hostOn(older);
      const read = await load(o);
      expect(await o.save({ ...read, parameters: { ...read.parameters, discountRate: "3 %" } })).toEqual({ stored: true });
      expect(
        (
          await o.save({
            ...read,
            parameters: { ...read.parameters, criteria: withCriteria(read, { id: "dataErasure", role: "award", points: 2 }) },
          })
        ).unscoredCriteria,
      ).toEqual(["dataErasure"]);
    });
  });
});
