import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { commonGround, partnersByPillar, partnersPerPillar } from "./queries.ts";
import { listPillars } from "../lists/queries.ts";
import { PillarsPage } from "./views.tsx";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";

export async function pillarRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/pillars", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const [pillars, counts, ground, byPillar] = await Promise.all([
      listPillars(db, tambon.id),
      partnersPerPillar(db, tambon.id),
      commonGround(db, tambon.id),
      partnersByPillar(db, tambon.id, 12),
    ]);
    const placed = pillars.reduce((s, p) => s + (counts.get(p.id) ?? 0), 0);
    const all = [...counts.values()].reduce((s, n) => s + n, 0);
    return reply.page(
      tambonPageTitle(req, "pillars.title"),
      <PillarsPage
        pillars={pillars}
        partners={byPillar}
        counts={counts}
        unplaced={all - placed}
        ground={ground}
      />,
    );
  });
}
