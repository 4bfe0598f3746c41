/** scripts/tender-cli.ts: its command line, a run that writes the annex, and parameters refused by JSON path. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { TENDER_USAGE, parseTenderArgs } from "../../scripts/tender-args";

const ROOT = resolve(__dirname, "../..");

describe("tender CLI arguments", () => {
  it("reads the group, the parameters, the language and the output", () => {
    expect(parseTenderArgs(["imaging", "--parameters", "p.json", "--lang", "fr", "--out", "annexe.docx"])).toEqual({
      group: "imaging",
      parameters: "p.json",
      language: "fr",
      out: "annexe.docx",
    });
    expect(parseTenderArgs(["computers", "--out", "a.docx"])).toEqual({
      group: "computers",
      parameters: undefined,
      language: "en",
      out: "a.docx",
    });
  });

  it.each([[["circular", "--out", "x.docx"]], [["computers"]], [["--out", "x.docx"]]])("answers %j with the usage", (argv) => {
    expect(() => parseTenderArgs(argv)).toThrow(new Error(TENDER_USAGE));
  });

  it("names what is wrong: an unknown option, an extra argument, a language", () => {
    expect(() => parseTenderArgs(["computers", "--bids", "b.csv", "--out", "x.docx"])).toThrow("Unknown option '--bids'");
    expect(() => parseTenderArgs(["computers", "imaging", "--out", "x.docx"])).toThrow("unexpected argument imaging");
    expect(() => parseTenderArgs(["computers", "--lang", "de", "--out", "x.docx"])).toThrow(new Error("--lang must be one of en, nl, fr"));
  });
});

describe("tender CLI run", () => {
  const work = mkdtempSync(join(tmpdir(), "tender-cli-"));
  const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/tender-cli.ts", ...args], { cwd: ROOT, encoding: "utf8" });

  it("writes the Dutch annex for the example parameters", async () => {
    const out = join(work, "bestek-bijlage.docx");
    const cli = run("computers", "--parameters", "examples/parameters.json", "--lang", "nl", "--out", out);
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`Wrote ${out}: tender annex for computers, language nl`);
    const document = await (await JSZip.loadAsync(readFileSync(out))).file("word/document.xml")!.async("string");
    expect(document).toContain("Bijlage bij het bestek: gunningscriteria");
    expect(document).toContain("LCC-punten = 40 × laagste LCC / LCC van de offerte");
  });

  it("names a setting still to be entered, and a parameter that breaks a rule by its JSON path", () => {
    const out = join(work, "annex.docx");
    const unset = run("imaging", "--lang", "en", "--out", out);
    expect(unset.status).toBe(0);
    expect(unset.stderr).toContain("Not set, written as such in the annex: electricityPricePerKWh");
    expect(unset.stderr).toContain("Not set, written as such in the annex: monoPagesPerYear");

    const rate = join(work, "rate.json");
    writeFileSync(rate, JSON.stringify({ discountRate: 4 }));
    const refused = run("computers", "--parameters", rate, "--lang", "nl", "--out", join(work, "never.docx"));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `${rate}: discountRate is 4, meer dan 100 %: percentages zijn fracties, typ dus 0,04 of 4 % voor 4 %.`,
    );
    const unknown = join(work, "unknown.json");
    writeFileSync(unknown, JSON.stringify({ colour: "red" }));
    expect(run("computers", "--parameters", unknown, "--out", join(work, "never.docx")).stderr).toContain(
      `${unknown}: colour is not a parameter; known: parameterSetName,`,
    );
    expect(existsSync(join(work, "never.docx"))).toBe(false);
  });
});
