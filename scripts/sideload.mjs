// Sideloads manifest.xml into Excel desktop (Windows/macOS) with office-addin-dev-settings.
// Used by scripts/start.mjs; runnable alone: node scripts/sideload.mjs
//
// Not a devDependency on purpose: every release of office-addin-dev-settings has a peer dependency on
// @microsoft/m365agentstoolkit-cli, whose keytar dependency fails to build on Linux and rolls back the whole
// `npm install`. The peer is only used for JSON manifests, so we fetch a pinned version on demand with
// --legacy-peer-deps (4.0.0 also needs `semver`, which it does not declare).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { disableOfficeAddinUsageData } from "./usage-data-off.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ARGS = ["exec", "--yes", "--legacy-peer-deps", "--package=office-addin-dev-settings@4.0.0", "--package=semver@7",
  "--", "office-addin-dev-settings", "sideload", "manifest.xml", "desktop", "--app", "excel"];

/** Resolves when Excel was launched with the add-in; rejects with the tool's message otherwise. */
export function sideloadExcelDesktop() {
  disableOfficeAddinUsageData();
  return new Promise((resolve, reject) => {
    const win = process.platform === "win32";
    // Windows needs a shell for npm.cmd; the arguments are fixed and contain no spaces.
    const child = spawn(win ? "npm.cmd" : "npm", ARGS, { cwd: ROOT, shell: win, stdio: ["inherit", "pipe", "pipe"] });
    let output = "";
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on("data", echo(process.stdout));
    child.stderr.on("data", echo(process.stderr));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      // The CLI prints "Error: ..." but still exits 0 when sideloading fails: check both.
      const error = /^Error: (.*)$/m.exec(output)?.[1];
      if (code === 0 && !error) resolve();
      else reject(new Error(error ?? `office-addin-dev-settings exited with ${signal ?? code}`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  sideloadExcelDesktop().catch((err) => {
    console.error(`Sideloading failed: ${err.message}`);
    process.exit(1);
  });
}
