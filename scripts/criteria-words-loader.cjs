/**
 * Webpack loader: a src/i18n/<lang>/criteria.json table reduced to the words src/i18n/criteriaWords.ts reads
 * (criterion names, yes/no, the "none" and "equivalent" labels).
 *
 * Reading a saved comparison or an offer's answers needs those words in all three languages before the pane
 * shows anything; the questions, sources, reasons and settings problems are for the Criteria, Offers and
 * Results steps, which import the whole tables in their own chunks. webpack.config.js applies this loader only
 * to the tables criteriaWords.ts imports.
 */
const CRITERIA_WORD = /^(criterion\.[A-Za-z]+\.name|answer\.(yes|no|yesAlso|noAlso)|label\.(none|equivalent))$/;

module.exports = function criteriaWordsLoader(source) {
  const table = JSON.parse(source);
  return JSON.stringify(Object.fromEntries(Object.entries(table).filter(([key]) => CRITERIA_WORD.test(key))));
};
module.exports.CRITERIA_WORD = CRITERIA_WORD;
