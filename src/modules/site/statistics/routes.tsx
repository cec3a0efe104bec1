import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import type { Tambon } from "../../../core/tenancy.ts";
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

  // The two charts of the page, drawn as SVG images.
  const charts: [string, (tambon: Tambon, lang: Lang) => Promise<string>][] = [
    ["visits.svg", async (tambon, lang) => chartSvg(await visitsPerDay(db, tambon.id, 30), lang)],
    [
      "top-pages.svg",
      async (tambon, lang) => topPagesSvg(await topPages(db, tambon.id, 30, 10), tambon.slug, lang),
    ],
  ];
  for (const [file, draw] of charts)
    app.get(`/stats/${file}`, async (req, reply) => {
      const tambon = read(req);
      reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
      return sendGenerated(req, reply, tambon, file, "image/svg+xml; charset=utf-8", () =>
        draw(tambon, req.lang),
      );
    });
}
