import { tambonCounts } from "./queries.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import type { Tambon } from "../../../core/tenancy.ts";
import { textIn } from "../shared/lists.ts";
import { mergeDeclarations, radialLayout, type GraphNode } from "./graph.ts";
import { agreementList, agreementsAsParty } from "../agreements/queries.ts";
import { centreList } from "../centres/queries.ts";
import { declarationsAbout } from "../links/queries.ts";
import { listPillars } from "../lists/queries.ts";
import { TambonNetworkPage } from "./views.tsx";
import { linksOfTambon } from "../links/tambon-links.ts";
import { allowedTambon, tambonPageTitle } from "../shared/route-kit.ts";

export async function overviewRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const byCode = (code: string) => deps.tambons.all().find((tb) => tb.dopaCode === code);
  const byId = (id: number) => deps.tambons.byId(id);

  app.get("/network", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const [decls, centres, own, asParty, pillars, counts] = await Promise.all([
      declarationsAbout(db, tambon.id, tambon.dopaCode),
      centreList(
        db,
        tambon.id,
        { q: "", areaId: null, villageId: null, includeInactive: false },
        1,
        12,
      ),
      agreementList(db, tambon.id, { q: "", status: "", kind: "mou", includeDrafts: false }, 1, 10),
      agreementsAsParty(db, tambon.dopaCode, tambon.id, 20),
      listPillars(db, tambon.id),
      tambonCounts(db, tambon.id),
    ]);
    const links = linksOfTambon(tambon, decls, byCode, byId);
    const nodes: GraphNode[] = [
      {
        code: tambon.dopaCode,
        label: req.lang === "en" ? tambon.nameEn : tambon.nameTh,
        province: req.lang === "en" ? tambon.provinceEn : tambon.provinceTh,
        slug: tambon.slug,
      },
      ...links.map((l) => ({
        code: l.code,
        label: textIn(l.nameTh, l.nameEn, req.lang),
        province: textIn(l.provinceTh, l.provinceEn, req.lang),
        slug: l.tambon?.slug ?? null,
      })),
    ].filter((n, i, all) => all.findIndex((x) => x.code === n.code) === i);
    const edges = mergeDeclarations(
      decls.map((d) => ({
        from: byId(d.tambonId)?.dopaCode ?? "",
        to: d.otherDopaCode,
        relation: d.relation,
      })),
    );
    const owners = new Map(
      asParty.map((x) => [x.tambonId, byId(x.tambonId)!]).filter(([, o]) => o) as [
        number,
        Tambon,
      ][],
    );
    return reply.page(
      tambonPageTitle(req, "network.title"),
      <TambonNetworkPage
        stats={{
          partners: counts.partners,
          pillars: pillars.length,
          agreements: counts.agreements,
          centres: centres.total,
          visits: counts.visits,
        }}
        links={links}
        layout={radialLayout(nodes, edges, 600)}
        centres={centres.items}
        agreements={own.items}
        asParty={asParty}
        owners={owners}
      />,
    );
  });
}
