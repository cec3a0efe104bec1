import { randomBytes } from "node:crypto";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import { readdir } from "node:fs/promises";
import type { Db, DbOrTx } from "../../core/db/index.ts";
import {
  deleteFilesByKey,
  getFileByKey,
  importLegacyFile,
  putFile,
  tambonIds,
  type StoredFile,
} from "../../core/file-store.ts";
import {
  PHOTO_BYTES,
  readUploads,
  reencodeImage,
  uploadRoute as coreUploadRoute,
} from "../../core/uploads.ts";

/** The largest image accepted (before re-encoding). */
export const MAX_IMAGE_BYTES = PHOTO_BYTES;
/** The largest signed document (PDF) accepted. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/**
 * Route options of a form with one file of up to `bytes`: a larger one is cut off while it streams
 * in and flagged, so the form says so next to the field. The partner form carries a checkbox per
 * village and issue area, hence its many fields.
 */
export function uploadRoute(bytes: number) {
  return coreUploadRoute({ files: 1, fileBytes: bytes, fields: 400 });
}

/** Names of stored files: kind, random part, and the thumbnail mark. */
export const UPLOAD_NAME = /^(partner|agreement|centre)-[0-9a-f]{16}(-thumb)?\.(webp|pdf)$/;

/** True when the bytes start like a PDF document (never trust the name or declared type). */
export function isPdf(buf: Buffer): boolean {
  return buf.length >= 5 && buf.toString("latin1", 0, 5) === "%PDF-";
}

/** A file sent with a multipart form: its bytes, and whether it was cut at the size limit. */
export interface UploadedFile {
  buf: Buffer;
  truncated: boolean;
}

/** The file sent in a multipart field, or null when none was chosen. */
export async function uploadedFile(
  req: FastifyRequest,
  field: string,
): Promise<UploadedFile | null> {
  const { files, tooMany } = readUploads(req, field);
  const file = files[0];
  if (!file) return null;
  // More files than the form takes: refused like an oversize one.
  return { buf: file.data, truncated: file.truncated || tooMany };
}

/** An image re-encoded as WebP (orientation applied, metadata such as GPS removed). */
export interface PreparedImage {
  main: Buffer;
  thumb: Buffer | null;
  width: number;
  height: number;
}

/**
 * Checks an uploaded image by its bytes and re-encodes it through the upload pipeline (an SVG is
 * drawn into pixels): at most `maxSide` pixels on the long side, and a thumbnail when `thumbSide`
 * is given. Null when it is not an image we accept.
 */
export async function prepareImage(
  file: UploadedFile,
  maxSide: number,
  thumbSide?: number,
): Promise<PreparedImage | null> {
  if (file.truncated || file.buf.length > MAX_IMAGE_BYTES) return null;
  const r = await reencodeImage(file.buf, {
    accept: ["jpeg", "png", "webp", "svg"],
    maxWidth: maxSide,
    format: "webp",
    quality: 82,
    variants: thumbSide ? { thumb: { width: thumbSide, quality: 75 } } : undefined,
  });
  if (!r.ok) return null;
  const { image } = r;
  return {
    main: image.data,
    thumb: image.variants.thumb ?? null,
    width: image.width,
    height: image.height,
  };
}

/** The folder where a tambon's network files were kept on disk before the file store. */
export function networkDir(dataDir: string, tambonId: number): string {
  return path.join(dataDir, "uploads", String(tambonId), "network");
}

/** The key of a network file in the file store. */
export const networkKey = (name: string) => `network/${name}`;

/** A new random file name of the given kind. */
export function newFileName(kind: "partner" | "agreement" | "centre", ext: "webp" | "pdf"): string {
  return `${kind}-${randomBytes(8).toString("hex")}.${ext}`;
}

/** The thumbnail's name of a stored image. */
export function thumbName(name: string): string {
  return name.replace(/\.webp$/, "-thumb.webp");
}

/** The kind of a network file in the file store, by its name. */
function kindOf(name: string): string {
  const m = UPLOAD_NAME.exec(name)!;
  return m[1] === "partner"
    ? "network.logo"
    : m[1] === "agreement"
      ? "network.agreement"
      : m[2]
        ? "network.centre-photo.thumb"
        : "network.centre-photo";
}

/** Keeps a file of the tambon's network in the file store (in the command's transaction). */
export async function storeFile(
  db: DbOrTx,
  tambonId: number,
  name: string,
  buf: Buffer,
): Promise<void> {
  if (!UPLOAD_NAME.test(name)) throw new Error(`bad upload name ${name}`);
  await putFile(db, {
    tambonId,
    kind: kindOf(name),
    contentType: name.endsWith(".pdf") ? "application/pdf" : "image/webp",
    data: buf,
    name,
    key: networkKey(name),
  });
}

/** A stored file, or undefined when there is none. */
export async function readStored(
  db: DbOrTx,
  tambonId: number,
  name: string,
): Promise<StoredFile | undefined> {
  if (!UPLOAD_NAME.test(name)) return undefined;
  return getFileByKey(db, tambonId, networkKey(name));
}

/** Removes stored files (missing ones are ignored). */
export async function removeStored(
  db: DbOrTx,
  tambonId: number,
  ...names: (string | null | undefined)[]
): Promise<void> {
  const keys = names.filter((n): n is string => !!n && UPLOAD_NAME.test(n)).map(networkKey);
  await deleteFilesByKey(db, tambonId, ...keys);
}

/**
 * Moves the network files kept on disk (TAMBON_DATA_DIR/uploads/<tambon>/network/) before the
 * file store into it under the names rows already hold, images through the pipeline, and removes
 * them from disk. Safe to run twice. Returns the files stored.
 */
export async function importNetworkDiskFiles(db: Db, dataDir: string): Promise<number> {
  let stored = 0;
  for (const tambonId of await tambonIds(db)) {
    const folder = networkDir(dataDir, tambonId);
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!UPLOAD_NAME.test(name)) continue;
      const pdf = name.endsWith(".pdf");
      if (
        await importLegacyFile(db, {
          tambonId,
          kind: kindOf(name),
          key: networkKey(name),
          path: path.join(folder, name),
          contentType: pdf ? "application/pdf" : "image/webp",
          image: pdf ? undefined : { accept: ["jpeg", "png", "webp"], format: "webp", quality: 82 },
        })
      )
        stored++;
    }
  }
  return stored;
}
