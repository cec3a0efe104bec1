import type { FastifyRequest, onRequestHookHandler, RouteShorthandOptions } from "fastify";
import { forbidden } from "../../core/errors.ts";
import { can } from "../../core/policy.ts";
import {
  COMPLAINT_PHOTO_MAX_BYTES,
  DOCUMENT_MAX_BYTES,
  PHOTO_MAX_BYTES,
  type Upload,
} from "./media.ts";

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

/**
 * A hook refusing an upload before its body is read unless the visitor is signed in with the right
 * to do `action` in the tambon. It runs on the request, after the actor (app) and the tambon (the
 * /t/:tambon scope) are known, so megabytes of files are never read for someone who may not post.
 */
export function onlyFor(action: string): onRequestHookHandler {
  return async (req) => {
    const tambon = req.tambon;
    if (!tambon || !can(req.actor, action, { tambonId: tambon.id }))
      throw forbidden(!!req.actor.user);
  };
}

/** Route options for forms with photos (15 MB each, up to 20 at once), for people allowed `action`. */
export function photoUpload(action: string): RouteShorthandOptions {
  return { ...multipartLimits(PHOTO_MAX_BYTES, 20), onRequest: onlyFor(action) };
}
/** Route options for forms with one document (20 MB), for people allowed `action`. */
export function documentUpload(action: string): RouteShorthandOptions {
  return { ...multipartLimits(DOCUMENT_MAX_BYTES, 2), onRequest: onlyFor(action) };
}

/** Filing complaints: five in ten minutes from one address (anyone may file, without an account). */
export const COMPLAINT_RATE_LIMIT = {
  max: 5,
  timeWindow: "10 minutes",
  hook: "onRequest" as const,
};
/** Looking up a complaint by its code: enough for people, too few to guess codes. */
export const TRACK_RATE_LIMIT = { max: 20, timeWindow: "1 minute" };

/**
 * Route options for filing a complaint: one photo of modest size from visitors without an account,
 * counted against the rate limit before the body is read.
 */
export const COMPLAINT_UPLOAD: RouteShorthandOptions = {
  config: {
    ...multipartLimits(COMPLAINT_PHOTO_MAX_BYTES, 1).config,
    anonymousUpload: true,
    rateLimit: COMPLAINT_RATE_LIMIT,
  },
};
