/**
 * The criteria as the CLI reads them: `criteria` in the --parameters JSON exactly as CRITERIA.md §2, each
 * problem at its JSON path in the user's language; answers as CSV columns named by criterion id or by its
 * en/nl/fr name, a wrong answer at its line and criterion.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readParametersFile } from "../../scripts/parameters-file";
import { DEFAULT_PARAMETERS, evaluateComparison, fingerprintOf, parametersFromJson, parseBidsCsv } from "../../src/model";

/** CRITERIA.md §2, as written there (without the "…"). */
const SECTION_2 = {
  qualityPoints: 60,
  criteria: [
    { id: "warranty", role: "award", points: 10, worst: 3, best: 5 },
    { id: "spareParts", role: "requirement", threshold: 5 },
    {
      id: "label",
      role: "award",
      points: 8,
      levels: { "TCO Certified": 1, "EPEAT Gold": 1, "EPEAT Silver": 0.75, "EPEAT Bronze": 0.5, equivalent: 1 },
    },
    { id: "takeBack", role: "clause" },
  ],
};

const file = (json: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), "criteria-")), "parameters.json");
  writeFileSync(path, JSON.stringify(json));
  return path;
};

describe("criteria in --parameters JSON", () => {
  test("CRITERIA.md §2 as written is read into Parameters.criteria", async () => {
    const read = parametersFromJson(SECTION_2);
    expect(read.problems).toEqual([]);
    expect(read.criteriaIssues).toEqual([]);
    expect(read.parameters?.criteria).toEqual(SECTION_2.criteria);
    const { parameters, note } = await readParametersFile(file(SECTION_2), "en");
    expect(parameters.criteria).toEqual(SECTION_2.criteria);
    expect(note).toBeUndefined();
  });

  test("labels in levels by their name in any case are stored by their canonical name", () => {
    const read = parametersFromJson({ criteria: [{ id: "label", role: "requirement", levels: { "epeat gold": 1, "tco certified": 1 } }] });
    expect(read.parameters?.criteria).toEqual([{ id: "label", role: "requirement", levels: { "EPEAT Gold": 1, "TCO Certified": 1 } }]);
  });

  test("every problem at its JSON path, in the user's language; nothing read", async () => {
    const bad = {
      criteria: [
        { id: "warranty", role: "award", points: 10, worst: 3, best: 3 },
        { id: "sparePart", role: "requirement", threshold: 5 },
        { id: "batteryCycles", role: "requirement" },
        { id: "label", role: "award", points: -1, levels: { "EPEAT Platinum": 1 } },
      ],
    };
    const read = parametersFromJson(bad);
    expect(read.parameters).toBeUndefined();
    expect(read.problems.map((p) => [p.argument, p.detail])).toEqual([
      ["criteria[0].best", "worstEqualsBest"],
      ["criteria[1].id", "unknownCriterion"],
      ["criteria[2].threshold", "thresholdMissing"],
      ["criteria[3].points", "pointsNegative"],
      ['criteria[3].levels["EPEAT Platinum"]', "unknownLabel"],
    ]);
    const message = await readParametersFile(file(bad), "en").then(
      () => "",
      (e: Error) => e.message,
    );
    const lines = message.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/parameters\.json: criteria\[0\]\.best: /);
    expect(lines[1]).toMatch(/criteria\[1\]\.id: .*sparePart.*warranty, spareParts/);
    expect(lines[4]).toMatch(/EPEAT Platinum.*TCO Certified/);
    const nl = await readParametersFile(file(bad), "nl").then(
      () => "",
      (e: Error) => e.message,
    );
    expect(nl).not.toEqual(message);
    expect(nl.split("\n")).toHaveLength(5);
  });

  test("award points above the quality maximum: read, with a warning (the cap applies)", async () => {
    const json = { qualityPoints: 10, criteria: [{ id: "repairability", role: "award", points: 12, worst: 5, best: 10 }] };
    const { parameters, note } = await readParametersFile(file(json), "en");
    expect(parameters.criteria).toHaveLength(1);
    expect(note).toMatch(/criteria: .*12.*10/);
  });

  test("a parameter set published without criteria keeps its fingerprint", async () => {
    const { criteria: _none, ...before } = DEFAULT_PARAMETERS;
    void _none;
    expect(await fingerprintOf(DEFAULT_PARAMETERS)).toBe(await fingerprintOf({ ...before, criteria: [] }));
    expect(await fingerprintOf({ ...DEFAULT_PARAMETERS, criteria: [{ id: "takeBack", role: "clause" }] })).not.toBe(
      await fingerprintOf(DEFAULT_PARAMETERS),
    );
  });
});

describe("criteria answers as CSV columns", () => {
  const HEAD = "supplier;product;deviceType;condition;quantity;price;tecKWhPerYear;qualityPoints";
  test("by id, by en/nl/fr name; warranty and spare parts by name are their Bids fields", () => {
    const csv = [
      `${HEAD};Garantie;Reserveonderdelen;batteryCycles;Label;Qualité du reconditionnement;Repairability`,
      "A;P;notebook;new;10;750;30;30;4;7;500;epeat silver;;7,5",
      "B;R;notebook;refurbished;10;420;30;30;3;5;300;geen;oui;",
    ].join("\n");
    const read = parseBidsCsv(csv, "computers", { locale: "nl" });
    expect(read.problems).toEqual([]);
    expect(read.errors).toEqual([]);
    expect(read.unknownColumns).toEqual([]);
    const [p, r] = read.bids;
    expect([p.warrantyYears, p.sparePartsYears]).toEqual([4, 7]);
    expect(p.criteria).toEqual({ batteryCycles: 500, label: "EPEAT Silver", repairability: 7.5 });
    expect(r.criteria).toEqual({ batteryCycles: 300, label: "none", refurbishmentQuality: true });
    // The §4 settings score them as the model does: P 42.7143, R 38.
    const parameters = {
      ...DEFAULT_PARAMETERS,
      electricityPricePerKWh: 0.2,
      criteria: [
        { id: "warranty", role: "award", points: 10, worst: 3, best: 5 },
        { id: "spareParts", role: "requirement", threshold: 5 },
        { id: "batteryCycles", role: "award", points: 6, worst: 300, best: 1000 },
        {
          id: "label",
          role: "award",
          points: 8,
          levels: { "TCO Certified": 1, "EPEAT Gold": 1, "EPEAT Silver": 0.75, "EPEAT Bronze": 0.5 },
        },
        { id: "refurbishmentQuality", role: "requirement" },
      ],
    } as const;
    const result = evaluateComparison(parametersFromJson(parameters).parameters!, read.bids, "computers");
    expect(result.ok && result.value.bids.map((b) => b.qualityTotal)).toEqual([expect.closeTo(42.7143, 4), 38]);
  });

  test("a wrong answer at its line and criterion; a criterion twice is a column twice; others listed as unknown", () => {
    const wrong = parseBidsCsv(
      [`${HEAD};Batterijcycli;upgradeable;Colour`, "A;P;notebook;new;10;750;30;0;veel;misschien;red"].join("\n"),
      "computers",
    );
    expect(wrong.unknownColumns).toEqual(["Colour"]);
    expect(wrong.errors.map((e) => [e.row, e.field, e.error.rule])).toEqual([
      [2, "batteryCycles", "notANumber"],
      [2, "upgradeable", "unknownOption"],
    ]);
    const twice = parseBidsCsv([`${HEAD};warrantyYears;Warranty`, "A;P;notebook;new;10;750;30;0;3;4"].join("\n"), "computers");
    expect(twice.problems.map((p) => [p.rule, p.argument])).toEqual([["duplicateColumn", "Warranty"]]);
  });
});
