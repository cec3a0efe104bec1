import { pageOf } from "../../../core/params.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { notFound } from "../../../core/errors.ts";
import { listAreas } from "../../areas/public.ts";
import { facilitatorList, personByProfile, personNetwork } from "./queries.ts";
import { listVillages } from "../lists/queries.ts";
import { FacilitatorList, FacilitatorPage } from "./views.tsx";
import { param } from "../shared/helpers.ts";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";

export async function facilitatorRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/facilitators", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const [page, areas] = await Promise.all([
      facilitatorList(db, tambon.id, true, pageOf(req)),
      listAreas(db, tambon.id),
    ]);
    return reply.page(
      tambonPageTitle(req, "facilitators.title"),
      <FacilitatorList
        page={page}
        areas={areas}
        signedIn={
          !!req.actor.user && (req.actor.memberOf.has(tambon.id) || req.actor.roles.has(tambon.id))
        }
      />,
    );
  });

  app.get("/facilitators/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const person = await personByProfile(db, tambon.id, param(req));
    if (!person || !person.publicConsent) throw notFound();
    const [net, villages, areas] = await Promise.all([
      personNetwork(db, tambon.id, person.userId),
      listVillages(db, tambon.id),
      listAreas(db, tambon.id),
    ]);
    if (!net.isFacilitator) throw notFound();
    return reply.page(
      person.name,
      <FacilitatorPage person={person} net={net} villages={villages} areas={areas} />,
    );
  });
}
