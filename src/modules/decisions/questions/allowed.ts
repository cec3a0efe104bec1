import { can } from "../../../core/policy.ts";
import { missing, ok, refused, type Failure } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Phase } from "../shared/phases.ts";

/**
 * A question's record (a question, an alternative, a suggestion's alternative) as an action on it
 * finds it: missing when it is not the tambon's (checked first), refused unless the actor may do
 * `action` in the tambon and the question's phase allows it (one of `ALLOWED`).
 */
export function allowedOn<F extends { question: { phase: Phase } }>(
  found: F | undefined,
  actor: Actor,
  tambonId: number,
  action: "question.participate" | "question.manage",
  phaseAllows: (phase: Phase) => boolean,
): { ok: true; value: F } | Failure<"error.404" | "error.403"> {
  if (!found) return missing();
  if (!can(actor, action, { tambonId })) return refused();
  if (!phaseAllows(found.question.phase)) return refused();
  return ok(found);
}
