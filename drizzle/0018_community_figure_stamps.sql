CREATE TABLE "community_figure_stamps" (
	"tambon_id" integer PRIMARY KEY NOT NULL,
	"stamp" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_figure_stamps" ADD CONSTRAINT "community_figure_stamps_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "community_figure_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "community_figure_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "old_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_figure_stamps"."stamp" + 1;
  ELSE
    INSERT INTO "community_figure_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "new_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_figure_stamps"."stamp" + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "community_people_figures_ins" AFTER INSERT ON "community_people" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_people_figures_upd" AFTER UPDATE ON "community_people" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_people_figures_del" AFTER DELETE ON "community_people" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_households_figures_ins" AFTER INSERT ON "community_households" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_households_figures_upd" AFTER UPDATE ON "community_households" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
CREATE TRIGGER "community_households_figures_del" AFTER DELETE ON "community_households" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
