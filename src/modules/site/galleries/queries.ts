import { type DbOrTx } from "../../../core/db/index.ts";
import { siteAlbums, sitePhotos } from "../schema.ts";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";

/** Albums with their photo count and first photo. */
export async function listAlbums(
  db: DbOrTx,
  tambonId: number,
  opts: { publishedOnly: boolean; limit?: number },
) {
  const albums = await db
    .select()
    .from(siteAlbums)
    .where(
      and(
        eq(siteAlbums.tambonId, tambonId),
        opts.publishedOnly ? eq(siteAlbums.published, true) : undefined,
      ),
    )
    .orderBy(desc(siteAlbums.createdAt), desc(siteAlbums.id))
    .limit(opts.limit ?? 200);
  if (!albums.length) return [];
  const photos = await db
    .select({
      albumId: sitePhotos.albumId,
      n: count(),
    })
    .from(sitePhotos)
    .where(
      and(
        eq(sitePhotos.tambonId, tambonId),
        inArray(
          sitePhotos.albumId,
          albums.map((a) => a.id),
        ),
      ),
    )
    .groupBy(sitePhotos.albumId);
  const firsts = await db
    .selectDistinctOn([sitePhotos.albumId], { albumId: sitePhotos.albumId, file: sitePhotos.file })
    .from(sitePhotos)
    .where(
      and(
        eq(sitePhotos.tambonId, tambonId),
        inArray(
          sitePhotos.albumId,
          albums.map((a) => a.id),
        ),
      ),
    )
    .orderBy(sitePhotos.albumId, asc(sitePhotos.position), asc(sitePhotos.id));
  return albums.map((a) => ({
    ...a,
    photoCount: Number(photos.find((p) => p.albumId === a.id)?.n ?? 0),
    coverFile: firsts.find((f) => f.albumId === a.id)?.file ?? null,
  }));
}

/** The photos of an album, in order. */
export function albumPhotos(db: DbOrTx, tambonId: number, albumId: number) {
  return db
    .select()
    .from(sitePhotos)
    .where(and(eq(sitePhotos.tambonId, tambonId), eq(sitePhotos.albumId, albumId)))
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.id));
}

/** The ids of the photos shown with a photo (its album's or its post's), in order. */
export function photoSiblings(
  db: DbOrTx,
  tambonId: number,
  photo: { albumId: number | null; postId: number | null },
) {
  return db
    .select({ id: sitePhotos.id })
    .from(sitePhotos)
    .where(
      and(
        eq(sitePhotos.tambonId, tambonId),
        photo.albumId !== null
          ? eq(sitePhotos.albumId, photo.albumId)
          : eq(sitePhotos.postId, photo.postId!),
      ),
    )
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.id));
}
