// The office-addin-* tools read their telemetry switch from ~/office-addin-usage-data.json
// ({"usageDataInstances": {"<group>": {"usageDataLevel": "off"}}}, the file `office-addin-usage-data off`
// writes). The versions we use are already no-ops, but older copies (e.g. fetched by npx) would report to
// Microsoft: we switch every group off before running any of them. Runnable alone: node scripts/usage-data-off.mjs
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const USAGE_DATA_FILE = join(homedir(), "office-addin-usage-data.json");
const GROUP = "office-addin-usage-data"; // default group of every office-addin-* tool

/** Ensures all usage-data groups in `file` are "off"; returns true when the file had to change. */
export function disableOfficeAddinUsageData(file = USAGE_DATA_FILE) {
  let data = {};
  if (existsSync(file)) {
    try {
      data = JSON.parse(readFileSync(file, "utf8")) ?? {};
    } catch {
      data = {}; // unreadable settings would make the tools fall back to their defaults: replace them
    }
  }
  const instances = (data.usageDataInstances ??= {});
  instances[GROUP] ??= {};
  let changed = false;
  for (const group of Object.values(instances)) {
    if (group && typeof group === "object" && group.usageDataLevel !== "off") {
      group.usageDataLevel = "off";
      changed = true;
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(data, null, 2));
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  disableOfficeAddinUsageData();
  console.log(`office-addin usage data: off (${USAGE_DATA_FILE})`);
}
