import path from "node:path";
import { readdir, rm } from "node:fs/promises";
import type { Db } from "../../../core/db/index.ts";
import { importLegacyFile, tambonIds } from "../../../core/file-store.ts";
import type { ReencodeOptions } from "../../../core/uploads.ts";
import {
  LARGE_WIDTH,
  PHOTO_FORMATS,
  PHOTO_MAX_PIXELS,
  contentType,
  isPrivateFileName,
  isPublicFileName,
  privateKey,
  publicKey,
} from "./media.ts";

/** The folder where a tambon's site files were kept on disk before the file store. */
export function siteDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "site", String(tambonId));
}

/** How a site file kept on disk before the file store is stored again, by its name. */
function legacyImage(name: string): ReencodeOptions | undefined {
  if (/-(t|l)\.webp$/.test(name)) return { accept: PHOTO_FORMATS, format: "webp", quality: 80 };
  if (/\.(jpg|png|webp)$/.test(name))
    return { accept: PHOTO_FORMATS, maxPixels: PHOTO_MAX_PIXELS, format: "auto", quality: 85 };
  return undefined;
}

/**
 * Moves the site files kept on disk (TAMBON_DATA_DIR/site/<tambon>/, its `private/` complaint
 * photos) before the file store into it under the names pages already link, photos through the
 * pipeline so that none keeps its metadata, and removes them from disk, with the raw originals
 * that old installations kept in `originals/`. Safe to run twice. Returns the files stored.
 */
export async function importSiteDiskFiles(db: Db, dataDir: string): Promise<number> {
  const root = path.join(dataDir, "site");
  const ids = await readdir(root).catch(() => [] as string[]);
  if (!ids.length) return 0;
  const known = await tambonIds(db);
  let stored = 0;
  for (const id of ids) {
    const tambonId = Number(id);
    if (!known.has(tambonId)) continue;
    const dir = siteDir(dataDir, tambonId);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!isPublicFileName(name)) continue;
      const image = legacyImage(name);
      const kind = image
        ? /-(t|l)\.webp$/.test(name)
          ? "site.photo.size"
          : "site.photo"
        : "site.document";
      if (
        await importLegacyFile(db, {
          tambonId,
          kind,
          key: publicKey(name),
          path: path.join(dir, name),
          contentType: contentType(name),
          image,
        })
      )
        stored++;
    }
    for (const name of await readdir(path.join(dir, "private")).catch(() => [] as string[])) {
      if (!isPrivateFileName(name)) continue;
      if (
        await importLegacyFile(db, {
          tambonId,
          kind: "site.complaint-photo",
          key: privateKey(name),
          path: path.join(dir, "private", name),
          contentType: "image/jpeg",
          image: { accept: PHOTO_FORMATS, format: "jpeg", quality: 82, maxWidth: LARGE_WIDTH },
        })
      )
        stored++;
    }
    await rm(path.join(dir, "originals"), { recursive: true, force: true });
  }
  return stored;
}
