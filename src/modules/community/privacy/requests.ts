import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { parseId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { paged, type Page } from "../../../core/paging.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { dataRequests, people } from "../schema.ts";
import { REQUEST_KINDS } from "../shared/kinds.ts";
import type { CommunityResult } from "../shared/result.ts";
import { savePersonChange } from "../people/commands.ts";
import { erasePerson } from "./erase.ts";
import { tambonWhere, tambonRowOf } from "../../../core/db/tambon-row.ts";

export type DataRequest = typeof dataRequests.$inferSelect;

/** One page of the tambon's data requests, the open ones first, newest first. */
export function listRequests(
  db: DbOrTx,
  tambonId: number,
  page: number,
): Promise<Page<DataRequest>> {
  const where = eq(dataRequests.tambonId, tambonId);
  return paged(
    page,
    async () => (await db.select({ n: count() }).from(dataRequests).where(where))[0]!.n,
    ({ limit, offset }) =>
      db
        .select()
        .from(dataRequests)
        .where(where)
        .orderBy(
          desc(eq(dataRequests.status, "open")),
          desc(dataRequests.receivedOn),
          desc(dataRequests.id),
        )
        .limit(limit)
        .offset(offset),
  );
}

/** A data request of the tambon. */
export const getRequest = tambonRowOf(dataRequests);

const schema = z.object({
  requester: fields.text(200),
  kind: fields.choice(REQUEST_KINDS),
  receivedOn: fields.optionalDate(),
  details: fields.optionalText(2000),
});

/** Records a person's request about their data (the person's record linked when known). */
export async function recordRequest(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<CommunityResult<DataRequest>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  if (!parsed.value.receivedOn) return fail("receivedOn", "err.required");
  const rawPerson = (input.personId ?? "").trim();
  const personId = rawPerson === "" ? null : parseId(rawPerson);
  if (rawPerson !== "" && personId === null) return fail("personId", "request.unknownPerson");
  const v = parsed.value;
  return db.transaction(async (tx): Promise<CommunityResult<DataRequest>> => {
    if (personId !== null) {
      const [p] = await tx
        .select({ id: people.id })
        .from(people)
        .where(tambonWhere(people, tambonId, { id: personId }));
      if (!p) return fail("personId", "request.unknownPerson");
    }
    const [row] = await tx
      .insert(dataRequests)
      .values({
        tambonId,
        personId,
        requester: v.requester,
        kind: v.kind,
        receivedOn: v.receivedOn!,
        details: v.details,
        createdBy: actor.user?.id ?? null,
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "community.request.create",
      targetType: "community_data_request",
      targetId: row!.id,
      after: { kind: v.kind, personId, receivedOn: v.receivedOn },
    });
    return ok(row!);
  });
}

const handleSchema = z.object({
  decision: fields.choice(["done", "refused"]),
  outcome: fields.text(2000),
});

/**
 * Handles an open request and records what was done. Done: a deletion erases the person
 * (erase.ts), a withdrawal of consent sets their consent to "withdrawn"; access, correction and
 * objection are recorded with their outcome (the access report and the edit form are pages of
 * their own). All in one transaction with its audit row.
 */
export async function handleRequest(
  db: Db,
  actor: Actor,
  tambonId: number,
  requestId: number,
  input: Record<string, string>,
): Promise<CommunityResult<DataRequest>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  const parsed = parseForm(handleSchema, input);
  if (!parsed.ok) return parsed;
  const { decision, outcome } = parsed.value;
  const actorId = actor.user?.id ?? null;
  return db.transaction(async (tx): Promise<CommunityResult<DataRequest>> => {
    // Locked, so that the same request sent twice at once is handled once: the second waits
    // and finds it closed.
    const [request] = await tx
      .select()
      .from(dataRequests)
      .where(tambonWhere(dataRequests, tambonId, { id: requestId }))
      .for("update");
    if (!request) return missing();
    if (request.status !== "open") return fail("_form", "request.closed");
    let effect: Record<string, unknown> = {};
    const personId = request.personId;
    if (decision === "done" && (request.kind === "delete" || request.kind === "withdraw_consent")) {
      if (personId === null) return fail("_form", "request.needsPerson");
      if (request.kind === "delete") effect = { ...(await erasePerson(tx, tambonId, personId)) };
      else {
        const changed = await savePersonChange(
          tx,
          tambonId,
          personId,
          { consent: "withdrawn" },
          { actorId, via: "request", scope: { all: true }, baseVersion: null },
        );
        if (!changed.ok) return changed;
        effect = { consent: "withdrawn" };
      }
    }
    const [row] = await tx
      .update(dataRequests)
      .set({ status: decision, outcome, handledBy: actorId, handledAt: new Date() })
      .where(tambonWhere(dataRequests, tambonId, { id: request.id }))
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: `community.request.${decision}`,
      targetType: "community_data_request",
      targetId: request.id,
      before: { status: request.status },
      after: { kind: request.kind, personId, status: decision, ...effect },
    });
    return ok(row!);
  });
}
