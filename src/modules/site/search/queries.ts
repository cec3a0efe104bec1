import { type SearchKind } from "./commands.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { searchQuery } from "../shared/text.ts";
import { and, count, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { searchDocuments } from "../schema.ts";
import { pageCache } from "../../../core/page-cache.ts";

/** A search hit. */
export interface SearchHit {
  kind: SearchKind;
  refId: number;
  title: string;
  body: string;
  url: string;
  rank: number;
}

/** At most this many matches are ranked; beyond it the count shows as "1,000+". */
export const SEARCH_CANDIDATES = 1000;

/** Search results: the page of hits, how many matched (at most 1,000), and whether there were more. */
export interface SearchResult {
  total: number;
  /** True when more than `SEARCH_CANDIDATES` items matched (the total is then a lower bound). */
  capped: boolean;
  hits: SearchHit[];
}

/**
 * Finds a tambon's public items matching a Thai or English query, best first. Only the 1,000
 * newest matches (found through the GIN index) are ranked, and the count comes from the same
 * query, so a common word costs one bounded scan however many items hold it.
 */
export async function searchSite(
  db: DbOrTx,
  tambonId: number,
  query: string,
  opts: { limit?: number; offset?: number; now?: Date } = {},
): Promise<SearchResult> {
  const q = searchQuery(query);
  if (!q) return { total: 0, capped: false, hits: [] };
  const now = opts.now ?? new Date();
  const tsq = sql`to_tsquery('simple', ${q})`;
  const where = and(
    eq(searchDocuments.tambonId, tambonId),
    sql`${searchDocuments.tsv} @@ ${tsq}`,
    or(isNull(searchDocuments.visibleFrom), lte(searchDocuments.visibleFrom, now)),
    or(isNull(searchDocuments.visibleUntil), gt(searchDocuments.visibleUntil, now)),
  );
  // One more than the cap tells whether there were more.
  const candidates = db
    .select({ id: searchDocuments.id })
    .from(searchDocuments)
    .where(where)
    .orderBy(desc(searchDocuments.updatedAt), desc(searchDocuments.id))
    .limit(SEARCH_CANDIDATES + 1)
    .as("candidates");
  const rank = sql<number>`ts_rank(${searchDocuments.tsv}, ${tsq})`;
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;
  const rows = await db
    .select({
      kind: searchDocuments.kind,
      refId: searchDocuments.refId,
      title: searchDocuments.title,
      body: sql<string>`left(${searchDocuments.body}, 1500)`,
      url: searchDocuments.url,
      rank,
      matched: sql<number>`count(*) over ()`,
    })
    .from(candidates)
    .innerJoin(searchDocuments, eq(searchDocuments.id, candidates.id))
    .orderBy(desc(rank), desc(searchDocuments.updatedAt), desc(searchDocuments.id))
    .limit(Math.min(limit, SEARCH_CANDIDATES - Math.min(offset, SEARCH_CANDIDATES)))
    .offset(offset);
  let matched = rows.length ? Number(rows[0]!.matched) : 0;
  if (!rows.length && offset > 0) {
    // Past the last page: count the (bounded) matches alone.
    const [c] = await db.select({ n: count() }).from(candidates);
    matched = Number(c?.n ?? 0);
  }
  const hits = rows.map(({ matched: _m, ...h }) => ({ ...h, rank: Number(h.rank) }));
  return {
    total: Math.min(matched, SEARCH_CANDIDATES),
    capped: matched > SEARCH_CANDIDATES,
    hits,
  };
}

export const recent = new Map<string, { at: number; value: Promise<SearchResult> }>();

export const RECENT_MAX = 500;

// Changes drop the answers at once (the generation is in the key); the time bound only covers
// news whose scheduled publication or expiry passes.
export const RECENT_MS = 60_000;

/**
 * `searchSite` with the answers of the last minute kept in memory (at most 500), dropped when
 * the tambon changes: a popular query is answered once, not once per visitor, and visitors who
 * ask the same thing at the same moment share one query.
 */
export async function searchSiteCached(
  db: DbOrTx,
  tambonId: number,
  query: string,
  opts: { limit?: number; offset?: number } = {},
): Promise<SearchResult> {
  const q = searchQuery(query);
  if (!q) return { total: 0, capped: false, hits: [] };
  const key = `${tambonId}|${pageCache.generation(tambonId)}|${opts.limit}|${opts.offset}|${q}`;
  const hit = recent.get(key);
  const now = Date.now();
  if (hit && now - hit.at < RECENT_MS) return hit.value;
  const value = searchSite(db, tambonId, query, opts);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, { at: now, value });
  value.catch(() => {
    if (recent.get(key)?.value === value) recent.delete(key);
  });
  return value;
}
