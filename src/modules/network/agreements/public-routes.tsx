import { pageOf } from "../../../core/params.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { exportRoutes } from "../shared/export-routes.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { todayIso } from "../../../core/dates.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { textIn } from "../shared/lists.ts";
import { isPublished } from "./agreement.ts";
import { agreementDetail, agreementList, agreementsAsParty } from "./queries.ts";
import { agreementRecords } from "../shared/export.ts";
import { AgreementList, AgreementPage } from "./views.tsx";
import { EXPORT_LIMIT } from "../shared/export.ts";
import { agreementFilter, param } from "../shared/helpers.ts";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";

export async function agreementPublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const byCode = (code: string) => deps.tambons.all().find((tb) => tb.dopaCode === code);
  const byId = (id: number) => deps.tambons.byId(id);

  app.get("/agreements", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const manage = can(req.actor, "agreement.manage", { tambonId: tambon.id });
    const filter = agreementFilter(req, manage);
    const [page, asParty] = await Promise.all([
      agreementList(db, tambon.id, filter, pageOf(req)),
      agreementsAsParty(db, tambon.dopaCode, tambon.id),
    ]);
    const owners = new Map<number, Tambon>();
    for (const a of asParty) {
      const o = byId(a.tambonId);
      if (o) owners.set(o.id, o);
    }
    return reply.page(
      tambonPageTitle(req, "agreements.title"),
      <AgreementList
        page={page}
        filter={filter}
        asParty={page.page === 1 ? asParty : []}
        owners={owners}
        canManage={manage}
      />,
    );
  });

  exportRoutes(app, {
    path: "agreements",
    file: "agreements",
    key: "agreements",
    columns: "agreements",
    records: async (req, tambon, url) => {
      const page = await agreementList(db, tambon.id, agreementFilter(req, false), 1, EXPORT_LIMIT);
      return agreementRecords(page.items, todayIso(), url);
    },
  });

  app.get("/agreements/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const detail = await agreementDetail(db, tambon.id, param(req));
    const manage = can(req.actor, "agreement.manage", { tambonId: tambon.id });
    if (!detail || (!isPublished(detail.agreement.status) && !manage)) throw notFound();
    const partyLinks = new Map<number, string>();
    for (const p of detail.parties) {
      if (p.partyKind === "tambon" && p.partyDopaCode && p.partyDopaCode !== tambon.dopaCode) {
        const other = byCode(p.partyDopaCode);
        if (other) partyLinks.set(p.id, `/t/${other.slug}/network`);
      } else if (p.partyKind === "partner" && p.partnerId) {
        partyLinks.set(p.id, `/t/${tambon.slug}/partners/${p.partnerId}`);
      }
    }
    return reply.page(
      textIn(detail.agreement.titleTh, detail.agreement.titleEn, req.lang),
      <AgreementPage detail={detail} partyLinks={partyLinks} canManage={manage} />,
    );
  });
}
