import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { villages } from "../../../core/db/schema.ts";
import { tambonKeys, createdAt, partOf, at } from "../../../core/db/columns.ts";
import { partners } from "../partners/schema.ts";

/** A learning centre (ศูนย์เรียนรู้ / แหล่งเรียนรู้) other tambons and groups may visit. */
export const learningCentres = pgTable(
  "network_learning_centres",
  {
    ...tambonKeys(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    topicTh: text("topic_th").notNull().default(""),
    topicEn: text("topic_en").notNull().default(""),
    areaId: integer("area_id"),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    hostPartnerId: integer("host_partner_id").references(() => partners.id, {
      onDelete: "set null",
    }),
    learnTh: text("learn_th").notNull().default(""),
    learnEn: text("learn_en").notNull().default(""),
    capacity: integer("capacity"),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    acceptsVisits: boolean("accepts_visits").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("network_learning_centres_tambon_idx").on(t.tambonId, t.active, t.nameTh)],
);

/** A photo of a learning centre (re-encoded on upload, with its pixel size and bytes). */
export const centrePhotos = pgTable(
  "network_centre_photos",
  {
    ...tambonKeys(),
    centreId: partOf("centre_id", () => learningCentres.id),
    file: text("file").notNull(),
    thumbFile: text("thumb_file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    captionTh: text("caption_th").notNull().default(""),
    captionEn: text("caption_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("network_centre_photos_centre_idx").on(t.centreId, t.position)],
);
