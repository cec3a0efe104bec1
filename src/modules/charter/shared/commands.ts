import type { DbOrTx } from "../../../core/db/index.ts";
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
