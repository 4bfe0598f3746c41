// Writes assets/icon-{16,32,64,80}.png: a green disc with a light leaf. Run once (`node scripts/make-icons.mjs`);
// the PNGs are committed, so builds need no image tooling. Pure node + zlib, anti-aliased by 4x4 supersampling.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

// Colour of a point in unit coordinates (0..1), or null for transparent.
const GREEN = [16, 124, 65]; // Excel-like green
const LEAF = [220, 242, 222];
function shade(x, y) {
  const dx = x - 0.5,
    dy = y - 0.5;
  if (dx * dx + dy * dy > 0.47 * 0.47) return null;
  // Leaf: intersection of two discs (a vesica) tilted 45°, with a green midrib.
  const u = (dx + dy) / Math.SQRT2,
    v = (dy - dx) / Math.SQRT2;
  const inLeaf = u * u + (v - 0.22) ** 2 < 0.38 ** 2 && u * u + (v + 0.22) ** 2 < 0.38 ** 2;
  if (inLeaf && !(Math.abs(v) < 0.018 && u > -0.26)) return LEAF;
  return GREEN;
}

function png(size) {
  const S = 4,
    raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw.set(a ? [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (S * S))] : [0, 0, 0, 0], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL("../assets/", import.meta.url), { recursive: true });
for (const size of [16, 32, 64, 80]) {
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
  console.log(`assets/icon-${size}.png`);
}
