import { isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getResolution, linkResolution, listMeetings } from "../../groups/public.ts";
import type { PlansResult } from "../messages.ts";
import { planEditions, projects } from "../schema.ts";
import { EDITION_KINDS, type EditionSnapshot, type ProjectStatus } from "../shared/kinds.ts";
import { getPlan } from "../plans/queries.ts";
import { planProjects } from "../projects/queries.ts";
import type { Edition } from "./queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The statuses of projects that are part of the plan (an edition's snapshot keeps these). */
export const IN_PLAN: ProjectStatus[] = ["in_plan", "in_progress", "done"];

/** The plan's projects as an edition keeps them: those in the plan, with their budgets per year. */
export async function takeSnapshot(
  db: DbOrTx,
  tambonId: number,
  planId: number,
): Promise<EditionSnapshot> {
  const all = await planProjects(db, tambonId, planId);
  return {
    takenAt: new Date().toISOString(),
    projects: all
      .filter((p) => IN_PLAN.includes(p.status) && p.mergedIntoId == null)
      .map((p) => ({
        ...pick(p, "id", "seq", "title", "status", "areaId", "strategyId"),
        budgets: Object.fromEntries([...p.byYear].map(([y, a]) => [String(y), a])),
      })),
  };
}

const schema = z.object({
  kind: fields.choice(EDITION_KINDS),
  reason: fields.optionalText(4000),
  approvedOn: fields.optionalDate(),
  meetingId: fields.optionalInt(1, 2_147_483_647),
  resolutionId: fields.optionalInt(1, 2_147_483_647),
});

/**
 * Records an approved edition of a plan: the first, or the next additional or changed one (its
 * number follows the editions of its kind) with its reason, approval day, meeting and resolution
 * (groups module, this tambon's). The plan's projects are kept as a snapshot, and the projects
 * that enter the plan with it are marked as brought by it.
 */
export async function recordEdition(
  db: Db,
  actor: Actor,
  tambonId: number,
  planId: number,
  input: Record<string, string>,
): Promise<PlansResult<Edition>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.kind !== "first" && !v.reason) return fail("reason", "edition.reasonNeeded");
  if (!v.approvedOn) return fail("approvedOn", "err.required");
  if (v.meetingId != null && !(await listMeetings(db, tambonId, { ids: [v.meetingId] })).length)
    return fail("meetingId", "edition.unknownMeeting");
  if (v.resolutionId != null) {
    const resolution = await getResolution(db, tambonId, v.resolutionId);
    if (!resolution) return fail("resolutionId", "edition.unknownResolution");
    if (resolution.outcome !== "adopted") return fail("resolutionId", "edition.notAdopted");
    // The resolution must be of the chosen meeting; without a meeting, it names its own.
    if (v.meetingId != null && resolution.meetingId !== v.meetingId)
      return fail("resolutionId", "edition.resolutionOtherMeeting");
    v.meetingId = resolution.meetingId;
  }
  return db.transaction(async (tx): Promise<PlansResult<Edition>> => {
    const plan = await getPlan(tx, tambonId, planId);
    if (!plan) return missing();
    const counts = await tx
      .select({ kind: planEditions.kind, n: sql<number>`max(${planEditions.number})` })
      .from(planEditions)
      .where(tambonWhere(planEditions, tambonId, { planId: plan.id }))
      .groupBy(planEditions.kind);
    const maxOf = (k: string) => Number(counts.find((c) => c.kind === k)?.n ?? 0);
    if (v.kind === "first" && maxOf("first")) return fail("kind", "edition.firstExists");
    if (v.kind !== "first" && !maxOf("first")) return fail("kind", "edition.firstNeeded");
    const number = v.kind === "first" ? 1 : maxOf(v.kind) + 1;
    const snapshot = await takeSnapshot(tx, tambonId, plan.id);
    const [row] = await tx
      .insert(planEditions)
      .values({
        tambonId,
        planId: plan.id,
        kind: v.kind,
        number,
        ...pick(v, "reason", "approvedOn", "meetingId", "resolutionId"),
        snapshot,
        createdBy: actor.user?.id ?? null,
      })
      .returning();
    const ids = snapshot.projects.map((p) => p.id);
    if (ids.length)
      await tx
        .update(projects)
        .set({ editionId: row!.id })
        .where(tambonWhere(projects, tambonId, { id: anyOf(ids) }, isNull(projects.editionId)));
    if (v.resolutionId != null)
      await linkResolution(tx, tambonId, v.resolutionId, "plan_edition", row!.id);
    await auditBy(tx, actor, tambonId, {
      action: "plan.edition",
      targetType: "plan_edition",
      targetId: row!.id,
      after: {
        planId: plan.id,
        kind: v.kind,
        number,
        ...pick(v, "approvedOn", "meetingId", "resolutionId"),
        projects: ids.length,
      },
    });
    return ok(row!);
  });
}
