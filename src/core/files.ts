import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { reencodeImage, type ImageRefusal, type UploadSpec } from "./uploads.ts";

/** What the tambon settings form takes: one logo of up to 1 MB. */
export const LOGO_UPLOAD: UploadSpec = { files: 1, fileBytes: 1024 * 1024, fields: 40 };
/** Most pixels of an uploaded logo (a 20000 × 20000 image is refused before it is decoded). */
export const LOGO_MAX_PIXELS = 25_000_000;
/** Longest side of a stored logo (shown at 48 px; room for sharp screens and share cards). */
export const LOGO_SIDE = 512;

/** Names of stored logos (always pixels: an SVG logo is drawn into a WebP). */
export const LOGO_NAME = /^logo-\d+\.(png|jpg|webp)$/;

/** The folder of a tambon's own uploads (its logo). */
export function tambonUploadsDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "uploads", String(tambonId));
}

/**
 * Re-encodes a logo through the upload pipeline (PNG, JPEG, WebP or SVG in, a WebP of at most
 * 512 px out, without metadata) and stores it in the tambon's folder. Returns its file name.
 */
export async function storeLogo(
  dataDir: string,
  tambonId: number,
  data: Buffer,
): Promise<{ ok: true; name: string } | { ok: false; reason: ImageRefusal }> {
  const r = await reencodeImage(data, {
    accept: ["png", "jpeg", "webp", "svg"],
    maxPixels: LOGO_MAX_PIXELS,
    maxWidth: LOGO_SIDE,
    format: "webp",
    quality: 90,
  });
  if (!r.ok) return r;
  const dir = tambonUploadsDir(dataDir, tambonId);
  await mkdir(dir, { recursive: true });
  let name = `logo-${Date.now()}.webp`;
  // Two saves in the same millisecond must not share a name (the old one may be cached a year).
  const taken = new Set(await readdir(dir));
  for (let n = Date.now() + 1; taken.has(name); n++) name = `logo-${n}.webp`;
  await writeFile(path.join(dir, name), r.image.data);
  return { ok: true, name };
}
