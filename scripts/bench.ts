/** `npm run bench`: performance figures, printed, never asserted (unit tests do not time things). */
import { benchBidForms, benchLargeForm } from "./bench/bidforms";
import { benchBrowser } from "./bench/browser";
import { benchCriteria } from "./bench/criteria";
import { benchEngine } from "./bench/engine";
import { benchFunctions } from "./bench/functions";
import { print } from "./bench/measure";
import { cliAtScale, monteCarloAtScale } from "./bench/scale";

print([...benchEngine(), ...benchFunctions(), monteCarloAtScale(), ...benchCriteria()]);

// Issue 13's scale targets for the CLI (child processes; a few minutes on a loaded machine).
const cli = cliAtScale();
console.log("");
print(cli.figures);
for (const note of cli.notes) console.log(`note: ${note}`);

// Returned bid forms (issue 10), then the task pane in headless Chromium: needs the production build (`npm run build`).
benchBidForms()
  .then(async (figures) => {
    console.log("");
    print([...figures, ...(await benchLargeForm())]);
  })
  .then(benchBrowser)
  .then(
    ({ figures, notes }) => {
      console.log("");
      print(figures);
      for (const note of notes) console.log(`note: ${note}`);
    },
    (error: unknown) => {
      console.error(`bid-form or browser bench failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
