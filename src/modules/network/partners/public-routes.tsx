import { pageOf, queryOf } from "../../../core/params.ts";
import { exportRoutes } from "../shared/export-routes.ts";
import { activeCentres } from "../centres/queries.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { listAreas } from "../../areas/public.ts";
import { nameIn, textIn } from "../shared/lists.ts";
import { agreementsOfPartner } from "../agreements/queries.ts";
import { listPillars } from "../lists/queries.ts";
import { partnerById, partnerDirectory, partnerMembers } from "./queries.ts";
import { partnerRecords } from "../shared/export.ts";
import { PartnerDirectory } from "./views.tsx";
import { PartnerPage, PartnerPrint } from "./page-views.tsx";
import { EXPORT_LIMIT } from "../shared/export.ts";
import { isNetworkStaff, param, partnerFilter, partnerChoiceLists } from "../shared/helpers.ts";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";

export async function partnerPublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const choices = (tambonId: number) => partnerChoiceLists(db, tambonId);

  app.get("/partners", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const filter = partnerFilter(req, false);
    const [page, c] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, pageOf(req)),
      choices(tambon.id),
    ]);
    return reply.page(
      tambonPageTitle(req, "partners.title"),
      <PartnerDirectory
        page={page}
        filter={filter}
        choices={c}
        canCreate={can(req.actor, "partner.create", { tambonId: tambon.id })}
      />,
    );
  });

  app.get("/partners/print", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const filter = partnerFilter(req, false);
    const [page, pillars] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, 1, EXPORT_LIMIT),
      listPillars(db, tambon.id),
    ]);
    const q = queryOf(req);
    const filtered = ["q", "kind", "role", "pillar", "village", "area"].some((k) => q[k]);
    return reply.page(
      tambonPageTitle(req, "print.title"),
      <PartnerPrint rows={page.items} pillars={pillars} filtered={filtered} />,
    );
  });

  exportRoutes(app, {
    path: "partners",
    file: "partners",
    key: "partners",
    columns: "partners",
    records: async (req, tambon, url) => {
      const [page, areas] = await Promise.all([
        partnerDirectory(db, tambon.id, partnerFilter(req, false), 1, EXPORT_LIMIT),
        listAreas(db, tambon.id),
      ]);
      return partnerRecords(page.items, areas, url);
    },
  });

  app.get("/partners/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const partner = await partnerById(db, tambon.id, param(req));
    const staff = isNetworkStaff(req, tambon.id);
    if (!partner || (!partner.active && !staff)) throw notFound();
    const [areas, members, agreementRows, centres] = await Promise.all([
      listAreas(db, tambon.id),
      partnerMembers(
        db,
        tambon.id,
        partner.id,
        !can(req.actor, "person.manage", { tambonId: tambon.id }),
      ),
      agreementsOfPartner(
        db,
        tambon.id,
        partner.id,
        can(req.actor, "agreement.manage", { tambonId: tambon.id }),
      ),
      activeCentres(db, tambon.id, { hostPartnerId: partner.id }),
    ]);
    return reply.page(
      nameIn(partner, req.lang),
      <PartnerPage
        partner={partner}
        description={textIn(partner.descriptionTh, partner.descriptionEn, req.lang)}
        areas={areas.filter((a) => partner.areaIds.includes(a.id))}
        members={members}
        agreements={agreementRows}
        centres={centres}
        canEdit={can(req.actor, "partner.edit", {
          tambonId: tambon.id,
          ownerId: partner.contactUserId,
        })}
      />,
      {
        description:
          textIn(partner.descriptionTh, partner.descriptionEn, req.lang).slice(0, 160) || undefined,
      },
    );
  });
}
