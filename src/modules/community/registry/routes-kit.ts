import type { FastifyRequest } from "fastify";
import type { DbOrTx } from "../../../core/db/index.ts";
import { forbidden } from "../../../core/errors.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import { personalScope, type PersonalScope } from "../access.ts";

/**
 * The personal-data scope of a request, or the error page: the login page for a visitor, 403 for
 * a member who sees no personal data (a volunteer without a village, say).
 */
export async function requireScope(db: DbOrTx, req: FastifyRequest): Promise<PersonalScope> {
  const tambonId = currentTambon(req).id;
  authorize(req, "community.personal", { tambonId });
  const scope = await personalScope(db, req.actor, tambonId);
  if (!scope) throw forbidden(true);
  return scope;
}
