import type { Db, Tx } from "../../../core/db/index.ts";
import { refused } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { personalScope, type PersonalScope } from "../access.ts";
import type { CommunityResult } from "./result.ts";

/** Who changes personal data from a page's form, and within which villages. */
export interface FormChangeMeta {
  actorId: number | null;
  via: "web";
  scope: PersonalScope;
}

/**
 * A change of personal data (a household, a person) from a page's form: refused outside the
 * actor's personal-data scope, the form parsed, then applied in one transaction as the actor's
 * change on the web.
 */
export async function changeFromForm<V, R>(
  db: Db,
  actor: Actor,
  tambonId: number,
  parse: () => CommunityResult<V>,
  apply: (tx: Tx, value: V, meta: FormChangeMeta) => Promise<CommunityResult<R>>,
): Promise<CommunityResult<R>> {
  const scope = await personalScope(db, actor, tambonId);
  if (!scope) return refused();
  const parsed = parse();
  if (!parsed.ok) return parsed;
  return db.transaction((tx) =>
    apply(tx, parsed.value, { actorId: actor.user?.id ?? null, via: "web", scope }),
  );
}
