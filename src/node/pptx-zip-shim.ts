// What pptxgenjs uses of JSZip (new, folder, file, generateAsync), on Node's native zlib. The
// deck workers load pptxgenjs with this module in place of `jszip` (see deck-worker.ts): JSZip
// decodes base64 and computes CRCs in JavaScript, through a chunked stream made for browsers,
// and that was the largest part of a ready deck's time. Anything pptxgenjs might pass that this
// subset does not handle throws, so a pptxgenjs upgrade that needs more fails loudly.
import { writeZip, type ZipInput } from './zip.ts';
import { sourceDate, stampCoreDates } from './source-date.ts';

interface FileOptions {
  base64?: boolean;
  binary?: boolean;
}

interface GenerateOptions {
  type: string;
  compression?: string;
}

/**
 * The parts behind each package this shim handed out, by the bytes it returned: the deck
 * worker's repack (pptx-repack.ts) takes them from here instead of reading the ZIP back.
 */
const PACKAGED = new WeakMap<Uint8Array, ZipInput[]>();

/** The parts of a package this shim wrote, if it did (text parts still text). */
export const packagedParts = (zip: Uint8Array): ZipInput[] | undefined => PACKAGED.get(zip);

/** SOURCE_DATE_EPOCH's date for the packages' core properties (the deck's and each chart workbook's). */
const STAMP = sourceDate(process.env.SOURCE_DATE_EPOCH);

export default class NativeZip {
  /** Parts in the order added; a part added again keeps its place, as in JSZip. */
  private readonly parts = new Map<string, Uint8Array | string>();
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
    // Text stays text until the package is written: the repair reads most XML parts anyway.
    let bytes: Uint8Array | string;
    if (typeof data === 'string')
      bytes = options.base64
        ? Buffer.from(data, 'base64')
        : options.binary
          ? Buffer.from(data, 'latin1')
          : data;
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
    const entries: ZipInput[] = [...this.root.parts].map(([name, data]) => ({ name, data }));
    // pptxgenjs writes uncompressed for the repack (render-pptx.ts): hand it the parts, with an
    // empty stand-in it knows them by, instead of a ZIP it would only read back.
    if (options.type === 'uint8array' && options.compression !== 'DEFLATE') {
      const token = new Uint8Array(0);
      PACKAGED.set(token, entries);
      return token;
    }
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
