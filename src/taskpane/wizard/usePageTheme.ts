/** The host's theme (Office's, or the system's standalone), followed live and applied to the whole page. */
import { useEffect, useState } from "react";
import type { Host, Theme } from "../../host/types";

export function usePageTheme(host: Host): Theme {
  const [theme, setTheme] = useState<Theme>(host.theme);
  useEffect(() => host.watchTheme(setTheme), [host]);
  // The pane fills the page: no white browser margin around a dark theme, native controls in the same scheme.
  useEffect(() => {
    document.body.style.margin = "0";
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
