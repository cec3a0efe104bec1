import { siteAlbums, sitePhotos } from "../schema.ts";
import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { auditSite, siteFields } from "../shared/fields.ts";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { and, eq, sql } from "drizzle-orm";
import { type StoredPhoto } from "../shared/media.ts";

/** An album row. */
export type Album = typeof siteAlbums.$inferSelect;

/** A photo row. */
export type Photo = typeof sitePhotos.$inferSelect;

export const schema = z.object({
  title: fields.text(200),
  description: fields.optionalText(2000),
  published: siteFields.checkbox(),
});

/** Creates or edits an album. */
export async function saveAlbum(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  albumId?: number,
): Promise<Result<Album, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    const [current] = albumId
      ? await tx
          .select()
          .from(siteAlbums)
          .where(and(eq(siteAlbums.id, albumId), eq(siteAlbums.tambonId, tambonId)))
      : [];
    if (albumId && !current) return missing();
    const values = {
      title: v.title,
      description: v.description,
      published: v.published,
      updatedAt: new Date(),
    };
    const [row] = current
      ? await tx
          .update(siteAlbums)
          .set(values)
          .where(and(eq(siteAlbums.id, current.id), eq(siteAlbums.tambonId, tambonId)))
          .returning()
      : await tx
          .insert(siteAlbums)
          .values({
            tambonId,
            title: values.title,
            description: values.description,
            published: values.published,
            updatedAt: values.updatedAt,
          })
          .returning();
    await auditSite(
      tx,
      actor,
      tambonId,
      current ? "site.album.update" : "site.album.create",
      "site_album",
      row!.id,
      { title: v.title, published: v.published },
    );
    return ok(row!);
  });
}

/** Adds photos already stored on disk to an album (or a members' post), in upload order. */
export async function addPhotos(
  db: Db,
  actor: Actor,
  tambonId: number,
  target: { albumId: number } | { postId: number },
  photos: (StoredPhoto & { originalName: string; caption?: string })[],
  opts: { asMember?: boolean } = {},
): Promise<Result<Photo[], SiteKey | CoreKey>> {
  const action = opts.asMember ? "site.post" : "site.edit";
  if (!can(actor, action, { tambonId })) return refused();
  if (!photos.length) return ok([]);
  return db.transaction(async (tx) => {
    const albumId = "albumId" in target ? target.albumId : null;
    const postId = "postId" in target ? target.postId : null;
    if (albumId !== null) {
      const [album] = await tx
        .select({ id: siteAlbums.id })
        .from(siteAlbums)
        .where(and(eq(siteAlbums.id, albumId), eq(siteAlbums.tambonId, tambonId)));
      if (!album) return missing();
    }
    const [max] = await tx
      .select({ p: sql<number>`coalesce(max(${sitePhotos.position}), 0)` })
      .from(sitePhotos)
      .where(
        and(
          eq(sitePhotos.tambonId, tambonId),
          albumId !== null ? eq(sitePhotos.albumId, albumId) : eq(sitePhotos.postId, postId!),
        ),
      );
    const start = Number(max?.p ?? 0);
    const rows = await tx
      .insert(sitePhotos)
      .values(
        photos.map((p, i) => ({
          tambonId,
          albumId,
          postId,
          file: p.file,
          ext: p.ext,
          width: p.width,
          height: p.height,
          bytes: p.bytes,
          originalName: p.originalName.slice(0, 200),
          caption: (p.caption ?? "").slice(0, 500),
          position: start + i + 1,
        })),
      )
      .returning();
    if (albumId !== null)
      await tx
        .update(siteAlbums)
        .set({ updatedAt: new Date() })
        .where(and(eq(siteAlbums.id, albumId), eq(siteAlbums.tambonId, tambonId)));
    await auditSite(tx, actor, tambonId, "site.photo.add", "site_photo", rows[0]!.id, {
      albumId,
      postId,
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
): Promise<Result<true, CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(sitePhotos)
      .set({ caption: caption.trim().slice(0, 500) })
      .where(and(eq(sitePhotos.id, photoId), eq(sitePhotos.tambonId, tambonId)))
      .returning({ id: sitePhotos.id });
    if (!rows.length) return missing();
    await auditSite(tx, actor, tambonId, "site.photo.caption", "site_photo", photoId, {
      caption,
    });
    return ok(true as const);
  });
}

/** Removes a photo from the site; returns it so the caller can remove its files. */
export async function deletePhoto(
  db: Db,
  actor: Actor,
  tambonId: number,
  photoId: number,
): Promise<Result<Photo, CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(sitePhotos)
      .where(and(eq(sitePhotos.id, photoId), eq(sitePhotos.tambonId, tambonId)))
      .returning();
    if (!rows.length) return missing();
    await auditSite(tx, actor, tambonId, "site.photo.delete", "site_photo", photoId, null, {
      file: rows[0]!.file,
    });
    return ok(rows[0]!);
  });
}
