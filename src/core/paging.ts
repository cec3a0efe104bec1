import { pageCache } from "./page-cache.ts";

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
