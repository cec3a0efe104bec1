import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, createdAt } from "../../../core/db/columns.ts";
import { updated } from "../shared/columns.ts";

/** A photo album. */
export const siteAlbums = pgTable(
  "site_albums",
  {
    ...tambonKeys(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    published: boolean("published").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updated(),
  },
  (t) => [index("site_albums_tambon_idx").on(t.tambonId)],
);

/** An uploaded photo: the original file is kept; `file` names it and its generated sizes. */
export const sitePhotos = pgTable(
  "site_photos",
  {
    ...tambonKeys(),
    albumId: integer("album_id").references(() => siteAlbums.id, { onDelete: "cascade" }),
    postId: integer("post_id"),
    file: text("file").notNull(),
    ext: text("ext").notNull(),
    originalName: text("original_name").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    caption: text("caption").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("site_photos_album_idx").on(t.tambonId, t.albumId, t.position),
    index("site_photos_post_idx").on(t.tambonId, t.postId),
  ],
);
