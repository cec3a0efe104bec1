import { siteAlbums, sitePhotos } from "../schema.ts";
import { z } from "zod";
import { fields } from "../../../core/forms.ts";
import { auditSite } from "../shared/fields.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { eq, sql } from "drizzle-orm";
import { removePhotoFiles, savePhoto, type PreparedPhoto } from "../shared/media.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { changeSiteRow, saveSiteRow, type SaveCommand } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";

/** An album row. */
export type Album = typeof siteAlbums.$inferSelect;

/** A photo row. */
export type Photo = typeof sitePhotos.$inferSelect;

export const schema = z.object({
  title: fields.text(200),
  description: fields.optionalText(2000),
  published: fields.checkbox(),
});

/** Creates or edits an album. */
export const saveAlbum: SaveCommand<Album> = (db, actor, tambonId, input, albumId) =>
  saveSiteRow(db, actor, tambonId, input, albumId, {
    table: siteAlbums,
    schema,
    audit: ["site.album.create", "site.album.update", "site_album"],
    values: async (_tx, v) =>
      ok({ set: { ...pick(v, "title", "description", "published"), updatedAt: new Date() } }),
    after: (row) => pick(row, "title", "published"),
  });

/**
 * Stores prepared photos' files and adds their rows to an album or a members' post, in upload
 * order, inside the caller's transaction: when it fails, neither rows nor files remain.
 */
export async function keepPhotos(
  tx: DbOrTx,
  tambonId: number,
  target: { albumId: number | null; postId: number | null },
  photos: (PreparedPhoto & { caption?: string })[],
): Promise<Photo[]> {
  const { albumId, postId } = target;
  const [max] = await tx
    .select({ p: sql<number>`coalesce(max(${sitePhotos.position}), 0)` })
    .from(sitePhotos)
    .where(
      tambonWhere(
        sitePhotos,
        tambonId,
        {},
        albumId !== null ? eq(sitePhotos.albumId, albumId) : eq(sitePhotos.postId, postId!),
      ),
    );
  const start = Number(max?.p ?? 0);
  for (const p of photos) await savePhoto(tx, tambonId, p);
  return tx
    .insert(sitePhotos)
    .values(
      photos.map((p, i) => ({
        tambonId,
        albumId,
        postId,
        ...pick(p, "file", "ext", "width", "height", "bytes"),
        originalName: p.originalName.slice(0, 200),
        caption: (p.caption ?? "").slice(0, 500),
        position: start + i + 1,
      })),
    )
    .returning();
}

/** Adds prepared photos to an album, storing their files in the same transaction. */
export async function addPhotos(
  db: Db,
  actor: Actor,
  tambonId: number,
  albumId: number,
  photos: (PreparedPhoto & { caption?: string })[],
): Promise<Result<Photo[], SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  if (!photos.length) return fail("photos", "err.noFile");
  return db.transaction(async (tx) => {
    const [album] = await tx
      .select({ id: siteAlbums.id })
      .from(siteAlbums)
      .where(tambonWhere(siteAlbums, tambonId, { id: albumId }));
    if (!album) return missing();
    const rows = await keepPhotos(tx, tambonId, { albumId, postId: null }, photos);
    await tx
      .update(siteAlbums)
      .set({ updatedAt: new Date() })
      .where(tambonWhere(siteAlbums, tambonId, { id: albumId }));
    await auditSite(tx, actor, tambonId, "site.photo.add", "site_photo", rows[0]!.id, {
      albumId,
      postId: null,
      count: rows.length,
    });
    return ok(rows);
  });
}

/** Changes a photo's caption. */
export async function captionPhoto(
  db: Db,
  actor: Actor,
  tambonId: number,
  photoId: number,
  caption: string,
): Promise<Result<Photo, CoreKey>> {
  return changeSiteRow(db, actor, tambonId, "site.edit", sitePhotos, photoId, {
    set: { caption: caption.trim().slice(0, 500) },
    action: "site.photo.caption",
    targetType: "site_photo",
    after: () => ({ caption }),
  });
}

/** Removes a photo and its files from the site; returns it. */
export const deletePhoto = (db: Db, actor: Actor, tambonId: number, photoId: number) =>
  deleteSiteRow(db, actor, tambonId, sitePhotos, photoId, {
    action: "site.photo.delete",
    targetType: "site_photo",
    before: (row) => ({ file: row.file }),
    then: (tx, row) => removePhotoFiles(tx, tambonId, row),
  });
