import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, requireUser } from "../../../core/http.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { orThrow, throwIfDenied } from "../../../core/result.ts";
import { msg, type DecisionsKey } from "../messages.ts";
import { revokeDelegation, setDelegation, type DelegationInput } from "./commands.ts";
import { delegationsPage } from "./helpers.tsx";

/** A member's delegations: set, block and revoke them per scope. */
export async function delegationRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/delegations", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    return reply.page(msg.t(req.lang)("del.title"), await delegationsPage(db, req, null));
  });

  app.post("/delegations", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const body = formBody(req);
    const t = msg.t(req.lang);
    const [scopeName, target] = (
      body.scopeKey ?? `${body.scope ?? "tambon"}:${body.target ?? ""}`
    ).split(":");
    const scope = scopeName === "area" || scopeName === "question" ? scopeName : "tambon";
    body.target = target ?? "";
    const refused = async (error: DecisionsKey) =>
      reply.page(t("del.title"), await delegationsPage(db, req, t(error)), { status: 422 });
    if (!body.trustee) return refused("del.choose");
    const input: DelegationInput = {
      scope,
      areaId: scope === "area" ? (parseId(body.target) ?? 0) : null,
      questionId: scope === "question" ? (parseId(body.target) ?? 0) : null,
      trusteeId: body.trustee === "none" ? null : (parseId(body.trustee) ?? -1),
    };
    const result = await setDelegation(db, req.actor, tambon.id, input);
    if (!result.ok)
      return refused((throwIfDenied(result).errors._form?.key ?? "del.choose") as DecisionsKey);
    return reply.seeOther(`/t/${tambon.slug}/delegations`, t("del.saved"));
  });

  app.post<{ Params: { id: string } }>("/delegations/:id/revoke", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    orThrow(await revokeDelegation(db, req.actor, tambon.id, requireId(req.params.id)));
    return reply.seeOther(`/t/${tambon.slug}/delegations`, msg.t(req.lang)("del.revoked"));
  });
}
