/**
 * The scale targets of issue 13, printed with their targets, never asserted: the Monte Carlo ranking of
 * 1 000 offers, and the CLI with 2 000, 20 000 (its limit) and 100 000 offer rows (peak memory from /usr/bin/time,
 * where the machine has it). The CLI runs as a child process, as a procurer would run it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { rankingProbability } from "../../src/engine/sensitivity";
import { comparisonPricing, defaultRanges } from "../../src/model/uncertainty";
import { MAX_XLSX_OFFERS } from "../../src/templates/xlsx/writeXlsx";
import { randomComputerBids } from "../../test/fixtures/randomBids";
import { PARAMETERS } from "../../test/e2e/support/comparison";
import { type Figure, measure } from "./measure";

const ROOT = resolve(__dirname, "../..");
const TIME = "/usr/bin/time";

export function monteCarloAtScale(): Figure {
  const bids = randomComputerBids(1000, 11, false);
  const pricing = comparisonPricing(PARAMETERS, bids, "computers", "lcc", defaultRanges(PARAMETERS));
  return measure(
    "Monte Carlo 10 000 draws × 1 000 offers, Node (target ≤ 2 s in the pane's worker)",
    () => rankingProbability(pricing, 10_000, 20240401),
    3,
  );
}

const HEADER =
  "Supplier;Product;Device type;Condition;Quantity;Price;Installation;TEC kWh per year;Annual maintenance;Residual value;Embodied kg CO2e;Service life years;Quality points";

export function offersCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Supplier ${i};Model ${i % 997};notebook;new;${1 + (i % 50)};${600 + (i % 900)};20;${15 + (i % 40)};${10 + (i % 7)};${50 + (i % 60)};${200 + (i % 100)};${3 + (i % 4)};${i % 40}`,
    );
  return lines.join("\n");
}

/** One CLI run: wall time, peak memory (KB) and whether it wrote a workbook or refused. */
function cliRun(dir: string, rows: number): { seconds: number; peakMB: number | null; outcome: string } {
  const csv = join(dir, `bids-${rows}.csv`);
  const out = join(dir, `out-${rows}.xlsx`);
  writeFileSync(csv, offersCsv(rows));
  const args = ["--import", "tsx", join(ROOT, "scripts/template-cli.ts"), "computers", "--bids", csv, "--out", out];
  const timed = existsSync(TIME);
  const start = performance.now();
  const run = timed
    ? spawnSync(TIME, ["-f", "peak-rss-kb %M", process.execPath, ...args], { cwd: ROOT, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  const peak = /peak-rss-kb (\d+)/.exec(run.stderr ?? "");
  const outcome =
    run.status === 0 && existsSync(out)
      ? "workbook"
      : /holds at most/.test(run.stderr ?? "")
        ? "refused (too many offers)"
        : `failed (${run.status})`;
  return { seconds, peakMB: peak ? Number(peak[1]) / 1024 : null, outcome };
}

export function cliAtScale(rowsList: readonly number[] = [...new Set([2_000, MAX_XLSX_OFFERS, 20_000, 100_000])]): {
  figures: Figure[];
  notes: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), "lcc-bench-cli-"));
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    for (const rows of rowsList) {
      const r = cliRun(dir, rows);
      figures.push({ name: `CLI, ${rows} offer rows → ${r.outcome}, wall time (target: 20 000 rows ≤ 60 s)`, value: r.seconds, unit: "s" });
      if (r.peakMB !== null)
        figures.push({ name: `CLI, ${rows} offer rows, peak memory (target < 1 024 MB)`, value: r.peakMB, unit: "MB" });
      else notes.push(`CLI ${rows} rows: no ${TIME}, peak memory not measured`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, notes };
}
