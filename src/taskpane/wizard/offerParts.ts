/**
 * Imported offers with their checks, as they cross from a worker to the pane: JSON text in parts of
 * OFFER_PART offers rather than objects. A structured-cloned answer of 10 000 offers (40 fields each) and
 * their checks is rebuilt all at once when the pane first reads it: one task of 16 MB of small objects,
 * then the garbage collector's turn. Strings cross as they are; the pane parses one part per task, and the
 * pane paints and answers input between parts. JSON keeps the checks (strings, finite numbers, booleans,
 * null: what bidFromEntries gives; the tests compare them), except that a flagged offer's `bid: undefined`
 * comes back as no `bid`, which reads the same.
 */
import type { Entries, bidFromEntries } from "../../model/entries";

export type Check = ReturnType<typeof bidFromEntries>;

/** Offers per part: about 1.5 MB of text, a few milliseconds to parse. */
export const OFFER_PART = 1000;

export function packOffers(offers: readonly Entries[], checks: readonly Check[], part = OFFER_PART): string[] {
  const parts: string[] = [];
  for (let i = 0; i < offers.length; i += part)
    parts.push(JSON.stringify({ offers: offers.slice(i, i + part), checks: checks.slice(i, i + part) }));
  return parts;
}

/** A macrotask boundary: what is waiting (paint, a key, a click) runs before the next part. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The offers and checks of `parts`, in order, parsed one part per task. */
export async function unpackOffers(parts: readonly string[]): Promise<{ offers: Entries[]; checks: Check[] }> {
  const offers: Entries[] = [];
  const checks: Check[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) await nextTask();
    const part = JSON.parse(parts[i]) as { offers: Entries[]; checks: Check[] };
    for (const o of part.offers) offers.push(o);
    for (const c of part.checks) checks.push(c);
  }
  return { offers, checks };
}
