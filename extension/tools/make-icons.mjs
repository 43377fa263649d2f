// make-icons.mjs — draws the toolbar icons (a speech bubble with a lens dot on
// a violet-to-blue rounded square) as PNGs with no dependencies:
//   node extension/tools/make-icons.mjs   (writes extension/icons/icon-{16,32,48,128}.png)
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
                        chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Signed distances in a 0..1 square.
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r, qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const tri = (x, y) => { // bubble tail, pointing down-left
  const inside = x > 0.28 && x < 0.44 && y > 0.62 && y < 0.80 && (y - 0.62) < (0.44 - x) * 1.15;
  return inside ? -1 : 1;
};

function shade(x, y) {
  // background: rounded square with a diagonal gradient
  if (roundRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.22) > 0) return [0, 0, 0, 0];
  const t = (x + y) / 2;
  let c = [91 + (47 - 91) * t, 69 + (128 - 69) * t, 194 + (237 - 194) * t, 255];
  const bubble = roundRect(x, y, 0.5, 0.46, 0.30, 0.22, 0.14) <= 0 || tri(x, y) < 0;
  if (bubble) c = [255, 255, 255, 255];
  // three dots: red, violet, green = the mention types
  const dots = [[0.36, [217, 45, 32]], [0.5, [91, 69, 194]], [0.64, [18, 135, 90]]];
  for (const [dx, col] of dots) if (circle(x, y, dx, 0.46, 0.055) <= 0) c = [...col, 255];
  return c;
}

for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
        r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
      }
      const i = (py * size + px) * 4;
      buf[i] = a ? Math.round(r / a) : 0;
      buf[i + 1] = a ? Math.round(g / a) : 0;
      buf[i + 2] = a ? Math.round(b / a) : 0;
      buf[i + 3] = Math.round(a / (ss * ss));
    }
  }
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png(size, buf));
}
