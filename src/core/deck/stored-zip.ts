/**
 * A ZIP archive's directory read straight from its bytes: each entry's name, compression method
 * and raw bytes, with no inflate and no promises. The browser's package repair reads the parts of
 * a pptxgenjs `write()` (stored, not compressed) this way rather than a hundred `async()` calls;
 * the Node side (src/node/zip.ts) adds inflate for deflated entries. No ZIP64, no encryption.
 */
export interface ZipDirectoryEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  /** The entry's bytes as they sit in the archive (compressed when `method` is not 0). */
  raw: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export function zipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a ZIP archive: no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const out: ZipDirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL)
      throw new Error(`ZIP central directory entry ${i} is damaged`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== LOCAL)
      throw new Error(`ZIP entry ${name}: local header is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ name, method, raw: bytes.subarray(start, start + size) });
    at += 46 + skip;
  }
  return out;
}

/** An entry of a pptxgenjs package; `data` is undefined when it is compressed (read it another way). */
export interface StoredEntry {
  name: string;
  data: Uint8Array | undefined;
}

export const readStoredZip = (bytes: Uint8Array): StoredEntry[] =>
  zipDirectory(bytes).map((e) => ({ name: e.name, data: e.method === 0 ? e.raw : undefined }));
