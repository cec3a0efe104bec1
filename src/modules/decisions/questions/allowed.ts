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
 * A command on a question's record, as `(db, actor, tambonId, id, input)`: `find` reads the record
 * and `allowedOn` checks it (404, then 403) before `run` looks at the input or changes anything.
 */
export function commandOn<F extends { question: { phase: Phase } }, I, T>(
  find: (db: DbOrTx, tambonId: number, id: number) => Promise<F | undefined>,
  action: "question.participate" | "question.manage",
  phaseAllows: (phase: Phase) => boolean,
  run: (on: OnRecord<F>, input: I) => Promise<Result<T, DecisionsKey | CoreKey>>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    id: number,
    input: I,
  ): Promise<Result<T, DecisionsKey | CoreKey>> => {
    const allowed = allowedOn(await find(db, tambonId, id), actor, tambonId, action, phaseAllows);
    if (!allowed.ok) return allowed;
    return run({ db, actor, tambonId, id, found: allowed.value }, input);
  };
}
