-- Every search document carries its tambon and kind as marker lexemes, so that the GIN index
-- alone finds one tambon's matches; bodies keep only what snippets show (the words stay indexed).
UPDATE "search_documents" SET "tsv" = "tsv" || array_to_tsvector(array['§t' || "tambon_id", '§k' || "kind"]::text[]), "body" = left("body", 1500);--> statement-breakpoint
ANALYZE "search_documents";
