import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { lookupSubdistrict } from "../../../core/commands/tambons.ts";
import { agreementParties, agreements } from "../schema.ts";
import { isPartyKind } from "./agreement.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { isOwnPillar, ownPartner } from "../shared/commands.ts";
import { ownAgreement, partyCount, tambonPartyNames } from "./commands.ts";

const partySchema = z.object({
  nameTh: fields.optionalText(300),
  nameEn: fields.optionalText(300),
  dopaCode: fields.optionalText(6),
  partnerId: fields.optionalInt(1, 2_000_000_000),
  pillarId: fields.optionalInt(1, 2_000_000_000),
  signatoryName: fields.optionalText(200),
  signatoryPosition: fields.optionalText(200),
});

/**
 * Adds a party to an agreement: a tambon by its national code (on the platform or not), one of the
 * tambon's partners, or another organisation by name; optionally the pillar it stands for.
 */
export async function addParty(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  input: Record<string, string>,
  findTambon: (dopaCode: string) => Tambon | undefined,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  const agreement = await ownAgreement(db, tambonId, agreementId);
  if (!agreement) return missing();
  const parsed = parseForm(partySchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const kind = isPartyKind(input.partyKind) ? input.partyKind : null;
  if (!kind) return fail("partyKind", "err.choice");
  if (v.pillarId && !(await isOwnPillar(db, tambonId, v.pillarId, null)))
    return fail("pillarId", "err.choice");
  let names = { nameTh: v.nameTh, nameEn: v.nameEn };
  let partyDopaCode: string | null = null;
  let partnerId: number | null = null;
  const existing = await tambonRows(db, agreementParties, tambonId, { agreementId });
  if (kind === "tambon") {
    const onPlatform = findTambon(v.dopaCode);
    const place = onPlatform ? null : await lookupSubdistrict(v.dopaCode);
    if (!onPlatform && !place) return fail("dopaCode", "err.dopaCode");
    partyDopaCode = v.dopaCode;
    if (existing.some((p) => p.partyDopaCode === partyDopaCode))
      return fail("dopaCode", "err.partyTwice");
    names = onPlatform
      ? tambonPartyNames(onPlatform)
      : {
          nameTh: `ตำบล${place!.nameTh} อำเภอ${place!.districtTh} จังหวัด${place!.provinceTh}`,
          nameEn: `${place!.nameEn}, ${place!.districtEn}, ${place!.provinceEn}`,
        };
  } else if (kind === "partner") {
    const partner = v.partnerId ? await ownPartner(db, tambonId, v.partnerId) : undefined;
    if (!partner) return fail("partnerId", "err.choice");
    if (existing.some((p) => p.partnerId === partner.id))
      return fail("partnerId", "err.partyTwice");
    partnerId = partner.id;
    names = { nameTh: partner.nameTh, nameEn: partner.nameEn };
  } else if (!v.nameTh) {
    return fail("nameTh", "err.required");
  }
  const position = existing.reduce((m, p) => Math.max(m, p.position), 0) + 1;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agreementParties)
      .values({
        tambonId,
        agreementId,
        partyKind: kind,
        partyDopaCode,
        partnerId,
        pillarId: v.pillarId,
        nameTh: names.nameTh,
        nameEn: names.nameEn,
        signatoryName: v.signatoryName,
        signatoryPosition: v.signatoryPosition,
        position,
      })
      .returning({ id: agreementParties.id });
    await tx
      .update(agreements)
      .set({ updatedAt: new Date() })
      .where(tambonWhere(agreements, tambonId, { id: agreementId }));
    await auditBy(tx, actor, tambonId, {
      action: "agreement.party.add",
      targetType: "agreement",
      targetId: agreementId,
      after: { party: names.nameTh, kind, dopaCode: partyDopaCode, partnerId },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes a party (a signed agreement keeps at least two). */
export async function removeParty(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  partyId: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  if (!(await ownAgreement(db, tambonId, agreementId))) return missing();
  // The agreement is locked while one of its parties is removed: two removals at once would
  // each count the parties before the other's and leave a signed agreement with fewer than two
  // (and the same party sent twice would be removed, and audited, twice).
  return db.transaction(async (tx): Promise<Result<{ id: number }, NetKey | CoreKey>> => {
    const [agreement] = await tx
      .select({ status: agreements.status })
      .from(agreements)
      .where(tambonWhere(agreements, tambonId, { id: agreementId }))
      .for("update");
    if (!agreement) return missing();
    const [party] = await tambonRows(tx, agreementParties, tambonId, { id: partyId, agreementId });
    if (!party) return missing();
    if (agreement.status !== "draft" && (await partyCount(tx, agreementId)) <= 2)
      return fail("_form", "err.partiesNeeded");
    await tx
      .delete(agreementParties)
      .where(tambonWhere(agreementParties, tambonId, { id: partyId }));
    await auditBy(tx, actor, tambonId, {
      action: "agreement.party.remove",
      targetType: "agreement",
      targetId: agreementId,
      before: { party: party.nameTh, signatory: party.signatoryName },
    });
    return { ok: true, value: { id: partyId } };
  });
}
