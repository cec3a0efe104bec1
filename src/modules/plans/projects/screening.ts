import type { z } from "zod";
import type { Db, Tx } from "../../../core/db/index.ts";
import { parseForm } from "../../../core/forms.ts";
import { missing, refused, type Failure } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { getProject, type Project } from "./queries.ts";

/**
 * The frame of a working group's change to one project (screening, status, milestones, links):
 * the `project.screen` rule, the form read with `schema` (and `check`ed, before anything is
 * read), then in one transaction the project — missing when it is not this tambon's — and the
 * change.
 */
export async function screenProject<S extends z.ZodType, R>(
  db: Db,
  actor: Actor,
  tambonId: number,
  projectId: number,
  form: {
    schema: S;
    input: Record<string, string>;
    check?: (v: z.output<S>) => Failure<PlansKey | CoreKey> | undefined;
  },
  change: (tx: Tx, project: Project, v: z.output<S>) => Promise<PlansResult<R>>,
): Promise<PlansResult<R>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  const parsed = parseForm(form.schema, form.input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const refusal = form.check?.(v);
  if (refusal) return refusal;
  return db.transaction(async (tx): Promise<PlansResult<R>> => {
    const project = await getProject(tx, tambonId, projectId);
    if (!project) return missing();
    return change(tx, project, v);
  });
}

/** Who makes a screening command's change, and in which tambon. */
export interface ScreeningScope {
  actor: Actor;
  tambonId: number;
}

/**
 * A working group's command on one project, `(db, actor, tambonId, projectId, input)`: the form
 * read with `schema` and `check`ed (given the project's id), then `change` in the frame of
 * screenProject.
 */
export function screeningCommand<S extends z.ZodType, R>(
  schema: S,
  change: (
    tx: Tx,
    project: Project,
    v: z.output<S>,
    scope: ScreeningScope,
  ) => Promise<PlansResult<R>>,
  check?: (v: z.output<S>, projectId: number) => Failure<PlansKey | CoreKey> | undefined,
) {
  return (
    db: Db,
    actor: Actor,
    tambonId: number,
    projectId: number,
    input: Record<string, string>,
  ): Promise<PlansResult<R>> => {
    const form = { schema, input, check: check && ((v: z.output<S>) => check(v, projectId)) };
    return screenProject(db, actor, tambonId, projectId, form, (tx, project, v) =>
      change(tx, project, v, { actor, tambonId }),
    );
  };
}
