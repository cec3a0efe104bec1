DROP INDEX "community_households_village_idx";--> statement-breakpoint
DROP INDEX "community_people_village_idx";--> statement-breakpoint
CREATE INDEX "community_households_village_idx" ON "community_households" USING btree ("tambon_id","village_id","status");--> statement-breakpoint
CREATE INDEX "community_people_village_idx" ON "community_people" USING btree ("tambon_id","village_id","status","sex","birth_date");