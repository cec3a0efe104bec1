-- A search first reads the tambon's newest documents in order and stops at enough matches, so
-- that a common word never makes the GIN index gather every document that holds it.
CREATE INDEX "search_documents_recent_idx" ON "search_documents" USING btree ("tambon_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);
