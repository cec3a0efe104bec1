import { z } from "zod";
import type { Db, Tx } from "../../../core/db/index.ts";
import { deleteFile } from "../../../core/file-store.ts";
import { getVillage } from "../../../core/queries/villages.ts";
import { auditBy, auditedChange, type AuditNote } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import type { Actor } from "../../../core/roles.ts";
import { charterPhotos, charterSignatories } from "../schema.ts";
import { IMAGE_MAX_BYTES, type ProcessedImage, processImage, storeImage } from "./images.ts";
import { fail, missing, ok } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { toId } from "../charters/queries.ts";
import { editionCommand } from "../shared/commands.ts";
import { tambonWhere, type TambonTable } from "../../../core/db/tambon-row.ts";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { pick } from "../../../core/pick.ts";

/** An uploaded file as the route hands it over (empty when nothing was chosen). */
export interface Upload {
  data: Buffer;
  filename: string;
  /** The file was larger than the route's limit and was cut off. */
  truncated?: boolean;
}

/** The error for a file larger than the limit, or null. */
function tooBig<T>(field: string, file: Upload | null): CharterResult<T> | null {
  if (!file || (!file.truncated && file.data.length <= IMAGE_MAX_BYTES)) return null;
  return fail(field, "err.fileTooBig", {
    name: file.filename,
    max: IMAGE_MAX_BYTES / 1024 / 1024,
  });
}

const signatorySchema = z.object({
  kind: z.enum(["pillar", "village"], { error: "err.required" }),
  pillar: fields.optionalText(200),
  village: fields.optionalInt(1, 2 ** 31 - 1),
  name: fields.text(200),
  position: fields.optionalText(200),
  signedOn: fields.optionalDate(),
  sortOrder: fields.optionalInt(0, 10_000),
});

/** Records a signatory of an adopted edition, with a photo or scan of the signed page when given. */
export const addSignatory = editionCommand(
  "charter.sign",
  async (
    { db, actor, tambonId, editionId, edition },
    input: Record<string, string>,
    scan: Upload | null,
  ): Promise<CharterResult<number>> => {
    if (edition.status !== "adopted") return fail("_form", "err.signOnlyAdopted");
    const parsed = parseForm(signatorySchema, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    if (v.kind === "pillar" && !v.pillar) return fail("pillar", "err.required");
    if (v.kind === "village") {
      if (!v.village) return fail("village", "err.village");
      if (!(await getVillage(db, tambonId, v.village))) return fail("village", "err.village");
    }
    const big = tooBig<number>("scan", scan);
    if (big) return big;
    const image = scan && scan.data.length ? await processImage(scan.data) : null;
    if (scan && scan.data.length && !image) return fail("scan", "err.notPhoto");
    return db.transaction(async (tx) => {
      const files = image
        ? await storeImage(tx, tambonId, "charter.scan", image, scan?.filename)
        : null;
      const [row] = await tx
        .insert(charterSignatories)
        .values({
          tambonId,
          editionId,
          kind: v.kind,
          pillar: v.kind === "pillar" ? v.pillar : "",
          villageId: v.kind === "village" ? v.village : null,
          name: v.name,
          position: v.position,
          signedOn: v.signedOn ?? edition.signingOn,
          sortOrder: v.sortOrder ?? 0,
          scanFileId: files?.fileId ?? null,
          scanMime: image?.mime ?? null,
          scanBytes: image?.bytes ?? null,
          scanWidth: image?.width ?? null,
          scanHeight: image?.height ?? null,
          thumbFileId: files?.thumbFileId ?? null,
          createdBy: actor.user?.id ?? null,
        })
        .returning({ id: charterSignatories.id });
      await auditBy(tx, actor, tambonId, {
        action: "charter.signatory.add",
        targetType: "charter_signatory",
        targetId: row!.id,
        after: { editionId, ...pick(v, "kind", "name", "pillar"), scan: !!image },
      });
      return ok(row!.id);
    });
  },
);

/** A row as a select of these columns reads it. */
type RowOf<C extends Record<string, PgColumn>> = {
  [K in keyof C]: C[K]["_"]["notNull"] extends true ? C[K]["_"]["data"] : C[K]["_"]["data"] | null;
};

/**
 * The removal of a row of a table with images (a signatory, a ceremony photo) and of the files it
 * names, as `(db, actor, tambonId, id)`; it returns the row's edition. 404 for another tambon's row
 * before 403 without the right to sign. Only the deletion that removed the row deletes its files
 * and is audited: the same form sent twice at once finds the row gone the second time.
 */
function deletionWithImages<C extends { editionId: PgColumn } & Record<string, PgColumn>>(kept: {
  table: TambonTable;
  columns: C;
  files: (row: RowOf<C>) => (number | null)[];
  entry: (row: RowOf<C>, id: number) => AuditNote;
}) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    id: number,
  ): Promise<CharterResult<number>> => {
    if (!toId(id)) return missing();
    const where = tambonWhere(kept.table, tambonId, { id });
    const [row] = await db
      .select(kept.columns)
      .from(kept.table as PgTable)
      .where(where);
    if (!row) return missing();
    const removed = await auditedChange(
      db,
      actor,
      tambonId,
      "charter.sign",
      async (tx) => {
        const [gone] = (await tx
          .delete(kept.table as PgTable)
          .where(where)
          .returning(kept.columns)) as RowOf<C>[];
        if (gone) await deleteFile(tx, tambonId, ...kept.files(gone));
        return gone;
      },
      (gone) => kept.entry(gone, id),
    );
    return removed.ok ? ok(removed.value.editionId as number) : removed;
  };
}

/** Removes a signatory entered by mistake. */
export const deleteSignatory = deletionWithImages({
  table: charterSignatories,
  columns: pick(charterSignatories, "editionId", "name", "scanFileId", "thumbFileId"),
  files: (gone) => [gone.scanFileId, gone.thumbFileId],
  entry: (gone, id) => ({
    action: "charter.signatory.delete",
    targetType: "charter_signatory",
    targetId: id,
    before: { editionId: gone.editionId, name: gone.name },
  }),
});

/** Keeps a ceremony photo of an edition: its image and thumbnail files, and its row; returns its id. */
export async function storePhoto(
  tx: Tx,
  tambonId: number,
  editionId: number,
  image: ProcessedImage,
  filename: string,
  caption: string,
  createdBy: number | null = null,
): Promise<number> {
  const files = await storeImage(tx, tambonId, "charter.photo", image, filename);
  const [row] = await tx
    .insert(charterPhotos)
    .values({
      tambonId,
      editionId,
      caption,
      ...pick(image, "mime", "bytes", "width", "height"),
      fileId: files.fileId,
      thumbFileId: files.thumbFileId,
      createdBy,
    })
    .returning({ id: charterPhotos.id });
  return row!.id;
}

/** Adds a photo of the signing ceremony of an adopted edition. */
export const addPhoto = editionCommand(
  "charter.sign",
  async (
    { db, actor, tambonId, editionId, edition },
    file: Upload,
    captionText: string,
  ): Promise<CharterResult<number>> => {
    if (edition.status !== "adopted") return fail("_form", "err.signOnlyAdopted");
    const big = tooBig<number>("photo", file);
    if (big) return big;
    const image = await processImage(file.data);
    if (!image) return fail("photo", "err.notPhoto");
    const caption = captionText.trim().slice(0, 300);
    return db.transaction(async (tx) => {
      const id = await storePhoto(
        tx,
        tambonId,
        editionId,
        image,
        file.filename,
        caption,
        actor.user?.id ?? null,
      );
      await auditBy(tx, actor, tambonId, {
        action: "charter.photo.add",
        targetType: "charter_photo",
        targetId: id,
        after: { editionId, ...pick(image, "bytes", "width", "height") },
      });
      return ok(id);
    });
  },
);

/** Removes a ceremony photo. */
export const deletePhoto = deletionWithImages({
  table: charterPhotos,
  columns: pick(charterPhotos, "editionId", "fileId", "thumbFileId"),
  files: (gone) => [gone.fileId, gone.thumbFileId],
  entry: (gone, id) => ({
    action: "charter.photo.delete",
    targetType: "charter_photo",
    targetId: id,
    before: { editionId: gone.editionId },
  }),
});
