/**
 * A small seeded pseudo-random generator, so a Monte Carlo run can be repeated exactly (tests, an award
 * file that must be reproducible). Math.random cannot be seeded.
 */

/** mulberry32: 32-bit state, uniform floats in [0, 1); plenty for 10 000 draws of a handful of inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Triangular distribution by inverse transform: between low and high, most likely at mode. It needs only
 * the three figures a procurer can state ("between 0.15 and 0.30, probably 0.20").
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const split = (mode - low) / (high - low);
  return u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
