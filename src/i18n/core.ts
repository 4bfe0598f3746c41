/** Language handling shared by every text table; no table is imported here, so each face bundles only its own. */
export type Language = "en" | "nl" | "fr";
export const LANGUAGES: readonly Language[] = ["en", "nl", "fr"];

/** Flat string tables; functions.json nests objects per function id, read through sectionOf. */
export type Table = Record<string, unknown>;

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Looks a key up in one language's table, falling back to English, then to the key itself. */
export function lookup(tables: Record<Language, Table>, lang: Language, key: string, values?: Record<string, string | number>): string {
  const own = tables[lang][key];
  const text = typeof own === "string" ? own : tables.en[key];
  return format(typeof text === "string" ? text : key, values);
}

/** Maps an Office display language such as "nl-BE" or "fr-FR" to one of ours. */
export function languageOf(locale: string | undefined): Language {
  const prefix = (locale ?? "en").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(prefix) ? (prefix as Language) : "en";
}
