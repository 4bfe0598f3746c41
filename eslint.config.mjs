// ESLint 9 flat config: `npm run lint` = eslint src test scripts.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default defineConfig(
  { ignores: ["dist/**", "coverage/**", "test-artifacts/**", "node_modules/**"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter kept for an interface or a documented position.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  { files: ["src/**"], languageOptions: { globals: globals.browser } },
  { files: ["test/**", "scripts/**", "*.{js,mjs,cjs}"], languageOptions: { globals: globals.node } },
  {
    // CommonJS by design (webpack config, build plugins): require() is the module system here.
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js", "test/support/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Office.js correctness rules from eslint-plugin-office-addins. Its own "recommended" preset also
    // bundles prettier formatting and a second copy of the typescript-eslint plugin, so we take the rules only.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
);
