/** Median of a few timed runs after a warm-up: figures to read, never asserted. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export function measure(name: string, run: () => void, repeats = 7): Figure {
  run(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, value: times[Math.floor(times.length / 2)], unit: "ms" };
}

export function print(figures: readonly Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const value = f.unit === "×" ? f.value.toFixed(2) : f.unit === "ms" || f.unit === "µs" ? f.value.toFixed(3) : f.value.toFixed(1);
    console.log(`${f.name.padEnd(width)}  ${value} ${f.unit}`);
  }
}
