import { type UploadSpec } from "../../../core/uploads.ts";
import { type RouteShorthandOptions, type onRequestHookHandler } from "fastify";
import { can } from "../../../core/policy.ts";
import { forbidden } from "../../../core/errors.ts";
import { COMPLAINT_PHOTO_MAX_BYTES, DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES } from "./media.ts";

/** Route options declaring the files a form takes, for people allowed `action`. */
export function uploadFor(action: string, upload: UploadSpec): RouteShorthandOptions {
  return { config: { upload }, onRequest: onlyFor(action) };
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

/** Photos a gallery takes at once. */
export const GALLERY_BATCH = 20;

/** Photos a members' corner post carries. */
export const CORNER_PHOTOS = 4;

/** Route options for a gallery's photos (15 MB each, 20 at once), for people allowed `action`. */
export function galleryUpload(action: string): RouteShorthandOptions {
  return uploadFor(action, { files: GALLERY_BATCH, fileBytes: PHOTO_MAX_BYTES, fields: 20 });
}

/** Route options for a form with one photo of 15 MB (a news cover), for people allowed `action`. */
export function coverUpload(action: string): RouteShorthandOptions {
  return uploadFor(action, { files: 1, fileBytes: PHOTO_MAX_BYTES, fields: 40 });
}

/** Route options for a corner post: the four photos it keeps, 15 MB each, for `action`. */
export function cornerUpload(action: string): RouteShorthandOptions {
  return uploadFor(action, { files: CORNER_PHOTOS, fileBytes: PHOTO_MAX_BYTES, fields: 20 });
}

/** Route options for forms with one document (20 MB), for people allowed `action`. */
export function documentUpload(action: string): RouteShorthandOptions {
  return uploadFor(action, { files: 1, fileBytes: DOCUMENT_MAX_BYTES, fields: 20 });
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
    upload: { files: 1, fileBytes: COMPLAINT_PHOTO_MAX_BYTES, fields: 20 },
    anonymousUpload: true,
    rateLimit: COMPLAINT_RATE_LIMIT,
  },
};

export const COVER_UPLOAD = coverUpload("site.edit");

export const GALLERY_UPLOAD = galleryUpload("site.edit");

export const DOCUMENT_UPLOAD = documentUpload("site.edit");
