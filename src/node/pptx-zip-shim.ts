// What pptxgenjs uses of JSZip (new, folder, file, generateAsync), on Node's native zlib. The
// deck workers load pptxgenjs with this module in place of `jszip` (see deck-worker.ts): JSZip
// decodes base64 and computes CRCs in JavaScript, through a chunked stream made for browsers,
// and that was the largest part of a ready deck's time. Anything pptxgenjs might pass that this
// subset does not handle throws, so a pptxgenjs upgrade that needs more fails loudly.
import { writeZip, type ZipEntry } from './zip.ts';
import { sourceDate, stampCoreDates } from './source-date.ts';

interface FileOptions {
  base64?: boolean;
  binary?: boolean;
}

interface GenerateOptions {
  type: string;
  compression?: string;
}

const utf8 = new TextEncoder();
/** SOURCE_DATE_EPOCH's date for the packages' core properties (the deck's and each chart workbook's). */
const STAMP = sourceDate(process.env.SOURCE_DATE_EPOCH);

export default class NativeZip {
  /** Parts in the order added; a part added again keeps its place, as in JSZip. */
  private readonly parts = new Map<string, Uint8Array>();
  private readonly root: NativeZip;
  private readonly prefix: string;

  constructor(root?: NativeZip, prefix = '') {
    this.root = root ?? this;
    this.prefix = prefix;
  }

  /** Folders need no entry of their own in an OPC package; they only scope later names. */
  folder(name: string): NativeZip {
    return new NativeZip(this.root, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: unknown, options: FileOptions = {}): this {
    const path = this.prefix + name;
    if (STAMP && path === 'docProps/core.xml' && typeof data === 'string')
      data = stampCoreDates(data, STAMP);
    let bytes: Uint8Array;
    if (typeof data === 'string')
      bytes = options.base64
        ? Buffer.from(data, 'base64')
        : options.binary
          ? Buffer.from(data, 'latin1')
          : utf8.encode(data);
    else if (data instanceof Uint8Array) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else
      throw new TypeError(
        `pptx-zip-shim: unsupported data for ${name} (${Object.prototype.toString.call(data)})`,
      );
    this.root.parts.set(path, bytes);
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- JSZip's API is async; this writer is not
  async generateAsync(
    options: GenerateOptions,
  ): Promise<Uint8Array | Buffer | string | ArrayBuffer> {
    const entries: ZipEntry[] = [...this.root.parts].map(([name, data]) => ({ name, data }));
    const zip = writeZip(entries, options.compression === 'DEFLATE');
    switch (options.type) {
      case 'uint8array':
        return zip;
      case 'nodebuffer':
        return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
      case 'arraybuffer':
        return zip.slice().buffer;
      case 'base64':
        return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64');
      default:
        throw new TypeError(`pptx-zip-shim: unsupported output type ${options.type}`);
    }
  }
}
