import type { FastifyRequest, RouteShorthandOptions } from "fastify";
import { forbidden, notFound } from "../../../core/errors.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import type { Db } from "../../../core/db/index.ts";
import { getEdition, type CharterRow, type EditionRow } from "../queries.ts";
import { requireId } from "../../../core/params.ts";
import type { Upload } from "../commands/signing.ts";
import { IMAGE_MAX_BYTES } from "../images.ts";
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

/** True when the actor may read editions that are still drafts (members of the tambon). */
export function canReadDrafts(req: FastifyRequest, tambonId: number): boolean {
  return can(req.actor, "charter.readDraft", { tambonId });
}

/** Throws 403 (sign-in for visitors) unless the edition may be read: drafts are for members. */
export function assertReadable(req: FastifyRequest, edition: EditionRow): void {
  if (edition.status === "draft" && !canReadDrafts(req, edition.tambonId))
    throw forbidden(!!req.actor.user);
}

/** The edition of the URL with its charter, after the reading checks (404 for another tambon's). */
export async function loadEdition(
  req: FastifyRequest,
  db: Db,
  id: string,
  action = "charter.read",
): Promise<{ edition: EditionRow; charter: CharterRow; slug: string }> {
  const tambon = currentTambon(req);
  authorize(req, action, { tambonId: tambon.id });
  const found = await getEdition(db, tambon.id, requireId(id));
  if (!found) throw notFound();
  assertReadable(req, found.edition);
  return { ...found, slug: tambon.slug };
}

/** The uploaded file of a multipart form field (empty when none was chosen). */
export async function uploadOf(req: FastifyRequest, field: string): Promise<Upload> {
  const { files, tooMany } = readUploads(req, field);
  const file = files[0];
  if (!file) return { data: Buffer.alloc(0), filename: "" };
  // More files than the form takes: refused like an oversize one.
  return { data: file.data, filename: file.filename, truncated: file.truncated || tooMany };
}

/** The site's own origin as the visitor reached it (for links in exports and share cards). */
export function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? "localhost"}`;
}
