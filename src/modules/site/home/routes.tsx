import { type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { type ComponentChildren } from "preact";
import { currentTambon } from "../../../core/http.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { listCategories, newsCards } from "../news/queries.ts";
import { listAlbums } from "../galleries/queries.ts";
import { siteStats } from "../statistics/queries.ts";
import { listLinks } from "../jobs/queries.ts";
import { HomeSections } from "./views.tsx";

/** The website's part of the tambon home page (core renders it through the module manifest). */
export async function siteHome(req: FastifyRequest, deps: ModuleDeps): Promise<ComponentChildren> {
  const tambon = currentTambon(req);
  const db = deps.database.db;
  const data = await pageCache.memo(tambon.id, "site-home", async () => {
    const [news, categories, albums, stats, links] = await Promise.all([
      newsCards(db, tambon.id, { limit: 6 }),
      listCategories(db, tambon.id),
      listAlbums(db, tambon.id, { publishedOnly: true, limit: 3 }),
      siteStats(db, tambon.id, tambon.siteOpened),
      listLinks(db, tambon.id),
    ]);
    return { news, categories, albums, stats, links };
  });
  return <HomeSections {...data} />;
}
