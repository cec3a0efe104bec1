DROP INDEX "questions_tambon_phase_idx";--> statement-breakpoint
DROP INDEX "site_news_tambon_pub_idx";--> statement-breakpoint
ALTER TABLE "site_complaints" ADD COLUMN "filed_by" integer;--> statement-breakpoint
ALTER TABLE "site_complaints" ADD CONSTRAINT "site_complaints_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questions_tambon_id_idx" ON "questions" USING btree ("tambon_id","id");--> statement-breakpoint
CREATE INDEX "site_news_tambon_category_idx" ON "site_news" USING btree ("tambon_id","category_id","status","publish_at","id");--> statement-breakpoint
CREATE INDEX "questions_tambon_phase_idx" ON "questions" USING btree ("tambon_id","phase","id");--> statement-breakpoint
CREATE INDEX "site_news_tambon_pub_idx" ON "site_news" USING btree ("tambon_id","status","publish_at","id");