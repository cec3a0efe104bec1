import { eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { roleGrants, tambonMembers, users, villages } from "../../../core/db/schema.ts";
import { villageRepTerms } from "../schema.ts";
import { overlaps } from "../groups/group.ts";
import { nameKey } from "../meetings/meeting.ts";
import { findMemberByName, notEndedBy } from "../shared/queries.ts";
import { recordFormCommand } from "../shared/commands.ts";
import { type TermRow } from "./queries.ts";
import { fail, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { tambonRow, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

const termSchema = z.object({
  villageId: fields.int(1, 2 ** 31 - 1),
  name: fields.optionalText(200),
  userId: fields.optionalInt(1, 2 ** 31 - 1),
  startOn: fields.optionalDate(),
  endOn: fields.optionalDate(),
  chosenBy: fields.optionalText(300),
});

/** Gives the village_rep role to a person unless they hold it; true when it was given now. */
export async function grantRepRole(
  tx: DbOrTx,
  tambonId: number,
  userId: number,
  by: number | null,
): Promise<boolean> {
  const added = await tx
    .insert(roleGrants)
    .values({ tambonId, userId, role: "village_rep", grantedBy: by })
    .onConflictDoNothing()
    .returning({ userId: roleGrants.userId });
  return added.length > 0;
}

/**
 * Records a representative's term for a village (a member of the tambon, by id or by name in that
 * village). The person gets the village_rep role. Terms of one person may not overlap.
 */
export async function recordTerm(
  db: Db,
  actor: Actor,
  tambonId: number,
  body: Record<string, string>,
  today: string,
): Promise<Result<TermRow & { name: string }, GroupsKey | CoreKey>> {
  if (!can(actor, "rep.manage", { tambonId })) return refused();
  const parsed = parseForm(termSchema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const startOn = v.startOn ?? today;
  if (v.endOn && v.endOn < startOn) return fail("endOn", "err.endBeforeStart");
  if (!v.userId && !v.name) return fail("name", "err.required");
  return db.transaction(async (tx) => {
    const village = await tambonRow(tx, villages, tambonId, v.villageId);
    if (!village) return fail("villageId", "err.noVillage");
    let userId = v.userId;
    if (userId) {
      const [m] = await tx
        .select({ userId: tambonMembers.userId })
        .from(tambonMembers)
        .where(tambonWhere(tambonMembers, tambonId, { userId }));
      if (!m) return fail("name", "err.noSuchMember");
    } else {
      const match = await findMemberByName(tx, tambonId, nameKey(v.name), v.villageId, true);
      if (!match) return fail("name", "err.noSuchMember");
      userId = match.userId;
    }
    const others = await tambonRows(tx, villageRepTerms, tambonId, { userId });
    if (others.some((o) => overlaps(o, { startOn, endOn: v.endOn })))
      return fail("startOn", "err.overlap");
    const [row] = await tx
      .insert(villageRepTerms)
      .values({
        tambonId,
        villageId: v.villageId,
        userId,
        startOn,
        endOn: v.endOn,
        chosenBy: v.chosenBy,
      })
      .returning();
    const granted = await grantRepRole(tx, tambonId, userId, actor.user?.id ?? null);
    await auditBy(tx, actor, tambonId, {
      action: "rep.term.record",
      targetType: "village_rep_term",
      targetId: row!.id,
      after: {
        userId,
        villageId: v.villageId,
        startOn,
        endOn: v.endOn,
        chosenBy: v.chosenBy,
        roleGranted: granted,
      },
    });
    const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return { ok: true as const, value: { ...row!, name: u?.name ?? "" } };
  });
}

const endSchema = z.object({
  endOn: fields.optionalDate(),
  endReason: fields.optionalText(300),
});

/**
 * Ends a term on a day (its last day). When that day has come and the person has no other term
 * running, the village_rep role is taken back.
 */
export const endTerm = recordFormCommand(
  "rep.manage",
  villageRepTerms,
  endSchema,
  async (tx, { actor, tambonId }, term, v, today) => {
    const endOn = v.endOn ?? today;
    if (endOn < term.startOn) return fail("endOn", "err.endBeforeStart");
    const [row] = await tx
      .update(villageRepTerms)
      .set({ endOn, endReason: v.endReason })
      .where(tambonWhere(villageRepTerms, tambonId, { id: term.id }))
      .returning();
    let roleRevoked = false;
    if (endOn <= today) {
      const [running] = await tx
        .select({ id: villageRepTerms.id })
        .from(villageRepTerms)
        .where(
          tambonWhere(
            villageRepTerms,
            tambonId,
            { userId: term.userId },
            ne(villageRepTerms.id, term.id),
            notEndedBy(villageRepTerms, today),
          ),
        )
        .limit(1);
      if (!running) {
        const gone = await tx
          .delete(roleGrants)
          .where(tambonWhere(roleGrants, tambonId, { userId: term.userId, role: "village_rep" }))
          .returning({ userId: roleGrants.userId });
        roleRevoked = gone.length > 0;
      }
    }
    await auditBy(tx, actor, tambonId, {
      action: "rep.term.end",
      targetType: "village_rep_term",
      targetId: term.id,
      before: { endOn: term.endOn },
      after: { endOn, endReason: v.endReason, roleRevoked },
    });
    return { ok: true as const, value: row! };
  },
);
