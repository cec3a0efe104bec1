import {
  PHOTO_BYTES,
  PHOTO_MAX_PIXELS,
  reencodeImage,
  type ReencodeOptions,
  type ReencodedImage,
  type Upload,
} from "../../../core/uploads.ts";
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "../../../core/db/index.ts";
import {
  deleteFilesByKey,
  getFileByKey,
  putFile,
  putImage,
  type StoredFile,
} from "../../../core/file-store.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { pick } from "../../../core/pick.ts";

/** Largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = PHOTO_BYTES;

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

/** A photo re-encoded and named, held until the command that keeps it stores it. */
export interface PreparedPhoto extends StoredPhoto {
  image: ReencodedImage<"thumb" | "large">;
  originalName: string;
}

/**
 * Prepares a photo: a copy at full size with every metadata (EXIF, GPS location) removed and turned
 * upright (JPEG for JPEG photos, WebP for the rest), a thumbnail and a large WebP. The uploaded
 * bytes themselves are never kept: they carry where and when the photo was taken. Nothing is
 * stored until `savePhoto` runs in the command's transaction.
 */
export async function preparePhoto(
  upload: Upload,
): Promise<Result<PreparedPhoto, SiteKey | CoreKey>> {
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
  return ok({
    image,
    originalName: upload.filename,
    file: newKey(),
    ...pick(image, "ext", "width", "height"),
    bytes: image.data.length,
  });
}

/** Prepares each photo of a batch; the first refused one refuses the batch. */
export async function preparePhotos(
  uploads: Upload[],
): Promise<Result<PreparedPhoto[], SiteKey | CoreKey>> {
  const photos: PreparedPhoto[] = [];
  for (const upload of uploads) {
    const r = await preparePhoto(upload);
    if (!r.ok) return r;
    photos.push(r.value);
  }
  return ok(photos);
}

/** Stores a prepared photo's files (in the transaction of the command that keeps its row). */
export async function savePhoto(tx: DbOrTx, tambonId: number, photo: PreparedPhoto): Promise<void> {
  await putImage(tx, photo.image, {
    tambonId,
    kind: "site.photo",
    name: photo.originalName,
    key: (size) =>
      publicKey(
        size === "thumb"
          ? `${photo.file}-t.webp`
          : size === "large"
            ? `${photo.file}-l.webp`
            : `${photo.file}.${photo.ext}`,
      ),
  });
}

/** A complaint's photo re-encoded and named, held until the complaint is filed. */
export interface PreparedPrivatePhoto {
  name: string;
  image: ReencodedImage;
  originalName: string;
}

/** Prepares a complaint's photo (metadata removed, at most 1600 px), kept privately once saved. */
export async function preparePrivatePhoto(
  upload: Upload,
): Promise<Result<PreparedPrivatePhoto, SiteKey | CoreKey>> {
  const r = await reencodePhoto(upload, COMPLAINT_PHOTO_MAX_BYTES, "photo", {
    format: "jpeg",
    quality: 82,
    maxWidth: LARGE_WIDTH,
  });
  if (!r.ok) return r;
  return ok({ name: `${newKey()}.jpg`, image: r.value, originalName: upload.filename });
}

/** Stores a complaint's prepared photo (in the complaint's transaction). */
export async function savePrivatePhoto(
  tx: DbOrTx,
  tambonId: number,
  photo: PreparedPrivatePhoto,
): Promise<void> {
  await putFile(tx, {
    tambonId,
    kind: "site.complaint-photo",
    contentType: photo.image.mime,
    data: photo.image.data,
    name: photo.originalName,
    key: privateKey(photo.name),
  });
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

/** Removes a complaint's private photo. */
export async function removePrivatePhoto(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<void> {
  if (isPrivateFileName(name)) await deleteFilesByKey(db, tambonId, privateKey(name));
}
