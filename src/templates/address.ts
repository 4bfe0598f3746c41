/** A1 addresses. Columns and rows are 0-based in code, 1-based in addresses, as Excel shows them. */

export function columnLetter(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const cellAddress = (col: number, row: number): string => `${columnLetter(col)}${row + 1}`;

export function rangeAddress(col: number, row: number, width: number, height: number): string {
  const start = cellAddress(col, row);
  return width === 1 && height === 1 ? start : `${start}:${cellAddress(col + width - 1, row + height - 1)}`;
}

/** "B5" → "$B$5", "B5:C9" → "$B$5:$C$9". */
export const absolute = (address: string): string => address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** Sheet names in formulas are always quoted: they contain spaces and may contain apostrophes. */
export const sheetRef = (sheetName: string): string => `'${sheetName.replace(/'/g, "''")}'!`;

/** Parses "C12" → { col: 2, row: 11 }. */
export function parseCell(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** Parses "B5:D9" (or a single cell) into its corners and size. */
export function parseRange(address: string): { col: number; row: number; width: number; height: number } {
  const [a, b = a] = address.split(":");
  const start = parseCell(a);
  const end = parseCell(b);
  return { col: start.col, row: start.row, width: end.col - start.col + 1, height: end.row - start.row + 1 };
}
