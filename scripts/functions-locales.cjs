/**
 * Webpack 5 plugin: derives functions-nl.json and functions-fr.json from the functions.json that
 * custom-functions-metadata-plugin generates from the JSDoc in src/functions/functions.ts.
 *
 * Excel reads one metadata file per locale (manifest bt:Override entries point nl-* and fr-* at these
 * files). Ids, parameter order, names, types, dimensionality and optional flags are copied untouched, so
 * every language stores the same formulas; only the display name, the function description and the
 * parameter descriptions come from src/i18n/<lang>/functions.json.
 *
 * The build fails, listing every problem, when a translation is missing or empty, when a table carries a
 * function or parameter the code does not have, when a localised name is not a valid Excel function name
 * (or looks like a cell address, or has a dot-separated part that does), or when the English table has drifted from the JSDoc.
 *
 * Usage (after CustomFunctionsMetadataPlugin in `plugins`):
 *   new LocalizedFunctionsMetadataPlugin({ source: "functions.json", locales: ["nl", "fr"] })
 */
const fs = require("fs");
const path = require("path");

const PLUGIN = "LocalizedFunctionsMetadataPlugin";

/** Excel: a name starts with a letter, then letters, digits, "." or "_"; at least 3 characters. */
const VALID_NAME = /^\p{L}[\p{L}0-9._]{2,127}$/u;
/** A1 (up to XFD) or R1C1 forms: Excel would read such a name as a reference. */
const CELL_ADDRESS = /^([A-Za-z]{1,3}[0-9]+|R[0-9]*C[0-9]*)$/i;
/** A dot-separated part that is a cell address (CO2 in CO2.KOSTEN): a column of up to three letters and a row. */
const CELL_PART = /^[A-Za-z]{1,3}[0-9]+$/;

const isText = (v) => typeof v === "string" && v.trim() !== "";

function readTable(dir, lang) {
  const file = path.join(dir, lang, "functions.json");
  if (!fs.existsSync(file)) throw new Error(`${lang}: ${file} does not exist`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Table entries that describe functions (the file also holds a few pane strings at the top level). */
const functionEntries = (table) => Object.entries(table).filter(([, v]) => typeof v === "object" && v !== null);

/** Problems where the English table no longer says what the JSDoc says (en is the reference). */
function checkReference(metadata, en) {
  const problems = [];
  for (const f of metadata.functions) {
    const entry = en[f.id];
    if (!entry) {
      problems.push(`en: no entry for ${f.id}`);
      continue;
    }
    if (entry.name !== f.name) problems.push(`en: ${f.id}.name is "${entry.name}" but the JSDoc says "${f.name}"`);
    if (entry.description !== f.description)
      problems.push(`en: ${f.id}.description differs from the JSDoc:\n    table: ${entry.description}\n    JSDoc: ${f.description}`);
    const names = f.parameters.map((p) => p.name);
    const tableNames = Object.keys(entry.parameters ?? {});
    if (names.join() !== tableNames.join()) problems.push(`en: ${f.id}.parameters are [${tableNames}] but the function has [${names}]`);
    for (const p of f.parameters) {
      const d = entry.parameters?.[p.name];
      if (d !== undefined && d !== p.description)
        problems.push(`en: ${f.id}.parameters.${p.name} differs from the JSDoc:\n    table: ${d}\n    JSDoc: ${p.description}`);
    }
  }
  return problems;
}

/** One locale's metadata, or the list of what is missing or wrong in its table. */
function localize(metadata, table, lang) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const [id] of functionEntries(table)) if (!ids.has(id)) problems.push(`${lang}: ${id} is not a GPP function (stale entry?)`);
  const names = new Map();
  const functions = metadata.functions.map((f) => {
    const entry = table[f.id];
    if (!entry || typeof entry !== "object") {
      problems.push(`${lang}: no translation for ${f.id}`);
      return f;
    }
    if (!isText(entry.name)) problems.push(`${lang}: ${f.id}.name is missing`);
    else if (!VALID_NAME.test(entry.name)) problems.push(`${lang}: ${f.id}.name "${entry.name}" is not a valid Excel function name`);
    else if (CELL_ADDRESS.test(entry.name)) problems.push(`${lang}: ${f.id}.name "${entry.name}" looks like a cell address`);
    else if (entry.name.split(".").some((part) => CELL_PART.test(part)))
      problems.push(
        `${lang}: ${f.id}.name "${entry.name}" has a part that is a cell address (${entry.name
          .split(".")
          .filter((part) => CELL_PART.test(part))
          .join(", ")})`,
      );
    else if (names.has(entry.name.toUpperCase()))
      problems.push(`${lang}: ${f.id}.name "${entry.name}" is also the name of ${names.get(entry.name.toUpperCase())}`);
    else names.set(entry.name.toUpperCase(), f.id);
    if (!isText(entry.description)) problems.push(`${lang}: ${f.id}.description is missing`);
    const own = entry.parameters ?? {};
    for (const key of Object.keys(own))
      if (!f.parameters.some((p) => p.name === key)) problems.push(`${lang}: ${f.id}.parameters.${key} is not a parameter of ${f.id}`);
    const parameters = f.parameters.map((p) => {
      if (!isText(own[p.name])) problems.push(`${lang}: ${f.id}.parameters.${p.name} is missing`);
      return { ...p, description: own[p.name] };
    });
    return { ...f, name: entry.name, description: entry.description, parameters };
  });
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * All locales from the generated English metadata and the tables in `dir`; throws one Error listing
 * every problem so a translator sees the whole to-do list at once.
 */
function buildLocalizedMetadata(metadata, dir, locales) {
  const problems = checkReference(metadata, readTable(dir, "en"));
  const out = {};
  for (const lang of locales) {
    const r = localize(metadata, readTable(dir, lang), lang);
    problems.push(...r.problems);
    out[lang] = r.metadata;
  }
  if (problems.length > 0) throw new Error(`function metadata translations are incomplete or out of date:\n  ${problems.join("\n  ")}`);
  return out;
}

class LocalizedFunctionsMetadataPlugin {
  constructor(options = {}) {
    this.source = options.source ?? "functions.json";
    this.locales = options.locales ?? ["nl", "fr"];
    this.tables = options.tables ?? "src/i18n";
    this.fileName = options.fileName ?? ((lang) => `functions-${lang}.json`);
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      // CustomFunctionsMetadataPlugin adds functions.json when the compilation starts, so it is there
      // by the time assets are processed.
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.resolve(compiler.context, this.tables);
        for (const lang of ["en", ...this.locales]) compilation.fileDependencies.add(path.join(dir, lang, "functions.json"));
        const asset = compilation.getAsset(this.source);
        if (!asset) {
          compilation.errors.push(
            new WebpackError(
              `${PLUGIN}: ${this.source} is not in the compilation; add CustomFunctionsMetadataPlugin before this plugin and fix its errors first.`,
            ),
          );
          return;
        }
        try {
          const metadata = JSON.parse(asset.source.source().toString());
          const localized = buildLocalizedMetadata(metadata, dir, this.locales);
          for (const lang of this.locales) {
            compilation.emitAsset(this.fileName(lang), new sources.RawSource(JSON.stringify(localized[lang], null, 4)));
          }
        } catch (e) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
    });
  }
}

// Both `require(...)` and `require(...).LocalizedFunctionsMetadataPlugin` give the plugin class.
module.exports = LocalizedFunctionsMetadataPlugin;
Object.assign(module.exports, {
  LocalizedFunctionsMetadataPlugin,
  buildLocalizedMetadata,
  localize,
  checkReference,
  functionEntries,
  VALID_NAME,
  CELL_ADDRESS,
  CELL_PART,
});
