import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import type { Upload } from "./commands.ts";
import { IMAGE_MAX_BYTES } from "./images.ts";
import { readUploads, uploadRoute } from "../../../core/uploads.ts";

/**
 * Route options for a form with one photo or scan of up to 15 MB; an oversize file is cut off
 * while it streams in and flagged (not refused with a bare 413) so the form can say so and keep
 * what was typed.
 */
export const IMAGE_UPLOAD: RouteShorthandOptions = uploadRoute({
  files: 1,
  fileBytes: IMAGE_MAX_BYTES,
  fields: 40,
});

/** The uploaded file of a multipart form field (empty when none was chosen). */
export async function uploadOf(req: FastifyRequest, field: string): Promise<Upload> {
  const { files, tooMany } = readUploads(req, field);
  const file = files[0];
  if (!file) return { data: Buffer.alloc(0), filename: "" };
  // More files than the form takes: refused like an oversize one.
  return { data: file.data, filename: file.filename, truncated: file.truncated || tooMany };
}
