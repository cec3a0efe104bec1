import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import { PHOTO_MAX_BYTES, DOCUMENT_MAX_BYTES, type Upload } from "./media.ts";

interface FilePart {
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
  file?: { truncated?: boolean };
}

/** The files uploaded in a multipart form field (empty file inputs are skipped). */
export async function uploads(req: FastifyRequest, name: string): Promise<Upload[]> {
  const raw = ((req.body ?? {}) as Record<string, unknown>)[name];
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as FilePart[];
  const out: Upload[] = [];
  for (const p of parts) {
    if (!p || typeof p.toBuffer !== "function" || !p.filename) continue;
    const data = await p.toBuffer();
    if (!data.length && !p.file?.truncated) continue;
    out.push({ filename: p.filename, data, truncated: !!p.file?.truncated });
  }
  return out;
}

function multipartLimits(fileSize: number, files: number): RouteShorthandOptions {
  // Oversize files are cut off and flagged (`truncated`) so the form can say so in Thai.
  const multipartOptions = { limits: { fileSize: fileSize + 1, files }, throwFileSizeLimit: false };
  return { config: { multipartOptions } };
}

/** Route options for forms with photos (15 MB each, up to 20 at once). */
export const PHOTO_UPLOAD = multipartLimits(PHOTO_MAX_BYTES, 20);
/** Route options for forms with one document (20 MB). */
export const DOCUMENT_UPLOAD = multipartLimits(DOCUMENT_MAX_BYTES, 2);

/** A positive integer from a query value, or the fallback. */
export function pageParam(value: unknown, fallback = 1): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : fallback;
}
