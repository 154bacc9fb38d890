// The logo's size read from its header (src/core/deck/templates.ts imageSize): PNG and JPEG,
// the JPEG frame found past other segments, anything else refused.
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/core/deck/templates.ts';

/** A JPEG: SOI, an APP0 segment, a DHT segment (C4, no size), then SOF0 with the frame size. */
function jpeg(width: number, height: number, sof = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const dht = [0xff, 0xc4, 0x00, 0x04, 0x00, 0x00];
  const frame = [
    0xff,
    sof,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x01,
    0x00,
    0x00,
    0x00,
  ];
  return new Uint8Array([0xff, 0xd8, ...app0, ...dht, ...frame]);
}

describe('imageSize', () => {
  it('reads a PNG header', () => {
    const png = new Uint8Array(32);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 200);
    expect(imageSize(png)).toEqual({ type: 'png', width: 640, height: 200 });
  });

  it('reads a JPEG frame past other segments, baseline or progressive', () => {
    expect(imageSize(jpeg(800, 300))).toEqual({ type: 'jpeg', width: 800, height: 300 });
    expect(imageSize(jpeg(1024, 512, 0xc2))).toEqual({ type: 'jpeg', width: 1024, height: 512 });
  });

  it('refuses what is neither: a broken segment, no frame, other formats', () => {
    const broken = jpeg(800, 300);
    broken[8] = 0x00; // the DHT segment no longer starts with a marker
    expect(imageSize(broken)).toBeUndefined();
    expect(imageSize(jpeg(800, 300, 0xc8))).toBeUndefined(); // JPG (C8) is no frame
    expect(imageSize(new TextEncoder().encode('GIF89a and then some bytes'))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });
});
