import { and, count, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { pageCache } from "../../core/page-cache.ts";
import { searchDocuments } from "./schema.ts";
import { searchQuery, segmented } from "./text.ts";

/** What may be found by search. */
export type SearchKind = (typeof searchDocuments.$inferSelect)["kind"];

/** One thing to index: its title and text, where it is, and when it may be found. */
export interface Indexable {
  tambonId: number;
  kind: SearchKind;
  refId: number;
  title: string;
  body: string;
  url: string;
  visibleFrom?: Date | null;
  visibleUntil?: Date | null;
}

/** Adds or refreshes an item in the search index (call inside the command's transaction). */
export async function indexItem(tx: DbOrTx, item: Indexable): Promise<void> {
  const body = item.body.slice(0, 20_000);
  const tsv = sql`setweight(to_tsvector('simple', ${segmented(item.title)}), 'A') || setweight(to_tsvector('simple', ${segmented(body)}), 'B')`;
  const values = {
    title: item.title,
    body,
    url: item.url,
    tsv,
    visibleFrom: item.visibleFrom ?? null,
    visibleUntil: item.visibleUntil ?? null,
    updatedAt: new Date(),
  };
  await tx
    .insert(searchDocuments)
    .values({ tambonId: item.tambonId, kind: item.kind, refId: item.refId, ...values })
    .onConflictDoUpdate({
      target: [searchDocuments.tambonId, searchDocuments.kind, searchDocuments.refId],
      set: values,
    });
}

/** Removes an item from the search index (hidden, deleted or unpublished). */
export async function unindexItem(
  tx: DbOrTx,
  tambonId: number,
  kind: SearchKind,
  refId: number,
): Promise<void> {
  await tx
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.tambonId, tambonId),
        eq(searchDocuments.kind, kind),
        eq(searchDocuments.refId, refId),
      ),
    );
}

/** A search hit. */
export interface SearchHit {
  kind: SearchKind;
  refId: number;
  title: string;
  body: string;
  url: string;
  rank: number;
}

/** Finds a tambon's public items matching a Thai or English query, best first. */
export async function searchSite(
  db: DbOrTx,
  tambonId: number,
  query: string,
  opts: { limit?: number; offset?: number; now?: Date } = {},
): Promise<{ total: number; hits: SearchHit[] }> {
  const q = searchQuery(query);
  if (!q) return { total: 0, hits: [] };
  const now = opts.now ?? new Date();
  const tsq = sql`to_tsquery('simple', ${q})`;
  const where = and(
    eq(searchDocuments.tambonId, tambonId),
    sql`${searchDocuments.tsv} @@ ${tsq}`,
    or(isNull(searchDocuments.visibleFrom), lte(searchDocuments.visibleFrom, now)),
    or(isNull(searchDocuments.visibleUntil), gt(searchDocuments.visibleUntil, now)),
  );
  const rank = sql<number>`ts_rank(${searchDocuments.tsv}, ${tsq})`;
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;
  const hits = await db
    .select({
      kind: searchDocuments.kind,
      refId: searchDocuments.refId,
      title: searchDocuments.title,
      body: sql<string>`left(${searchDocuments.body}, 1500)`,
      url: searchDocuments.url,
      rank,
    })
    .from(searchDocuments)
    .where(where)
    .orderBy(desc(rank), desc(searchDocuments.updatedAt))
    .limit(limit)
    .offset(offset);
  // Counting is needed only when this page is full.
  const total =
    hits.length < limit && (hits.length > 0 || offset === 0)
      ? offset + hits.length
      : Number((await db.select({ n: count() }).from(searchDocuments).where(where))[0]?.n ?? 0);
  return { total, hits: hits.map((h) => ({ ...h, rank: Number(h.rank) })) };
}

const recent = new Map<string, { at: number; value: { total: number; hits: SearchHit[] } }>();
const RECENT_MAX = 500;
const RECENT_MS = 10_000;

/**
 * `searchSite` with the answers of the last few seconds kept in memory (at most 500), dropped when
 * the tambon changes: a popular query is answered once, not once per visitor.
 */
export async function searchSiteCached(
  db: DbOrTx,
  tambonId: number,
  query: string,
  opts: { limit?: number; offset?: number } = {},
): Promise<{ total: number; hits: SearchHit[] }> {
  const q = searchQuery(query);
  if (!q) return { total: 0, hits: [] };
  const key = `${tambonId}|${pageCache.generation(tambonId)}|${opts.limit}|${opts.offset}|${q}`;
  const hit = recent.get(key);
  const now = Date.now();
  if (hit && now - hit.at < RECENT_MS) return hit.value;
  const value = await searchSite(db, tambonId, query, opts);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, { at: now, value });
  return value;
}
