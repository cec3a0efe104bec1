import type { FastifyRequest } from "fastify";
import { HttpError, notFound } from "./errors.ts";

/** The largest value of a PostgreSQL `integer` column, and so the largest record id. */
export const MAX_ID = 2_147_483_647;
/** The last page number a list answers; a larger number shows the first page. */
export const MAX_PAGE = 100_000;
/** The longest search a search box takes (characters, after trimming). */
export const MAX_SEARCH = 200;

const ID = /^[1-9][0-9]{0,9}$/;
const ID_SLUG = /^([1-9][0-9]{0,9})(?:-|$)/;
const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * A record id from a URL, query or form value: decimal digits without sign, point, exponent,
 * prefix or leading zero, at most MAX_ID. Anything else (`1.5`, `1e3`, `0x10`, `-1`, ` 1`,
 * `2147483648`) is null, which no record has.
 */
export function parseId(value: unknown): number | null {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
  if (typeof value !== "string" || !ID.test(value)) return null;
  const n = Number(value);
  return n <= MAX_ID ? n : null;
}

/**
 * The record ids of a repeated form field (a group of checkboxes), each once, in their order;
 * a value that is not an id (`parseId`) names no record and is left out.
 */
export function parseIds(values: readonly unknown[]): number[] {
  const ids = values.map(parseId).filter((id): id is number => id !== null);
  return [...new Set(ids)];
}

/** The id of a URL parameter; a value that is not an id is a page that does not exist (404). */
export function requireId(value: unknown): number {
  const id = parseId(value);
  if (id === null) throw notFound();
  return id;
}

/** The id at the start of a URL part made of an id and a slug, "12-ข่าว" or "12" (null when none). */
export function parseIdSlug(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m = ID_SLUG.exec(value);
  return m ? parseId(m[1]) : null;
}

/** The id of an "id-slug" URL parameter, or 404. */
export function requireIdSlug(value: unknown): number {
  const id = parseIdSlug(value);
  if (id === null) throw notFound();
  return id;
}

/**
 * A page number from the query. Absent, malformed (`1.5`, `1e308`, `-1`, text) or past MAX_PAGE
 * shows the first page, as a mistyped link to a list is best answered with the list.
 */
export function parsePage(value: unknown): number {
  const n = parseId(typeof value === "string" ? value : undefined);
  return n !== null && n <= MAX_PAGE ? n : 1;
}

/** True for a real calendar day written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 and 2024-13-01 no). */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}

/** 400: a date in the address that is not a day. */
export const badDate = () => new HttpError(400, "error.date");

/**
 * A date parameter of the query (a filter's "from", a calendar's "on"): null when absent or
 * empty, the day when it is one, else a 400 page saying the date is not valid.
 */
export function parseDay(value: unknown): string | null {
  if (value === undefined || value === "") return null;
  if (!isDay(value)) throw badDate();
  return value;
}

/**
 * Search words from the query, trimmed ("" when absent). Words longer than `max` characters
 * answer a 422 page saying so rather than being cut silently.
 */
export function parseSearch(value: unknown, max = MAX_SEARCH): string {
  if (typeof value !== "string") return "";
  const q = value.trim();
  if (q.length > max) throw new HttpError(422, "error.searchTooLong");
  return q;
}

/** True when a value (a string, an array or object of them, a multipart part) holds a NUL. */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 3 || value === null || typeof value !== "object") return false;
  if (Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  const part = value as {
    type?: unknown;
    value?: unknown;
    filename?: unknown;
    fieldname?: unknown;
  };
  if (part.type === "field" || part.type === "file")
    return hasNul(part.value, depth + 1) || hasNul(part.filename) || hasNul(part.fieldname);
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

/**
 * The query string as one string per name (the last when a name repeats), so that a page reading
 * `q` or `page` never receives an array. Malformed escapes are kept as they are.
 */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  return out;
}

/**
 * A request's query as one string per name, for routes that read several parameters (the app
 * parses every query with `parseQuery`, so no value is an array).
 */
export function queryOf(req: FastifyRequest): Readonly<Record<string, string | undefined>> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

/** The page number a request asks for in its query (the first page when it is not one). */
export function pageOf(req: FastifyRequest): number {
  return parsePage(queryOf(req).page);
}
