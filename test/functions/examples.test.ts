/**
 * The example formulas the pane and the README show: the English one computes (through the functions, as
 * Excel would call them); the Dutch and French ones are the same call written with ";" between arguments
 * and a decimal comma, as Excel shows formulas under Belgian, Dutch and French regional settings.
 */
import { type GppId, GPP_IDS, callAsExcel } from "../../src/functions/functions";
import { sectionOf } from "../../src/i18n";

interface Entry {
  name: string;
  example: string;
  purpose: string;
  parameters: Record<string, string>;
}
const table = (lang: "en" | "nl" | "fr") => sectionOf(lang, "functions") as unknown as Record<GppId, Entry>;

/** Splits "=GPP.NAME(a, {1,2}, "x")" into its name and its arguments as written. */
function parse(formula: string, separator: string): { name: string; args: string[] } {
  const m = /^=GPP\.([A-Z0-9_.]+)\((.*)\)$/u.exec(formula);
  if (!m) throw new Error(`not a GPP formula: ${formula}`);
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of m[2]) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === separator) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return { name: m[1], args };
}

/** An English argument as Excel passes it: a number, a text, an array constant {a,b;c,d} as rows, or null when left out. */
function valueOf(arg: string): unknown {
  if (arg === "") return null; // an argument left out, e.g. ", , 100", as Excel passes it
  if (arg.startsWith('"')) return arg.slice(1, -1);
  if (arg.startsWith("{"))
    return arg
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(",").map(Number));
  const n = Number(arg);
  if (!Number.isFinite(n)) throw new Error(`cannot read ${arg}`);
  return n;
}

test.each(GPP_IDS)("GPP.%s: the English example computes to finite numbers", (id) => {
  const { name, args } = parse(table("en")[id].example, ",");
  expect(name).toBe(table("en")[id].name);
  const r = callAsExcel(id, args.map(valueOf));
  const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
  expect(cells.every((c) => typeof c === "number" && Number.isFinite(c))).toBe(true);
});

test.each(GPP_IDS)("GPP.%s: the Dutch and French examples are the same call in their notation", (id) => {
  const en = parse(table("en")[id].example, ",");
  for (const lang of ["nl", "fr"] as const) {
    const local = parse(table(lang)[id].example, ";");
    expect(local.name).toBe(table(lang)[id].name);
    expect(local.args).toHaveLength(en.args.length);
    local.args.forEach((arg, i) => {
      if (/^[A-Z]+[0-9]+:[A-Z]+[0-9]+$/.test(arg)) return; // a range instead of an array constant
      expect(arg.replace(/,/g, ".")).toBe(en.args[i]);
    });
  }
});
