// `npm start`: development build + https dev server on https://localhost:3000 (localhost only).
//   Windows/macOS: trusted dev certificates (office-addin-dev-certs, may prompt once), then sideload
//                  manifest.xml into Excel desktop with office-addin-dev-settings.
//   Linux/other:   project-local certificates in .certs/ (no sudo), then print how to use the add-in.
// Every failure prints what went wrong and exits non-zero; Ctrl-C, SIGTERM, SIGHUP or the end of the npm
// process that started it stop the server (scripts/lifetime.mjs).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopOnExit } from "./lifetime.mjs";
import { sideloadExcelDesktop } from "./sideload.mjs";
import { disableOfficeAddinUsageData } from "./usage-data-off.mjs";

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MANIFEST = join(ROOT, "manifest.xml");
const DESKTOP = process.platform === "win32" || process.platform === "darwin";
/** The manifest expects 3000; ADDIN_DEV_PORT is for the test of this script, which must not take 3000. */
const PORT = Number(process.env.ADDIN_DEV_PORT) || 3000;
const URL_ = `https://localhost:${PORT}/`;

function fail(what, err) {
  console.error(`\nnpm start failed: ${what}`);
  if (err) console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

/** Linux: generate (no sudo, no trust store) into .certs/, reusing valid ones. */
const localCertificates = () => require("./certs.cjs").localCertificates(join(ROOT, ".certs"));

/** Windows/macOS: certificates trusted by the OS, which Excel desktop requires. */
async function trustedCertificates() {
  const certs = require("office-addin-dev-certs");
  await certs.ensureCertificatesAreInstalled();
  return require("office-addin-dev-certs/lib/defaults").certificateDirectory;
}

function printLinuxHelp(certDir) {
  console.log(`
Circular ICT is served at ${URL_} (this machine only). Ctrl-C stops it.

  Standalone wizard (any browser, no Microsoft 365):
    ${URL_}index.html

  Excel on the web: open a workbook, then Insert > Add-ins (or Home > Add-ins) > More Add-ins >
  My Add-ins > Upload My Add-in, and choose:
    ${MANIFEST}
  First let your browser trust ${join(certDir, "ca.crt")} (import it as a certificate authority),
  or open ${URL_}index.html once and accept the warning: otherwise Excel shows a blank pane.

  Sideloading into Excel desktop needs Windows or macOS (there, npm start does it for you).
`);
}

/** The dev server once created; stop() closes it (if any) and exits. */
let server;
async function stop(code) {
  if (server) await server.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  // From the start: a signal or the end of npm during the certificates or the first build stops it too.
  stopOnExit(stop);
  disableOfficeAddinUsageData(); // before any office-addin-* code runs
  if (!existsSync(MANIFEST)) fail(`${MANIFEST} is missing`);

  let certDir;
  try {
    certDir = DESKTOP ? await trustedCertificates() : await localCertificates();
  } catch (err) {
    fail("could not prepare the https development certificates", err);
  }
  process.env.ADDIN_CERT_DIR = certDir; // read by webpack.config.js

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require("../webpack.config.js")({ WEBPACK_SERVE: true }, { mode: "development" });
  let compiler;
  try {
    compiler = webpack(config);
  } catch (err) {
    fail("the webpack configuration is invalid", err);
  }
  // Report every build, so a broken rebuild never goes unnoticed in the console.
  const firstBuild = new Promise((resolve) => {
    compiler.hooks.done.tap("start", (stats) => {
      if (stats.hasErrors() || stats.hasWarnings()) {
        console.error(stats.toString({ all: false, errors: true, warnings: true, colors: true }));
      }
      if (!stats.hasErrors()) console.log(`Build ready (${stats.endTime - stats.startTime} ms).`);
      resolve(stats);
    });
  });

  // We report builds ourselves (above), so the help below is not buried under asset listings.
  server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false, devMiddleware: { stats: "none" } }, compiler);

  try {
    await server.start();
  } catch (err) {
    fail(
      err && err.code === "EADDRINUSE"
        ? `port ${PORT} is in use (another npm start?); the manifest expects https://localhost:3000`
        : "the dev server did not start",
      err,
    );
  }
  if ((await firstBuild).hasErrors()) {
    console.error("\nnpm start failed: the development build has errors (above).");
    await stop(1);
  }

  if (!DESKTOP) return printLinuxHelp(certDir);
  try {
    await sideloadExcelDesktop();
  } catch (err) {
    console.error(
      `\nnpm start failed: sideloading into Excel desktop did not work: ${err.message}\n` +
        `The server is stopped. You can still upload ${MANIFEST} in Excel on the web.`,
    );
    await stop(1);
  }
  console.log("\nExcel opens with Circular ICT on the Home tab. The server keeps running; Ctrl-C stops it.");
}

main().catch((err) => fail("unexpected error", err));
