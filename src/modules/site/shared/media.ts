import {
  PHOTO_MAX_PIXELS,
  reencodeImage,
  type ReencodeOptions,
  type ReencodedImage,
  type Upload,
} from "../../../core/uploads.ts";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import {
  deleteFilesByKey,
  getFileByKey,
  importLegacyFile,
  putFile,
  putImage,
  tambonIds,
  type StoredFile,
} from "../../../core/file-store.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";

/** Largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

/** Largest document accepted, in bytes. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The largest photo a complaint may carry (one, from anyone). */
export const COMPLAINT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export { PHOTO_MAX_PIXELS, type Upload };

/** Width of the thumbnails and of the large WebP shown in the lightbox. */
export const THUMB_WIDTH = 480;

export const LARGE_WIDTH = 1600;

/** A stored photo: the published full-size file and its generated sizes share `file`. */
export interface StoredPhoto {
  file: string;
  ext: "jpg" | "png" | "webp";
  width: number;
  height: number;
  bytes: number;
}

/** A stored document. */
export interface StoredDocument {
  file: string;
  ext: "pdf" | "xlsx" | "docx";
  bytes: number;
}

/** The folder where a tambon's site files were kept on disk before the file store. */
export function siteDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "site", String(tambonId));
}

export const newKey = () => randomBytes(8).toString("hex");

/** True for the name of a published site file (what the upload route may serve). */
export function isPublicFileName(name: string): boolean {
  return /^[a-f0-9]{16}(-t|-l)?\.(jpg|png|webp|pdf|xlsx|docx)$/.test(name);
}

/** True for the name of a complaint's private photo. */
export function isPrivateFileName(name: string): boolean {
  return /^[a-f0-9]{16}\.jpg$/.test(name);
}

/** The key of a published site file in the file store. */
export const publicKey = (name: string) => `site/${name}`;

/** The key of a complaint's private photo in the file store. */
export const privateKey = (name: string) => `site/private/${name}`;

/** The content type of a published site file by its extension. */
export function contentType(name: string): string {
  const ext = name.split(".").pop() ?? "";
  return (
    {
      jpg: "image/jpeg",
      png: "image/png",
      webp: "image/webp",
      pdf: "application/pdf",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }[ext] ?? "application/octet-stream"
  );
}

/** A published file of a tambon (undefined when there is none). */
export async function readSiteFile(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<StoredFile | undefined> {
  if (!isPublicFileName(name)) return undefined;
  return getFileByKey(db, tambonId, publicKey(name));
}

/** A private file (a complaint's photo). */
export async function readPrivateFile(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<StoredFile | undefined> {
  if (!isPrivateFileName(name)) return undefined;
  return getFileByKey(db, tambonId, privateKey(name));
}

export const PHOTO_FORMATS = ["jpeg", "png", "webp", "heif"] as const;

/**
 * Re-encodes an uploaded photo (core's pipeline: orientation applied, no metadata kept) after the
 * byte limit: a format sharp reads (JPEG, PNG, WebP, and HEIF when its codec is built in: AVIF
 * always, HEIC only with an HEVC decoder) within the pixel limit, checked before decoding.
 */
export async function reencodePhoto<V extends string = never>(
  upload: Upload,
  maxBytes: number,
  field: string,
  opts: ReencodeOptions<V>,
): Promise<Result<ReencodedImage<V>, SiteKey | CoreKey>> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > maxBytes)
    return fail(field, "err.tooBig", { name, max: maxBytes / 1024 / 1024 });
  const r = await reencodeImage(upload.data, {
    accept: PHOTO_FORMATS,
    maxPixels: PHOTO_MAX_PIXELS,
    ...opts,
  });
  if (!r.ok)
    return fail(field, r.reason === "tooManyPixels" ? "err.tooManyPixels" : "err.notImage", {
      name,
    });
  return ok(r.image);
}

/**
 * Stores a photo: a copy at full size with every metadata (EXIF, GPS location) removed and turned
 * upright (JPEG for JPEG photos, WebP for the rest), a thumbnail and a large WebP. The uploaded
 * bytes themselves are never kept: they carry where and when the photo was taken.
 */
export async function storePhoto(
  db: DbOrTx,
  tambonId: number,
  upload: Upload,
): Promise<Result<StoredPhoto, SiteKey | CoreKey>> {
  const r = await reencodePhoto(upload, PHOTO_MAX_BYTES, "photos", {
    format: "auto",
    quality: 85,
    variants: {
      thumb: { width: THUMB_WIDTH, height: THUMB_WIDTH, fit: "cover", quality: 70 },
      large: { width: LARGE_WIDTH, quality: 80 },
    },
  });
  if (!r.ok) return r;
  const image = r.value;
  const file = newKey();
  await putImage(db, image, {
    tambonId,
    kind: "site.photo",
    name: upload.filename,
    key: (size) =>
      publicKey(
        size === "thumb"
          ? `${file}-t.webp`
          : size === "large"
            ? `${file}-l.webp`
            : `${file}.${image.ext}`,
      ),
  });
  return ok({
    file,
    ext: image.ext,
    width: image.width,
    height: image.height,
    bytes: image.data.length,
  });
}

/** Stores a complaint's photo privately (metadata removed, at most 1600 px), returning its name. */
export async function storePrivatePhoto(
  db: DbOrTx,
  tambonId: number,
  upload: Upload,
): Promise<Result<string, SiteKey | CoreKey>> {
  const r = await reencodePhoto(upload, COMPLAINT_PHOTO_MAX_BYTES, "photo", {
    format: "jpeg",
    quality: 82,
    maxWidth: LARGE_WIDTH,
  });
  if (!r.ok) return r;
  const name = `${newKey()}.jpg`;
  await putFile(db, {
    tambonId,
    kind: "site.complaint-photo",
    contentType: r.value.mime,
    data: r.value.data,
    name: upload.filename,
    key: privateKey(name),
  });
  return ok(name);
}

/** Removes a photo's published files. */
export async function removePhotoFiles(
  db: DbOrTx,
  tambonId: number,
  photo: { file: string; ext: string },
): Promise<void> {
  await deleteFilesByKey(
    db,
    tambonId,
    ...[`${photo.file}.${photo.ext}`, `${photo.file}-t.webp`, `${photo.file}-l.webp`].map(
      publicKey,
    ),
  );
}

/** Removes every file of a photo that was stored but never saved (its form failed). */
export const discardPhoto = removePhotoFiles;

/** Removes a complaint's private photo. */
export async function removePrivatePhoto(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<void> {
  if (isPrivateFileName(name)) await deleteFilesByKey(db, tambonId, privateKey(name));
}

/** Recognises a PDF, XLSX or DOCX by its bytes. */
export function documentKind(buf: Buffer): StoredDocument["ext"] | null {
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    if (buf.includes("word/document.xml")) return "docx";
    if (buf.includes("xl/workbook.xml")) return "xlsx";
  }
  return null;
}

/** The content type of a stored document. */
const DOCUMENT_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** Stores a document after checking its kind and size. */
export async function storeDocument(
  db: DbOrTx,
  tambonId: number,
  upload: Upload,
): Promise<Result<StoredDocument, SiteKey | CoreKey>> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > DOCUMENT_MAX_BYTES)
    return fail("file", "err.tooBig", { name, max: DOCUMENT_MAX_BYTES / 1024 / 1024 });
  const ext = documentKind(upload.data);
  if (!ext) return fail("file", "err.notDocument", { name });
  const file = newKey();
  await putFile(db, {
    tambonId,
    kind: "site.document",
    contentType: DOCUMENT_TYPES[ext],
    data: upload.data,
    name,
    key: publicKey(`${file}.${ext}`),
  });
  return ok({ file, ext, bytes: upload.data.length });
}

/** Removes a document's file. */
export async function removeDocumentFile(
  db: DbOrTx,
  tambonId: number,
  doc: { file: string; ext: string },
): Promise<void> {
  await deleteFilesByKey(db, tambonId, publicKey(`${doc.file}.${doc.ext}`));
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
