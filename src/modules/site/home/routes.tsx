import { type ModuleDeps } from "../../../core/modules.ts";
import { type ComponentChildren } from "preact";
import { type Tambon } from "../../../core/tenancy.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { siteHomeData } from "./queries.ts";
import { HomeSections } from "./views.tsx";

/** The website's part of the tambon home page (core renders it through the module manifest). */
export async function siteHome(tambon: Tambon, deps: ModuleDeps): Promise<ComponentChildren> {
  const db = deps.database.db;
  const data = await pageCache.memo(tambon.id, "site-home", () =>
    siteHomeData(db, tambon.id, tambon.siteOpened),
  );
  return <HomeSections {...data} />;
}
