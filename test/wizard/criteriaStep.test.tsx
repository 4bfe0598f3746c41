/**
 * @jest-environment jsdom
 *
 * The Criteria step (issue 9 §3): a preset fills every criterion from the catalogue; a role switch and typed
 * numbers are saved as the `criteria` parameter entry (CRITERIA.md §2 JSON); the award points run against
 * the tender's quality points with a warning above them; a setting the model refuses is said at its input,
 * in the pane's language; a framework set that fixes the criteria makes the step read-only.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { STORAGE_KEY } from "../../src/host/StandaloneHost";
import type { Language } from "../../src/i18n/core";
import { criteriaText } from "../../src/i18n/criteria";
import { CATALOGUE, PRESETS, type Preset } from "../../src/model/criteria/catalogue";
import { awardPointsSum, presetCriteria } from "../../src/model/criteria/settings";
import { criterionName } from "../../src/model/criteria/text";
import { numberText } from "../../src/model/numbers";
import type { ParameterSet } from "../../src/model/parameterSet";
import { I18nProvider, loadLanguage } from "../../src/taskpane/wizard/i18n";
import { initialState, isLocked, reducer } from "../../src/taskpane/wizard/state";
import { CriteriaStep } from "../../src/taskpane/wizard/steps/CriteriaStep";
import { MemoryStorage, hostWith, openStep, referenceComparison, renderApp, text, value } from "./support";

jest.setTimeout(120_000);

/** The `criteria` entry of the comparison as the host saved it. */
function savedCriteria(storage: Storage): unknown {
  const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? "{}") as { parameters?: { criteria?: string } };
  const entry = saved.parameters?.criteria ?? "";
  return entry === "" ? [] : JSON.parse(entry);
}

async function openCriteria(options: { criteria?: string; qualityPoints?: string; locale?: string } = {}) {
  const user = userEvent.setup();
  const storage = new MemoryStorage();
  const saved = referenceComparison(options.locale?.slice(0, 2) === "nl" ? "nl" : options.locale?.slice(0, 2) === "fr" ? "fr" : "en");
  const parameters = {
    ...saved.parameters,
    ...(options.criteria !== undefined ? { criteria: options.criteria } : {}),
    ...(options.qualityPoints !== undefined ? { qualityPoints: options.qualityPoints } : {}),
  };
  renderApp(hostWith({ ...saved, parameters }, { storage, locale: options.locale }));
  await openStep(user, "criteria");
  await screen.findByTestId("criteria-sum");
  return { user, storage };
}

/** A criterion's setting in a preset, straight from the catalogue (CRITERIA.md §1). */
const fromCatalogue = (preset: Preset) => CATALOGUE.map((c) => ({ id: c.id, ...c[preset] }));

describe("Criteria step", () => {
  it("sits between Parameters and Offers in the stepper", async () => {
    await openCriteria();
    const labels = screen.getAllByRole("button").filter((b) => b.getAttribute("data-testid")?.startsWith("step-"));
    expect(labels.map((b) => b.getAttribute("data-testid"))).toEqual([
      "step-start",
      "step-parameters",
      "step-criteria",
      "step-bids",
      "step-results",
      "step-write",
    ]);
    expect(text(screen.getByTestId("step-criteria"))).toBe("3. Criteria");
  });

  it.each(PRESETS)("choosing the %s preset saves exactly the catalogue's preset", async (preset) => {
    const { user, storage } = await openCriteria();
    expect(text(screen.getByTestId("criteria-sum"))).toBe("Award points: 0 of 60");
    await user.click(screen.getByTestId(`criteria-preset-${preset}`));
    await waitFor(() => expect(savedCriteria(storage)).toEqual(fromCatalogue(preset)), { timeout: 10_000 });
    expect(savedCriteria(storage)).toEqual(presetCriteria(preset));
    const sum = awardPointsSum(presetCriteria(preset));
    expect(text(screen.getByTestId("criteria-sum"))).toBe(`Award points: ${sum} of 60`);
    expect((screen.getByTestId(`criteria-preset-${preset}`) as HTMLInputElement).checked).toBe(true);
    // "None" switches every criterion off again: no criteria entry at all.
    await user.click(screen.getByTestId("criteria-preset-none"));
    await waitFor(() => expect(savedCriteria(storage)).toEqual([]), { timeout: 10_000 });
    expect(text(screen.getByTestId("criteria-sum"))).toBe("Award points: 0 of 60");
  });

  it("a role switch and typed points are saved as the criteria entry, and the running sum follows", async () => {
    const { user, storage } = await openCriteria({ criteria: JSON.stringify(presetCriteria("basis")) });
    const basisSum = awardPointsSum(presetCriteria("basis"));
    expect(text(screen.getByTestId("criteria-sum"))).toBe(`Award points: ${basisSum} of 60`);
    // The warranty is a requirement in the basis preset: its threshold is shown, no points.
    expect(value(screen.getByTestId("criterion-warranty-threshold"))).toBe(String(CATALOGUE[0].basis.threshold));
    expect(screen.queryByTestId("criterion-warranty-points")).toBeNull();
    await user.selectOptions(screen.getByTestId("criterion-warranty-role"), "award");
    // An award starts from the ambitious preset's numbers for it.
    const ambitious = CATALOGUE[0].ambitious;
    expect(value(screen.getByTestId("criterion-warranty-points"))).toBe(String(ambitious.points));
    expect(value(screen.getByTestId("criterion-warranty-worst"))).toBe(String(ambitious.worst));
    expect(value(screen.getByTestId("criterion-warranty-best"))).toBe(String(ambitious.best));
    await user.clear(screen.getByTestId("criterion-warranty-points"));
    await user.type(screen.getByTestId("criterion-warranty-points"), "10");
    expect(text(screen.getByTestId("criteria-sum"))).toBe(`Award points: ${basisSum + 10} of 60`);
    const expected = presetCriteria("basis").map((s) =>
      s.id === "warranty" ? { id: "warranty", role: "award", points: 10, worst: ambitious.worst, best: ambitious.best } : s,
    );
    await waitFor(() => expect(savedCriteria(storage)).toEqual(expected), { timeout: 10_000 });
    // Edited: no preset is chosen any more.
    for (const p of [...PRESETS, "none"]) expect((screen.getByTestId(`criteria-preset-${p}`) as HTMLInputElement).checked).toBe(false);
    // Off again: the criterion keeps no numbers.
    await user.selectOptions(screen.getByTestId("criterion-warranty-role"), "off");
    await waitFor(
      () => expect((savedCriteria(storage) as { id: string }[]).find((s) => s.id === "warranty")).toEqual({ id: "warranty", role: "off" }),
      { timeout: 10_000 },
    );
    expect(text(screen.getByTestId("criteria-sum"))).toBe(`Award points: ${basisSum} of 60`);
  });

  it("award points above the tender's quality points: a warning that the total is capped", async () => {
    const { user } = await openCriteria({ qualityPoints: "30" });
    await user.click(screen.getByTestId("criteria-preset-ambitious"));
    const sum = awardPointsSum(presetCriteria("ambitious"));
    expect(sum).toBeGreaterThan(30);
    await waitFor(() => expect(text(screen.getByTestId("criteria-sum"))).toBe(`Award points: ${sum} of 30`));
    expect(text(screen.getByTestId("criteria-over"))).toBe(
      `the award points add up to ${sum}, above the 30 quality points of the tender: every quality total is capped at 30`,
    );
    // Back under the cap: repairability's 6 points off.
    await user.selectOptions(screen.getByTestId("criterion-repairability-role"), "off");
    expect(screen.getByTestId("criteria-over")).toBeTruthy(); // still above 30
    await user.click(screen.getByTestId("criteria-preset-basis"));
    await waitFor(() => expect(screen.queryByTestId("criteria-over")).toBeNull());
  });

  it("the model's problems are said at their input: worst equal to best, a missing threshold, negative points", async () => {
    const { user } = await openCriteria({ criteria: JSON.stringify(presetCriteria("ambitious")) });
    const warranty = screen.getByTestId("criterion-warranty");
    await user.clear(screen.getByTestId("criterion-warranty-best"));
    await user.type(screen.getByTestId("criterion-warranty-best"), "3");
    await waitFor(() => expect(text(warranty)).toContain("worst and best are both 3: they must differ"));
    expect(screen.getByTestId("criterion-warranty-best").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("criterion-warranty-worst").getAttribute("aria-invalid")).not.toBe("true");

    await user.clear(screen.getByTestId("criterion-warranty-points"));
    await user.type(screen.getByTestId("criterion-warranty-points"), "-2");
    await waitFor(() => expect(text(warranty)).toContain("points cannot be below 0 (found -2)"));

    // Repairability as a requirement: no preset gives it a threshold, so the authority must.
    await user.selectOptions(screen.getByTestId("criterion-repairability-role"), "requirement");
    expect(value(screen.getByTestId("criterion-repairability-threshold"))).toBe("");
    expect(text(screen.getByTestId("criterion-repairability"))).toContain("a minimum requirement on a number needs a threshold");
    await user.type(screen.getByTestId("criterion-repairability-threshold"), "6");
    await waitFor(() => expect(text(screen.getByTestId("criterion-repairability"))).not.toContain("needs a threshold"));
  });

  it("label levels: shares per label, a share above 1 refused at its label", async () => {
    const { user, storage } = await openCriteria({ criteria: JSON.stringify(presetCriteria("ambitious")) });
    await user.click(within(screen.getByTestId("criteria-area-label")).getByRole("button"));
    const silver = await screen.findByTestId("criterion-label-level-EPEAT Silver");
    expect(value(silver)).toBe("0.75");
    await user.clear(silver);
    await user.type(silver, "1.5");
    await waitFor(() => expect(silver.getAttribute("aria-invalid")).toBe("true"));
    await user.clear(silver);
    await user.type(silver, "0.5");
    await waitFor(() =>
      expect((savedCriteria(storage) as { id: string; levels?: object }[]).find((s) => s.id === "label")?.levels).toEqual({
        ...CATALOGUE.find((c) => c.id === "label")?.ambitious.levels,
        "EPEAT Silver": 0.5,
      }),
    );
  });

  it.each([
    ["nl", "nl-BE"],
    ["fr", "fr-BE"],
  ] as const)("in %s: step, sum, roles, areas and the field's message in the pane's language", async (lang, locale) => {
    const { user } = await openCriteria({ criteria: JSON.stringify(presetCriteria("ambitious")), locale });
    const sum = awardPointsSum(presetCriteria("ambitious"));
    const expected = {
      nl: { step: "3. Criteria", sum: `Gunningspunten: ${sum} van 60`, role: "Rol" },
      fr: { step: "3. Critères", sum: `Points d'attribution : ${sum} sur 60`, role: "Rôle" },
    }[lang];
    expect(text(screen.getByTestId("step-criteria"))).toBe(expected.step);
    expect(text(screen.getByTestId("criteria-sum"))).toBe(expected.sum);
    const warranty = screen.getByTestId("criterion-warranty");
    expect(text(warranty)).toContain(criterionName(lang, "warranty"));
    expect(text(warranty)).toContain(expected.role);
    expect(text(screen.getByTestId("criteria-area-lifetime"))).toContain(criteriaText(lang, "area.lifetime"));
    const role = screen.getByTestId("criterion-warranty-role") as HTMLSelectElement;
    expect([...role.options].map((o) => o.text)).toEqual(
      (["requirement", "award", "clause", "off"] as const).map((r) => criteriaText(lang, `role.${r}`)),
    );
    await user.clear(screen.getByTestId("criterion-warranty-best"));
    await user.type(screen.getByTestId("criterion-warranty-best"), "3");
    const message = criteriaText(lang, "issue.worstEqualsBest", { value: numberText(3, lang) });
    await waitFor(() => expect(text(warranty)).toContain(message));
    expect(message).not.toBe(criteriaText("en", "issue.worstEqualsBest", { value: 3 }));
  });

  it("the source of each criterion is one click away", async () => {
    const { user } = await openCriteria();
    await user.click(screen.getByTestId("criterion-batteryCycles-source"));
    expect(text(await screen.findByTestId("criterion-batteryCycles-source-text"))).toBe(
      `Source: ${criteriaText("en", "criterion.batteryCycles.source")}`,
    );
  });

  it("has no serious or critical axe violations, with a field in error and the cap warning", async () => {
    const { user, storage } = await openCriteria({ criteria: JSON.stringify(presetCriteria("ambitious")), qualityPoints: "20" });
    await user.clear(screen.getByTestId("criterion-warranty-best"));
    await user.type(screen.getByTestId("criterion-warranty-best"), "3");
    // Saved before axe runs, so no save lands in the middle of its scan.
    await waitFor(() => expect((savedCriteria(storage) as { id: string; best?: number }[])[0]).toMatchObject({ id: "warranty", best: 3 }), {
      timeout: 10_000,
    });
    await user.click(within(screen.getByTestId("criteria-area-label")).getByRole("button"));
    await screen.findByTestId("criterion-label-level-EPEAT Gold");
    const result = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    expect(
      result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
});

describe("the circular scenarios", () => {
  it("have no criteria: the step says so instead of the list", async () => {
    const user = userEvent.setup();
    renderApp(hostWith({ ...referenceComparison(), group: "circular" }));
    await openStep(user, "criteria");
    expect(text(await screen.findByTestId("criteria-scenarios"))).toContain("the award criteria do not apply");
    expect(screen.queryByTestId("criteria-sum")).toBeNull();
  });
});

describe("a framework set that fixes the criteria", () => {
  const set = { parameters: { criteria: [] }, local: [] } as unknown as ParameterSet;

  it("the reducer keeps the set's criteria", () => {
    const locked = { ...initialState("en"), framework: set, frameworkLocked: true };
    expect(isLocked(locked, "criteria")).toBe(true);
    const entry = JSON.stringify(presetCriteria("basis"));
    expect(reducer(locked, { type: "parameter", key: "criteria", text: entry }).parameters.criteria).toBe(locked.parameters.criteria);
    expect(reducer({ ...locked, frameworkLocked: false }, { type: "parameter", key: "criteria", text: entry }).parameters.criteria).toBe(
      entry,
    );
  });

  it.each(["en", "nl"] as const)("the step shows the criteria read-only (%s)", async (lang: Language) => {
    await loadLanguage(lang);
    const onChange = jest.fn();
    render(
      <I18nProvider lang={lang} hostLocale={lang}>
        <CriteriaStep
          group="computers"
          entry={JSON.stringify(presetCriteria("ambitious"))}
          context={{ qualityPoints: 60 }}
          readOnly
          onChange={onChange}
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId("criteria-locked")).toBeTruthy();
    expect((screen.getByTestId("criterion-warranty-role") as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId("criterion-warranty-points") as HTMLInputElement).readOnly).toBe(true);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("criteria-preset-basis"));
    await user.type(screen.getByTestId("criterion-warranty-points"), "9");
    expect(onChange).not.toHaveBeenCalled();
  });
});
