import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { getFile, type StoredFile } from "../../../core/file-store.ts";
import { charterPhotos, charterSignatories } from "../schema.ts";
import type { SignatoryRow } from "../charters/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
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

/** The scan of a signatory's signed page, or its thumbnail when asked and there is one. */
export async function signatoryScan(
  db: DbOrTx,
  tambonId: number,
  id: number,
  thumb: boolean,
): Promise<StoredImage | null> {
  const [row] = await db
    .select({ scan: charterSignatories.scanFileId, thumb: charterSignatories.thumbFileId })
    .from(charterSignatories)
    .where(tambonWhere(charterSignatories, tambonId, { id }));
  if (!row?.scan) return null;
  return (await getFile(db, tambonId, thumb && row.thumb ? row.thumb : row.scan)) ?? null;
}

/** A ceremony photo, or its thumbnail. */
export async function ceremonyPhoto(
  db: DbOrTx,
  tambonId: number,
  id: number,
  thumb: boolean,
): Promise<StoredImage | null> {
  const [row] = await db
    .select({ fileId: thumb ? charterPhotos.thumbFileId : charterPhotos.fileId })
    .from(charterPhotos)
    .where(tambonWhere(charterPhotos, tambonId, { id }));
  return row ? ((await getFile(db, tambonId, row.fileId)) ?? null) : null;
}
