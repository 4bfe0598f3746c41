/**
 * @jest-environment jsdom
 *
 * The GPP function reference lists the 15 functions with what each is for and an example, in the pane's
 * language; the pane starts both inside Office (after Office.onReady) and in a plain browser page.
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
    window.localStorage.clear();
    jest.resetModules();
  });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("renders the wizard straight away outside Office, in the browser's language", async () => {
    jest.spyOn(navigator, "language", "get").mockReturnValue("fr-BE");
    const { act } = await import("react"); // the React instance index.tsx will load after resetModules
    await act(async () => {
      await import("../../src/taskpane/index");
    });
    await screen.findByTestId("panel-start");
    expect(document.documentElement.lang).toBe("fr");
    // The function reference opens on demand below the wizard.
    const toggle = screen.getByTestId("functions-toggle");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await act(async () => toggle.click());
    const list = await screen.findByTestId("function-list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(GPP_IDS.length);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
  });

  test("with office.js present, waits for Office.onReady before it renders", async () => {
    let ready: (info: { host: null }) => void = () => {};
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => new Promise((resolve) => (ready = resolve)),
      HostType: { Excel: "Excel" },
      context: {},
    };
    const { act } = await import("react");
    await act(async () => {
      await import("../../src/taskpane/index");
    });
    expect(document.querySelector("[data-testid=panel-start]")).toBeNull();
    await act(async () => ready({ host: null })); // office.js in a plain browser: no host, standalone
    await screen.findByTestId("panel-start");
  });
});
