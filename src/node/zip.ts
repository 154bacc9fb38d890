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
 * 45 µs of set-up; images are compressed already.
 */
const worthDeflating = (e: ZipEntry) => e.data.length >= 256 && !/\.(png|jpe?g|gif)$/i.test(e.name);

// Parts that are the same in every deck of a build (slide master, layouts, theme, logo, their
// relationships: half the parts of a deck) are deflated once. Keyed by name, size and CRC, and
// checked byte for byte, so a hit is always the same input; bounded, so it never grows with a build.
const DEFLATED = new Map<string, { data: Uint8Array; deflated: Uint8Array }>();
const DEFLATED_MAX = 512;

function deflated(name: string, data: Uint8Array, crc: number): Uint8Array {
  const key = `${name}\0${data.length}\0${crc}`;
  const hit = DEFLATED.get(key);
  if (hit && Buffer.compare(hit.data, data) === 0) return hit.deflated;
  const out = deflateRawSync(data, { level: 6 });
  if (DEFLATED.size >= DEFLATED_MAX) DEFLATED.clear();
  DEFLATED.set(key, { data, deflated: out });
  return out;
}

/** A ZIP archive of `entries`, in order, deflated (level 6, as JSZip) unless `compression` is false. */
export function writeZip(inputs: readonly ZipInput[], compression = true): Uint8Array {
  const encoder = new TextEncoder();
  const entries = inputs.map((e): ZipEntry =>
    typeof e.data === 'string' ? { name: e.name, data: encoder.encode(e.data) } : (e as ZipEntry),
  );
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const method = compression && worthDeflating(entry) ? DEFLATE : STORE;
    const crc = crc32(entry.data);
    const body = method === DEFLATE ? deflated(entry.name, entry.data, crc) : entry.data;
    // The local header and the central directory entry share these fields; the central one
    // has "version made by" in front, so they sit 2 bytes further on.
    const shared = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed: 2.0 (DEFLATE)
      view.setUint16(at + 2, UTF8_NAMES, true);
      view.setUint16(at + 4, method, true);
      view.setUint16(at + 6, DOS_TIME, true);
      view.setUint16(at + 8, DOS_DATE, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, body.length, true);
      view.setUint32(at + 18, entry.data.length, true);
      view.setUint16(at + 22, name.length, true);
    };
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL, true);
    shared(local, 4);
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, CENTRAL, true);
    head.setUint16(4, 20, true); // version made by
    shared(head, 6);
    head.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(head.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
