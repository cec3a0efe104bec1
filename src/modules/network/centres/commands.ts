import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { centrePhotos, learningCentres } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, ok, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { newFileName, removeStored, storeFile, thumbName, type PreparedImage } from "../uploads.ts";
import {
  activeOwnPartner,
  checkContact,
  ownAreas,
  ownVillage,
  writeOwnRow,
} from "../shared/commands.ts";
import { syncCentreSearch } from "../search.ts";
import { tambonRow, tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";
import { CENTRE_FIELDS } from "./fields.ts";

/** A learning centre of the tambon, or undefined (also for another tambon's). */
export async function ownCentre(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  return tambonRow(db, learningCentres, tambonId, id);
}

const schema = z.object({
  nameTh: fields.text(200),
  nameEn: fields.optionalText(200),
  topicTh: fields.optionalText(300),
  topicEn: fields.optionalText(300),
  areaId: fields.optionalInt(1, 2_000_000_000),
  villageId: fields.optionalInt(1, 2_000_000_000),
  hostPartnerId: fields.optionalInt(1, 2_000_000_000),
  learnTh: fields.optionalText(4000),
  learnEn: fields.optionalText(4000),
  capacity: fields.optionalInt(1, 10_000),
  contactName: fields.optionalText(200),
  contactPhone: fields.optionalText(30),
  contactEmail: fields.optionalText(200),
});

/** Records or edits a learning centre of the tambon. */
export async function saveCentre(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  id?: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "centre.manage", { tambonId })) return refused();
  const current = id ? await ownCentre(db, tambonId, id) : undefined;
  if (id && !current) return missing();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const errors: Record<string, FieldError<NetKey | CoreKey>> = {};
  if (v.areaId && !(await ownAreas(db, tambonId, [v.areaId])).length)
    errors.areaId = { key: "err.choice" };
  if (v.villageId && !(await ownVillage(db, tambonId, v.villageId)))
    errors.villageId = { key: "err.choice" };
  if (
    v.hostPartnerId &&
    v.hostPartnerId !== current?.hostPartnerId &&
    !(await activeOwnPartner(db, tambonId, v.hostPartnerId))
  )
    errors.hostPartnerId = { key: "err.choice" };
  const contact = checkContact(v.contactPhone, v.contactEmail);
  Object.assign(errors, contact.errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const values = {
    tambonId,
    ...pick(v, ...CENTRE_FIELDS),
    contactPhone: contact.phone,
    contactEmail: contact.email,
    acceptsVisits: input.acceptsVisits === "1",
    active: current ? input.active === "1" : true,
    updatedAt: new Date(),
  };
  const id2 = await db.transaction(async (tx) => {
    const [row] = await writeOwnRow(tx, learningCentres, tambonId, current?.id, values);
    await auditBy(tx, actor, tambonId, {
      action: current ? "centre.update" : "centre.create",
      targetType: "learning_centre",
      targetId: row!.id,
      before: current ? { nameTh: current.nameTh, active: current.active } : null,
      after: { ...pick(values, "nameTh", "active", "acceptsVisits") },
    });
    await syncCentreSearch(tx, tambonId, row!.id);
    return row!.id;
  });
  return { ok: true, value: { id: id2 } };
}

/** Adds a photo (already checked and re-encoded) to a learning centre. */
export async function addCentrePhoto(
  db: Db,
  actor: Actor,
  tambonId: number,
  centreId: number,
  image: PreparedImage | null,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "centre.manage", { tambonId })) return refused();
  if (!(await ownCentre(db, tambonId, centreId))) return missing();
  if (!image || !image.thumb) return fail("photo", "err.picture");
  const captionTh = (input.captionTh ?? "").trim().slice(0, 300);
  const captionEn = (input.captionEn ?? "").trim().slice(0, 300);
  const file = newFileName("centre", "webp");
  const thumb = image.thumb;
  const id = await db.transaction(async (tx) => {
    await storeFile(tx, tambonId, file, image.main);
    await storeFile(tx, tambonId, thumbName(file), thumb);
    const last = await lastNumber(tx, centrePhotos, "position", tambonId, { centreId });
    const [row] = await tx
      .insert(centrePhotos)
      .values({
        tambonId,
        centreId,
        file,
        thumbFile: thumbName(file),
        width: image.width,
        height: image.height,
        bytes: image.main.length,
        captionTh,
        captionEn,
        position: last + 1,
      })
      .returning({ id: centrePhotos.id });
    await auditBy(tx, actor, tambonId, {
      action: "centre.photo.add",
      targetType: "learning_centre",
      targetId: centreId,
      after: { file, width: image.width, height: image.height, bytes: image.main.length },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes a photo of a learning centre (and its files). */
export async function removeCentrePhoto(
  db: Db,
  actor: Actor,
  tambonId: number,
  centreId: number,
  photoId: number,
): Promise<Result<true, CoreKey>> {
  const removed = await auditedChange(
    db,
    actor,
    tambonId,
    "centre.manage",
    async (tx) => {
      const [row] = await tx
        .delete(centrePhotos)
        .where(tambonWhere(centrePhotos, tambonId, { id: photoId, centreId }))
        .returning();
      if (row) await removeStored(tx, tambonId, row.file, row.thumbFile);
      return row;
    },
    (row) => ({
      action: "centre.photo.remove",
      targetType: "learning_centre",
      targetId: centreId,
      before: { file: row.file },
    }),
  );
  if (!removed.ok) return removed;
  return ok(true);
}
