import type { FastifyPluginAsync } from "fastify";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { KeptHtml, renderFragment, sharedCtx, allowedTambon } from "../http.ts";
import { core } from "../i18n/messages.ts";
import { tambonTitle } from "../views/layout.tsx";
import { pageCache } from "../page-cache.ts";
import { listVillages, tambonFigures, villageCounts } from "../queries/villages.ts";
import { NetworkHome } from "../views/public/network.tsx";
import { TambonHome, VillageList } from "../views/public/tambon.tsx";

/** The network's own pages (outside any tambon). */
export function networkRoutes(deps: ModuleDeps): FastifyPluginAsync {
  return async (app) => {
    app.get("/", async (req, reply) =>
      reply.page(
        core.t(req.lang)("network.title"),
        <NetworkHome
          tambons={deps.tambons.all()}
          villageCounts={await villageCounts(deps.database.db)}
        />,
      ),
    );
  };
}

/** A tambon's public pages from the core: home and villages. */
export function tambonPublicRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;
  return async (app) => {
    app.get("/", async (req, reply) => {
      const tambon = allowedTambon(req, "tambon.read");
      const data = await pageCache.memo(tambon.id, "home-stats", () =>
        tambonFigures(db, tambon.id),
      );
      const sections = modules.flatMap((mod) =>
        (mod.nav ?? [])
          .filter((n) => !n.visible || n.visible(req.actor, tambon))
          .map((n) => ({ href: `/t/${tambon.slug}${n.path}`, label: n.label(req.lang) })),
      );
      // The modules' sections are the same for every viewer: rendered once for each language
      // and kept until the tambon changes (or the kept data's lifetime ends), they are most of
      // what a signed-in member's home page cost to render.
      const extra = await pageCache.memo(tambon.id, `home-sections:${req.lang}`, async () =>
        renderFragment(
          sharedCtx(tambon, req.lang),
          await Promise.all(
            modules.map((mod) => mod.homeSections?.(tambon, deps) ?? Promise.resolve(null)),
          ),
        ),
      );
      const t = core.t(req.lang);
      const en = req.lang === "en";
      const description = [
        tambonTitle(tambon, req.lang),
        t("place.district", { name: en ? tambon.districtEn : tambon.districtTh }),
        t("place.province", { name: en ? tambon.provinceEn : tambon.provinceTh }),
      ].join(" ");
      return reply.page(
        tambonTitle(tambon, req.lang),
        <TambonHome data={data} sections={sections} extra={<KeptHtml html={extra} />} />,
        { description },
      );
    });

    app.get("/villages", async (req, reply) => {
      const tambon = allowedTambon(req, "tambon.read");
      return reply.page(
        core.t(req.lang)("nav.villages"),
        <VillageList rows={await listVillages(db, tambon.id)} />,
      );
    });
  };
}
