/**
 * Locking a framework set from the pane in Excel: the Parameters and Criteria sheets protected through Office.js
 * (worksheet.protection) with an optional password, the set's local values left editable, unprotecting with
 * the wrong password refused with Office's message and both sheets left as they were, a workbook written
 * before criteria (no Criteria sheet) still locked on its Parameters sheet, and nothing to protect before the
 * template is written.
 */
import { fakeRun, type FakeBook } from "../host/fakeExcel";
import { ExcelHost } from "../../src/host/ExcelHost";
import { DEFAULT_PARAMETERS } from "../../src/model";
import { planBook } from "../host/planBook";
import { host, loaded, templateBook } from "../host/templateBook";

/** The computers template as the writer leaves it, with its Criteria sheet. */
const criteriaBook = (): FakeBook => planBook({ template: "computers", parameters: DEFAULT_PARAMETERS, language: "en" });
const CRITERIA = "LCC Criteria";
/** Lock as the pane does for a set whose local value is the electricity price. */
const lock = (h: ExcelHost, password?: string) => h.protectParameters(true, { password, editable: ["electricityPricePerKWh"] });
/** That workbook with both sheets protected, each with its password. */
const lockedBook = (parameters: string, criteria: string): FakeBook => ({
  ...criteriaBook(),
  protection: { protected: true, password: parameters },
  sheetProtection: { [CRITERIA]: { protected: true, password: criteria } },
});

describe("ExcelHost.protectParameters", () => {
  it("protects the Parameters and Criteria sheets with the password, leaving the local values' cells open", async () => {
    const book = criteriaBook();
    expect(Object.keys(book.sheets ?? {})).toContain(CRITERIA);
    const { host: h, rec } = host(book);
    await loaded(h);
    const syncs = rec.syncs;
    expect(await lock(h, "s3cret")).toEqual({ kind: "done", protected: true, criteria: true });
    // Both sheets' state in one sync, both changes in the next.
    expect(rec.syncs - syncs).toBe(2);
    expect(book.protection).toEqual({ protected: true, password: "s3cret" });
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: true, password: "s3cret" } });
    expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
    expect(rec.protections).toEqual([
      { sheet: "Parameters", call: "protect", password: "s3cret" },
      { sheet: CRITERIA, call: "protect", password: "s3cret" },
    ]);
    // Protecting again is not an error (Office's protect would fail on a protected sheet: it is not called).
    expect(await h.protectParameters(true, { password: "s3cret" })).toEqual({ kind: "done", protected: true, criteria: true });
    expect(rec.protections).toHaveLength(2);

    // Unprotected with the same password: the Criteria sheet first.
    expect(await h.protectParameters(false, { password: "s3cret" })).toEqual({ kind: "done", protected: false, criteria: true });
    expect(book.protection).toEqual({ protected: false });
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: false } });
    expect(rec.protections.slice(2)).toEqual([
      { sheet: CRITERIA, call: "unprotect", password: "s3cret" },
      { sheet: "Parameters", call: "unprotect", password: "s3cret" },
    ]);
  });

  it("protects only the sheet still open (a workbook locked when only the Parameters sheet was)", async () => {
    const book = { ...criteriaBook(), protection: { protected: true, password: "s3cret" } };
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await lock(h, "s3cret")).toEqual({ kind: "done", protected: true, criteria: true });
    expect(rec.protections).toEqual([{ sheet: CRITERIA, call: "protect", password: "s3cret" }]);
    // The Parameters sheet is protected already: its cells are not touched.
    expect(rec.unlocked).toEqual([]);
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: true, password: "s3cret" } });
  });

  it("refuses a wrong password with Office's message, both sheets still protected", async () => {
    const book = lockedBook("s3cret", "s3cret");
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await h.protectParameters(false, { password: "guess" })).toEqual({
      kind: "failed",
      message: "InvalidPassword: the password is not correct",
    });
    expect(book.protection).toEqual({ protected: true, password: "s3cret" });
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: true, password: "s3cret" } });
    // Office stops at the refused command: the Parameters sheet was not asked.
    expect(rec.protections).toEqual([{ sheet: CRITERIA, call: "unprotect", password: "guess" }]);
  });

  it("protects the Criteria sheet again when the Parameters sheet refuses the password that opened it", async () => {
    // Passwords set apart in Excel (Review › Protect Sheet): the one typed opens the Criteria sheet only.
    const book = lockedBook("other", "s3cret");
    const { host: h, rec } = host(book);
    await loaded(h);
    const syncs = rec.syncs;
    expect(await h.protectParameters(false, { password: "s3cret" })).toEqual({
      kind: "failed",
      message: "InvalidPassword: the password is not correct",
    });
    expect(book.protection).toEqual({ protected: true, password: "other" });
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: true, password: "s3cret" } });
    expect(rec.protections).toEqual([
      { sheet: CRITERIA, call: "unprotect", password: "s3cret" },
      { sheet: "Parameters", call: "unprotect", password: "s3cret" },
      { sheet: CRITERIA, call: "protect", password: "s3cret" },
    ]);
    // The state read, then (the refused command fails at its call in this fake, at the sync in Office) two more
    // syncs on this path only: the sheets' state read again, the Criteria sheet set back.
    expect(rec.syncs - syncs).toBe(3);
  });

  it("leaves the Criteria sheet open when the set lets the participant set the criteria", async () => {
    const book = criteriaBook();
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await h.protectParameters(true, { editable: ["criteria"] })).toEqual({ kind: "done", protected: true, criteria: false });
    expect(rec.protections).toEqual([{ sheet: "Parameters", call: "protect", password: undefined }]);
    expect(book.sheetProtection).toBeUndefined();
  });

  it("locks the Parameters sheet of a workbook written before criteria (no Criteria sheet), with a password", async () => {
    const book = templateBook();
    expect(book.sheets).toBeUndefined();
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await lock(h, "s3cret")).toEqual({ kind: "done", protected: true, criteria: false });
    expect(book.protection).toEqual({ protected: true, password: "s3cret" });
    expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
    expect(rec.protections).toEqual([{ sheet: "Parameters", call: "protect", password: "s3cret" }]);
    expect(await h.protectParameters(false, { password: "guess" })).toEqual({
      kind: "failed",
      message: "InvalidPassword: the password is not correct",
    });
    expect(book.protection?.protected).toBe(true);
    expect(await h.protectParameters(false, { password: "s3cret" })).toEqual({ kind: "done", protected: false, criteria: false });
    expect(book.protection).toEqual({ protected: false });
  });

  it("protects without a password, and says when there is no comparison in the workbook yet", async () => {
    const book = criteriaBook();
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await h.protectParameters(true)).toEqual({ kind: "done", protected: true, criteria: true });
    expect(rec.protections).toEqual([
      { sheet: "Parameters", call: "protect", password: undefined },
      { sheet: CRITERIA, call: "protect", password: undefined },
    ]);
    expect(book.sheetProtection).toEqual({ [CRITERIA]: { protected: true, password: undefined } });

    const { run } = fakeRun({ names: {}, tables: {} });
    const empty = new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: host(templateBook()).w, saveDelayMs: 0 });
    await empty.load();
    expect(await empty.protectParameters(true)).toEqual({ kind: "notWritten" });
  });
});
