import type { CoreKey } from "./i18n/messages.ts";

/** An error with an HTTP status and a translated message key, shown as a Thai/English page. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: CoreKey,
  ) {
    super(key);
  }
}

/** 404: no such page or record (also used for records of another tambon). */
export const notFound = () => new HttpError(404, "error.404");
/** 403: signed in but not allowed, or not signed in. */
export const forbidden = (signedIn: boolean) =>
  new HttpError(403, signedIn ? "error.403" : "error.403login");
/** 400: a form without a valid CSRF token. */
export const badCsrf = () => new HttpError(400, "error.csrf");

/**
 * PostgreSQL's codes for a write that lost a race with another one: the same row made twice at
 * once (unique_violation, a form sent twice before the first answer came), or transactions that
 * could not both go on (serialization_failure, deadlock_detected). Each rolled its own
 * transaction back.
 */
const LOST_RACE = new Set(["23505", "40001", "40P01"]);

/**
 * True when an error is a database write that lost a race with a concurrent one (the query
 * builder wraps the driver's error as its `cause`): the request's conflict, answered 409.
 */
export function isLostRace(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && LOST_RACE.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
