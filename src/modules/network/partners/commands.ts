import { eq } from "drizzle-orm";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { partnerAreas, partnerVillages, partners } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { newFileName, removeStored, storeFile, type PreparedImage } from "../uploads.ts";
import {
  checkContact,
  idList,
  isOwnPillar,
  isOwnTerm,
  memberByIdentifier,
  ownAreas,
  ownPartner,
  ownVillages,
  writeOwnRow,
} from "../shared/commands.ts";
import { parseId } from "../../../core/params.ts";
import { syncPartnerSearch } from "../search.ts";
import { pick } from "../../../core/pick.ts";

const schema = z.object({
  nameTh: fields.text(200),
  nameEn: fields.optionalText(200),
  kindId: fields.optionalInt(1, 2_000_000_000),
  roleId: fields.optionalInt(1, 2_000_000_000),
  pillarId: fields.optionalInt(1, 2_000_000_000),
  descriptionTh: fields.optionalText(4000),
  descriptionEn: fields.optionalText(4000),
  contactName: fields.optionalText(200),
  contactPhone: fields.optionalText(30),
  contactEmail: fields.optionalText(200),
  website: fields.optionalText(300),
  contactUser: fields.optionalText(120),
});

/** A web address the directory may link to. */
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** What a partner form sends besides its plain fields. */
export interface PartnerExtras {
  villages: string[];
  areas: string[];
  logo?: PreparedImage | null;
  removeLogo?: boolean;
}

/**
 * Registers or edits a partner. Staff (and, for an existing partner, its own contact person) may
 * edit; only those who may classify partners set the pillar, and only staff change the contact
 * person. Villages and issue areas are replaced by the ones sent.
 */
export async function savePartner(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  extras: PartnerExtras,
  id?: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const current = id ? await ownPartner(db, tambonId, id) : undefined;
  if (id && !current) return missing();
  const allowed = current
    ? can(actor, "partner.edit", { tambonId, ownerId: current.contactUserId })
    : can(actor, "partner.create", { tambonId });
  if (!allowed) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) {
    // Show the contact's mistakes together with the form's own.
    const errors: Record<string, FieldError<NetKey | CoreKey>> = { ...parsed.errors };
    const contact = checkContact(input.contactPhone ?? "", input.contactEmail ?? "");
    for (const [k, e] of Object.entries(contact.errors)) errors[k] ??= e;
    if (input.website && !WEBSITE.test(input.website.trim())) errors.website ??= { key: "err.url" };
    return { ok: false, errors };
  }
  const v = parsed.value;
  const errors: Record<string, FieldError<NetKey | CoreKey>> = {};
  if (v.kindId && !(await isOwnTerm(db, tambonId, "kind", v.kindId, current?.kindId ?? null)))
    errors.kindId = { key: "err.choice" };
  if (v.roleId && !(await isOwnTerm(db, tambonId, "role", v.roleId, current?.roleId ?? null)))
    errors.roleId = { key: "err.choice" };
  const classify = can(actor, "partner.classify", { tambonId });
  let pillarId = current?.pillarId ?? null;
  if (classify) {
    pillarId = v.pillarId;
    if (pillarId && !(await isOwnPillar(db, tambonId, pillarId, current?.pillarId ?? null)))
      errors.pillarId = { key: "err.choice" };
  }
  const contact = checkContact(v.contactPhone, v.contactEmail);
  Object.assign(errors, contact.errors);
  if (v.website && !WEBSITE.test(v.website)) errors.website = { key: "err.url" };
  const staff = can(actor, "partner.create", { tambonId });
  let contactUserId = current?.contactUserId ?? null;
  if (staff) {
    if (!v.contactUser) contactUserId = null;
    else {
      const user = await memberByIdentifier(db, tambonId, v.contactUser);
      if (!user) errors.contactUser = { key: "err.notMember" };
      else contactUserId = user.id;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const villageIds = await ownVillages(db, tambonId, idList(extras.villages));
  const areaIds = await ownAreas(db, tambonId, idList(extras.areas));

  let logoFile = current?.logoFile ?? null;
  const newLogo = extras.logo ? newFileName("partner", "webp") : null;
  if (newLogo) logoFile = newLogo;
  else if (extras.removeLogo) logoFile = null;

  const values = {
    tambonId,
    createdBy: current ? current.createdBy : (actor.user?.id ?? null),
    ...pick(v, "nameTh", "nameEn", "kindId", "roleId"),
    pillarId,
    ...pick(v, "descriptionTh", "descriptionEn", "contactName"),
    contactPhone: contact.phone,
    contactEmail: contact.email,
    website: v.website,
    contactUserId,
    logoFile,
    updatedAt: new Date(),
  };
  const row = await db.transaction(async (tx) => {
    // The logo is stored with the partner that names it, and the one it replaces removed with it.
    if (newLogo && extras.logo) await storeFile(tx, tambonId, newLogo, extras.logo.main);
    if (current?.logoFile && current.logoFile !== logoFile)
      await removeStored(tx, tambonId, current.logoFile);
    const [row] = await writeOwnRow(tx, partners, tambonId, current?.id, values);
    await tx.delete(partnerVillages).where(eq(partnerVillages.partnerId, row!.id));
    if (villageIds.length)
      await tx
        .insert(partnerVillages)
        .values(villageIds.map((villageId) => ({ tambonId, partnerId: row!.id, villageId })));
    await tx.delete(partnerAreas).where(eq(partnerAreas.partnerId, row!.id));
    if (areaIds.length)
      await tx
        .insert(partnerAreas)
        .values(areaIds.map((areaId) => ({ tambonId, partnerId: row!.id, areaId })));
    await auditBy(tx, actor, tambonId, {
      action: current ? "partner.update" : "partner.create",
      targetType: "partner",
      targetId: row!.id,
      before: current ? { ...pick(current, "nameTh", "pillarId", "roleId") } : null,
      after: {
        ...pick(values, "nameTh", "pillarId", "roleId", "kindId"),
        villages: villageIds,
        areas: areaIds,
        logo: values.logoFile,
      },
    });
    await syncPartnerSearch(tx, tambonId, row!.id);
    return row!;
  });
  return { ok: true, value: { id: row.id } };
}

/** Sets a partner's pillar (the working group places partners in the tambon's pillars). */
export async function setPartnerPillar(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  pillarRaw: string,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "partner.classify", { tambonId })) return refused();
  const current = await ownPartner(db, tambonId, id);
  if (!current) return missing();
  const pillarId = pillarRaw ? (parseId(pillarRaw) ?? 0) : null;
  if (pillarId !== null && !(await isOwnPillar(db, tambonId, pillarId, current.pillarId)))
    return fail("pillarId", "err.choice");
  await db.transaction(async (tx) => {
    await tx
      .update(partners)
      .set({ pillarId, updatedAt: new Date() })
      .where(tambonWhere(partners, tambonId, { id }));
    await auditBy(tx, actor, tambonId, {
      action: "partner.classify",
      targetType: "partner",
      targetId: id,
      before: { pillarId: current.pillarId },
      after: { pillarId },
    });
  });
  return { ok: true, value: { id } };
}

/** Marks a partner active or inactive (inactive partners leave the public directory). */
export function setPartnerActive(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  active: boolean,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "partner.create",
    async (tx) => {
      const [row] = await tx
        .update(partners)
        .set({ active, updatedAt: new Date() })
        .where(tambonWhere(partners, tambonId, { id }))
        .returning({ id: partners.id });
      if (row) await syncPartnerSearch(tx, tambonId, row.id);
      return row;
    },
    () => ({
      action: active ? "partner.activate" : "partner.deactivate",
      targetType: "partner",
      targetId: id,
    }),
  );
}
