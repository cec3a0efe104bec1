import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { read, sendGenerated, url } from "../shared/helpers.tsx";
import { recordTitles, siteStats, topPages, visitsPerDay } from "./queries.ts";
import { msg } from "../messages.ts";
import { StatsPage } from "./views.tsx";
import { chartSvg, topChartHeight, topPagesSvg } from "./charts.ts";

/** Public pages of statistics, mounted under /t/:tambon. */
export async function statisticsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Visitor statistics.
  app.get("/stats", async (req, reply) => {
    const tambon = read(req);
    const [stats, days, top] = await Promise.all([
      siteStats(db, tambon.id, tambon.siteOpened),
      visitsPerDay(db, tambon.id, 30),
      topPages(db, tambon.id, 30, 10),
    ]);
    return reply.page(
      msg.t(req.lang)("stats.pageTitle"),
      <StatsPage
        stats={stats}
        days={days}
        top={top}
        titles={await recordTitles(
          db,
          tambon.id,
          tambon.slug,
          top.map((p) => p.path),
          req.lang,
        )}
        chartUrl={url(tambon, `/stats/visits.svg?lang=${req.lang}`)}
        topChartUrl={url(tambon, `/stats/top-pages.svg?lang=${req.lang}`)}
        topChartHeight={topChartHeight(top.length)}
      />,
      { description: msg.t(req.lang)("stats.privacy").slice(0, 150) },
    );
  });

  app.get("/stats/visits.svg", async (req, reply) => {
    const tambon = read(req);
    reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return sendGenerated(
      req,
      reply,
      tambon,
      "visits.svg",
      "image/svg+xml; charset=utf-8",
      async () => chartSvg(await visitsPerDay(db, tambon.id, 30), req.lang),
    );
  });

  app.get("/stats/top-pages.svg", async (req, reply) => {
    const tambon = read(req);
    reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return sendGenerated(
      req,
      reply,
      tambon,
      "top-pages.svg",
      "image/svg+xml; charset=utf-8",
      async () => topPagesSvg(await topPages(db, tambon.id, 30, 10), tambon.slug, req.lang),
    );
  });
}
