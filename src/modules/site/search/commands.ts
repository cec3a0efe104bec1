import { searchDocuments } from "../schema.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { and, eq, sql } from "drizzle-orm";
import { segmented } from "../shared/text.ts";

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
    .values({
      tambonId: item.tambonId,
      kind: item.kind,
      refId: item.refId,
      title: values.title,
      body: values.body,
      url: values.url,
      tsv: values.tsv,
      visibleFrom: values.visibleFrom,
      visibleUntil: values.visibleUntil,
      updatedAt: values.updatedAt,
    })
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
