/**
 * Locking a framework set from the pane in Excel: the Parameters sheet protected through Office.js
 * (worksheet.protection) with an optional password, the set's local values left editable, unprotecting with
 * the wrong password refused with Office's message, and nothing to protect before the template is written.
 */
import { fakeRun } from "../host/fakeExcel";
import { ExcelHost } from "../../src/host/ExcelHost";
import { host, loaded, templateBook } from "../host/templateBook";

describe("ExcelHost.protectParameters", () => {
  it("protects the Parameters sheet with a password, leaving the local values' cells open", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await h.protectParameters(true, { password: "s3cret", editable: ["electricityPricePerKWh"] })).toEqual({
      kind: "done",
      protected: true,
    });
    expect(book.protection).toEqual({ protected: true, password: "s3cret" });
    expect(rec.unlocked).toEqual(["LCC_ElectricityPricePerKWh"]);
    expect(rec.protections).toEqual([{ call: "protect", password: "s3cret" }]);
    // Protecting again is not an error (Office's protect would fail on a protected sheet: it is not called).
    expect(await h.protectParameters(true, { password: "s3cret" })).toEqual({ kind: "done", protected: true });
    expect(rec.protections).toHaveLength(1);
  });

  it("refuses to unprotect with a wrong password, with Office's message, and unprotects with the right one", async () => {
    const book = { ...templateBook(), protection: { protected: true, password: "s3cret" } };
    const { host: h } = host(book);
    await loaded(h);
    expect(await h.protectParameters(false, { password: "guess" })).toEqual({
      kind: "failed",
      message: "InvalidPassword: the password is not correct",
    });
    expect(book.protection.protected).toBe(true);
    expect(await h.protectParameters(false, { password: "s3cret" })).toEqual({ kind: "done", protected: false });
    expect(book.protection).toEqual({ protected: false });
  });

  it("protects without a password, and says when there is no comparison in the workbook yet", async () => {
    const book = templateBook();
    const { host: h, rec } = host(book);
    await loaded(h);
    expect(await h.protectParameters(true)).toEqual({ kind: "done", protected: true });
    expect(rec.protections).toEqual([{ call: "protect", password: undefined }]);

    const { run } = fakeRun({ names: {}, tables: {} });
    const empty = new ExcelHost({ run, locale: "en-GB", language: "en", theme: "light", writers: host(templateBook()).w, saveDelayMs: 0 });
    await empty.load();
    expect(await empty.protectParameters(true)).toEqual({ kind: "notWritten" });
  });
});
