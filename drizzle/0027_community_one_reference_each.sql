-- One reference each instead of three: a household points at its village together with its
-- tambon, a person at its household together with the household's tambon and village. A
-- large import checks one key per row written instead of two or three, and the database
-- now also refuses a household in another tambon's village and a person in another village
-- than its household's.
--
-- A person's tambon and village are its household's: mend any row that says otherwise first.
UPDATE "community_people" p SET "tambon_id" = h."tambon_id", "village_id" = h."village_id"
  FROM "community_households" h
  WHERE h."id" = p."household_id"
    AND (p."tambon_id" <> h."tambon_id" OR p."village_id" <> h."village_id");
--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_id_tambon_key" UNIQUE("id","tambon_id");
--> statement-breakpoint
ALTER TABLE "community_households" ADD CONSTRAINT "community_households_place_key" UNIQUE("id","tambon_id","village_id");
--> statement-breakpoint
ALTER TABLE "community_households" DROP CONSTRAINT "community_households_tambon_id_tambons_id_fk";
--> statement-breakpoint
ALTER TABLE "community_households" DROP CONSTRAINT "community_households_village_id_villages_id_fk";
--> statement-breakpoint
ALTER TABLE "community_people" DROP CONSTRAINT "community_people_tambon_id_tambons_id_fk";
--> statement-breakpoint
ALTER TABLE "community_people" DROP CONSTRAINT "community_people_household_id_community_households_id_fk";
--> statement-breakpoint
ALTER TABLE "community_people" DROP CONSTRAINT "community_people_village_id_villages_id_fk";
--> statement-breakpoint
ALTER TABLE "community_households" ADD CONSTRAINT "community_households_village_fk" FOREIGN KEY ("village_id","tambon_id") REFERENCES "public"."villages"("id","tambon_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "community_people" ADD CONSTRAINT "community_people_household_fk" FOREIGN KEY ("household_id","tambon_id","village_id") REFERENCES "public"."community_households"("id","tambon_id","village_id") ON DELETE cascade ON UPDATE cascade;
