CREATE TABLE "community_household_counts" (
	"village_id" integer PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_people_month_counts" (
	"village_id" integer NOT NULL,
	"tambon_id" integer NOT NULL,
	"sex" text NOT NULL,
	"birth_month" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "community_people_month_counts_village_id_sex_birth_month_pk" PRIMARY KEY("village_id","sex","birth_month")
);
--> statement-breakpoint
ALTER TABLE "community_household_counts" ADD CONSTRAINT "community_household_counts_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_household_counts" ADD CONSTRAINT "community_household_counts_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people_month_counts" ADD CONSTRAINT "community_people_month_counts_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people_month_counts" ADD CONSTRAINT "community_people_month_counts_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_household_counts_tambon_idx" ON "community_household_counts" USING btree ("tambon_id");--> statement-breakpoint
CREATE INDEX "community_people_month_counts_tambon_idx" ON "community_people_month_counts" USING btree ("tambon_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "community_people_count_months"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Living people a statement added (+1) or took away (-1), by village, sex and month of birth.
  -- Added in one upsert ordered by its key, so concurrent statements lock the rows in one
  -- order; a village being deleted (its counts go with it) is left out. Each operation has its
  -- own branch: a trigger sees only the transition tables of its own event.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "community_people_month_counts" AS c ("village_id", "tambon_id", "sex", "birth_month", "n")
      SELECT "village_id", min("tambon_id"), "sex", "birth_month", sum("d")::integer FROM (SELECT "village_id", "tambon_id", "sex",
          coalesce(date_trunc('month', "birth_date")::date, '-infinity'::date) AS "birth_month", 1 AS "d"
        FROM "new_rows" WHERE "status" = 'living') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id", "sex", "birth_month" HAVING sum("d") <> 0
      ORDER BY "village_id", "sex", "birth_month"
      ON CONFLICT ("village_id", "sex", "birth_month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "community_people_month_counts" AS c ("village_id", "tambon_id", "sex", "birth_month", "n")
      SELECT "village_id", min("tambon_id"), "sex", "birth_month", sum("d")::integer FROM (SELECT "village_id", "tambon_id", "sex",
          coalesce(date_trunc('month', "birth_date")::date, '-infinity'::date) AS "birth_month", -1 AS "d"
        FROM "old_rows" WHERE "status" = 'living') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id", "sex", "birth_month" HAVING sum("d") <> 0
      ORDER BY "village_id", "sex", "birth_month"
      ON CONFLICT ("village_id", "sex", "birth_month") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSE
    INSERT INTO "community_people_month_counts" AS c ("village_id", "tambon_id", "sex", "birth_month", "n")
      SELECT "village_id", min("tambon_id"), "sex", "birth_month", sum("d")::integer FROM (SELECT "village_id", "tambon_id", "sex",
          coalesce(date_trunc('month', "birth_date")::date, '-infinity'::date) AS "birth_month", 1 AS "d"
        FROM "new_rows" WHERE "status" = 'living' UNION ALL SELECT "village_id", "tambon_id", "sex",
          coalesce(date_trunc('month', "birth_date")::date, '-infinity'::date) AS "birth_month", -1 AS "d"
        FROM "old_rows" WHERE "status" = 'living') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id", "sex", "birth_month" HAVING sum("d") <> 0
      ORDER BY "village_id", "sex", "birth_month"
      ON CONFLICT ("village_id", "sex", "birth_month") DO UPDATE SET "n" = c."n" + excluded."n";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "community_households_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Active households a statement added (+1) or took away (-1), by village.
  -- Added in one upsert ordered by its key, so concurrent statements lock the rows in one
  -- order; a village being deleted (its counts go with it) is left out. Each operation has its
  -- own branch: a trigger sees only the transition tables of its own event.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "community_household_counts" AS c ("village_id", "tambon_id", "n")
      SELECT "village_id", min("tambon_id"), sum("d")::integer FROM (SELECT "village_id", "tambon_id", 1 AS "d" FROM "new_rows" WHERE "status" = 'active') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id" HAVING sum("d") <> 0
      ORDER BY "village_id"
      ON CONFLICT ("village_id") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "community_household_counts" AS c ("village_id", "tambon_id", "n")
      SELECT "village_id", min("tambon_id"), sum("d")::integer FROM (SELECT "village_id", "tambon_id", -1 AS "d" FROM "old_rows" WHERE "status" = 'active') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id" HAVING sum("d") <> 0
      ORDER BY "village_id"
      ON CONFLICT ("village_id") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSE
    INSERT INTO "community_household_counts" AS c ("village_id", "tambon_id", "n")
      SELECT "village_id", min("tambon_id"), sum("d")::integer FROM (SELECT "village_id", "tambon_id", 1 AS "d" FROM "new_rows" WHERE "status" = 'active' UNION ALL SELECT "village_id", "tambon_id", -1 AS "d" FROM "old_rows" WHERE "status" = 'active') r
      WHERE EXISTS (SELECT 1 FROM "villages" v WHERE v."id" = r."village_id")
      GROUP BY "village_id" HAVING sum("d") <> 0
      ORDER BY "village_id"
      ON CONFLICT ("village_id") DO UPDATE SET "n" = c."n" + excluded."n";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "community_people_months_ins" AFTER INSERT ON "community_people" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_people_count_months"();
--> statement-breakpoint
CREATE TRIGGER "community_people_months_upd" AFTER UPDATE ON "community_people" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_people_count_months"();
--> statement-breakpoint
CREATE TRIGGER "community_people_months_del" AFTER DELETE ON "community_people" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_people_count_months"();
--> statement-breakpoint
CREATE TRIGGER "community_households_count_ins" AFTER INSERT ON "community_households" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_households_count"();
--> statement-breakpoint
CREATE TRIGGER "community_households_count_upd" AFTER UPDATE ON "community_households" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_households_count"();
--> statement-breakpoint
CREATE TRIGGER "community_households_count_del" AFTER DELETE ON "community_households" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "community_households_count"();
--> statement-breakpoint
INSERT INTO "community_people_month_counts" ("village_id", "tambon_id", "sex", "birth_month", "n")
  SELECT "village_id", min("tambon_id"), "sex",
    coalesce(date_trunc('month', "birth_date")::date, '-infinity'::date), count(*)::integer
  FROM "community_people" WHERE "status" = 'living'
  GROUP BY 1, 3, 4;
--> statement-breakpoint
INSERT INTO "community_household_counts" ("village_id", "tambon_id", "n")
  SELECT "village_id", min("tambon_id"), count(*)::integer
  FROM "community_households" WHERE "status" = 'active'
  GROUP BY 1;
