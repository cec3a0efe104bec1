import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../../core/db/index.ts";
import { audit, auditBy } from "../../../core/audit.ts";
import { fields } from "../../../core/forms.ts";
import { fail, ok } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansResult } from "../messages.ts";
import { projectLinks, projectUpdates, projects } from "../schema.ts";
import { getProject, type Project } from "../projects/queries.ts";
import { screeningCommand } from "../projects/screening.ts";
import { DRAWN_LINK_KINDS, type LinkKind } from "../shared/kinds.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const linkSchema = z.object({
  otherId: fields.int(1, 2_147_483_647),
  kind: fields.choice(DRAWN_LINK_KINDS),
  note: fields.optionalText(1000),
});

/** The check of a form naming another project in `field`: it may not name the project itself. */
const notItself =
  <F extends string>(field: F) =>
  (v: Record<F, number>, projectId: number) =>
    v[field] === projectId ? fail(field, "dup.self") : undefined;

/** Stores a link from one project to another (a link already there is kept as it is). */
async function addLink(
  tx: Tx,
  actor: Actor,
  link: { tambonId: number; projectId: number; otherId: number; kind: LinkKind; note: string },
) {
  await tx
    .insert(projectLinks)
    .values({
      ...pick(link, "tambonId", "projectId", "otherId", "kind", "note"),
      createdBy: actor.user?.id ?? null,
    })
    .onConflictDoNothing();
}

/** Records that two projects of the tambon overlap or duplicate each other (both keep their history). */
export const linkProjects = screeningCommand(
  linkSchema,
  async (tx, project, v, { actor, tambonId }): Promise<PlansResult<Project>> => {
    const other = await getProject(tx, tambonId, v.otherId);
    if (!other) return fail("otherId", "project.unknownParent");
    const link = { tambonId, projectId: project.id, otherId: other.id, kind: v.kind, note: v.note };
    await addLink(tx, actor, link);
    await auditBy(tx, actor, tambonId, {
      action: "project.link",
      targetType: "project",
      targetId: project.id,
      after: { otherId: other.id, kind: v.kind, note: v.note },
    });
    return ok(project);
  },
  notItself("otherId"),
);

const mergeSchema = z.object({
  intoId: fields.int(1, 2_147_483_647),
  note: fields.optionalText(1000),
});

/**
 * Merges a project into another: it keeps its own record and timeline, points at the project it
 * was merged into, and both timelines say so. A merged project cannot be merged again.
 */
export const mergeProject = screeningCommand(
  mergeSchema,
  async (tx, project, v, { actor, tambonId }): Promise<PlansResult<Project>> => {
    // Both projects are locked (in the order of their ids) and read again after the lock, so
    // that the same merge sent twice at once is done once: the second finds the project merged.
    const locked = await tx
      .select({ id: projects.id, mergedIntoId: projects.mergedIntoId })
      .from(projects)
      .where(tambonWhere(projects, tambonId, { id: anyOf([project.id, v.intoId]) }))
      .orderBy(asc(projects.id))
      .for("update");
    if (locked.find((p) => p.id === project.id)?.mergedIntoId != null)
      return fail("intoId", "dup.alreadyMerged");
    const into = await getProject(tx, tambonId, v.intoId);
    if (!into) return fail("intoId", "project.unknownParent");
    if (into.mergedIntoId != null) return fail("intoId", "dup.alreadyMerged");
    const [row] = await tx
      .update(projects)
      .set({ mergedIntoId: into.id, updatedAt: new Date() })
      .where(tambonWhere(projects, tambonId, { id: project.id }))
      .returning();
    const link = { tambonId, projectId: project.id, otherId: into.id, note: v.note };
    await addLink(tx, actor, { ...link, kind: "merged" });
    const authorId = actor.user?.id ?? null;
    await tx.insert(projectUpdates).values([
      {
        tambonId,
        projectId: project.id,
        status: project.status,
        progress: project.progress,
        note: `→ #${into.id} ${into.title}${v.note ? ` · ${v.note}` : ""}`,
        authorId,
      },
      {
        tambonId,
        projectId: into.id,
        status: into.status,
        progress: into.progress,
        note: `← #${project.id} ${project.title}${v.note ? ` · ${v.note}` : ""}`,
        authorId,
      },
    ]);
    await audit(tx, {
      tambonId,
      actorId: authorId,
      action: "project.merge",
      targetType: "project",
      targetId: project.id,
      before: { mergedIntoId: null },
      after: { mergedIntoId: into.id, note: v.note },
    });
    return ok(row!);
  },
  notItself("intoId"),
);
