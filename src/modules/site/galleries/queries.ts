import { type DbOrTx } from "../../../core/db/index.ts";
import { siteAlbums, sitePhotos } from "../schema.ts";
import { asc, desc, eq, getTableColumns, sql, type SQLWrapper } from "drizzle-orm";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

/** What an album's card shows beside the album: how many photos, and the first one's file. */
export function albumFigures(tambonId: number | SQLWrapper) {
  const ofAlbum = tambonWhere(sitePhotos, tambonId, { albumId: siteAlbums.id });
  return {
    photoCount: sql<number>`(select count(*) from ${sitePhotos} where ${ofAlbum})::int`.mapWith(
      Number,
    ),
    coverFile: sql<string | null>`(select ${sitePhotos.file} from ${sitePhotos} where ${ofAlbum}
      order by ${asc(sitePhotos.position)}, ${asc(sitePhotos.id)} limit 1)`,
  };
}

/** Albums with their photo count and first photo, in one statement. */
export async function listAlbums(
  db: DbOrTx,
  tambonId: number,
  opts: { publishedOnly: boolean; limit?: number },
) {
  return db
    .select({ ...getTableColumns(siteAlbums), ...albumFigures(tambonId) })
    .from(siteAlbums)
    .where(
      tambonWhere(
        siteAlbums,
        tambonId,
        {},
        opts.publishedOnly ? eq(siteAlbums.published, true) : undefined,
      ),
    )
    .orderBy(desc(siteAlbums.createdAt), desc(siteAlbums.id))
    .limit(opts.limit ?? 200);
}

/** The photos of an album, in order. */
export function albumPhotos(db: DbOrTx, tambonId: number, albumId: number) {
  return tambonRows(
    db,
    sitePhotos,
    tambonId,
    { albumId },
    asc(sitePhotos.position),
    asc(sitePhotos.id),
  );
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
      tambonWhere(
        sitePhotos,
        tambonId,
        {},
        photo.albumId !== null
          ? eq(sitePhotos.albumId, photo.albumId)
          : eq(sitePhotos.postId, photo.postId!),
      ),
    )
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.id));
}
