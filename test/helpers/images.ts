import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** The tags of the first IFD of an EXIF block (0x8825 points to the GPS position). */
export function exifTags(exif: Buffer): Set<number> {
  const tiff = exif.subarray(6); // after "Exif\0\0"
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  return new Set(Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12)));
}

/** The EXIF tag of the GPS position's block. */
export const GPS_TAG = 0x8825;

/**
 * A JPEG as a phone takes it: EXIF with the phone's make and a GPS position, and an orientation
 * (6: shown turned a quarter to the right) unless `orientation` is 1.
 */
export function phoneJpeg(width = 400, height = 300, orientation = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7" } })
    .jpeg()
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: "Phone", Model: "X" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "6/1 52/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "99/1 47/1 0/1",
      },
    })
    .toBuffer();
}

/**
 * A real PNG of width × height pixels, 1-bit grey, all black: tens of kilobytes on disk for
 * hundreds of megapixels once decoded.
 */
export function hugePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // filter 0, black pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
