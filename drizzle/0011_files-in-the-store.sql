-- Files kept as bytea in module tables move into the file store: each row's bytes become a
-- stored file (with its type, size and SHA-256) and the row points at it.
ALTER TABLE "charter_photos" ADD COLUMN "file_id" integer;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD COLUMN "thumb_file_id" integer;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD COLUMN "scan_file_id" integer;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD COLUMN "thumb_file_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD COLUMN "file_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD COLUMN "thumb_file_id" integer;--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'charter.photo', 'migrating/charter-photo/' || "id", 'photo-' || "id", "mime", octet_length("data"), encode(sha256("data"), 'hex'), "data"
  FROM "charter_photos";--> statement-breakpoint
UPDATE "charter_photos" AS t SET "file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/charter-photo/' || t."id";--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'charter.photo.thumb', 'migrating/charter-photo-thumb/' || "id", 'photo-' || "id" || '-thumb.webp', 'image/webp', octet_length("thumb"), encode(sha256("thumb"), 'hex'), "thumb"
  FROM "charter_photos";--> statement-breakpoint
UPDATE "charter_photos" AS t SET "thumb_file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/charter-photo-thumb/' || t."id";--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'charter.scan', 'migrating/charter-scan/' || "id", 'scan-' || "id", coalesce("scan_mime", 'image/jpeg'), octet_length("scan"), encode(sha256("scan"), 'hex'), "scan"
  FROM "charter_signatories" WHERE "scan" IS NOT NULL;--> statement-breakpoint
UPDATE "charter_signatories" AS t SET "scan_file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/charter-scan/' || t."id";--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'charter.scan.thumb', 'migrating/charter-scan-thumb/' || "id", 'scan-' || "id" || '-thumb.webp', 'image/webp', octet_length("thumb"), encode(sha256("thumb"), 'hex'), "thumb"
  FROM "charter_signatories" WHERE "thumb" IS NOT NULL;--> statement-breakpoint
UPDATE "charter_signatories" AS t SET "thumb_file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/charter-scan-thumb/' || t."id";--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'meeting.' || "kind", 'migrating/meeting-file/' || "id", "name", "mime", octet_length("data"), encode(sha256("data"), 'hex'), "data"
  FROM "meeting_files";--> statement-breakpoint
UPDATE "meeting_files" AS t SET "file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/meeting-file/' || t."id";--> statement-breakpoint
INSERT INTO "stored_files" ("tambon_id", "kind", "key", "name", "content_type", "byte_size", "sha256", "data")
  SELECT "tambon_id", 'meeting.photo.thumb', 'migrating/meeting-file-thumb/' || "id", "name" || '.webp', 'image/webp', octet_length("thumb"), encode(sha256("thumb"), 'hex'), "thumb"
  FROM "meeting_files" WHERE "thumb" IS NOT NULL;--> statement-breakpoint
UPDATE "meeting_files" AS t SET "thumb_file_id" = s."id" FROM "stored_files" AS s
  WHERE s."tambon_id" = t."tambon_id" AND s."key" = 'migrating/meeting-file-thumb/' || t."id";--> statement-breakpoint
UPDATE "stored_files" SET "key" = NULL WHERE "key" LIKE 'migrating/%';--> statement-breakpoint
ALTER TABLE "charter_photos" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "charter_photos" ALTER COLUMN "thumb_file_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_files" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD CONSTRAINT "charter_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD CONSTRAINT "charter_photos_thumb_file_id_stored_files_id_fk" FOREIGN KEY ("thumb_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_thumb_file_id_stored_files_id_fk" FOREIGN KEY ("thumb_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_thumb_file_id_stored_files_id_fk" FOREIGN KEY ("thumb_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_photos" DROP COLUMN "data";--> statement-breakpoint
ALTER TABLE "charter_photos" DROP COLUMN "thumb";--> statement-breakpoint
ALTER TABLE "charter_signatories" DROP COLUMN "scan";--> statement-breakpoint
ALTER TABLE "charter_signatories" DROP COLUMN "thumb";--> statement-breakpoint
ALTER TABLE "meeting_files" DROP COLUMN "data";--> statement-breakpoint
ALTER TABLE "meeting_files" DROP COLUMN "thumb";
