/** scripts/template-cli.ts: its command line (parseArgs) and how a bad one ends the run. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { USAGE, parseTemplateArgs } from "../../scripts/template-args";

const ROOT = resolve(__dirname, "../..");

describe("template CLI arguments", () => {
  it("reads the kind, the files, the language and the lock", () => {
    expect(
      parseTemplateArgs(["imaging", "--bids", "b.csv", "--parameters", "p.json", "--lang", "nl", "--lock-parameters", "--out", "x.xlsx"]),
    ).toEqual({
      kind: "imaging",
      out: "x.xlsx",
      language: "nl",
      lockParameters: true,
      miniCompetition: false,
      numberLocale: undefined,
      bids: "b.csv",
      inputs: undefined,
      parameters: "p.json",
    });
  });

  it("defaults to English, unlocked, with no input files", () => {
    expect(parseTemplateArgs(["circular", "--out", "c.xlsx"])).toEqual({
      kind: "circular",
      out: "c.xlsx",
      language: "en",
      lockParameters: false,
      miniCompetition: false,
      numberLocale: undefined,
      bids: undefined,
      inputs: undefined,
      parameters: undefined,
    });
  });

  it("reads --mini-competition", () => {
    expect(parseTemplateArgs(["computers", "--parameters", "set.json", "--mini-competition", "--out", "x.xlsx"]).miniCompetition).toBe(
      true,
    );
  });

  it("takes the last of a repeated option", () => {
    expect(parseTemplateArgs(["computers", "--out", "a.xlsx", "--out", "b.xlsx"]).out).toBe("b.xlsx");
  });

  it.each([
    [["computers", "--colour", "red", "--out", "x.xlsx"], `Unknown option '--colour'`],
    [["computers", "--out"], `Option '--out <value>' argument missing`],
    [["computers", "--lock-parameters=yes", "--out", "x.xlsx"], `Option '--lock-parameters' does not take an argument`],
    [["computers", "extra", "--out", "x.xlsx"], "unexpected argument extra"],
  ])("refuses %j with the reason and the usage", (argv, reason) => {
    expect(() => parseTemplateArgs(argv)).toThrow(reason);
    expect(() => parseTemplateArgs(argv)).toThrow(USAGE);
  });

  it.each([[["--out", "x.xlsx"]], [["laptops", "--out", "x.xlsx"]], [["computers"]]])("answers %j with the usage alone", (argv) => {
    expect(() => parseTemplateArgs(argv)).toThrow(new Error(USAGE));
  });

  it("names the languages when --lang is not one", () => {
    expect(() => parseTemplateArgs(["computers", "--lang", "de", "--out", "x.xlsx"])).toThrow(
      new Error("--lang must be one of en, nl, fr"),
    );
  });
});

describe("template CLI run", () => {
  it("exits 1 on an unknown option, says which, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "template-cli-")), "t.xlsx");
    const cli = spawnSync("npx", ["tsx", "scripts/template-cli.ts", "computers", "--bid", "bids.csv", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("Unknown option '--bid'");
    expect(cli.stderr).toContain(USAGE);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses --mini-competition without a set published with its awarded offers, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "template-cli-")), "t.xlsx");
    const args = [
      "tsx",
      "scripts/template-cli.ts",
      "computers",
      "--parameters",
      "examples/parameters.json",
      "--mini-competition",
      "--out",
      out,
    ];
    const cli = spawnSync("npx", args, { cwd: ROOT, encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      "--mini-competition needs --parameters to be a framework's parameter set published with its awarded offers",
    );
    expect(existsSync(out)).toBe(false);
  });
});
