/** Light or dark, from Office's body background colour; outside Office from prefers-color-scheme. */
import type { Theme } from "./types";

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white); undefined when it is not one. */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((c) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeOfBackground(background: string | undefined, fallback: Theme): Theme {
  const l = background ? luminance(background) : undefined;
  return l === undefined ? fallback : l < 0.5 ? "dark" : "light";
}
