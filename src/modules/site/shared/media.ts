import {
  PHOTO_MAX_PIXELS,
  reencodeImage,
  type ReencodeOptions,
  type ReencodedImage,
  type Upload,
} from "../../../core/uploads.ts";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
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

/** The folder of a tambon's published site files. */
export function siteDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "site", String(tambonId));
}

export const newKey = () => randomBytes(8).toString("hex");

/** True for the name of a published site file (what the upload route may serve). */
export function isPublicFileName(name: string): boolean {
  return /^[a-f0-9]{16}(-t|-l)?\.(jpg|png|webp|pdf|xlsx|docx)$/.test(name);
}

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

/** Reads a published file of a tambon (undefined when there is none). */
export async function readSiteFile(
  dataDir: string,
  tambonId: number,
  name: string,
): Promise<Buffer | undefined> {
  if (!isPublicFileName(name) && !/^[a-f0-9]{16}\.jpg$/.test(name)) return undefined;
  try {
    return await readFile(path.join(siteDir(dataDir, tambonId), name));
  } catch {
    return undefined;
  }
}

/** Reads a private file (a complaint's photo). */
export async function readPrivateFile(
  dataDir: string,
  tambonId: number,
  name: string,
): Promise<Buffer | undefined> {
  if (!/^[a-f0-9]{16}\.jpg$/.test(name)) return undefined;
  try {
    return await readFile(path.join(siteDir(dataDir, tambonId), "private", name));
  } catch {
    return undefined;
  }
}

export const PHOTO_FORMATS = ["jpeg", "png", "webp", "heif"] as const;

export const ORIGINAL_EXT: Record<string, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  heif: "heif",
};

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
  dataDir: string,
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
  const dir = siteDir(dataDir, tambonId);
  await mkdir(dir, { recursive: true });
  const file = newKey();
  await writeFile(path.join(dir, `${file}.${image.ext}`), image.data);
  await writeFile(path.join(dir, `${file}-t.webp`), image.variants.thumb);
  await writeFile(path.join(dir, `${file}-l.webp`), image.variants.large);
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
  dataDir: string,
  tambonId: number,
  upload: Upload,
): Promise<Result<string, SiteKey | CoreKey>> {
  const r = await reencodePhoto(upload, COMPLAINT_PHOTO_MAX_BYTES, "photo", {
    format: "jpeg",
    quality: 82,
    maxWidth: LARGE_WIDTH,
  });
  if (!r.ok) return r;
  const dir = path.join(siteDir(dataDir, tambonId), "private");
  await mkdir(dir, { recursive: true });
  const name = `${newKey()}.jpg`;
  await writeFile(path.join(dir, name), r.value.data);
  return ok(name);
}

/** Removes a photo's published files. */
export async function removePhotoFiles(
  dataDir: string,
  tambonId: number,
  photo: { file: string; ext: string },
): Promise<void> {
  const dir = siteDir(dataDir, tambonId);
  for (const n of [`${photo.file}.${photo.ext}`, `${photo.file}-t.webp`, `${photo.file}-l.webp`])
    await rm(path.join(dir, n), { force: true });
}

/**
 * Removes every file of a photo that was stored but never saved (its form failed), and the raw
 * original that installations before metadata stripping kept in `originals/`.
 */
export async function discardPhoto(
  dataDir: string,
  tambonId: number,
  photo: { file: string; ext: string },
): Promise<void> {
  await removePhotoFiles(dataDir, tambonId, photo);
  const originals = path.join(siteDir(dataDir, tambonId), "originals");
  for (const ext of Object.values(ORIGINAL_EXT))
    await rm(path.join(originals, `${photo.file}.${ext}`), { force: true });
}

/** Removes a complaint's private photo. */
export async function removePrivatePhoto(
  dataDir: string,
  tambonId: number,
  name: string,
): Promise<void> {
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return;
  await rm(path.join(siteDir(dataDir, tambonId), "private", name), { force: true });
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

/** Stores a document after checking its kind and size. */
export async function storeDocument(
  dataDir: string,
  tambonId: number,
  upload: Upload,
): Promise<Result<StoredDocument, SiteKey | CoreKey>> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > DOCUMENT_MAX_BYTES)
    return fail("file", "err.tooBig", { name, max: DOCUMENT_MAX_BYTES / 1024 / 1024 });
  const ext = documentKind(upload.data);
  if (!ext) return fail("file", "err.notDocument", { name });
  const dir = siteDir(dataDir, tambonId);
  await mkdir(dir, { recursive: true });
  const file = newKey();
  await writeFile(path.join(dir, `${file}.${ext}`), upload.data);
  return ok({ file, ext, bytes: upload.data.length });
}
