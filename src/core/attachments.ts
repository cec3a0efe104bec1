import type { DbOrTx } from "./db/index.ts";
import { putFile, type FileRef } from "./file-store.ts";
import { reencodeImage, sniffFile, type ImageRefusal } from "./uploads.ts";

/**
 * An attachment (a meeting's or a project's photo or document) as it will be stored: a photo
 * re-encoded (upright, without EXIF or GPS) with its pixel size and a small WebP thumbnail; a PDF or
 * office document as it came.
 */
export interface PreparedAttachment {
  kind: "photo" | "document";
  mime: string;
  data: Buffer;
  width: number | null;
  height: number | null;
  thumb: Buffer | null;
}

/**
 * Prepares an uploaded photo or document for keeping (see `PreparedAttachment`): `unknownType` when
 * it is neither (or empty), else the image pipeline's refusal (`tooManyPixels` …).
 */
export async function prepareAttachment(file: {
  data: Buffer;
  filename: string;
}): Promise<
  { ok: true; value: PreparedAttachment } | { ok: false; reason: ImageRefusal | "unknownType" }
> {
  const sniffed = file.data.length ? sniffFile(file.data, file.filename) : null;
  if (!sniffed) return { ok: false, reason: "unknownType" };
  if (sniffed.kind === "document")
    return {
      ok: true,
      value: { ...sniffed, data: file.data, width: null, height: null, thumb: null },
    };
  const r = await reencodeImage(file.data, { variants: { thumb: { width: 480, quality: 72 } } });
  if (!r.ok) return r;
  const { data, mime, width, height } = r.image;
  return {
    ok: true,
    value: { kind: "photo", mime, data, width, height, thumb: r.image.variants.thumb },
  };
}

/**
 * Stores a prepared attachment in the file store as `<prefix>.<photo|document>` and its thumbnail
 * (if any) as `<prefix>.photo.thumb`.
 */
export async function putAttachment(
  tx: DbOrTx,
  opts: { tambonId: number; prefix: string; name: string },
  a: PreparedAttachment,
): Promise<{ file: FileRef; thumb: FileRef | null }> {
  const { tambonId, name } = opts;
  const kind = `${opts.prefix}.${a.kind}`;
  const file = await putFile(tx, { tambonId, kind, contentType: a.mime, data: a.data, name });
  const thumb = a.thumb
    ? await putFile(tx, {
        tambonId,
        kind: `${kind}.thumb`,
        contentType: "image/webp",
        data: a.thumb,
        name,
      })
    : null;
  return { file, thumb };
}
