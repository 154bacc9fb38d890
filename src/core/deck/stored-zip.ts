/**
 * The parts of a ZIP archive whose entries are stored, not compressed: what pptxgenjs's
 * `write()` produces. Read straight from the bytes (no inflate, no promises), so the browser's
 * package repair does not read a hundred parts one `async()` at a time. Undefined for an entry
 * that is compressed: the caller reads it another way.
 */
export interface StoredEntry {
  name: string;
  /** The entry's bytes, or undefined when it is compressed. */
  data: Uint8Array | undefined;
}

export function readStoredZip(bytes: Uint8Array): StoredEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a ZIP archive: no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const out: StoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50)
      throw new Error(`ZIP central directory entry ${i} is damaged`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ name, data: method === 0 ? bytes.subarray(start, start + size) : undefined });
    at += 46 + skip;
  }
  return out;
}
