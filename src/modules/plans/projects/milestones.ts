import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere } from "../../../core/db/tambon-row.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansResult } from "../messages.ts";
import { projectMilestones, projectUpdates, projects } from "../schema.ts";
import type { Milestone } from "./queries.ts";
import { screeningCommand } from "./screening.ts";
import { pick } from "../../../core/pick.ts";

/** A milestone of a tambon (undefined for another tambon's). */
export const getMilestone = tambonRowOf(projectMilestones);

const editSchema = z.object({
  title: fields.text(200),
  dueOn: fields.optionalDate(),
  note: fields.optionalText(1000),
});

const doneSchema = z.object({
  doneOn: fields.optionalDate(),
  note: fields.optionalText(1000),
});

type Change = { milestone: Milestone };

/** Runs a change of one milestone in a transaction: the milestone found by tambon, else 404. */
async function change(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  run: (tx: DbOrTx, m: Milestone) => Promise<PlansResult<Change>>,
): Promise<PlansResult<Change>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  return db.transaction(async (tx): Promise<PlansResult<Change>> => {
    const m = await getMilestone(tx, tambonId, id);
    if (!m) return missing();
    return run(tx, m);
  });
}

/** A timeline entry of the project: its status and progress as they are, with what happened. */
async function timeline(
  tx: DbOrTx,
  tambonId: number,
  projectId: number,
  actor: Actor,
  note: string,
) {
  const [p] = await tx
    .select({ status: projects.status, progress: projects.progress })
    .from(projects)
    .where(tambonWhere(projects, tambonId, { id: projectId }));
  if (!p) return;
  await tx.insert(projectUpdates).values({
    tambonId,
    projectId,
    status: p.status,
    progress: p.progress,
    note,
    authorId: actor.user?.id ?? null,
  });
}

const audited = (
  tx: DbOrTx,
  actor: Actor,
  tambonId: number,
  action: string,
  m: Milestone,
  after: Record<string, unknown> | null,
) =>
  auditBy(tx, actor, tambonId, {
    action,
    targetType: "project",
    targetId: m.projectId,
    before: { milestoneId: m.id, ...pick(m, "title", "dueOn", "doneOn") },
    after: after && { milestoneId: m.id, ...after },
  });

/** Edits a milestone's title, due day and description. */
export function editMilestone(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  input: Record<string, string>,
): Promise<PlansResult<Change>> {
  const parsed = parseForm(editSchema, input);
  if (!parsed.ok) return Promise.resolve(parsed);
  const v = parsed.value;
  if (!v.dueOn) return Promise.resolve(fail("dueOn", "err.required"));
  const dueOn = v.dueOn;
  return change(db, actor, tambonId, id, async (tx, m) => {
    const [row] = await tx
      .update(projectMilestones)
      .set({ title: v.title, dueOn, note: v.note })
      .where(tambonWhere(projectMilestones, tambonId, { id: m.id }))
      .returning();
    await audited(tx, actor, tambonId, "project.milestone.update", m, {
      title: v.title,
      dueOn,
      note: v.note,
    });
    return ok({ milestone: row! });
  });
}

/**
 * Ticks a milestone done on a day (today when none is given; never in the future) with a note,
 * or unticks it; either way the project's timeline says so.
 */
export function setMilestoneDone(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  input: Record<string, string>,
  done: boolean,
  today: string,
): Promise<PlansResult<Change>> {
  const parsed = parseForm(doneSchema, done ? input : {});
  if (!parsed.ok) return Promise.resolve(parsed);
  const doneOn = done ? (parsed.value.doneOn ?? today) : null;
  if (doneOn && doneOn > today) return Promise.resolve(fail("doneOn", "milestone.doneFuture"));
  return change(db, actor, tambonId, id, async (tx, m) => {
    const [row] = await tx
      .update(projectMilestones)
      .set({ doneOn })
      .where(tambonWhere(projectMilestones, tambonId, { id: m.id }))
      .returning();
    const what = done ? `✓ ${m.title}` : `↺ ${m.title}`;
    await timeline(
      tx,
      tambonId,
      m.projectId,
      actor,
      [what, parsed.value.note].filter(Boolean).join(" — "),
    );
    await audited(
      tx,
      actor,
      tambonId,
      done ? "project.milestone.done" : "project.milestone.undone",
      m,
      {
        doneOn,
        note: parsed.value.note,
      },
    );
    return ok({ milestone: row! });
  });
}

/** Deletes a milestone. */
export function deleteMilestone(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
): Promise<PlansResult<Change>> {
  return change(db, actor, tambonId, id, async (tx, m) => {
    await tx
      .delete(projectMilestones)
      .where(tambonWhere(projectMilestones, tambonId, { id: m.id }));
    await audited(tx, actor, tambonId, "project.milestone.delete", m, null);
    return ok({ milestone: m });
  });
}

const milestoneSchema = z.object({
  title: fields.text(200),
  dueOn: fields.optionalDate(),
  doneOn: fields.optionalDate(),
  note: fields.optionalText(1000),
});

/** Adds a dated milestone to a project (shown publicly once due). */
export const addMilestone = screeningCommand(
  milestoneSchema,
  async (tx, current, v, { actor, tambonId }): Promise<PlansResult<Milestone>> => {
    const dueOn = v.dueOn!;
    const [row] = await tx
      .insert(projectMilestones)
      .values({
        tambonId,
        projectId: current.id,
        title: v.title,
        dueOn,
        doneOn: v.doneOn,
        note: v.note,
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "project.milestone",
      targetType: "project",
      targetId: current.id,
      after: { title: v.title, dueOn, doneOn: v.doneOn },
    });
    return ok(row!);
  },
  (v) => (v.dueOn ? undefined : fail("dueOn", "err.required")),
);
