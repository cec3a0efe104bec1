DROP INDEX "network_partners_tambon_name_idx";--> statement-breakpoint
CREATE INDEX "network_partners_tambon_name_idx" ON "network_partners" USING btree ("tambon_id","active","name_th","id");