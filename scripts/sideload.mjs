// Sideloads manifest.xml into Excel desktop, the way Office itself looks for developer add-ins:
//   Windows: a value under HKCU\Software\Microsoft\Office\16.0\WEF\Developer pointing at the manifest;
//   macOS:   a copy of the manifest in Excel's container folder Documents/wef.
// A few lines of our own instead of office-addin-dev-settings, whose peer chain (keytar) breaks
// `npm install` and which would have to be downloaded at start time. Runnable alone: node scripts/sideload.mjs
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MANIFEST = join(ROOT, "manifest.xml");
const WINDOWS_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const MAC_WEF = join(homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");

/** The add-in's <Id>, used as the registry value name so a second start replaces the first entry. */
function addInId() {
  const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, "utf8"))?.[1];
  if (!id) throw new Error("manifest.xml has no <Id>");
  return id.trim();
}

/** Registers the manifest and opens Excel; throws with the reason when the platform cannot sideload. */
export function sideloadExcelDesktop() {
  if (process.platform === "win32") {
    execFileSync("reg", ["add", WINDOWS_KEY, "/v", addInId(), "/t", "REG_SZ", "/d", MANIFEST, "/f"], { stdio: "inherit" });
    spawn("cmd", ["/c", "start", "", "excel"], { detached: true, stdio: "ignore" }).unref();
  } else if (process.platform === "darwin") {
    mkdirSync(MAC_WEF, { recursive: true });
    copyFileSync(MANIFEST, join(MAC_WEF, `${addInId()}.manifest.xml`));
    spawn("open", ["-a", "Microsoft Excel"], { detached: true, stdio: "ignore" }).unref();
  } else {
    throw new Error(`Excel desktop sideloading needs Windows or macOS (this is ${process.platform})`);
  }
  console.log("Excel is starting; the add-in is under Home > Add-ins (Mac: Insert > My Add-ins > Developer Add-ins).");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    sideloadExcelDesktop();
  } catch (err) {
    console.error(`Sideloading failed: ${err.message}`);
    process.exit(1);
  }
}
