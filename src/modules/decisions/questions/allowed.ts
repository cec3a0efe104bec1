import { can } from "../../../core/policy.ts";
import { missing, ok, refused, type Failure, type Result } from "../../../core/result.ts";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
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

/** What a command on a question's record works with: who acts where, the record's id and the record. */
export interface OnRecord<F> {
  db: Db;
  actor: Actor;
  tambonId: number;
  id: number;
  found: F;
}

/**
 * Which record a command acts on, and when it may: the action's access rule, or only the author
 * of the record's alternative (`authorOf` names them), and the phases it allows.
 */
export type RecordRule<F> = {
  find: (db: DbOrTx, tambonId: number, id: number) => Promise<F | undefined>;
  allows: (phase: Phase) => boolean;
} & (
  | { action: "question.participate" | "question.manage" }
  | { action: "author"; authorOf: (found: F) => number | null }
);

/** The author of a record's alternative (an alternative, or a suggestion's alternative). */
export const alternativeAuthor = (found: { alternative: { authorId: number | null } }) =>
  found.alternative.authorId;

/** Any phase. */
export const anyPhase = () => true;

/**
 * A record only its author may act on: missing when it is not the tambon's (checked first), then
 * refused for anyone else, or when the question's phase does not allow it.
 */
function allowedForAuthor<F extends { question: { phase: Phase } }>(
  found: F | undefined,
  actor: Actor,
  authorOf: (found: F) => number | null,
  phaseAllows: (phase: Phase) => boolean,
): { ok: true; value: F } | Failure<"error.404" | "error.403"> {
  if (!found) return missing();
  if (!actor.user || authorOf(found) !== actor.user.id) return refused();
  if (!phaseAllows(found.question.phase)) return refused();
  return ok(found);
}

/**
 * A command on a question's record, as `(db, actor, tambonId, id, ...args)`: `rule.find` reads the
 * record and `allowedOn` checks it (404, then 403) before `run` looks at the input or changes
 * anything.
 */
export function commandOn<F extends { question: { phase: Phase } }, A extends unknown[], T>(
  rule: RecordRule<F>,
  run: (on: OnRecord<F>, ...args: A) => Promise<Result<T, DecisionsKey | CoreKey>>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    id: number,
    ...args: A
  ): Promise<Result<T, DecisionsKey | CoreKey>> => {
    const found = await rule.find(db, tambonId, id);
    const allowed =
      rule.action === "author"
        ? allowedForAuthor(found, actor, rule.authorOf, rule.allows)
        : allowedOn(found, actor, tambonId, rule.action, rule.allows);
    if (!allowed.ok) return allowed;
    return run({ db, actor, tambonId, id, found: allowed.value }, ...args);
  };
}
