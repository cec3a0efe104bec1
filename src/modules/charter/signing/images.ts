import { loadSharp } from "../../../core/sharp.ts";
import { PHOTO_BYTES, reencodeImage } from "../../../core/uploads.ts";
import type { Tx } from "../../../core/db/index.ts";
import { putFile } from "../../../core/file-store.ts";

/** The largest signed-page scan or ceremony photo accepted (a phone photo fits). */
export const IMAGE_MAX_BYTES = PHOTO_BYTES;

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
 * Checks that bytes are a PNG, JPEG or WebP photo and re-encodes it through the upload pipeline
 * (turned upright, no EXIF, GPS position or other metadata of the phone kept; JPEG stays JPEG, the
 * rest becomes WebP) with its thumbnail; null when the bytes are not such a photo.
 */
export async function processImage(data: Buffer, thumbSize = 480): Promise<ProcessedImage | null> {
  const r = await reencodeImage(data, {
    quality: 88,
    variants: { thumb: { width: thumbSize, quality: 75 } },
  });
  if (!r.ok) return null;
  const { image } = r;
  return {
    data: image.data,
    mime: image.mime,
    bytes: image.data.length,
    width: image.width,
    height: image.height,
    thumb: image.variants.thumb,
  };
}

/** A demo picture: a plain page with a caption-like band, as a JPEG (demo data only). */
export async function demoImage(width: number, height: number, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${hue},45%,88%)"/>
    <rect x="8%" y="10%" width="84%" height="62%" fill="hsl(${hue},40%,70%)"/>
    <rect x="8%" y="78%" width="55%" height="6%" fill="hsl(${hue},30%,45%)"/>
  </svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

/** Keeps a processed scan or photo and its thumbnail in the file store. */
export async function storeImage(
  tx: Tx,
  tambonId: number,
  kind: string,
  image: { data: Buffer; mime: string; thumb: Buffer },
  name?: string,
): Promise<{ fileId: number; thumbFileId: number }> {
  const main = await putFile(tx, {
    tambonId,
    kind,
    contentType: image.mime,
    data: image.data,
    name,
  });
  const thumb = await putFile(tx, {
    tambonId,
    kind: `${kind}.thumb`,
    contentType: "image/webp",
    data: image.thumb,
    name,
  });
  return { fileId: main.id, thumbFileId: thumb.id };
}
