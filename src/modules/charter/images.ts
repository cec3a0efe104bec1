import sharp from "sharp";
import { checkImage } from "../../core/uploads.ts";

/** The largest signed-page scan or ceremony photo accepted (a phone photo fits). */
export const IMAGE_MAX_BYTES = 15 * 1024 * 1024;

const MIME = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" } as const;

/** A checked upload: its type from its bytes, pixel size (as shown), and a small WebP thumbnail. */
export interface ProcessedImage {
  data: Buffer;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  thumb: Buffer;
}

/**
 * Checks that bytes are a PNG, JPEG or WebP photo, turns it upright and encodes it again (so no
 * EXIF, GPS position or other metadata of the phone is kept), and makes its thumbnail; null when
 * the bytes are not such a photo.
 */
export async function processImage(data: Buffer, thumbSize = 480): Promise<ProcessedImage | null> {
  const kind = data.length ? checkImage(data) : null;
  if (!kind || kind === "svg") return null;
  try {
    const upright = sharp(data, { limitInputPixels: 50_000_000 }).rotate();
    const encoded =
      kind === "png"
        ? upright.clone().png({ compressionLevel: 9 })
        : kind === "webp"
          ? upright.clone().webp({ quality: 88 })
          : upright.clone().jpeg({ quality: 88, mozjpeg: true });
    const { data: clean, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await upright
      .clone()
      .resize({ width: thumbSize, height: thumbSize, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      data: clean,
      mime: MIME[kind],
      bytes: clean.length,
      width: info.width,
      height: info.height,
      thumb,
    };
  } catch {
    return null;
  }
}

/** A demo picture: a plain page with a caption-like band, as a JPEG (demo data only). */
export async function demoImage(width: number, height: number, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${hue},45%,88%)"/>
    <rect x="8%" y="10%" width="84%" height="62%" fill="hsl(${hue},40%,70%)"/>
    <rect x="8%" y="78%" width="55%" height="6%" fill="hsl(${hue},30%,45%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}
