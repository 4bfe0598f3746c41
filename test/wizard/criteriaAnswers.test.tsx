/**
 * @jest-environment jsdom
 *
 * An offer's answers to the circular criteria in its card (CRITERIA.md §4): folded by default; only the
 * criteria that are on and apply to the offer (no battery for the desktop T, refurbishment quality only for
 * the refurbished R), by area, each with its control; answers typed there score in the Results; a wrong
 * answer is said at its field in the pane's language.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SavedComparison } from "../../src/host/types";
import type { Language } from "../../src/i18n/core";
import { bidEntries, parameterText } from "../../src/model";
import { SECTION_4, SECTION_4_BIDS } from "../fixtures/criteriaCases";
import { referenceParameters } from "../fixtures/referenceBids";
import { MemoryStorage, checked, hostWith, openStep, parameterEntriesOf, renderApp, text, value } from "./support";

/** A Fluent Radio's input, wherever its test id landed. */
const radio = (id: string): HTMLElement => {
  const el = screen.getByTestId(id);
  return el.tagName === "INPUT" ? el : (el.querySelector("input") as HTMLElement);
};

const LOCALE: Record<Language, string> = { en: "en-GB", nl: "nl-BE", fr: "fr-BE" };

/** §4, with P's answers to batteryCycles and label left blank (to be typed in its card). */
function saved(lang: Language, blankP = true): SavedComparison & { bids: Record<string, string>[] } {
  const bids: Record<string, string>[] = SECTION_4_BIDS.map((b) => ({ ...bidEntries(b, "computers", lang) }));
  if (blankP) {
    delete bids[0].batteryCycles;
    delete bids[0].label;
  }
  return {
    group: "computers",
    parameters: { ...parameterEntriesOf(referenceParameters, lang), criteria: parameterText("criteria", SECTION_4, lang) },
    bids,
    circular: {},
  };
}

async function openCard(lang: Language, n: number, data = saved(lang), storage = new MemoryStorage()) {
  const user = userEvent.setup();
  renderApp(hostWith(data, { locale: LOCALE[lang], storage }));
  await openStep(user, "bids");
  await user.click(screen.getByTestId(`bid-${n}-toggle`));
  return user;
}

describe("criteria in the offer card", () => {
  it("is folded by default and lists, by area, the criteria that apply to a new notebook", async () => {
    const user = await openCard("nl", 0);
    const toggle = screen.getByTestId("bid-0-group-criteria");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId("bid-0-criterion-batteryCycles")).toBeNull();
    await user.click(toggle);
    const group = screen.getByTestId("bid-0-criteria");
    // Areas in catalogue order; warranty and spare parts stay in Warranty and repair; refurbishment only for refurbished offers.
    expect(within(group).getAllByRole("heading").map(text)).toEqual(["Levensduur", "Labels", "Einde levensduur"]);
    expect(screen.getByLabelText(/^Batterijcycli \(cycli\)/)).toBe(screen.getByTestId("bid-0-criterion-batteryCycles"));
    expect(screen.queryByTestId("bid-0-criterion-warranty")).toBeNull();
    expect(screen.queryByTestId("bid-0-criterion-spareParts")).toBeNull();
    expect(screen.queryByTestId("bid-0-criterion-refurbishmentQuality")).toBeNull();
    // The takeBack clause is asked with yes/no in Dutch.
    expect(text(screen.getByTestId("bid-0-criterion-takeBack"))).toMatch(/ja.*nee.*Geen antwoord/);
    // The label list: the catalogue's labels, "none" in Dutch.
    const options = within(screen.getByTestId("bid-0-criterion-label") as HTMLElement)
      .getAllByRole("option")
      .map(text);
    expect(options.slice(0, 3)).toEqual(["Geen antwoord", "geen", "TCO Certified"]);
    expect(options.slice(-4)).toEqual(["EPEAT Gold", "EU Ecolabel", "Blauer Engel", "gelijkwaardig"]);
    expect(options).toHaveLength(10);
  }, 120_000);

  it("asks no battery cycles of the desktop T, and the refurbishment quality of the refurbished R", async () => {
    const user = await openCard("en", 4);
    await user.click(screen.getByTestId("bid-4-group-criteria"));
    expect(screen.queryByTestId("bid-4-criterion-batteryCycles")).toBeNull();
    expect(value(screen.getByTestId("bid-4-criterion-label"))).toBe("EPEAT Bronze");
    await user.click(screen.getByTestId("bid-2-toggle"));
    await user.click(screen.getByTestId("bid-2-group-criteria"));
    expect(checked(radio("bid-2-criterion-refurbishmentQuality-yes"))).toBe(true);
    expect(value(screen.getByTestId("bid-2-criterion-label"))).toBe("none");
  }, 120_000);

  it("P's answers typed in its card score in the Results: 12.71 criteria points, quality total 42.71", async () => {
    const storage = new MemoryStorage();
    const user = await openCard("nl", 0, saved("nl"), storage);
    await user.click(screen.getByTestId("bid-0-group-criteria"));
    await user.type(screen.getByTestId("bid-0-criterion-batteryCycles"), "500");
    await user.selectOptions(screen.getByTestId("bid-0-criterion-label"), "EPEAT Silver");
    await user.click(radio("bid-0-criterion-takeBack-yes"));
    await waitFor(() => expect(JSON.parse(storage.getItem("circular-ict-lcc.comparison.v1") ?? "{}").bids?.[0]?.takeBack).toBe("ja"));
    const stored = JSON.parse(storage.getItem("circular-ict-lcc.comparison.v1") ?? "{}").bids[0];
    expect([stored.batteryCycles, stored.label]).toEqual(["500", "EPEAT Silver"]);
    await openStep(user, "results");
    await user.click(screen.getByTestId("rank-by-meat"));
    const row = screen.getAllByTestId(/^ranking-name-/).findIndex((el) => text(el).startsWith("P"));
    expect(text(screen.getByTestId(`ranking-quality-${row + 1}`))).toBe("42,71");
  }, 120_000);

  it("says a wrong answer at its field in the pane's language, and opens the group for it", async () => {
    const data = saved("fr", false);
    data.bids[0].batteryCycles = "-5";
    data.bids[0].takeBack = "peut-être";
    const user = await openCard("fr", 0, data);
    expect(screen.getByTestId("bid-0-group-criteria").getAttribute("aria-expanded")).toBe("true");
    const cycles = screen.getByTestId("bid-0-criterion-batteryCycles").closest("[class*='fui-Field']") as HTMLElement;
    expect(text(cycles)).toContain("Cycles de batterie");
    expect(text(cycles)).toMatch(/négati/);
    const takeBack = screen.getByTestId("bid-0-criterion-takeBack").closest("[class*='fui-Field']") as HTMLElement;
    expect(text(takeBack)).toContain("oui, non");
    expect(text(takeBack)).not.toContain("ja");
    // Choosing an answer writes the pane's word and clears the message.
    await user.click(radio("bid-0-criterion-takeBack-no"));
    await waitFor(() => expect(text(takeBack)).not.toContain("oui, non"));
    // Folded, the card names the criterion that needs attention by its name.
    await user.click(screen.getByTestId("bid-0-toggle"));
    expect(text(screen.getByTestId("bid-0-reason"))).toMatch(/^Cycles de batterie .*négati/);
  }, 120_000);
});
