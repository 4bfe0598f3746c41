/**
 * LibreOffice headless as the test's spreadsheet engine (TOOLCHAIN.md): a throwaway profile that always
 * recalculates on load, one soffice run converting a batch of .xlsx files, values read back with exceljs.
 * A missing soffice fails the suite with the install command; it never skips.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function requireSoffice(): string {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "LibreOffice is required to prove the template formulas: soffice was not found on PATH. Install it with `apt-get install -y libreoffice-calc-nogui` (.ci/run does).",
    );
  }
  return probe.stdout.trim();
}

/** Recalculates every file in one soffice run; returns the converted paths, in order. */
export function recalculate(files: readonly string[], outDir: string): string[] {
  return convert(files, outDir, "xlsx");
}

/** Prints every file to PDF as LibreOffice does (recalculated first), in one soffice run. */
export const printToPdf = (files: readonly string[], outDir: string): string[] => convert(files, outDir, "pdf");

/** pdftotext and pdftoppm (poppler-utils) read the printouts; missing, the suite fails with the install command. */
export function requirePoppler(): void {
  for (const tool of ["pdftotext", "pdftoppm"]) {
    const probe = spawnSync(tool, ["-v"], { encoding: "utf8" });
    if (probe.error)
      throw new Error(
        `${tool} is required to read the printed workbook: install it with \`apt-get install -y poppler-utils\` (.ci/run does).`,
      );
  }
}

/**
 * One soffice run converting every file to `convertTo` (a format, or a format with its filter options)
 * in outDir, with a throwaway profile; with recalculateOnLoad the profile recalculates every formula on load.
 * Returns the run: callers check what they expect it to have written.
 */
export function sofficeConvert(
  files: readonly string[],
  outDir: string,
  convertTo: string,
  { recalculateOnLoad = false } = {},
): SpawnSyncReturns<string> {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  if (recalculateOnLoad) {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
  }
  return spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      convertTo,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 240_000 },
  );
}

function convert(files: readonly string[], outDir: string, format: "xlsx" | "pdf"): string[] {
  requireSoffice();
  const run = sofficeConvert(files, outDir, format, { recalculateOnLoad: true });
  const outputs = files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/, `.${format}`)));
  const missing = outputs.filter((f) => !existsSync(f));
  if (run.status !== 0 || missing.length) {
    throw new Error(`soffice conversion failed (status ${run.status}): ${run.stderr}\nmissing: ${missing.join(", ")}`);
  }
  return outputs;
}
