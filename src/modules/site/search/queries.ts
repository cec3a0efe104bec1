import { kindLexeme, tambonLexeme, SEARCH_KINDS, type SearchKind } from "./commands.ts";
import { rowsOf, type DbOrTx } from "../../../core/db/index.ts";
import { queryWords, searchQuery, tsquery } from "../shared/text.ts";
import { and, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { searchDocuments, searchSnippets } from "../schema.ts";
import { pageCache } from "../../../core/page-cache.ts";

/** A search hit. */
export interface SearchHit {
  kind: SearchKind;
  refId: number;
  title: string;
  /** The part of the item's text around its first match (`SNIPPET_WINDOW` characters at most). */
  body: string;
  /** Whether the item's text goes on before and after `body`. */
  cut: { before: boolean; after: boolean };
  url: string;
  rank: number;
}

/**
 * How much of an item's text a search sends for its snippet: this many characters, from
 * `SNIPPET_LEAD` before the first place any word of the query stands (the page shows 180 of them
 * around it). A snippet's text is kept up to 1,500 characters, and twenty of them whole were a
 * third of the server's own CPU for a search at 200 documents, most of it reading Thai text.
 */
export const SNIPPET_WINDOW = 600;
export const SNIPPET_LEAD = 200;

/** At most this many matches are ranked and counted; beyond it the count shows as "1,000+". */
export const SEARCH_CANDIDATES = 1000;

/** How many matches of one kind (at most 1,000; `capped` when there were more). */
export interface SearchFacet {
  kind: SearchKind;
  count: number;
  capped: boolean;
}

/** Search results: the page of hits, how many matched (at most 1,000), and whether there were more. */
export interface SearchResult {
  total: number;
  /** True when more than `SEARCH_CANDIDATES` items matched (the total is then a lower bound). */
  capped: boolean;
  hits: SearchHit[];
  /** Matches per kind, of every kind (whatever `kind` filter was asked), most first. */
  facets: SearchFacet[];
}

const EMPTY: SearchResult = { total: 0, capped: false, hits: [], facets: [] };

/** True for a known kind of search document (a `kind` query parameter is checked with it). */
export function isSearchKind(kind: unknown): kind is SearchKind {
  return typeof kind === "string" && (SEARCH_KINDS as readonly string[]).includes(kind);
}

/**
 * Finds a tambon's public items matching a Thai or English query, best first, with the number of
 * matches of each kind; `kind` keeps one kind. At most 1,001 matches are taken and ranked (see
 * `searchQueries`); counts stop at 1,000 ("1,000+"). A common word therefore costs a read of
 * about a thousand of the newest items however many hold it, and a rare word what it finds.
 */
export async function searchSite(
  db: DbOrTx,
  tambonId: number,
  query: string,
  opts: { limit?: number; offset?: number; now?: Date; kind?: SearchKind } = {},
): Promise<SearchResult> {
  const queries = searchQueries(db, tambonId, query, opts.now ?? new Date());
  if (!queries) return EMPTY;
  const kind = opts.kind;
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;

  // One statement takes the (at most 1,001) matches from the index, ranks them once, counts them
  // per kind and returns the page (with a kind, of that kind's own first 1,001 matches). The
  // counts are exact when the matches are fewer than the cap; beyond it each kind's count is a
  // lower bound ("n+"), and a kind none of those matches holds is not offered (counting each kind
  // apart costs a scan of every match per kind).
  const found = await queries.run(limit, offset, kind);
  const allCount = found.kinds.reduce((s, r) => s + r.n, 0);
  const over = allCount > SEARCH_CANDIDATES;
  const facets: SearchFacet[] = found.kinds.map((r) => ({
    kind: r.kind,
    count: Math.min(r.n, SEARCH_CANDIDATES),
    capped: over,
  }));
  facets.sort(
    (a, b) => b.count - a.count || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind),
  );
  if (!facets.length) return EMPTY;

  // With a kind, the statement counted and ranked that kind's own matches (bounded too).
  const matched = kind ? found.ranked : allCount;
  const capped = matched > SEARCH_CANDIDATES;
  const total = Math.min(matched, SEARCH_CANDIDATES);
  if (!matched || offset >= total) return { total, capped, hits: [], facets };
  return { total, capped, hits: found.hits.slice(0, total - offset), facets };
}

/**
 * A tambon of up to this many documents is searched by reading them all in order; a larger one
 * samples its newest first (see `searchQueries`).
 */
export const SEARCH_PROBE = 2000;

/** How many of a large tambon's newest documents tell whether a query is common. */
export const SEARCH_SAMPLE = 200;

/**
 * A query is common when at least this many of the sample match (one in four): reading in order
 * then finds 1,001 matches within about `SEARCH_READ_MAX` rows, cheaper than the GIN index's
 * bitmap of every match. A rarer query is left to the index (or to the planner's reading in
 * table order, when it judges that cheaper).
 */
export const SEARCH_COMMON = 50;

/** How many documents a common query reads in order at most before the GIN index takes over. */
export const SEARCH_READ_MAX = 4_000;

/**
 * How many documents the tambon has in the search, counted up to `SEARCH_PROBE` + 1 in the order
 * of the index on the tambon and the time (which the count reads alone).
 */
const documentsUpToProbe = (tambonId: number) => sql`(select count(*)::int from (
    select 1 from ${searchDocuments} where ${searchDocuments.tambonId} = ${tambonId}
    order by updated_at desc nulls last, id desc nulls last
    limit ${SEARCH_PROBE + 1}) a)`;

/** `documentsUpToProbe`, kept until the tambon's next change. */
function documentsOf(db: DbOrTx, tambonId: number): Promise<number> {
  return pageCache.memo(tambonId, "search:documents", async () => {
    const [row] = await rowsOf<{ n: number }>(db, sql`select ${documentsUpToProbe(tambonId)} as n`);
    return Number(row?.n ?? 0);
  });
}

/**
 * The statement of a search (null for a query without words): `run` takes at most 1,001 matches,
 * counts them per kind and returns a page of them ranked, in one statement; with a kind, that
 * kind's own first 1,001 matches are counted and ranked beside them (`statement` is its SQL, for
 * plans).
 *
 * The candidates are found in bounded steps, none of which costs more as other tambons grow. A
 * tambon of no more than `SEARCH_PROBE` documents (`large` false) has them read in order, newest
 * first, through the index on the tambon and the time, stopping at 1,001 matches. In a larger one,
 * the newest `SEARCH_SAMPLE` documents tell first whether the query is common (one in four of
 * them match): if so, the newest documents are read in order until 1,001 match (a common word
 * stops there, having read about 1,001 / its share of rows, however many thousands of documents
 * hold it; at most `SEARCH_READ_MAX`). Otherwise, or when fewer matched, the GIN index finds the
 * matches (those already found left out); the tambon (and kind) is part of that text query
 * (marker lexemes in every document), so the index picks them alone, but a prefix (the last
 * word) gathers its matches in every tambon first, which is why common words are not left to
 * it. Only the candidates are ranked, each once; the newest of a common word's matches are the
 * ones ranked.
 */
export function searchQueries(db: DbOrTx, tambonId: number, query: string, now: Date) {
  const ws = queryWords(query);
  const q = tsquery(ws);
  if (!q) return null;
  const words = sql`to_tsquery('simple', ${q})`;
  // The query's words, for finding where each hit's text first holds one (its snippet's place):
  // a word without letter case (Thai, digits) is looked for as it is, a Latin word in the text
  // made lower case (which costs more, most in PGlite's WebAssembly).
  const list = [...new Set(ws)].join(" ");
  const visible = and(
    or(isNull(searchDocuments.visibleFrom), lte(searchDocuments.visibleFrom, now)),
    or(isNull(searchDocuments.visibleUntil), gt(searchDocuments.visibleUntil, now)),
  );
  const rank = sql`ts_rank(tsv, ${words}) as rank`;
  const cap = SEARCH_CANDIDATES + 1;
  /**
   * The candidates (`name`, at most 1,001, of one kind or of all), found only when `gate` holds:
   * in a small tambon by reading its documents in order; in a large one, first from the newest
   * documents when the query is common; then, when those gave fewer than 1,001 (and the tambon
   * has more documents than were read), from the GIN index.
   */
  const candidates = (name: string, kind: SearchKind | undefined, gate: SQL, large: boolean) => {
    const marks = kind
      ? `'${tambonLexeme(tambonId)}' & '${kindLexeme(kind)}'`
      : `'${tambonLexeme(tambonId)}'`;
    const newest = sql.raw(`${name}_newest`);
    const newestRows = (n: number) => sql`select id, kind, updated_at, tsv from ${searchDocuments}
        where ${searchDocuments.tambonId} = ${tambonId} and ${visible}
        order by updated_at desc nulls last, id desc nulls last
        limit ${n}`;
    const matches = sql`tsv @@ ${words}${kind ? sql` and kind = ${kind}` : sql``}`;
    const common = sql`(select count(*) from (${newestRows(SEARCH_SAMPLE)}) s
        where ${matches}) >= ${SEARCH_COMMON}`;
    // A tambon counted small may have grown since: then the index finds what the read did not.
    const grown = sql`${documentsUpToProbe(tambonId)} > ${SEARCH_PROBE}`;
    return sql`${newest} as materialized (
        select id, kind, updated_at, ${rank} from (${newestRows(large ? SEARCH_READ_MAX : SEARCH_PROBE)}) s
        where ${gate} and ${large ? common : sql`true`} and ${matches}
        limit ${cap}
      ), ${sql.raw(name)} as materialized (
        select * from ${newest}
        union all
        (select id, kind, updated_at, ${rank} from ${searchDocuments}
        where ${searchDocuments.tsv} @@ (${marks}::tsquery && ${words})
          and ${searchDocuments.tambonId} = ${tambonId} and ${visible} and ${gate}
          and (select count(*) from ${newest}) < ${cap} and ${large ? sql`true` : grown}
          and id not in (select id from ${newest})
        limit ${cap})
        limit ${cap}
      )`;
  };
  const statement = (limit: number, offset: number, kind?: SearchKind, large = true) => {
    // With a kind: that kind's share of the matches, when they are all there (no more than the
    // cap); beyond it, that kind's own first 1,001 matches, found apart (the branch not needed is
    // not run).
    const ranked = kind
      ? sql`, ${candidates("k", kind, sql`(select count(*) from c) > ${SEARCH_CANDIDATES}`, large)}, r as (
          select id, updated_at, rank from c
          where kind = ${kind} and (select count(*) from c) <= ${SEARCH_CANDIDATES}
          union all
          select id, updated_at, rank from k)`
      : sql``;
    const source = sql.raw(kind ? "r" : "c");
    return sql`with ${candidates("c", undefined, sql`true`, large)}${ranked}, p as (
          select id, rank, updated_at from ${source}
          order by rank desc, updated_at desc, id desc
          limit ${limit} offset ${offset}
        )
        select f.kinds, (select count(*)::int from ${source}) as ranked,
          d.kind, d.ref_id as "refId", d.title, d.url, p.rank,
          substr(s.body, m.at, ${SNIPPET_WINDOW}) as body, m.at > 1 as "cutBefore",
          m.at + ${SNIPPET_WINDOW} <= length(s.body) as "cutAfter"
        from (select coalesce(json_agg(json_build_array(k.kind, k.n)), '[]')::text as kinds
            from (select kind, count(*)::int as n from c group by kind) k) f
          left join (p join ${searchDocuments} d on d.id = p.id
            left join ${searchSnippets} s on s.document_id = p.id and s.tambon_id = ${tambonId}
            left join lateral (
              select greatest(1, coalesce(min(nullif(case when w = upper(w) then strpos(s.body, w)
                else strpos(lower(s.body), w) end, 0)), 1) - ${SNIPPET_LEAD}) as at
              from unnest(string_to_array(${list}, ' ')) w) m on true) on true
        order by p.rank desc, p.updated_at desc, p.id desc`;
  };
  const run = async (
    limit: number,
    offset: number,
    kind?: SearchKind,
  ): Promise<{ kinds: { kind: SearchKind; n: number }[]; ranked: number; hits: SearchHit[] }> => {
    const large = (await documentsOf(db, tambonId)) > SEARCH_PROBE;
    const rows = await rowsOf<{
      kinds: string;
      ranked: number;
      kind: SearchKind | null;
      refId: number | null;
      title: string;
      body: string | null;
      cutBefore: boolean | null;
      cutAfter: boolean | null;
      url: string;
      rank: unknown;
    }>(db, statement(limit, offset, kind, large));
    const kinds = (JSON.parse(rows[0]?.kinds ?? "[]") as [SearchKind, number][]).map(([k, n]) => ({
      kind: k,
      n: Number(n),
    }));
    // A search with no hit on the page still has its one row of counts.
    const hits = rows
      .filter((r) => r.kind !== null && r.refId !== null)
      .map((r) => ({
        kind: r.kind!,
        refId: Number(r.refId),
        title: r.title,
        body: r.body ?? "",
        cut: { before: !!r.cutBefore, after: !!r.cutAfter },
        url: r.url,
        rank: Number(r.rank),
      }));
    return { kinds, ranked: Number(rows[0]?.ranked ?? 0), hits };
  };
  return { run, statement };
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
  opts: { limit?: number; offset?: number; kind?: SearchKind } = {},
): Promise<SearchResult> {
  const q = searchQuery(query);
  if (!q) return EMPTY;
  const key = `${tambonId}|${pageCache.generation(tambonId)}|${opts.limit}|${opts.offset}|${opts.kind ?? ""}|${q}`;
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
