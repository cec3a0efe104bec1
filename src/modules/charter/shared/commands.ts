import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { type CharterRow, type EditionRow, getEdition } from "../charters/queries.ts";

/**
 * The edition a command acts on, with its charter, after the checks every such command makes
 * first: missing (404) when it is not the tambon's, then refused (403) when the actor may not do
 * `action` in the tambon.
 */
export async function editionFor(
  db: DbOrTx,
  actor: Actor,
  tambonId: number,
  editionId: number,
  action: string,
): Promise<CharterResult<{ edition: EditionRow; charter: CharterRow }>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (!can(actor, action, { tambonId })) return refused();
  return ok(found);
}

/** What a command on one edition works with once the edition's checks let it through. */
export interface EditionCommand {
  db: Db;
  actor: Actor;
  tambonId: number;
  editionId: number;
  edition: EditionRow;
  charter: CharterRow;
}

/**
 * A command on one edition, called as `(db, actor, tambonId, editionId, …args)`: `run` goes only
 * after editionFor's checks (404 for another tambon's edition, then 403 without `action`).
 */
export function editionCommand<A extends unknown[], T>(
  action: string,
  run: (c: EditionCommand, ...args: A) => Promise<CharterResult<T>>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    editionId: number,
    ...args: A
  ): Promise<CharterResult<T>> => {
    const found = await editionFor(db, actor, tambonId, editionId, action);
    if (!found.ok) return found;
    return run({ db, actor, tambonId, editionId, ...found.value }, ...args);
  };
}
