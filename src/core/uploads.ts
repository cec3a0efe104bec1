import { finished } from "node:stream/promises";
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from "fastify";
import multipart, { type MultipartFile } from "@fastify/multipart";
import { loadSharp, type Metadata, type SharpImage } from "./sharp.ts";
import { HttpError } from "./errors.ts";
import type { FieldError } from "./result.ts";
import { pick } from "./pick.ts";

const MB = 1024 * 1024;

/**
 * What a route takes in a multipart form, declared on the route (`config: { upload }`, see
 * `uploadRoute`) and enforced while the body streams in: at most `files` files of at most
 * `fileBytes` each and `fields` text fields.
 */
export interface UploadSpec {
  /** Most files the form takes (the number the route uses). */
  files: number;
  /** Largest file, in bytes. */
  fileBytes: number;
  /** Most text fields (default 100). */
  fields?: number;
}

/**
 * The largest photo any form takes, in every module: what a phone's camera gives (a 12–50
 * megapixel JPEG or HEIC-as-JPEG is 3–12 MB), before it is re-encoded smaller. One rule, so a
 * photo that is taken in one place is not refused in another.
 */
export const PHOTO_BYTES = 15 * MB;

/** Routes that declare nothing take multipart forms without files only. */
export const NO_FILES: UploadSpec = { files: 0, fileBytes: 0, fields: 100 };

/** Text a multipart form may carry besides its files (as much as an ordinary form's body). */
const TEXT_BYTES = MB;
/** Headers of one part (name, file name, type), generously. */
const PART_HEAD_BYTES = 1024;
/**
 * Files sent beyond a form's number are drained unread and reported next to the field (someone
 * chose a few photos too many); this many more and the request is refused with a 413.
 */
const EXTRA_FILES = 8;

/**
 * Registers the multipart parser on the app: bodies are read under the route's declaration (or
 * none), files through `receiveFile`, and a body declared larger than the route takes is refused
 * before it is read (in preParsing, so after every onRequest check of the visitor and the role).
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  app.addHook("onRoute", (r) => {
    if (r.config?.upload)
      r.config = { ...r.config, multipartOptions: parserLimits(r.config.upload) };
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    ...parserLimits(NO_FILES),
    onFile: receiveFile,
  });
  app.addHook("preParsing", async (req) => {
    if (req.method === "POST" || req.method === "PUT") checkDeclaredLength(req);
  });
}

/** Route options of a route that takes files as `spec` says. */
export function uploadRoute(spec: UploadSpec): RouteShorthandOptions {
  return { config: { upload: spec } };
}

/** The upload declaration of the request's route (or no files at all). */
export function uploadSpecOf(req: FastifyRequest): UploadSpec {
  return req.routeOptions.config?.upload ?? NO_FILES;
}

/** The multipart parser's limits for a declaration (the parser stops at them while streaming). */
export function parserLimits(spec: UploadSpec) {
  const fields = spec.fields ?? 100;
  const files = spec.files ? spec.files + EXTRA_FILES : 0;
  return {
    limits: {
      files,
      // One byte more than the limit: a file cut there is known to be too big.
      fileSize: spec.fileBytes + 1,
      fields,
      fieldSize: TEXT_BYTES,
      parts: files + fields + 1,
    },
    throwFileSizeLimit: false,
  };
}

/**
 * The largest body a declaration lets in: as many file parts as the parser reads (the route's
 * number and the few extra it drains), each of the largest size, and the text of a form. A file
 * somewhat over its size still gets the form back with the error next to the field (the parser
 * cuts it off, so memory stays bounded); a body far beyond is refused before it is read.
 */
export function bodyAllowance(spec: UploadSpec): number {
  const parts = spec.files ? spec.files + EXTRA_FILES : 0;
  return parts * (spec.fileBytes + PART_HEAD_BYTES) + TEXT_BYTES;
}

/** 413 for a request larger than its route takes (the page names the route's limits). */
export const tooLarge = () => new HttpError(413, "error.413");

/**
 * Refuses a multipart request whose declared length is more than its route takes, before a byte
 * of its body is read (run after the role checks, so the refusal says nothing to outsiders).
 */
export function checkDeclaredLength(req: FastifyRequest): void {
  if (!String(req.headers["content-type"] ?? "").startsWith("multipart/")) return;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > bodyAllowance(uploadSpecOf(req))) throw tooLarge();
}

/** What was received for one file part of the request. */
interface Received {
  filename: string;
  data: Buffer;
  truncated: boolean;
  /** Sent beyond the route's number of files: drained unread. */
  extra: boolean;
}

const received = new WeakMap<object, Received>();
const fileCounts = new WeakMap<FastifyRequest, number>();

async function drain(part: MultipartFile): Promise<void> {
  part.file.resume();
  await finished(part.file);
}

/**
 * Reads one file part as the parser hands it over (the multipart plugin's `onFile`): a file within
 * the route's number is kept in memory, cut one byte past the size limit (so a request holds at
 * most `files` × `fileBytes`); files beyond the number and empty file inputs are drained unread.
 */
export async function receiveFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  if (!part.filename) return drain(part);
  const count = (fileCounts.get(this) ?? 0) + 1;
  fileCounts.set(this, count);
  if (count > uploadSpecOf(this).files) {
    const data = Buffer.alloc(0);
    received.set(part, { filename: part.filename, data, truncated: false, extra: true });
    return drain(part);
  }
  const data = await part.toBuffer();
  received.set(part, {
    filename: part.filename,
    data,
    truncated: part.file.truncated,
    extra: false,
  });
}

/** An uploaded file as the routes hand it over. */
export interface Upload {
  filename: string;
  data: Buffer;
  /** Larger than the route takes: the data is cut off and must not be used. */
  truncated: boolean;
}

/** The files sent in one field of a multipart form, and whether more were sent than it takes. */
export interface FieldUploads {
  files: Upload[];
  /** More files were sent than the route takes; the extra ones were not read. */
  tooMany: boolean;
}

/**
 * The files of a form field, as received under the route's declaration (empty file inputs and
 * empty files are left out). Every upload route reads its files through this.
 */
export function readUploads(req: FastifyRequest, field: string): FieldUploads {
  const raw = ((req.body ?? {}) as Record<string, unknown>)[field];
  const parts = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: FieldUploads = { files: [], tooMany: false };
  for (const p of parts) {
    const r = p && typeof p === "object" ? received.get(p) : undefined;
    if (!r) continue;
    if (r.extra) out.tooMany = true;
    else if (r.data.length || r.truncated)
      out.files.push({ ...pick(r, "filename", "data", "truncated") });
  }
  return out;
}

/**
 * The field error for files the route cannot take (too many, or one too large), or null. Routes
 * show it next to the field and keep what was typed.
 */
export function uploadError(req: FastifyRequest, got: FieldUploads): FieldError | null {
  const spec = uploadSpecOf(req);
  if (got.tooMany) return { key: "upload.tooMany", vars: { max: spec.files } };
  const big = got.files.find((f) => f.truncated || f.data.length > spec.fileBytes);
  if (big)
    return { key: "upload.tooBig", vars: { name: big.filename, max: megabytes(spec.fileBytes) } };
  return null;
}

/** A byte size in MB for messages (1 MB, 15 MB, 0.5 MB). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

// ------------------------------------------------------------------ images

/** Most pixels of an uploaded photo (a decompression bomb is refused before it is decoded). */
export const PHOTO_MAX_PIXELS = 50_000_000;

/** Image formats an upload may be in (each route says which it takes). */
export type ImageInput = "jpeg" | "png" | "webp" | "heif" | "svg";
/** Formats images are stored and served in. */
export type ImageOutput = "jpeg" | "webp";

/** A further size made from the same upright image (a thumbnail, a large view). */
export interface ImageVariant {
  width: number;
  height?: number;
  fit?: "inside" | "cover";
  format?: ImageOutput;
  quality?: number;
}

/** How an uploaded image is re-encoded. */
export interface ReencodeOptions<V extends string = never> {
  /** Most pixels of the upload, checked on its header before any pixel is decoded. */
  maxPixels?: number;
  /** Longest side of the stored image; a larger one is scaled down (never up). */
  maxWidth?: number;
  /** JPEG, WebP, or "auto": JPEG for JPEG uploads and WebP for the rest (keeps transparency). */
  format?: ImageOutput | "auto";
  quality?: number;
  /** Formats taken (default JPEG, PNG and WebP); an SVG is drawn into pixels, never kept as SVG. */
  accept?: readonly ImageInput[];
  /** Transparent parts are painted this colour (always so for JPEG, default white). */
  background?: string;
  /** Further sizes, made from the same upright image. */
  variants?: Record<V, ImageVariant>;
}

/** A re-encoded image: upright, without EXIF, GPS or any other metadata. */
export interface ReencodedImage<V extends string = never> {
  data: Buffer;
  format: ImageOutput;
  mime: "image/jpeg" | "image/webp";
  ext: "jpg" | "webp";
  width: number;
  height: number;
  /** The format the upload was in. */
  source: ImageInput;
  variants: Record<V, Buffer>;
}

/** Why an upload is not taken as an image. */
export type ImageRefusal = "notImage" | "tooManyPixels";

export type ReencodeResult<V extends string = never> =
  { ok: true; image: ReencodedImage<V> } | { ok: false; reason: ImageRefusal };

const MIME = { jpeg: "image/jpeg", webp: "image/webp" } as const;
const EXT = { jpeg: "jpg", webp: "webp" } as const;

function encode(img: SharpImage, format: ImageOutput, quality: number, background: string) {
  return format === "jpeg"
    ? img.flatten({ background }).jpeg({ quality, mozjpeg: true })
    : img.webp({ quality });
}

/**
 * Re-encodes an uploaded image, the one way every upload is stored: the format is read from the
 * bytes (never the name), the pixel count from the header before decoding, the EXIF orientation
 * applied, the size bounded, and nothing of the upload's metadata (EXIF, GPS, XMP, comments) kept.
 * An SVG (when accepted) is drawn at `maxWidth` on its long side and stored as pixels.
 */
export async function reencodeImage<V extends string = never>(
  input: Buffer,
  opts: ReencodeOptions<V> = {},
): Promise<ReencodeResult<V>> {
  const maxPixels = opts.maxPixels ?? PHOTO_MAX_PIXELS;
  const accept = opts.accept ?? ["jpeg", "png", "webp"];
  const background = opts.background ?? "#ffffff";
  if (!input.length) return { ok: false, reason: "notImage" };
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Reads the header only; no pixel is decoded yet.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "notImage" };
  }
  const source = meta.format as ImageInput;
  if (!accept.includes(source) || !meta.width || !meta.height)
    return { ok: false, reason: "notImage" };
  let img: SharpImage;
  if (source === "svg") {
    // Drawn straight at the size it is stored at: the density is chosen for that size.
    const side = opts.maxWidth ?? 1024;
    const density = Math.min(Math.max((72 * side) / Math.max(meta.width, meta.height), 1), 10_000);
    img = sharp(input, { density, limitInputPixels: maxPixels, failOn: "error" });
  } else {
    if (meta.width * meta.height > maxPixels) return { ok: false, reason: "tooManyPixels" };
    img = sharp(input, { limitInputPixels: maxPixels, failOn: "error" });
  }
  img = img.rotate();
  const format: ImageOutput =
    opts.format === "jpeg" || opts.format === "webp"
      ? opts.format
      : source === "jpeg"
        ? "jpeg"
        : "webp";
  try {
    let main = img.clone();
    if (opts.maxWidth || source === "svg") {
      const side = opts.maxWidth ?? 1024;
      main = main.resize({
        width: side,
        height: side,
        fit: "inside",
        withoutEnlargement: source !== "svg",
      });
    }
    const { data, info } = await encode(main, format, opts.quality ?? 85, background).toBuffer({
      resolveWithObject: true,
    });
    const variants = {} as Record<V, Buffer>;
    for (const [name, v] of Object.entries(opts.variants ?? {}) as [V, ImageVariant][]) {
      const sized = img.clone().resize({
        width: v.width,
        height: v.height ?? v.width,
        fit: v.fit ?? "inside",
        withoutEnlargement: (v.fit ?? "inside") === "inside",
      });
      variants[name] = await encode(
        sized,
        v.format ?? "webp",
        v.quality ?? 75,
        background,
      ).toBuffer();
    }
    return {
      ok: true,
      image: {
        data,
        format,
        mime: MIME[format],
        ext: EXT[format],
        width: info.width,
        height: info.height,
        source,
        variants,
      },
    };
  } catch {
    return { ok: false, reason: "notImage" };
  }
}

/**
 * Recognises a raster image by its first bytes (never by the name or the declared type), to tell a
 * photo from a document; what is stored is always re-encoded by `reencodeImage`.
 */
export function checkImage(buf: Buffer): "png" | "jpg" | "webp" | null {
  if (
    buf.length >= 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "png";
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpg";
  if (
    buf.length >= 12 &&
    buf.toString("ascii", 0, 4) === "RIFF" &&
    buf.toString("ascii", 8, 12) === "WEBP"
  )
    return "webp";
  return null;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The files the route takes in a multipart form (none when not declared). */
    upload?: UploadSpec;
  }
}

const OFFICE: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};
const IMAGE_MIME = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" } as const;

/**
 * What an uploaded file is, from its first bytes (and, for office documents, its extension): a
 * photo (PNG, JPEG, WebP; re-encode it before keeping it), a PDF or an office document, else null.
 */
export function sniffFile(
  buf: Buffer,
  filename: string,
): { kind: "photo" | "document"; mime: string } | null {
  const image = checkImage(buf);
  if (image) return { kind: "photo", mime: IMAGE_MIME[image] };
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-")
    return { kind: "document", mime: "application/pdf" };
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && OFFICE[ext])
    return { kind: "document", mime: OFFICE[ext] };
  return null;
}
