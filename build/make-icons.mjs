// Draws the app icon (build/icon.png, 512 px; build/icon.ico, 256 px) without any image tool, so
// anyone can regenerate it: `node build/make-icons.mjs`. The committed files are what packaging
// uses; nothing in the build runs this script.
// The picture: a person behind a counter, white on the Dutch government's dark blue.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const blue = [0x15, 0x42, 0x73];
const white = [0xff, 0xff, 0xff];

/** Coverage of one sample point, in a 1×1 square: 'bg' (tile), 'fg' (figure) or null (outside). */
function sample(x, y) {
  const inRoundedSquare = (left, top, right, bottom, radius) => {
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
  };
  if (!inRoundedSquare(0.04, 0.04, 0.96, 0.96, 0.18)) return null;
  const head = (x - 0.5) ** 2 + (y - 0.33) ** 2 <= 0.11 ** 2;
  const shoulders = y >= 0.49 && y <= 0.62 && (x - 0.5) ** 2 / 0.21 ** 2 + (y - 0.62) ** 2 / 0.16 ** 2 <= 1;
  const counter = inRoundedSquare(0.16, 0.64, 0.84, 0.74, 0.03);
  return head || shoulders || counter ? 'fg' : 'bg';
}

function draw(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px += 1) {
      let fg = 0;
      let bg = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const hit = sample((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (hit === 'fg') fg += 1;
          else if (hit === 'bg') bg += 1;
        }
      }
      const covered = fg + bg;
      const offset = 1 + px * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        row[offset + channel] = covered === 0 ? 0 : Math.round((white[channel] * fg + blue[channel] * bg) / covered);
      }
      row[offset + 3] = Math.round((255 * covered) / samples ** 2);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding one 256 px PNG: Windows has read PNG-in-ICO since Vista, and NSIS wants 256 px. */
function ico(pngImage) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(0, 0); // 0 means 256 wide
  entry.writeUInt8(0, 1); // 0 means 256 high
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(pngImage.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, pngImage]);
}

const folder = new URL('./', import.meta.url);
writeFileSync(new URL('icon.png', folder), draw(512));
writeFileSync(new URL('icon.ico', folder), ico(draw(256)));
