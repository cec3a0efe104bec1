import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { checkImage } from "../../core/uploads.ts";
import { done, fail, type SiteResult } from "./result.ts";

/** Largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
/** Largest document accepted, in bytes. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** The largest photo a complaint may carry (one, from anyone). */
export const COMPLAINT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Largest photo accepted, in pixels (a decompression bomb is refused before it is decoded). */
export const PHOTO_MAX_PIXELS = 50_000_000;
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

/** An uploaded file as the routes hand it over. */
export interface Upload {
  filename: string;
  data: Buffer;
  truncated: boolean;
}

/** The folder of a tambon's published site files. */
export function siteDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "site", String(tambonId));
}

const newKey = () => randomBytes(8).toString("hex");

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

/**
 * Checks an uploaded image without decoding its pixels: a format sharp reads (JPEG, PNG, WebP, and
 * HEIF when its codec is built in: AVIF always, HEIC only with an HEVC decoder), within the byte and
 * pixel limits. Returns its format and size.
 */
export async function inspectImage(
  upload: Upload,
  maxBytes = PHOTO_MAX_BYTES,
): Promise<SiteResult<{ width: number; height: number; format: string }>> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > maxBytes)
    return fail("photos", "err.tooBig", { name, max: maxBytes / 1024 / 1024 });
  const sniffed = checkImage(upload.data);
  if (sniffed === "svg") return fail("photos", "err.notImage", { name });
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels; the size is checked before anything is decoded.
    meta = await sharp(upload.data, { limitInputPixels: false }).metadata();
  } catch {
    return fail("photos", "err.notImage", { name });
  }
  const format = meta.format ?? "";
  const known = ["jpeg", "png", "webp", "heif"].includes(format);
  if (!known || !meta.width || !meta.height) return fail("photos", "err.notImage", { name });
  if (meta.width * meta.height > PHOTO_MAX_PIXELS)
    return fail("photos", "err.tooManyPixels", { name });
  return done({ width: meta.width, height: meta.height, format });
}

/**
 * Stores a photo: the original bytes kept privately, a published copy with every metadata (EXIF,
 * GPS location) removed and turned upright, a thumbnail and a large WebP.
 */
export async function storePhoto(
  dataDir: string,
  tambonId: number,
  upload: Upload,
): Promise<SiteResult<StoredPhoto>> {
  const checked = await inspectImage(upload);
  if (!checked.ok) return checked;
  const dir = siteDir(dataDir, tambonId);
  await mkdir(path.join(dir, "originals"), { recursive: true });
  const file = newKey();
  const opts = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" as const };
  const ext: StoredPhoto["ext"] =
    checked.value.format === "png" ? "png" : checked.value.format === "webp" ? "webp" : "jpg";
  try {
    const base = sharp(upload.data, opts).rotate();
    const published =
      ext === "png"
        ? base.clone().png({ compressionLevel: 9 })
        : ext === "webp"
          ? base.clone().webp({ quality: 85 })
          : base.clone().jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await published.toBuffer({ resolveWithObject: true });
    const thumb = await base
      .clone()
      .resize({ width: THUMB_WIDTH, height: THUMB_WIDTH, fit: "cover" })
      .webp({ quality: 70 })
      .toBuffer();
    const large = await base
      .clone()
      .resize({ width: LARGE_WIDTH, height: LARGE_WIDTH, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const originalExt = checked.value.format === "heif" ? "heif" : ext;
    await writeFile(path.join(dir, "originals", `${file}.${originalExt}`), upload.data);
    await writeFile(path.join(dir, `${file}.${ext}`), data);
    await writeFile(path.join(dir, `${file}-t.webp`), thumb);
    await writeFile(path.join(dir, `${file}-l.webp`), large);
    return done({ file, ext, width: info.width, height: info.height, bytes: data.length });
  } catch {
    return fail("photos", "err.notImage", { name: upload.filename });
  }
}

/** Stores a complaint's photo privately (metadata removed, at most 1600 px), returning its name. */
export async function storePrivatePhoto(
  dataDir: string,
  tambonId: number,
  upload: Upload,
): Promise<SiteResult<string>> {
  const checked = await inspectImage(upload, COMPLAINT_PHOTO_MAX_BYTES);
  if (!checked.ok) return fail("photo", checked.errors.photos!.key, checked.errors.photos!.vars);
  const dir = path.join(siteDir(dataDir, tambonId), "private");
  await mkdir(dir, { recursive: true });
  const name = `${newKey()}.jpg`;
  try {
    const buf = await sharp(upload.data, { limitInputPixels: PHOTO_MAX_PIXELS })
      .rotate()
      .resize({ width: LARGE_WIDTH, height: LARGE_WIDTH, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    await writeFile(path.join(dir, name), buf);
    return done(name);
  } catch {
    return fail("photo", "err.notImage", { name: upload.filename });
  }
}

/** Removes a photo's published files (the original is kept in the archive folder). */
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
 * Removes every file of a photo that was stored but never saved (its form failed): the published
 * copies and the original, which nothing else would ever point to.
 */
export async function discardPhoto(
  dataDir: string,
  tambonId: number,
  photo: { file: string; ext: string },
): Promise<void> {
  await removePhotoFiles(dataDir, tambonId, photo);
  const originals = path.join(siteDir(dataDir, tambonId), "originals");
  for (const ext of new Set([photo.ext, "heif"]))
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
): Promise<SiteResult<StoredDocument>> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > DOCUMENT_MAX_BYTES)
    return fail("file", "err.tooBig", { name, max: DOCUMENT_MAX_BYTES / 1024 / 1024 });
  const ext = documentKind(upload.data);
  if (!ext) return fail("file", "err.notDocument", { name });
  const dir = siteDir(dataDir, tambonId);
  await mkdir(dir, { recursive: true });
  const file = newKey();
  await writeFile(path.join(dir, `${file}.${ext}`), upload.data);
  return done({ file, ext, bytes: upload.data.length });
}
