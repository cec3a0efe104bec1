import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import sharp from "sharp";
import { audit } from "./audit.ts";
import type { Db } from "./db/index.ts";
import { tambons } from "./db/schema.ts";
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

/** True for a WebP as the pipeline stores logos: within 512 px and without metadata. */
async function pipelineLogo(data: Buffer): Promise<boolean> {
  try {
    const m = await sharp(data).metadata();
    return (
      m.format === "webp" &&
      Math.max(m.width ?? Infinity, m.height ?? Infinity) <= LOGO_SIDE &&
      !m.exif &&
      !m.xmp &&
      !m.iptc
    );
  } catch {
    return false;
  }
}

/**
 * Re-encodes the logos stored before every logo went through the pipeline: an SVG is drawn into a
 * WebP and the tambon points to it; a raster logo is stored again without metadata and at most
 * 512 px. A logo already as the pipeline stores it is left as it is (safe to run twice).
 * Returns the number of logos changed.
 */
export async function reencodeStoredLogos(db: Db, dataDir: string): Promise<number> {
  const rows = await db
    .select({ id: tambons.id, slug: tambons.slug, logoPath: tambons.logoPath })
    .from(tambons)
    .where(isNotNull(tambons.logoPath));
  let changed = 0;
  for (const row of rows) {
    const name = /\/uploads\/(logo-\d+\.(?:png|jpg|webp|svg))$/.exec(row.logoPath ?? "")?.[1];
    if (!name) continue;
    let data: Buffer;
    try {
      data = await readFile(path.join(tambonUploadsDir(dataDir, row.id), name));
    } catch {
      continue;
    }
    if (name.endsWith(".webp") && (await pipelineLogo(data))) continue;
    const stored = await storeLogo(dataDir, row.id, data);
    // A logo the pipeline refuses is no longer shown (never served as it was).
    const logoPath = stored.ok ? `/t/${row.slug}/uploads/${stored.name}` : null;
    await db.transaction(async (tx) => {
      await tx.update(tambons).set({ logoPath }).where(eq(tambons.id, row.id));
      await audit(tx, {
        tambonId: row.id,
        actorId: null,
        action: "tambon.logo.reencode",
        targetType: "tambon",
        targetId: row.id,
        before: { logoPath: row.logoPath },
        after: { logoPath },
      });
    });
    changed++;
  }
  return changed;
}
