CREATE TABLE "community_figure_village_stamps" (
	"village_id" integer PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"stamp" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_figure_village_stamps" ADD CONSTRAINT "community_figure_village_stamps_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_figure_village_stamps" ADD CONSTRAINT "community_figure_village_stamps_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_figure_village_stamps_tambon_idx" ON "community_figure_village_stamps" USING btree ("tambon_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "community_figure_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "community_figure_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "old_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_figure_stamps"."stamp" + 1;
    INSERT INTO "community_figure_village_stamps" ("village_id", "tambon_id", "stamp")
      SELECT DISTINCT r."village_id", r."tambon_id", 1 FROM "old_rows" r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      ON CONFLICT ("village_id") DO UPDATE SET "stamp" = "community_figure_village_stamps"."stamp" + 1;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "community_figure_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "new_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_figure_stamps"."stamp" + 1;
    INSERT INTO "community_figure_village_stamps" ("village_id", "tambon_id", "stamp")
      SELECT DISTINCT r."village_id", r."tambon_id", 1 FROM "new_rows" r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      ON CONFLICT ("village_id") DO UPDATE SET "stamp" = "community_figure_village_stamps"."stamp" + 1;
  ELSE
    -- An update moves the villages on both of its sides (a person who moved leaves one).
    INSERT INTO "community_figure_stamps" ("tambon_id", "stamp")
      SELECT DISTINCT r."tambon_id", 1 FROM "new_rows" r
      WHERE EXISTS (SELECT 1 FROM "tambons" t WHERE t."id" = r."tambon_id")
      ON CONFLICT ("tambon_id") DO UPDATE SET "stamp" = "community_figure_stamps"."stamp" + 1;
    INSERT INTO "community_figure_village_stamps" ("village_id", "tambon_id", "stamp")
      SELECT r."village_id", r."tambon_id", 1 FROM (
        SELECT "village_id", "tambon_id" FROM "old_rows"
        UNION SELECT "village_id", "tambon_id" FROM "new_rows") r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      ON CONFLICT ("village_id") DO UPDATE SET "stamp" = "community_figure_village_stamps"."stamp" + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "community_people_figures_upd" ON "community_people";
--> statement-breakpoint
CREATE TRIGGER "community_people_figures_upd" AFTER UPDATE ON "community_people" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
--> statement-breakpoint
DROP TRIGGER "community_households_figures_upd" ON "community_households";
--> statement-breakpoint
CREATE TRIGGER "community_households_figures_upd" AFTER UPDATE ON "community_households" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_figure_touch"();
