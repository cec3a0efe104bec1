-- How many times a tambon's survey submissions changed (sent, reviewed, moved to another round,
-- removed), bumped by statement triggers on community_submissions: the figures keep each form's
-- answer counts until it moves, instead of counting every submission's answers for each page.
CREATE TABLE "community_answer_stamps" (
	"tambon_id" integer PRIMARY KEY NOT NULL,
	"stamp" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_answer_stamps" ADD CONSTRAINT "community_answer_stamps_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "community_answers_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "community_answer_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "old_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ORDER BY 1
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_answer_stamps"."stamp" + 1;
  ELSE
    INSERT INTO "community_answer_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "new_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ORDER BY 1
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_answer_stamps"."stamp" + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "community_submissions_answers_ins" AFTER INSERT ON "community_submissions" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_answers_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_submissions_answers_upd" AFTER UPDATE ON "community_submissions" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_answers_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_submissions_answers_del" AFTER DELETE ON "community_submissions" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_answers_touch"();
