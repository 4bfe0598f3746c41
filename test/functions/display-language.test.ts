/**
 * Worksheet function messages follow Office's display language: functions.js asks Office once it is ready
 * (Office.context.displayLanguage) and sets the language of its own messages; without Office it keeps the
 * runtime's language.
 */
import { followDisplayLanguage } from "../../src/functions/displayLanguage";
import { setMessageLanguage, toExcelError } from "../../src/functions/errors";

const missingPrice = { kind: "type", argument: "price", rule: "missing" } as const;

/** A stand-in for office.js: onReady runs its callback once "Office" is ready, as the real one does. */
function fakeOffice(displayLanguage: string) {
  let ready: (() => void) | undefined;
  return {
    office: { context: { displayLanguage }, onReady: (cb?: () => void) => void (ready = cb) },
    becomeReady: () => ready?.(),
  };
}

afterEach(() => {
  setMessageLanguage("en");
  delete (globalThis as { Office?: unknown }).Office;
});

test("sets the message language from Office's display language once Office is ready", () => {
  const { office, becomeReady } = fakeOffice("nl-BE");
  followDisplayLanguage(office);
  expect(toExcelError(missingPrice).message).toBe("price is empty: enter a value.");
  becomeReady();
  expect(toExcelError(missingPrice).message).toBe("price is leeg: vul een waarde in.");
});

test("is called when functions.js loads in Excel: French Office gives French messages", async () => {
  const { office, becomeReady } = fakeOffice("fr-FR");
  (globalThis as { Office?: unknown }).Office = office;
  await jest.isolateModulesAsync(async () => {
    // functions.ts and its own errors.ts, loaded as the functions bundle is, with Office present.
    const fresh = await import("../../src/functions/functions");
    const { toExcelError: freshError } = await import("../../src/functions/errors");
    becomeReady();
    expect(freshError(missingPrice).message).toBe("price est vide : saisissez une valeur.");
    expect((fresh.callAsExcel("LCC", [null, 30, 0.2, 5, 0.04]) as { message: string }).message).toBe(
      "price est vide : saisissez une valeur.",
    );
  });
});

test("keeps the runtime's language where there is no Office (a browser page, Node)", () => {
  expect(() => followDisplayLanguage(undefined)).not.toThrow();
  expect(() => followDisplayLanguage({} as never)).not.toThrow();
  expect(toExcelError(missingPrice).message).toBe("price is empty: enter a value.");
});
