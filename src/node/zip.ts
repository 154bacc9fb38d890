// A minimal ZIP reader and writer on Node's native zlib, for the build-time decks: pptxgenjs
// writes its package uncompressed through JSZip, and DEFLATE in pure JS (pako) was most of the
// time a ready deck took. zlib does the same work natively, several times faster. Only what a
// PPTX package needs: no ZIP64 (parts and packages stay far below 4 GB), no encryption.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipDirectory } from '../core/deck/stored-zip.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry to write: its bytes, or its text (written as UTF-8). */
export interface ZipInput {
  name: string;
  data: Uint8Array | string;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORE = 0;
const DEFLATE = 8;
// A fixed DOS timestamp (1980-01-01 00:00): the same deck gives the same bytes on every build.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/** Every entry of a ZIP archive, in archive order (stored or deflated entries). */
export const readZip = (bytes: Uint8Array): ZipEntry[] =>
  zipDirectory(bytes).map(({ name, method, raw }) => {
    if (method === STORE) return { name, data: raw };
    if (method === DEFLATE) return { name, data: inflateRawSync(raw) };
    throw new Error(`ZIP entry ${name}: compression method ${method} is not supported`);
  });

/**
 * Tiny parts (a relationship file, a folder) gain nothing from DEFLATE, and each call costs about
 * 20-45 µs of set-up; images are compressed already.
 */
const worthDeflating = (name: string, size: number) =>
  size >= 256 && !/\.(png|jpe?g|gif)$/i.test(name);

/** A part ready to be written: its CRC, its size, how it is stored and the bytes stored. */
interface Packed {
  crc: number;
  size: number;
  method: typeof STORE | typeof DEFLATE;
  body: Uint8Array;
}

// Parts that are the same in every deck of a build (slide master, layouts, theme, logo, their
// relationships: half the parts of a deck) are packed once. A text part is found by its length,
// then compared with the texts of that length (what it would be encoded, checksummed and compared
// from, none of which a hit needs; not a Map keyed by the text, whose hash reads every character
// of every new part, several times slower than comparing); a binary one by size and CRC, checked
// byte for byte. A hit is always the same input; bounded, so the caches never grow with a build.
const CACHE_MAX = 512;
const BY_TEXT = new Map<number, { text: string; packed: Packed }[]>();
let textsCached = 0;
const BY_BYTES = new Map<string, { data: Uint8Array; packed: Packed }>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
}

const encoder = new TextEncoder();

function pack(name: string, data: Uint8Array, crc: number, compression: boolean): Packed {
  return compression && worthDeflating(name, data.length)
    ? { crc, size: data.length, method: DEFLATE, body: deflateRawSync(data, { level: 6 }) }
    : { crc, size: data.length, method: STORE, body: data };
}

function packText(name: string, text: string, compression: boolean): Packed {
  const hit = BY_TEXT.get(text.length)?.find((e) => e.text === text);
  // Stored or deflated depends on the size (the same for the same text) and the name's extension.
  const method = (size: number) => (compression && worthDeflating(name, size) ? DEFLATE : STORE);
  if (hit && hit.packed.method === method(hit.packed.size)) return hit.packed;
  const data = encoder.encode(text);
  const packed = pack(name, data, crc32(data), compression);
  if (hit) hit.packed = packed;
  else {
    if (textsCached >= CACHE_MAX) {
      BY_TEXT.clear();
      textsCached = 0;
    }
    const same = BY_TEXT.get(text.length);
    if (same) same.push({ text, packed });
    else BY_TEXT.set(text.length, [{ text, packed }]);
    textsCached++;
  }
  return packed;
}

function packBytes(name: string, data: Uint8Array, compression: boolean): Packed {
  const crc = crc32(data);
  const key = `${compression && worthDeflating(name, data.length)}\0${data.length}\0${crc}`;
  const hit = BY_BYTES.get(key);
  if (hit && Buffer.compare(hit.data, data) === 0) return hit.packed;
  const packed = pack(name, data, crc, compression);
  remember(BY_BYTES, key, { data, packed });
  return packed;
}

/** A ZIP archive of `entries`, in order, deflated (level 6, as JSZip) unless `compression` is false. */
export function writeZip(inputs: readonly ZipInput[], compression = true): Uint8Array {
  const entries = inputs.map((e) => ({
    name: encoder.encode(e.name),
    packed:
      typeof e.data === 'string'
        ? packText(e.name, e.data, compression)
        : packBytes(e.name, e.data, compression),
  }));
  let offset = 0;
  let centralSize = 0;
  for (const e of entries) {
    offset += 30 + e.name.length + e.packed.body.length;
    centralSize += 46 + e.name.length;
  }
  // One buffer for the whole archive: local headers and data, then the central directory.
  const out = new Uint8Array(offset + centralSize + 22);
  const view = new DataView(out.buffer);
  // The local header and the central directory entry share these fields; the central one has
  // "version made by" in front, so they sit 2 bytes further on.
  const shared = (at: number, e: (typeof entries)[number]) => {
    view.setUint16(at, 20, true); // version needed: 2.0 (DEFLATE)
    view.setUint16(at + 2, UTF8_NAMES, true);
    view.setUint16(at + 4, e.packed.method, true);
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.packed.crc, true);
    view.setUint32(at + 14, e.packed.body.length, true);
    view.setUint32(at + 18, e.packed.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  let central = offset;
  for (const e of entries) {
    view.setUint32(at, LOCAL, true);
    shared(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.packed.body, at + 30 + e.name.length);
    view.setUint32(central, CENTRAL, true);
    view.setUint16(central + 4, 20, true); // version made by
    shared(central + 6, e);
    view.setUint32(central + 42, at, true);
    out.set(e.name, central + 46);
    at += 30 + e.name.length + e.packed.body.length;
    central += 46 + e.name.length;
  }
  view.setUint32(central, END, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, offset, true);
  return out;
}
