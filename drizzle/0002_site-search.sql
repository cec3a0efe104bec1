CREATE TABLE "network_affiliations" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"position_th" text DEFAULT '' NOT NULL,
	"position_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_agreement_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_agreement_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"agreement_id" integer NOT NULL,
	"party_kind" text NOT NULL,
	"party_dopa_code" text,
	"partner_id" integer,
	"pillar_id" integer,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"signatory_name" text DEFAULT '' NOT NULL,
	"signatory_position" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"kind" text DEFAULT 'mou' NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"purpose_th" text DEFAULT '' NOT NULL,
	"purpose_en" text DEFAULT '' NOT NULL,
	"scope_th" text DEFAULT '' NOT NULL,
	"scope_en" text DEFAULT '' NOT NULL,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"document_file" text,
	"document_bytes" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_centre_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"centre_id" integer NOT NULL,
	"file" text NOT NULL,
	"thumb_file" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"caption_th" text DEFAULT '' NOT NULL,
	"caption_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_facilitator_reach" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"village_id" integer,
	"area_id" integer
);
--> statement-breakpoint
CREATE TABLE "network_learning_centres" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"topic_th" text DEFAULT '' NOT NULL,
	"topic_en" text DEFAULT '' NOT NULL,
	"area_id" integer,
	"village_id" integer,
	"host_partner_id" integer,
	"learn_th" text DEFAULT '' NOT NULL,
	"learn_en" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"accepts_visits" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_pillars" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"list" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_partner_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"area_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_partner_villages" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"village_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"kind_id" integer,
	"role_id" integer,
	"pillar_id" integer,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"contact_user_id" integer,
	"logo_file" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_people" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"public_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_by" integer,
	"title_th" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"bio_th" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_person_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"village_id" integer,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_study_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"centre_id" integer NOT NULL,
	"requesting_tambon_id" integer,
	"source" text NOT NULL,
	"group_name" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"requested_on" date NOT NULL,
	"proposed_on" date,
	"group_size" integer NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"host_note" text DEFAULT '' NOT NULL,
	"requester_note" text DEFAULT '' NOT NULL,
	"visited_on" date,
	"visitors_count" integer,
	"learned_th" text DEFAULT '' NOT NULL,
	"learned_en" text DEFAULT '' NOT NULL,
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_tambon_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"relation" text NOT NULL,
	"other_dopa_code" text NOT NULL,
	"other_name_th" text NOT NULL,
	"other_name_en" text DEFAULT '' NOT NULL,
	"other_district_th" text DEFAULT '' NOT NULL,
	"other_district_en" text DEFAULT '' NOT NULL,
	"other_province_th" text DEFAULT '' NOT NULL,
	"other_province_en" text DEFAULT '' NOT NULL,
	"since" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "visible_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "visible_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_affiliations" ADD CONSTRAINT "network_affiliations_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_affiliations" ADD CONSTRAINT "network_affiliations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_affiliations" ADD CONSTRAINT "network_affiliations_partner_id_network_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_activities" ADD CONSTRAINT "network_agreement_activities_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_activities" ADD CONSTRAINT "network_agreement_activities_agreement_id_network_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."network_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_parties" ADD CONSTRAINT "network_agreement_parties_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_parties" ADD CONSTRAINT "network_agreement_parties_agreement_id_network_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."network_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_parties" ADD CONSTRAINT "network_agreement_parties_partner_id_network_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreement_parties" ADD CONSTRAINT "network_agreement_parties_pillar_id_network_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."network_pillars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreements" ADD CONSTRAINT "network_agreements_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_agreements" ADD CONSTRAINT "network_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_centre_photos" ADD CONSTRAINT "network_centre_photos_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_centre_photos" ADD CONSTRAINT "network_centre_photos_centre_id_network_learning_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."network_learning_centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_facilitator_reach" ADD CONSTRAINT "network_facilitator_reach_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_facilitator_reach" ADD CONSTRAINT "network_facilitator_reach_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_facilitator_reach" ADD CONSTRAINT "network_facilitator_reach_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_learning_centres" ADD CONSTRAINT "network_learning_centres_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_learning_centres" ADD CONSTRAINT "network_learning_centres_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_learning_centres" ADD CONSTRAINT "network_learning_centres_host_partner_id_network_partners_id_fk" FOREIGN KEY ("host_partner_id") REFERENCES "public"."network_partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_pillars" ADD CONSTRAINT "network_pillars_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_terms" ADD CONSTRAINT "network_terms_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_areas" ADD CONSTRAINT "network_partner_areas_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_areas" ADD CONSTRAINT "network_partner_areas_partner_id_network_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_villages" ADD CONSTRAINT "network_partner_villages_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_villages" ADD CONSTRAINT "network_partner_villages_partner_id_network_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_villages" ADD CONSTRAINT "network_partner_villages_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_kind_id_network_terms_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."network_terms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_role_id_network_terms_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."network_terms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_pillar_id_network_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."network_pillars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partners" ADD CONSTRAINT "network_partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_consent_by_users_id_fk" FOREIGN KEY ("consent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person_roles" ADD CONSTRAINT "network_person_roles_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person_roles" ADD CONSTRAINT "network_person_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_person_roles" ADD CONSTRAINT "network_person_roles_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_study_visits" ADD CONSTRAINT "network_study_visits_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_study_visits" ADD CONSTRAINT "network_study_visits_centre_id_network_learning_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."network_learning_centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_study_visits" ADD CONSTRAINT "network_study_visits_requesting_tambon_id_tambons_id_fk" FOREIGN KEY ("requesting_tambon_id") REFERENCES "public"."tambons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_study_visits" ADD CONSTRAINT "network_study_visits_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tambon_links" ADD CONSTRAINT "network_tambon_links_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_affiliations_key" ON "network_affiliations" USING btree ("partner_id","user_id");--> statement-breakpoint
CREATE INDEX "network_affiliations_user_idx" ON "network_affiliations" USING btree ("tambon_id","user_id");--> statement-breakpoint
CREATE INDEX "network_agreement_activities_agreement_idx" ON "network_agreement_activities" USING btree ("agreement_id","held_on");--> statement-breakpoint
CREATE INDEX "network_agreement_parties_agreement_idx" ON "network_agreement_parties" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "network_agreement_parties_dopa_idx" ON "network_agreement_parties" USING btree ("party_dopa_code");--> statement-breakpoint
CREATE INDEX "network_agreements_tambon_idx" ON "network_agreements" USING btree ("tambon_id","kind","status");--> statement-breakpoint
CREATE INDEX "network_centre_photos_centre_idx" ON "network_centre_photos" USING btree ("centre_id","position");--> statement-breakpoint
CREATE INDEX "network_facilitator_reach_user_idx" ON "network_facilitator_reach" USING btree ("tambon_id","user_id");--> statement-breakpoint
CREATE INDEX "network_learning_centres_tambon_idx" ON "network_learning_centres" USING btree ("tambon_id","active","name_th");--> statement-breakpoint
CREATE INDEX "network_pillars_tambon_idx" ON "network_pillars" USING btree ("tambon_id","position");--> statement-breakpoint
CREATE INDEX "network_terms_tambon_idx" ON "network_terms" USING btree ("tambon_id","list","position");--> statement-breakpoint
CREATE UNIQUE INDEX "network_partner_areas_key" ON "network_partner_areas" USING btree ("partner_id","area_id");--> statement-breakpoint
CREATE INDEX "network_partner_areas_area_idx" ON "network_partner_areas" USING btree ("tambon_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_partner_villages_key" ON "network_partner_villages" USING btree ("partner_id","village_id");--> statement-breakpoint
CREATE INDEX "network_partner_villages_village_idx" ON "network_partner_villages" USING btree ("tambon_id","village_id");--> statement-breakpoint
CREATE INDEX "network_partners_tambon_name_idx" ON "network_partners" USING btree ("tambon_id","active","name_th");--> statement-breakpoint
CREATE INDEX "network_partners_tambon_pillar_idx" ON "network_partners" USING btree ("tambon_id","pillar_id");--> statement-breakpoint
CREATE INDEX "network_partners_tambon_role_idx" ON "network_partners" USING btree ("tambon_id","role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_people_tambon_user_key" ON "network_people" USING btree ("tambon_id","user_id");--> statement-breakpoint
CREATE INDEX "network_person_roles_user_idx" ON "network_person_roles" USING btree ("tambon_id","user_id");--> statement-breakpoint
CREATE INDEX "network_study_visits_tambon_idx" ON "network_study_visits" USING btree ("tambon_id","status");--> statement-breakpoint
CREATE INDEX "network_study_visits_centre_idx" ON "network_study_visits" USING btree ("centre_id","status");--> statement-breakpoint
CREATE INDEX "network_study_visits_requester_idx" ON "network_study_visits" USING btree ("requesting_tambon_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_tambon_links_key" ON "network_tambon_links" USING btree ("tambon_id","other_dopa_code");--> statement-breakpoint
CREATE INDEX "network_tambon_links_other_idx" ON "network_tambon_links" USING btree ("other_dopa_code");