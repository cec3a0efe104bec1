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
