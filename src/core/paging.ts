import { pageCache } from "./page-cache.ts";
import { parseId } from "./params.ts";

/** Rows on one page of a list (news, partners, meetings, people …): one rule for every list. */
export const PAGE_SIZE = 20;
/** Pictures on one page of a grid (2, 3 or 4 columns fill it). */
export const GRID_PAGE_SIZE = 24;

/** Which rows a page holds. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** One page of a list, with where it is and how much there is. */
export interface Page<T> {
  items: T[];
  /** Rows in the whole list. */
  total: number;
  /** This page's number, from 1 (never past the last page). */
  page: number;
  pageSize: number;
  /** Pages in all (1 for an empty list). */
  pages: number;
}

/** The number of pages a list of `total` rows takes (at least 1). */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Loads one page of a list: counts the rows, then reads the page's window. A page number past
 * the end reads the last page (a link kept from when the list was longer still shows rows).
 */
export async function paged<T>(
  page: number,
  count: () => Promise<number>,
  rows: (window: PageWindow) => Promise<T[]>,
  pageSize = PAGE_SIZE,
): Promise<Page<T>> {
  const total = await count();
  const pages = pageCount(total, pageSize);
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const items =
    total === 0 ? [] : await rows({ limit: pageSize, offset: (current - 1) * pageSize });
  return { items, total, page: current, pageSize, pages };
}

/** A page of rows already in memory (a short list filtered in code). */
export function pageOfList<T>(all: readonly T[], page: number, pageSize = PAGE_SIZE): Page<T> {
  const pages = pageCount(all.length, pageSize);
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const offset = (current - 1) * pageSize;
  return {
    items: all.slice(offset, offset + pageSize),
    total: all.length,
    page: current,
    pageSize,
    pages,
  };
}

/** A link to another page of the same list, keeping the list's other query parameters. */
export function pageHref(
  path: string,
  query: Record<string, string | number | null | undefined>,
  page: number,
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (k !== "page" && v !== null && v !== undefined && v !== "") p.set(k, String(v));
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * A list's count, kept until its tambon changes (any command of the tambon drops it, as it drops
 * the tambon's cached pages) or for the page cache's lifetime: a page of a long list reads its
 * rows from an index, but counting the whole list would read every row on every request.
 * `key` names the list and its filters; a filter of free text should not be kept this way.
 */
export function keptCount(
  tambonId: number,
  key: string,
  count: () => Promise<number>,
): () => Promise<number> {
  return () => pageCache.memo(tambonId, `count:${key}`, count);
}

/** Where a page of a list read in its index's order starts: after one row, or before one. */
export type Cursor = { after: number } | { before: number };

/**
 * The cursor a pager's link names (`?page=3&after=812`): the row the page follows or precedes.
 * The first page has none, and a bare `?page=N` none either (it is read by its number).
 */
export function pageCursor(
  page: number,
  query: { after?: unknown; before?: unknown },
): Cursor | null {
  if (page <= 1) return null;
  const after = parseId(query.after);
  if (after) return { after };
  const before = parseId(query.before);
  return before ? { before } : null;
}

/**
 * One page of a list, kept until its tambon changes (or for the page cache's lifetime, which
 * lets rows set for later come in). `read` is given the page's cursor; when the cursor finds
 * nothing (the row it named was taken back or deleted) the page is read again by its number
 * (`read(null)`). `name` and `filter` make the key: filters of free text should not be kept.
 */
export function keptPage<T extends { items: readonly unknown[] }>(
  tambonId: number,
  name: string,
  filter: readonly (string | number | null | undefined)[],
  page: number,
  cursor: Cursor | null,
  read: (cursor: Cursor | null) => Promise<T>,
): Promise<T> {
  const parts = [name, ...filter.map((v) => v ?? ""), page, cursor ? JSON.stringify(cursor) : ""];
  return pageCache.memo(tambonId, parts.join(":"), async () => {
    const found = await read(cursor);
    return cursor && found.items.length === 0 ? read(null) : found;
  });
}
