/**
 * Test helper: cells typed by LibreOffice itself (lofill.py drives soffice headless over UNO), then the
 * file saved as .xlsx by LibreOffice, as a bidder filling the form in Calc would. Needs the system Python
 * with LibreOffice's UNO bridge; missing, the suite fails with the install command, it never skips.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { requireSoffice } from "../templates/libreoffice";

const PYTHON = "/usr/bin/python3";

export interface LibreOfficeFill {
  readonly in: string;
  readonly out: string;
  readonly sheet: string;
  /** A1 address → text (typed as a string) or number. */
  readonly cells: Readonly<Record<string, string | number>>;
}

export function fillWithLibreOffice(jobs: readonly LibreOfficeFill[]): void {
  requireSoffice();
  const probe = spawnSync(PYTHON, ["-c", "import uno"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0)
    throw new Error("LibreOffice's Python bridge is required to type into a form with LibreOffice: `apt-get install -y python3-uno`.");
  const dir = mkdtempSync(join(tmpdir(), "lofill-"));
  const jobsFile = join(dir, "jobs.json");
  writeFileSync(jobsFile, JSON.stringify(jobs));
  const run = spawnSync(PYTHON, [join(__dirname, "lofill.py"), jobsFile, pathToFileURL(join(dir, "profile")).href], {
    encoding: "utf8",
    timeout: 240_000,
  });
  const missing = jobs.filter((j) => !existsSync(j.out)).map((j) => j.out);
  if (run.status !== 0 || missing.length)
    throw new Error(`LibreOffice fill failed (status ${run.status}): ${run.stderr}\nmissing: ${missing.join(", ")}`);
}
