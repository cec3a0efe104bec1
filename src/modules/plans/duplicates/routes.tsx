import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { getPlan } from "../plans/queries.ts";
import { duplicatesReport } from "./queries.ts";
import { DuplicatesReport } from "./views.tsx";

/** The duplicates report of a plan (linking and merging are posted to the projects' pages). */
export function duplicateRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  app.get<{ Params: { id: string } }>("/admin/plans/:id/duplicates", async (req, reply) => {
    const tambon = allowedTambon(req, "project.screen");
    const plan = await getPlan(db, tambon.id, requireId(req.params.id));
    if (!plan) throw notFound();
    return reply.page(
      msg.t(req.lang)("dup.report"),
      <DuplicatesReport
        planId={plan.id}
        planTitle={plan.title}
        pairs={await duplicatesReport(db, tambon.id, plan)}
      />,
    );
  });
}
