// Build for the Excel add-in (shared runtime) and the standalone browser wizard.
// Plain CommonJS on purpose: webpack-cli 7 would need Node >= 22 to transpile a TypeScript config.
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedFunctionsMetadataPlugin } = require("./scripts/functions-locales.cjs");
const { normalisePublicUrl, rewriteManifestUrls, setManifestVersion } = require("./scripts/manifest-url.cjs");
const { version } = require("./package.json");

const DIST = path.resolve(__dirname, "dist");
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";
const NAMES_MODULE = path.resolve(__dirname, "src/functions/names.ts");
const CRITERIA_WORDS_MODULE = path.resolve(__dirname, "src/i18n/criteriaWords.ts");

/** Copies manifest.xml to dist with <Version> from package.json; a production build with ADDIN_PUBLIC_URL
 *  points every URL at that host. */
function manifestTransform(mode, publicUrl = process.env.ADDIN_PUBLIC_URL, packageVersion = version) {
  return (content) => {
    const xml = setManifestVersion(content.toString("utf8"), packageVersion);
    return mode === "production" && publicUrl ? rewriteManifestUrls(xml, publicUrl) : xml;
  };
}

/** HTTPS for the dev server: the certificates scripts/start.mjs prepared (ADDIN_CERT_DIR, default .certs/),
 *  else webpack-dev-server's own self-signed certificate (fine for curl -k, not trusted by Office). */
function httpsServer() {
  const dir = process.env.ADDIN_CERT_DIR || path.resolve(__dirname, ".certs");
  const file = (name) => path.join(dir, name);
  if (!["ca.crt", "localhost.crt", "localhost.key"].every((name) => fs.existsSync(file(name)))) return "https";
  return { type: "https", options: { ca: file("ca.crt"), cert: file("localhost.crt"), key: file("localhost.key") } };
}

module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  if (!dev && process.env.ADDIN_PUBLIC_URL) normalisePublicUrl(process.env.ADDIN_PUBLIC_URL); // fail fast on a bad URL
  return {
    mode,
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: DIST, filename: "[name].js", clean: true },
    // eval-based source maps would be blocked by our CSP; production ships none.
    devtool: dev ? "source-map" : false,
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Production type-checks what it bundles (not tests); dev rebuilds stay fast.
          options: { transpileOnly: dev, onlyCompileBundledFiles: true, compilerOptions: { sourceMap: dev } },
        },
        {
          // names.ts needs only the function names of the tables: keeps descriptions out of functions.js.
          test: /[\\/]functions\.json$/,
          issuer: NAMES_MODULE,
          loader: require.resolve("./scripts/function-names-loader.cjs"),
        },
        {
          // criteriaWords.ts needs only the names and yes/no words: keeps the criteria wording out of the pane's first download.
          test: /[\\/]criteria\.json$/,
          issuer: CRITERIA_WORDS_MODULE,
          loader: require.resolve("./scripts/criteria-words-loader.cjs"),
        },
      ],
    },
    optimization: {
      // Entry chunks are never split, so functions.js cannot end up sharing a React vendor chunk with the pane.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false }, // sizes are asserted in test/build.test.ts instead
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_ENTRY }),
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"], // shared runtime: one page registers the functions and shows the pane
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/standalone.html",
        chunks: ["taskpane"], // standalone wizard: no office.js, no custom functions
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(mode) },
        ],
      }),
    ],
    devServer: {
      host: "localhost", // never expose the dev server on the network
      port: Number(process.env.ADDIN_DEV_PORT) || 3000, // the manifest's; another only for the test of npm start
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" }, // Excel fetches functions.json cross-origin
      // Everything is built in memory, assets and manifest included (CopyWebpackPlugin): no folder to serve,
      // so the log does not claim to serve dist/, which a development run never writes.
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

module.exports.manifestTransform = manifestTransform;
