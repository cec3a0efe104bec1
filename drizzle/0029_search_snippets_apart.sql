-- A search reads the tsvector of each candidate to match and rank it. A news item's tsvector is
-- about 4 KB; beside its snippet text in one row, PostgreSQL compressed it (pglz: about 10 µs to
-- read back each time) or moved it to the TOAST table (an index lookup per read). The snippet
-- text now has a table of its own, read for the page's hits only, and a row of search_documents
-- stays whole and uncompressed up to a page: only a tsvector larger than that is compressed.
CREATE TABLE "search_snippets" (
	"document_id" integer PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"body" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_snippets" ADD CONSTRAINT "search_snippets_document_id_search_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."search_documents"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "search_snippets" ADD CONSTRAINT "search_snippets_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "search_snippets" ("document_id", "tambon_id", "body") SELECT "id", "tambon_id", "body" FROM "search_documents";
--> statement-breakpoint
ALTER TABLE "search_documents" DROP COLUMN "body";
--> statement-breakpoint
ALTER TABLE "search_documents" SET (toast_tuple_target = 8160);
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET STORAGE MAIN;
--> statement-breakpoint
-- Rows already stored keep their old layout until written again: each is written once here.
UPDATE "search_documents" SET "tsv" = "tsv" || ''::tsvector;
