/**
 * @jest-environment jsdom
 *
 * The minimal pane: it lists the 14 GPP functions with what each is for and an example, in the pane's
 * language, and it starts both inside Office (after Office.onReady) and in a plain browser page.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FunctionList } from "../../src/taskpane/FunctionList";
import { GPP_IDS } from "../../src/functions/functions";
import { sectionOf } from "../../src/i18n";

beforeAll(() => {
  // Fluent UI v9 measures with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

test.each(["en", "nl", "fr"] as const)("lists every GPP function with its purpose and example (%s)", (lang) => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FunctionList lang={lang} />
    </FluentProvider>,
  );
  const items = within(screen.getByRole("list")).getAllByRole("listitem");
  expect(items).toHaveLength(GPP_IDS.length);
  const texts = sectionOf(lang, "functions") as Record<string, { name: string; purpose: string; example: string }>;
  GPP_IDS.forEach((id, i) => {
    expect(within(items[i]).getByRole("heading").textContent).toBe(`GPP.${texts[id].name}`);
    expect(items[i].textContent).toContain(texts[id].purpose);
    expect(items[i].textContent).toContain(texts[id].example);
  });
});

describe("index.tsx", () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    jest.resetModules();
  });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("renders straight away outside Office, in the browser's language", async () => {
    jest.spyOn(navigator, "language", "get").mockReturnValue("fr-BE");
    const { act } = await import("react"); // the React instance index.tsx will load after resetModules
    await act(async () => {
      await import("../../src/taskpane/index");
    });
    expect(document.documentElement.lang).toBe("fr");
    expect(document.querySelectorAll("#root li")).toHaveLength(GPP_IDS.length);
  });

  test("inside Office waits for Office.onReady and takes the display language", async () => {
    let ready: () => void = () => {};
    (globalThis as { Office?: unknown }).Office = {
      onReady: (callback: () => void) => (ready = callback),
      context: { displayLanguage: "nl-NL", officeTheme: { bodyBackgroundColor: "#1f1f1f" } },
    };
    const { act } = await import("react");
    await act(async () => {
      await import("../../src/taskpane/index");
    });
    expect(document.querySelector("#root li")).toBeNull();
    await act(async () => ready());
    expect(document.documentElement.lang).toBe("nl");
    expect(document.querySelectorAll("#root li")).toHaveLength(GPP_IDS.length);
    expect(document.querySelector("#root h1")?.textContent).toBe("GPP-werkbladfuncties");
  });
});

describe("theme and language", () => {
  const setOffice = (context: object) => ((globalThis as { Office?: unknown }).Office = { onReady: () => undefined, context });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("dark when Office's body background is dark, light when it is light", async () => {
    const { prefersDark } = await import("../../src/taskpane/index");
    setOffice({ officeTheme: { bodyBackgroundColor: "#1f1f1f" } });
    expect(prefersDark()).toBe(true);
    setOffice({ officeTheme: { bodyBackgroundColor: "#FFFFFF" } });
    expect(prefersDark()).toBe(false);
  });

  test("outside Office (or without a theme): the browser's prefers-color-scheme", async () => {
    const { prefersDark } = await import("../../src/taskpane/index");
    const matchMedia = (dark: boolean) => (query: string) => ({ matches: dark && query.includes("dark") }) as MediaQueryList;
    window.matchMedia = matchMedia(true);
    expect(prefersDark()).toBe(true);
    window.matchMedia = matchMedia(false);
    expect(prefersDark()).toBe(false);
    setOffice({});
    window.matchMedia = matchMedia(true);
    expect(prefersDark()).toBe(true);
  });

  test("the Office display language wins over the browser's", async () => {
    const { displayLanguage } = await import("../../src/taskpane/index");
    jest.spyOn(navigator, "language", "get").mockReturnValue("fr-FR");
    expect(displayLanguage()).toBe("fr");
    setOffice({ displayLanguage: "nl-BE" });
    expect(displayLanguage()).toBe("nl");
  });
});
