import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { audit } from "./audit.ts";
import type { DbOrTx, Db } from "./db/index.ts";
import { storedFiles, tambons } from "./db/schema.ts";
import { deleteFilesByKey, getFileByKey, putFile } from "./file-store.ts";
import { reencodeImage, type ImageRefusal, type UploadSpec } from "./uploads.ts";
import { tambonWhere } from "./db/tambon-row.ts";
import { pick } from "./pick.ts";

/** What the tambon settings form takes: one logo of up to 1 MB. */
export const LOGO_UPLOAD: UploadSpec = { files: 1, fileBytes: 1024 * 1024, fields: 40 };
/** Most pixels of an uploaded logo (a 20000 × 20000 image is refused before it is decoded). */
export const LOGO_MAX_PIXELS = 25_000_000;
/** Longest side of a stored logo (shown at 48 px; room for sharp screens and share cards). */
export const LOGO_SIDE = 512;

/** Names of stored logos (always pixels: an SVG logo is drawn into a WebP). */
export const LOGO_NAME = /^logo-\d+\.(png|jpg|webp)$/;

/** The kind of a tambon's logo in the file store. */
export const LOGO_KIND = "tambon.logo";

/** The folder where a tambon's own uploads (its logo) were kept on disk before the file store. */
export function tambonUploadsDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "uploads", String(tambonId));
}

/** The address of a stored logo. */
export function logoUrl(slug: string, name: string): string {
  return `/t/${slug}/uploads/${name}`;
}

/**
 * Re-encodes a logo through the upload pipeline (PNG, JPEG, WebP or SVG in, a WebP of at most
 * 512 px out, without metadata) and keeps it in the file store under a name never used before
 * (`logo-<id>.webp`: the old one may be cached a year). Returns its name.
 */
export async function storeLogo(
  db: DbOrTx,
  tambonId: number,
  data: Buffer,
  originalName?: string,
): Promise<{ ok: true; name: string } | { ok: false; reason: ImageRefusal }> {
  const r = await reencodeImage(data, {
    accept: ["png", "jpeg", "webp", "svg"],
    maxPixels: LOGO_MAX_PIXELS,
    maxWidth: LOGO_SIDE,
    format: "webp",
    quality: 90,
  });
  if (!r.ok) return r;
  const ref = await putFile(db, {
    tambonId,
    kind: LOGO_KIND,
    contentType: r.image.mime,
    data: r.image.data,
    name: originalName,
  });
  const name = `logo-${ref.id}.webp`;
  await db
    .update(storedFiles)
    .set({ key: name })
    .where(tambonWhere(storedFiles, tambonId, { id: ref.id }));
  return { ok: true, name };
}

/** The stored logo a logo address names (null for another address). */
export function logoName(logoPath: string | null | undefined): string | null {
  const name = /\/uploads\/([^/]+)$/.exec(logoPath ?? "")?.[1];
  return name && LOGO_NAME.test(name) ? name : null;
}

/** Removes a stored logo that is no longer the tambon's. */
export async function discardLogo(db: DbOrTx, tambonId: number, name: string | null) {
  if (name) await deleteFilesByKey(db, tambonId, name);
}

/**
 * Moves the logos kept on disk (TAMBON_DATA_DIR/uploads/<tambon>/) before the file store into it,
 * through the pipeline: an SVG is drawn into a WebP, a raster logo is stored again without
 * metadata and at most 512 px, the tambon points to the stored one, and the disk file is removed.
 * A logo the pipeline refuses is no longer shown. Safe to run twice (a logo in the store is left
 * as it is). Returns the number of logos moved.
 */
export async function reencodeStoredLogos(db: Db, dataDir: string): Promise<number> {
  const rows = await db
    .select({ ...pick(tambons, "id", "slug", "logoPath") })
    .from(tambons)
    .where(isNotNull(tambons.logoPath));
  let changed = 0;
  for (const row of rows) {
    const name = /\/uploads\/(logo-\d+\.(?:png|jpg|webp|svg))$/.exec(row.logoPath ?? "")?.[1];
    if (!name) continue;
    if (LOGO_NAME.test(name) && (await getFileByKey(db, row.id, name))) continue;
    const file = path.join(tambonUploadsDir(dataDir, row.id), name);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      continue;
    }
    await db.transaction(async (tx) => {
      const stored = await storeLogo(tx, row.id, data, name);
      const logoPath = stored.ok ? logoUrl(row.slug, stored.name) : null;
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
    await rm(file, { force: true });
    changed++;
  }
  // Logos replaced before the move stay on disk, shown by no page: removed as well.
  for (const row of await db.select({ id: tambons.id }).from(tambons)) {
    const dir = tambonUploadsDir(dataDir, row.id);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names)
      if (/^logo-\d+\.(png|jpg|webp|svg)$/.test(n)) await rm(path.join(dir, n), { force: true });
  }
  return changed;
}
