import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { lookupSubdistrict } from "../../../core/commands/tambons.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { agreementActivities, agreementParties, agreements } from "../schema.ts";
import {
  checkAgreement,
  isAgreementKind,
  isAgreementStatus,
  isPartyKind,
  type AgreementKind,
  type AgreementStatus,
} from "./agreement.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { MAX_PDF_BYTES, isPdf, newFileName, removeStored, storeFile } from "../uploads.ts";
import { isOwnPillar, ownPartner } from "../shared/commands.ts";

/** An agreement row of a tambon, or undefined (also for another tambon's). */
export async function ownAgreement(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), eq(agreements.tambonId, tambonId)));
  return row;
}

async function partyCount(db: DbOrTx, agreementId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, agreementId));
  return Number(row?.n ?? 0);
}

const schema = z.object({
  titleTh: fields.text(300),
  titleEn: fields.optionalText(300),
  purposeTh: fields.optionalText(6000),
  purposeEn: fields.optionalText(6000),
  scopeTh: fields.optionalText(6000),
  scopeEn: fields.optionalText(6000),
  signedOn: fields.optionalDate(),
  startsOn: fields.optionalDate(),
  endsOn: fields.optionalDate(),
});

/** A signed document sent with the agreement form. */
export interface AgreementDocument {
  buf: Buffer;
  truncated: boolean;
}

/** The display names of a tambon as a party: "เทศบาลตำบลล้อมแรด" / "Lom Raet Subdistrict Municipality". */
export function tambonPartyNames(t: Tambon): { nameTh: string; nameEn: string } {
  return { nameTh: tambonTitle(t, "th"), nameEn: tambonTitle(t, "en") };
}

/**
 * Records or edits an agreement of the tambon. A new MOU starts with the tambon itself as its first
 * party. An agreement leaves the draft status only with a signing date and at least two parties.
 */
export async function saveAgreement(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: Record<string, string>,
  extras: { document?: AgreementDocument | null; removeDocument?: boolean },
  id?: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const tambonId = tambon.id;
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  const current = id ? await ownAgreement(db, tambonId, id) : undefined;
  if (id && !current) return missing();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const kind: AgreementKind | null = current
    ? current.kind
    : isAgreementKind(input.kind)
      ? input.kind
      : null;
  const status: AgreementStatus | null = isAgreementStatus(input.status) ? input.status : null;
  const errors: Record<string, FieldError<NetKey | CoreKey>> = {};
  if (!kind) errors.kind = { key: "err.choice" };
  if (!status) errors.status = { key: "err.choice" };
  if (extras.document && (extras.document.truncated || extras.document.buf.length > MAX_PDF_BYTES))
    errors.document = { key: "err.pdfTooLarge" };
  else if (extras.document && !isPdf(extras.document.buf)) errors.document = { key: "err.pdf" };
  const parties = current ? await partyCount(db, current.id) : kind === "mou" ? 1 : 0;
  if (status) {
    const problems = checkAgreement({
      status,
      signedOn: v.signedOn,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      partyCount: parties,
    });
    for (const [field, nkey] of Object.entries(problems)) errors[field] ??= { key: nkey };
  }
  if (Object.keys(errors).length || !kind || !status) return { ok: false, errors };

  let documentFile = current?.documentFile ?? null;
  let documentBytes = current?.documentBytes ?? null;
  const newDoc = extras.document ? newFileName("agreement", "pdf") : null;
  if (newDoc && extras.document) {
    documentFile = newDoc;
    documentBytes = extras.document.buf.length;
  } else if (extras.removeDocument) {
    documentFile = null;
    documentBytes = null;
  }
  const values = {
    tambonId,
    kind,
    createdBy: current ? current.createdBy : (actor.user?.id ?? null),
    titleTh: v.titleTh,
    titleEn: v.titleEn,
    purposeTh: v.purposeTh,
    purposeEn: v.purposeEn,
    scopeTh: v.scopeTh,
    scopeEn: v.scopeEn,
    signedOn: v.signedOn,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    status,
    documentFile,
    documentBytes,
    updatedAt: new Date(),
  };
  const row = await db.transaction(async (tx) => {
    // The document is stored with the agreement that names it, the one it replaces removed.
    if (newDoc && extras.document) await storeFile(tx, tambonId, newDoc, extras.document.buf);
    if (current?.documentFile && current.documentFile !== documentFile)
      await removeStored(tx, tambonId, current.documentFile);
    const [row] = current
      ? await tx
          .update(agreements)
          .set(values)
          .where(and(eq(agreements.id, current.id), eq(agreements.tambonId, tambonId)))
          .returning()
      : await tx.insert(agreements).values(values).returning();
    if (!current && kind === "mou") {
      const own = tambonPartyNames(tambon);
      await tx.insert(agreementParties).values({
        tambonId,
        agreementId: row!.id,
        partyKind: "tambon",
        partyDopaCode: tambon.dopaCode,
        nameTh: own.nameTh,
        nameEn: own.nameEn,
        position: 1,
      });
    }
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: current ? "agreement.update" : "agreement.create",
      targetType: "agreement",
      targetId: row!.id,
      before: current ? { titleTh: current.titleTh, status: current.status } : null,
      after: { titleTh: values.titleTh, kind, status, document: documentFile },
    });
    return row!;
  });
  return { ok: true, value: { id: row.id } };
}

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
  const existing = await db
    .select()
    .from(agreementParties)
    .where(
      and(eq(agreementParties.agreementId, agreementId), eq(agreementParties.tambonId, tambonId)),
    );
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
      .where(and(eq(agreements.id, agreementId), eq(agreements.tambonId, tambonId)));
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
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
  const agreement = await ownAgreement(db, tambonId, agreementId);
  if (!agreement) return missing();
  const [party] = await db
    .select()
    .from(agreementParties)
    .where(
      and(
        eq(agreementParties.id, partyId),
        eq(agreementParties.agreementId, agreementId),
        eq(agreementParties.tambonId, tambonId),
      ),
    );
  if (!party) return missing();
  if (agreement.status !== "draft" && (await partyCount(db, agreementId)) <= 2)
    return fail("_form", "err.partiesNeeded");
  await db.transaction(async (tx) => {
    await tx
      .delete(agreementParties)
      .where(and(eq(agreementParties.id, partyId), eq(agreementParties.tambonId, tambonId)));
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "agreement.party.remove",
      targetType: "agreement",
      targetId: agreementId,
      before: { party: party.nameTh, signatory: party.signatoryName },
    });
  });
  return { ok: true, value: { id: partyId } };
}

const activitySchema = z.object({
  heldOn: fields.optionalDate(),
  activityTitleTh: fields.text(300),
  activityTitleEn: fields.optionalText(300),
  activityNote: fields.optionalText(4000),
});

/** Records an activity done under an agreement. */
export async function addActivity(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  const agreement = await ownAgreement(db, tambonId, agreementId);
  if (!agreement) return missing();
  const parsed = parseForm(activitySchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!v.heldOn) return fail("heldOn", "err.required");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agreementActivities)
      .values({
        tambonId,
        agreementId,
        heldOn: v.heldOn!,
        titleTh: v.activityTitleTh,
        titleEn: v.activityTitleEn,
        note: v.activityNote,
      })
      .returning({ id: agreementActivities.id });
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "agreement.activity.add",
      targetType: "agreement",
      targetId: agreementId,
      after: { heldOn: v.heldOn, titleTh: v.activityTitleTh },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes an activity recorded under an agreement. */
export function removeActivity(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  activityId: number,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "agreement.manage",
    async (tx) =>
      (
        await tx
          .delete(agreementActivities)
          .where(
            and(
              eq(agreementActivities.id, activityId),
              eq(agreementActivities.agreementId, agreementId),
              eq(agreementActivities.tambonId, tambonId),
            ),
          )
          .returning({ titleTh: agreementActivities.titleTh })
      )[0],
    (row) => ({
      action: "agreement.activity.remove",
      targetType: "agreement",
      targetId: agreementId,
      before: { titleTh: row.titleTh },
    }),
  );
}
