import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { getFile, type StoredFile } from "../../../core/file-store.ts";
import { charterPhotos, charterSignatories } from "../schema.ts";
import type { SignatoryRow } from "../charters/queries.ts";
import { tambonWhere, type TambonTable } from "../../../core/db/tambon-row.ts";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { pick } from "../../../core/pick.ts";

/** The signatories of an edition in order (pillars first, then villages), without image bytes. */
export function signatoriesOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
): Promise<(SignatoryRow & { village: string | null; moo: number | null })[]> {
  return db
    .select({
      ...pick(
        charterSignatories,
        "id",
        "tambonId",
        "editionId",
        "kind",
        "pillar",
        "villageId",
        "name",
        "position",
        "sortOrder",
        "signedOn",
        "scanMime",
        "scanBytes",
        "scanWidth",
        "scanHeight",
        "createdBy",
        "createdAt",
      ),
      village: villages.nameTh,
      moo: villages.moo,
    })
    .from(charterSignatories)
    .leftJoin(villages, eq(villages.id, charterSignatories.villageId))
    .where(tambonWhere(charterSignatories, tambonId, { editionId }))
    .orderBy(
      sql`case ${charterSignatories.kind} when 'pillar' then 0 else 1 end`,
      asc(charterSignatories.sortOrder),
      asc(villages.moo),
      asc(charterSignatories.id),
    );
}

/** The ceremony photos of an edition (without bytes). */
export function photosOf(db: DbOrTx, tambonId: number, editionId: number) {
  return db
    .select({
      ...pick(charterPhotos, "id", "caption", "mime", "bytes", "width", "height"),
    })
    .from(charterPhotos)
    .where(tambonWhere(charterPhotos, tambonId, { editionId }))
    .orderBy(asc(charterPhotos.id));
}

/** An image as it is sent: a file of the core file store. */
export type StoredImage = StoredFile;

/**
 * The image kept in a row of a table of images (its file, or its thumbnail when asked and there is
 * one), as `(db, tambonId, id, thumb)`: null for another tambon's row or a row without an image.
 */
function keptImage(table: TambonTable, file: PgColumn, thumbFile: PgColumn) {
  return async (
    db: DbOrTx,
    tambonId: number,
    id: number,
    thumb: boolean,
  ): Promise<StoredImage | null> => {
    const [row] = (await db
      .select({ file, thumb: thumbFile })
      .from(table as PgTable)
      .where(tambonWhere(table, tambonId, { id }))) as {
      file: number | null;
      thumb: number | null;
    }[];
    if (!row?.file) return null;
    return (await getFile(db, tambonId, thumb && row.thumb ? row.thumb : row.file)) ?? null;
  };
}

/** The scan of a signatory's signed page, or its thumbnail when asked and there is one. */
export const signatoryScan = keptImage(
  charterSignatories,
  charterSignatories.scanFileId,
  charterSignatories.thumbFileId,
);

/** A ceremony photo, or its thumbnail. */
export const ceremonyPhoto = keptImage(
  charterPhotos,
  charterPhotos.fileId,
  charterPhotos.thumbFileId,
);
