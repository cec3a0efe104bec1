import { createHmac, timingSafeEqual } from "node:crypto";

/** What a study visit's private link is made from: the row's id, host and creation time. */
export interface LinkedVisit {
  id: number;
  tambonId: number;
  createdAt: Date;
}

/**
 * The unguessable token of the private link given to a group that asked through the public form
 * (no account): it lets them follow the request and answer a date the host proposes. It is a
 * keyed hash of the visit, so nothing more is stored and only this server can make one.
 */
export function visitToken(secret: string, v: LinkedVisit): string {
  return createHmac("sha256", secret)
    .update(`study-visit:${v.id}:${v.tambonId}:${v.createdAt.getTime()}`)
    .digest("base64url")
    .slice(0, 32);
}

/** True when the token is the visit's own (compared in constant time). */
export function isVisitToken(secret: string, v: LinkedVisit, token: string): boolean {
  const want = Buffer.from(visitToken(secret, v));
  const got = Buffer.from(String(token));
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The path of a visit's private link within the host tambon. */
export function visitLinkPath(tambonSlug: string, v: LinkedVisit, secret: string): string {
  return `/t/${tambonSlug}/visit-requests/${v.id}/${visitToken(secret, v)}`;
}
