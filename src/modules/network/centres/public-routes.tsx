import type { ModuleDeps } from "../../../core/modules.ts";
import { pageOf } from "../../../core/params.ts";
import { requestingTambons, centreFilter, param } from "../shared/helpers.ts";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";
import type { FastifyInstance } from "fastify";
import { exportRoutes } from "../shared/export-routes.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { listAreas } from "../../areas/public.ts";
import { nameIn } from "../shared/lists.ts";
import { centreById, centreList, centrePhotoList } from "./queries.ts";
import { doneVisits } from "../visits/queries.ts";
import { listVillages } from "../lists/queries.ts";
import { centreRecords } from "../shared/export.ts";
import { CentreList, CentrePage } from "./views.tsx";
import { EXPORT_LIMIT } from "../shared/export.ts";

export async function centrePublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/centres", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const filter = centreFilter(req, false);
    const [page, areas, villages] = await Promise.all([
      centreList(db, tambon.id, filter, pageOf(req)),
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
    ]);
    return reply.page(
      tambonPageTitle(req, "centres.title"),
      <CentreList
        page={page}
        filter={filter}
        areas={areas}
        villages={villages}
        canManage={can(req.actor, "centre.manage", { tambonId: tambon.id })}
      />,
    );
  });

  exportRoutes(app, {
    path: "centres",
    file: "learning-centres",
    key: "learningCentres",
    columns: "centres",
    records: async (req, tambon, url) => {
      const [page, areas] = await Promise.all([
        centreList(db, tambon.id, centreFilter(req, false), 1, EXPORT_LIMIT),
        listAreas(db, tambon.id),
      ]);
      return centreRecords(page.items, areas, url);
    },
  });

  app.get("/centres/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const centre = await centreById(db, tambon.id, param(req));
    const manage = can(req.actor, "centre.manage", { tambonId: tambon.id });
    if (!centre || (!centre.active && !manage)) throw notFound();
    const [areas, photos, visits] = await Promise.all([
      listAreas(db, tambon.id),
      centrePhotoList(db, tambon.id, centre.id),
      doneVisits(db, tambon.id, centre.id, pageOf(req)),
    ]);
    return reply.page(
      nameIn(centre, req.lang),
      <CentrePage
        centre={centre}
        area={areas.find((a) => a.id === centre.areaId)}
        photos={photos}
        visits={visits}
        requestFrom={requestingTambons(req.actor, deps.tambons.all(), tambon.id)}
        canManage={manage}
      />,
    );
  });
}
