/**
 * Webpack loader: a src/i18n/<lang>/functions.json table reduced to { ID: { name } }.
 *
 * src/functions/names.ts needs only each function's localised name (error messages name the function as
 * the user typed it); imported whole, the three tables put every description, purpose and example into
 * functions.js. webpack.config.js applies this loader only to the tables names.ts imports, so the pane
 * still gets the full tables and the tables stay the one source of the names.
 */
const { functionEntries } = require("./functions-locales.cjs");

module.exports = function functionNamesLoader(source) {
  const table = JSON.parse(source);
  return JSON.stringify(Object.fromEntries(functionEntries(table).map(([id, entry]) => [id, { name: entry.name }])));
};
