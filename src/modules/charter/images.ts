import sharp from "sharp";
import { checkImage } from "../../core/uploads.ts";

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

/** Checks that bytes are a PNG, JPEG or WebP photo and makes its thumbnail; null when they are not. */
export async function processImage(data: Buffer, thumbSize = 480): Promise<ProcessedImage | null> {
  const kind = data.length ? checkImage(data) : null;
  if (!kind || kind === "svg") return null;
  try {
    const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = (turned ? meta.height : meta.width) ?? 0;
    const height = (turned ? meta.width : meta.height) ?? 0;
    const thumb = await sharp(data, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: thumbSize, height: thumbSize, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { data, mime: MIME[kind], bytes: data.length, width, height, thumb };
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
