import { searchDocuments, searchSnippets, SEARCH_KINDS } from "../schema.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { notInArray, sql } from "drizzle-orm";
import { segmented } from "../shared/text.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What may be found by search. */
export type SearchKind = (typeof SEARCH_KINDS)[number];
export { SEARCH_KINDS };

/** How much of a body is kept for snippets (the words of the whole body are indexed). */
export const SNIPPET_SOURCE = 1500;
/** How much of a body is indexed. */
const INDEXED_BODY = 20_000;

/** One public record as the search shows it: what it is, where it is, and when it may be found. */
export interface SearchDocument {
  kind: SearchKind;
  refId: number;
  title: string;
  body: string;
  /** Path inside the tambon, e.g. "/decisions/questions/7". */
  url: string;
  visibleFrom?: Date | null;
  visibleUntil?: Date | null;
}

/** One thing to index: a document of a tambon. */
export interface Indexable extends SearchDocument {
  tambonId: number;
}

/** The marker lexeme of a tambon in the tsvector (and tsquery) of its documents. */
export const tambonLexeme = (tambonId: number) => `§t${tambonId}`;
/** The marker lexeme of a kind. */
export const kindLexeme = (kind: SearchKind) => `§k${kind}`;

/** Adds or refreshes an item in the search index (call inside the command's transaction). */
export async function indexItem(tx: DbOrTx, item: Indexable): Promise<void> {
  const words = item.body.slice(0, INDEXED_BODY);
  const tsv = sql`setweight(to_tsvector('simple', ${segmented(item.title)}), 'A') || setweight(to_tsvector('simple', ${segmented(words)}), 'B') || array_to_tsvector(array[${tambonLexeme(item.tambonId)}, ${kindLexeme(item.kind)}]::text[])`;
  const values = {
    title: item.title,
    url: item.url,
    tsv,
    visibleFrom: item.visibleFrom ?? null,
    visibleUntil: item.visibleUntil ?? null,
    updatedAt: new Date(),
  };
  const upsertDocument = tx
    .insert(searchDocuments)
    .values({
      ...pick(item, "tambonId", "kind", "refId"),
      ...pick(values, "title", "url", "tsv", "visibleFrom", "visibleUntil", "updatedAt"),
    })
    .onConflictDoUpdate({
      target: [searchDocuments.tambonId, searchDocuments.kind, searchDocuments.refId],
      set: values,
    })
    .returning({ id: searchDocuments.id });
  // One statement: the document, then its snippet text under the document's id.
  await tx.execute(sql`with d as (${upsertDocument.getSQL()})
    insert into ${searchSnippets} (document_id, tambon_id, body)
    select d.id, ${item.tambonId}, ${item.body.slice(0, SNIPPET_SOURCE)} from d
    on conflict (document_id) do update set body = excluded.body`);
}

/** Removes an item from the search index (hidden, deleted or unpublished). */
export async function unindexItem(
  tx: DbOrTx,
  tambonId: number,
  kind: SearchKind,
  refId: number,
): Promise<void> {
  await tx.delete(searchDocuments).where(tambonWhere(searchDocuments, tambonId, { kind, refId }));
}

/**
 * Puts a record's documents in the search, or takes it out when it has none (no longer public):
 * `docs` are what the record shows the public now. Call inside the command's transaction.
 */
export async function syncSearch(
  tx: DbOrTx,
  tambonId: number,
  kind: SearchKind,
  refId: number,
  docs: readonly SearchDocument[],
): Promise<void> {
  const doc = docs.find((d) => d.kind === kind && d.refId === refId);
  if (doc) await indexItem(tx, { ...doc, tambonId });
  else await unindexItem(tx, tambonId, kind, refId);
}

/**
 * Makes the search hold exactly `docs` for these kinds of a tambon: indexes each and removes the
 * records of those kinds that are no longer among them (a re-index, or a change that touches many
 * records at once, such as a charter edition coming into force).
 */
export async function replaceSearch(
  tx: DbOrTx,
  tambonId: number,
  kinds: readonly SearchKind[],
  docs: readonly SearchDocument[],
): Promise<void> {
  for (const kind of kinds) {
    const keep = docs.filter((d) => d.kind === kind).map((d) => d.refId);
    await tx
      .delete(searchDocuments)
      .where(
        tambonWhere(
          searchDocuments,
          tambonId,
          { kind },
          keep.length ? notInArray(searchDocuments.refId, keep) : undefined,
        ),
      );
  }
  for (const doc of docs) if (kinds.includes(doc.kind)) await indexItem(tx, { ...doc, tambonId });
}

/** Removes every document of these kinds of a tambon. */
export async function clearSearch(
  tx: DbOrTx,
  tambonId: number,
  kinds: readonly SearchKind[],
): Promise<void> {
  await tx
    .delete(searchDocuments)
    .where(tambonWhere(searchDocuments, tambonId, { kind: anyOf([...kinds]) }));
}
