/**
 * Pane entry (mounted into <div id="root">). The same bundle runs inside Excel, after Office.onReady, and
 * standalone in a browser page without office.js, where theme and language come from the browser.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { type Language, languageOf } from "../i18n";
import { FunctionList } from "./FunctionList";

const hasOffice = (): boolean => typeof Office !== "undefined" && typeof Office.onReady === "function";

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((c) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark; outside Office, the browser's colour-scheme preference. */
export function prefersDark(): boolean {
  let background: string | undefined;
  try {
    background = hasOffice() ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  } catch {
    background = undefined; // officeTheme is missing in some hosts (API requirement set not supported)
  }
  const l = background ? luminance(background) : undefined;
  if (l !== undefined) return l < 0.5;
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
}

export function displayLanguage(): Language {
  const office = hasOffice() ? Office.context?.displayLanguage : undefined;
  return languageOf(office ?? (typeof navigator !== "undefined" ? navigator.language : undefined));
}

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = displayLanguage();
  document.documentElement.lang = lang;
  createRoot(container).render(
    <FluentProvider theme={prefersDark() ? webDarkTheme : webLightTheme}>
      <FunctionList lang={lang} />
    </FluentProvider>,
  );
}

if (hasOffice()) {
  Office.onReady(() => render());
} else {
  render();
}
