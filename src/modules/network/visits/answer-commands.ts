import { and, eq, type SQL } from "drizzle-orm";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { audit, auditBy, type AuditEntry } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { todayIso } from "../../../core/dates.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { studyVisits } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import {
  afterHostAnswer,
  afterRequesterAnswer,
  isHostAnswer,
  isRequesterAnswer,
  type VisitStatus,
} from "./visit.ts";
import { isVisitToken } from "./visit-link.ts";
import { hostedVisit, requestedVisit, visitToAnswer, type Visit } from "./commands.ts";
import { tellVisitRequester } from "./notices.ts";

const answerSchema = z.object({
  proposedOn: fields.optionalDate(),
  hostNote: fields.optionalText(2000),
});

/**
 * The host's answer to a request: accept it, propose another date, or decline. Accepting when
 * another date was proposed accepts that date (e.g. the group agreed to it by phone).
 */
export async function answerVisit(
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
  if (!isHostAnswer(input.answer)) return fail("answer", "err.choice");
  const answer = input.answer;
  const parsed = parseForm(answerSchema, input);
  if (!parsed.ok) return parsed;
  const next = afterHostAnswer(visit.status, answer);
  if (!next) return fail("answer", "err.notNow");
  const v = parsed.value;
  if (answer === "propose" && !v.proposedOn) return fail("proposedOn", "err.required");
  if (answer === "propose" && v.proposedOn! < today) return fail("proposedOn", "err.pastDate");
  const hostNote = v.hostNote || visit.hostNote;
  // Accepting after proposing another date accepts the date proposed: it becomes the visit's date.
  const acceptsProposal = answer === "accept" && visit.status === "proposed" && !!visit.proposedOn;
  const requestedOn = acceptsProposal ? visit.proposedOn! : visit.requestedOn;
  const proposedOn = answer === "propose" ? v.proposedOn : null;
  await db.transaction(async (tx) => {
    await tx
      .update(studyVisits)
      .set({
        status: next,
        requestedOn: acceptsProposal ? requestedOn : undefined,
        proposedOn,
        hostNote,
        updatedAt: new Date(),
      })
      .where(tambonWhere(studyVisits, tambonId, { id: visit.id }));
    const entry = {
      action: `visit.${answer}`,
      targetType: "study_visit",
      targetId: visit.id,
      before: { status: visit.status, requestedOn: visit.requestedOn },
      after: { status: next, requestedOn, proposedOn },
    };
    await auditBy(tx, actor, tambonId, entry);
    if (visit.requestingTambonId) await auditBy(tx, actor, visit.requestingTambonId, entry);
    if (next === "accepted" || next === "proposed" || next === "declined")
      await tellVisitRequester(tx, visit, {
        status: next,
        date: next === "proposed" ? proposedOn! : requestedOn,
        hostNote,
      });
  });
  return { ok: true, value: { id: visit.id } };
}

/**
 * Applies a requester's answer (accept the date the host proposed, or withdraw) to a visit found
 * in `scope`, with the audit rows `entries` makes from the move. Nothing else of the host's row
 * changes.
 */
async function answerAsRequester(
  db: Db,
  visit: Visit,
  input: Record<string, string>,
  scope: SQL | undefined,
  entries: (move: {
    action: string;
    next: VisitStatus;
    requestedOn: string | null;
  }) => AuditEntry[],
): Promise<Result<{ id: number; status: VisitStatus }, NetKey | CoreKey>> {
  if (!isRequesterAnswer(input.answer)) return fail("answer", "err.choice");
  const answer = input.answer;
  const next = afterRequesterAnswer(visit.status, answer);
  if (!next) return fail("answer", "err.notNow");
  const note = (input.requesterNote ?? "").trim().slice(0, 2000);
  // Accepting the host's proposal makes it the visit's date; withdrawing leaves the dates as they are.
  const accepting = answer === "accept_proposal";
  const requestedOn = accepting ? (visit.proposedOn ?? visit.requestedOn) : visit.requestedOn;
  await db.transaction(async (tx) => {
    await tx
      .update(studyVisits)
      .set({
        status: next,
        requestedOn: accepting ? requestedOn : undefined,
        proposedOn: accepting ? null : undefined,
        requesterNote: note || visit.requesterNote,
        updatedAt: new Date(),
      })
      .where(and(eq(studyVisits.id, visit.id), scope));
    for (const entry of entries({ action: `visit.${answer}`, next, requestedOn }))
      await audit(tx, entry);
  });
  return { ok: true, value: { id: visit.id, status: next } };
}

/**
 * The requesting tambon's reply, from its own scope: accept the date the host proposed, or
 * withdraw the request. Both tambons get an audit row.
 */
export async function replyToVisit(
  db: Db,
  actor: Actor,
  requesterId: number,
  visitId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number; status: VisitStatus }, NetKey | CoreKey>> {
  if (!can(actor, "visit.request", { tambonId: requesterId })) return refused();
  const visit = await requestedVisit(db, requesterId, visitId);
  if (!visit) return missing();
  const scope = eq(studyVisits.requestingTambonId, requesterId);
  return answerAsRequester(db, visit, input, scope, ({ action, next }) => {
    const entry = {
      actorId: actor.user?.id ?? null,
      action,
      targetType: "study_visit",
      targetId: visit.id,
      before: { status: visit.status },
      after: { status: next },
    };
    return [
      { ...entry, tambonId: visit.tambonId },
      { ...entry, tambonId: requesterId },
    ];
  });
}

/**
 * The reply of a group that asked through the public form, by the private link it was given:
 * accept the date the host proposed, or withdraw the request. The token must be the visit's own.
 */
export async function replyByLink(
  db: Db,
  secret: string,
  hostId: number,
  visitId: number,
  token: string,
  input: Record<string, string>,
): Promise<Result<{ id: number; status: VisitStatus }, NetKey | CoreKey>> {
  const visit = await hostedVisit(db, hostId, visitId);
  if (!visit || visit.source !== "public" || !isVisitToken(secret, visit, token)) return missing();
  const scope = eq(studyVisits.tambonId, hostId);
  return answerAsRequester(db, visit, input, scope, ({ action, next, requestedOn }) => [
    {
      tambonId: hostId,
      actorId: null,
      action,
      targetType: "study_visit",
      targetId: visit.id,
      before: { status: visit.status, requestedOn: visit.requestedOn },
      after: { status: next, requestedOn, via: "link" },
    },
  ]);
}
