import { and, eq } from "drizzle-orm";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { todayIso } from "../../../core/dates.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { learningCentres, studyVisits } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, ok, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { canRecordVisit } from "./visit.ts";
import { checkContact } from "../shared/commands.ts";
import { pick } from "../../../core/pick.ts";

/**
 * A study visit of the tambon, or undefined (also for another tambon's): "incoming", one it hosts;
 * "outgoing", one it asked another tambon for.
 */
async function visitOf(db: DbOrTx, side: "incoming" | "outgoing", tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await db
    .select()
    .from(studyVisits)
    .where(
      and(
        eq(studyVisits.id, id),
        eq(side === "incoming" ? studyVisits.tambonId : studyVisits.requestingTambonId, tambonId),
      ),
    );
  return row;
}

/** A study visit hosted by the tambon, or undefined (also for another tambon's). */
export const hostedVisit = (db: DbOrTx, tambonId: number, id: number) =>
  visitOf(db, "incoming", tambonId, id);

/**
 * A study visit the tambon hosts, once the actor may answer for the host: refused without the
 * right, missing for a visit the tambon does not host.
 */
export async function visitToAnswer(
  db: DbOrTx,
  actor: Actor,
  tambonId: number,
  visitId: number,
): Promise<Result<Visit, CoreKey>> {
  if (!can(actor, "visit.respond", { tambonId })) return refused();
  const visit = await hostedVisit(db, tambonId, visitId);
  return visit ? ok(visit) : missing();
}

/** A study visit the tambon asked another tambon for, or undefined. */
export const requestedVisit = (db: DbOrTx, requesterId: number, id: number) =>
  visitOf(db, "outgoing", requesterId, id);

const requestSchema = z.object({
  groupName: fields.optionalText(200),
  contactName: fields.optionalText(200),
  contactPhone: fields.optionalText(30),
  contactEmail: fields.optionalText(200),
  requestedOn: fields.optionalDate(),
  groupSize: fields.int(1, 10_000),
  topics: fields.text(2000),
});

/** Who files a request: a tambon on the platform (from its own scope), the public, or the host's staff. */
export type RequestSource =
  { kind: "tambon"; requester: Tambon } | { kind: "public" } | { kind: "host" };

/**
 * Files a study-visit request to a learning centre. The row belongs to the host tambon (the
 * centre's); a request from a tambon on the platform also records which tambon asked, so that its
 * staff can follow it from their own pages. Nothing else of the host is written.
 */
export async function requestVisit(
  db: Db,
  actor: Actor,
  centreId: number,
  input: Record<string, string>,
  source: RequestSource,
  today = todayIso(),
): Promise<Result<{ id: number; hostTambonId: number; createdAt: Date }, NetKey | CoreKey>> {
  const [centre] = Number.isInteger(centreId)
    ? await db.select().from(learningCentres).where(eq(learningCentres.id, centreId))
    : [];
  if (!centre) return fail("centreId", "err.choice");
  const hostId = centre.tambonId;
  if (source.kind === "tambon") {
    if (!can(actor, "visit.request", { tambonId: source.requester.id })) return refused();
    if (hostId === source.requester.id) return fail("centreId", "err.ownCentre");
  } else if (source.kind === "host") {
    if (!can(actor, "visit.respond", { tambonId: hostId })) return refused();
  } else if (!can(actor, "visit.requestPublic", { tambonId: hostId })) {
    return refused();
  }
  if (!centre.active || !centre.acceptsVisits) return fail("centreId", "err.noVisits");
  // Every mistake is shown at once: the form's own checks, then those against the centre.
  const parsed = parseForm(requestSchema, input);
  const errors: Record<string, FieldError<NetKey | CoreKey>> = parsed.ok
    ? {}
    : { ...parsed.errors };
  const v = parsed.ok ? parsed.value : null;
  const requestedOn = v
    ? v.requestedOn
    : /^\d{4}-\d{2}-\d{2}$/.test(input.requestedOn ?? "")
      ? input.requestedOn!
      : null;
  const groupSize = v ? v.groupSize : Number(input.groupSize) || 0;
  if (!requestedOn) errors.requestedOn ??= { key: "err.required" };
  else if (requestedOn < today && source.kind !== "host")
    errors.requestedOn ??= { key: "err.pastDate" };
  if (centre.capacity && groupSize > centre.capacity)
    errors.groupSize ??= { key: "err.overCapacity", vars: { n: centre.capacity } };
  const contact = checkContact(input.contactPhone ?? "", input.contactEmail ?? "");
  for (const [k, e] of Object.entries(contact.errors)) errors[k] ??= e;
  if (source.kind !== "tambon") {
    if (!(input.groupName ?? "").trim()) errors.groupName ??= { key: "err.required" };
    if (!(input.contactName ?? "").trim()) errors.contactName ??= { key: "err.required" };
    if (!contact.phone && !contact.email && !errors.contactPhone)
      errors.contactPhone = { key: "err.contactNeeded" };
  }
  if (Object.keys(errors).length || !v || !requestedOn) return { ok: false, errors };
  const requester = source.kind === "tambon" ? source.requester : null;
  const groupName = requester
    ? [tambonTitle(requester, "th"), v.groupName].filter(Boolean).join(" · ")
    : v.groupName;
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(studyVisits)
      .values({
        tambonId: hostId,
        centreId: centre.id,
        requestingTambonId: requester?.id ?? null,
        source: source.kind,
        groupName,
        contactName: v.contactName,
        contactPhone: contact.phone,
        contactEmail: contact.email,
        requestedOn,
        groupSize: v.groupSize,
        topics: v.topics,
        requestedBy: actor.user?.id ?? null,
      })
      .returning({ id: studyVisits.id, createdAt: studyVisits.createdAt });
    const entry = {
      targetType: "study_visit",
      targetId: row!.id,
      after: {
        centreId: centre.id,
        hostTambonId: hostId,
        requestingTambonId: requester?.id ?? null,
        source: source.kind,
        requestedOn,
        groupSize: v.groupSize,
      },
    };
    await auditBy(tx, actor, hostId, { ...entry, action: "visit.request" });
    if (requester)
      await auditBy(tx, actor, requester.id, { ...entry, action: "visit.request.sent" });
    return row!;
  });
  return {
    ok: true,
    value: { id: created.id, hostTambonId: hostId, createdAt: created.createdAt },
  };
}

export type Visit = typeof studyVisits.$inferSelect;

const recordSchema = z.object({
  visitedOn: fields.optionalDate(),
  visitorsCount: fields.int(1, 10_000),
  learnedTh: fields.text(6000),
  learnedEn: fields.optionalText(6000),
});

/** The host records that an accepted visit took place: when, how many came, what was learned. */
export async function recordVisit(
  db: Db,
  actor: Actor,
  tambonId: number,
  visitId: number,
  input: Record<string, string>,
  today = todayIso(),
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const found = await visitToAnswer(db, actor, tambonId, visitId);
  if (!found.ok) return found;
  const visit = found.value;
  if (!canRecordVisit(visit.status)) return fail("_form", "err.notNow");
  const parsed = parseForm(recordSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!v.visitedOn) return fail("visitedOn", "err.required");
  if (v.visitedOn > today) return fail("visitedOn", "err.futureDate");
  await db.transaction(async (tx) => {
    await tx
      .update(studyVisits)
      .set({
        status: "done",
        ...pick(v, "visitedOn", "visitorsCount", "learnedTh", "learnedEn"),
        updatedAt: new Date(),
      })
      .where(tambonWhere(studyVisits, tambonId, { id: visit.id }));
    const entry = {
      action: "visit.record",
      targetType: "study_visit",
      targetId: visit.id,
      before: { status: visit.status },
      after: { status: "done", visitedOn: v.visitedOn, visitorsCount: v.visitorsCount },
    };
    await auditBy(tx, actor, tambonId, entry);
    if (visit.requestingTambonId) await auditBy(tx, actor, visit.requestingTambonId, entry);
  });
  return { ok: true, value: { id: visit.id } };
}
