/** `npm run bench`: performance figures, printed, never asserted (unit tests do not time things). */
import { benchEngine } from "./bench/engine";
import { print } from "./bench/measure";

print(benchEngine());
