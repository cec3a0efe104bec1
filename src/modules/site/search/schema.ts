import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonId, at, tambonKeys } from "../../../core/db/columns.ts";
import { tsvector, updated } from "../shared/columns.ts";

/** The kinds other modules put in the search: their public records are in the sitemap too. */
export const MODULE_SEARCH_KINDS = [
  "question",
  "clause",
  "meeting",
  "resolution",
  "partner",
  "centre",
  "plan",
  "project",
] as const;

/** What the search finds: the website's own items and those other modules put in. */
export const SEARCH_KINDS = [
  "page",
  "news",
  "post",
  "job",
  "document",
  ...MODULE_SEARCH_KINDS,
] as const;

/**
 * The search index: one row per public page, news item, post, job, document, question, charter
 * clause, meeting, resolution, partner, learning centre, plan or project, words segmented. The
 * tsvector also holds two marker lexemes, `§t<tambon id>` and `§k<kind>`, so that the GIN index
 * alone finds one tambon's (and one kind's) matches. A search reads the tsvector of every
 * candidate, so the row holds nothing else large: the tsvector stays in it uncompressed up to a
 * page (migration 0029), and the text snippets are cut from is in `search_snippets`.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    ...tambonKeys(),
    kind: text("kind").$type<(typeof SEARCH_KINDS)[number]>().notNull(),
    refId: integer("ref_id").notNull(),
    title: text("title").notNull(),
    url: text("url").notNull(),
    tsv: tsvector("tsv").notNull(),
    /** Hidden from search before this time (scheduled news) and after `visibleUntil` (closed jobs). */
    visibleFrom: at("visible_from"),
    visibleUntil: at("visible_until"),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("search_documents_ref_key").on(t.tambonId, t.kind, t.refId),
    index("search_documents_tsv_idx").using("gin", t.tsv),
    // A search first reads the tambon's newest documents (see `searchQueries`).
    index("search_documents_recent_idx").on(t.tambonId, t.updatedAt.desc(), t.id.desc()),
  ],
);

/** What a search result's snippet is cut from (the first 1,500 characters of the body), read for the page's hits only. */
export const searchSnippets = pgTable("search_snippets", {
  documentId: integer("document_id")
    .primaryKey()
    .references(() => searchDocuments.id, { onDelete: "cascade" }),
  tambonId: tambonId(),
  body: text("body").notNull().default(""),
});
