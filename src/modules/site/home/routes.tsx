import { type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { type ComponentChildren } from "preact";
import { currentTambon } from "../../../core/http.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { siteHomeData } from "./queries.ts";
import { HomeSections } from "./views.tsx";

/** The website's part of the tambon home page (core renders it through the module manifest). */
export async function siteHome(req: FastifyRequest, deps: ModuleDeps): Promise<ComponentChildren> {
  const tambon = currentTambon(req);
  const db = deps.database.db;
  const data = await pageCache.memo(tambon.id, "site-home", () =>
    siteHomeData(db, tambon.id, tambon.siteOpened),
  );
  return <HomeSections {...data} />;
}
