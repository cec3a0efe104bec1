import type { FastifyPluginAsync } from "fastify";
import type { ComponentChildren } from "preact";
import { asc, count, eq, sql } from "drizzle-orm";
import { tambonMembers, villages } from "../db/schema.ts";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { useCtx } from "../views/ctx.ts";
import { currentTambon, authorize } from "../http.ts";
import { core } from "../i18n/messages.ts";
import { tambonTitle } from "../views/layout.tsx";
import { formatDate } from "../dates.ts";
import { pageCache } from "../page-cache.ts";
import type { Tambon } from "../tenancy.ts";
import type { Village } from "../commands/tambons.ts";

const nf = new Intl.NumberFormat("th-TH");

function NetworkHome({
  tambons,
  villageCounts,
}: {
  tambons: readonly Tambon[];
  villageCounts: Map<number, number>;
}) {
  const { t, lang } = useCtx();
  return (
    <>
      <h1>{t("network.title")}</h1>
      <p>{t("site.tagline")}</p>
      {tambons.length === 0 ? (
        <p>{t("network.empty")}</p>
      ) : (
        <ul class="cards">
          {tambons.map((tb) => (
            <li key={tb.id}>
              <h2>
                <a href={`/t/${tb.slug}`}>{tambonTitle(tb, lang)}</a>
              </h2>
              <p>
                {t("place.district", { name: lang === "en" ? tb.districtEn : tb.districtTh })}{" "}
                {t("place.province", { name: lang === "en" ? tb.provinceEn : tb.provinceTh })}
              </p>
              <p class="muted">{t("network.villages", { n: villageCounts.get(tb.id) ?? 0 })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The network's own pages (outside any tambon). */
export function networkRoutes(deps: ModuleDeps): FastifyPluginAsync {
  return async (app) => {
    app.get("/", async (req, reply) => {
      const rows = await deps.database.db
        .select({ tambonId: villages.tambonId, n: count() })
        .from(villages)
        .groupBy(villages.tambonId);
      const counts = new Map(rows.map((r) => [r.tambonId, Number(r.n)]));
      return reply.page(
        core.t(req.lang)("network.title"),
        <NetworkHome tambons={deps.tambons.all()} villageCounts={counts} />,
      );
    });
  };
}

interface HomeData {
  villageCount: number;
  population: number;
  households: number;
  members: number;
}

function TambonHome({
  data,
  sections,
  extra,
}: {
  data: HomeData;
  sections: { href: string; label: string }[];
  extra: ComponentChildren[];
}) {
  const { t, tambon, lang } = useCtx();
  const tb = tambon!;
  return (
    <>
      <h1>{tambonTitle(tb, lang)}</h1>
      <p>
        {t("place.tambon", { name: lang === "en" ? tb.nameEn : tb.nameTh })}{" "}
        {t("place.district", { name: lang === "en" ? tb.districtEn : tb.districtTh })}{" "}
        {t("place.province", { name: lang === "en" ? tb.provinceEn : tb.provinceTh })}
      </p>
      <ul class="stats" aria-label={t("tambon.about")}>
        <li>
          <strong>{nf.format(data.villageCount)}</strong> {t("tambon.villages")}
        </li>
        <li>
          <strong>{nf.format(data.population)}</strong> {t("tambon.population")}
        </li>
        <li>
          <strong>{nf.format(data.households)}</strong> {t("tambon.households")}
        </li>
        <li>
          <strong>{nf.format(data.members)}</strong> {t("tambon.members")}
        </li>
      </ul>
      {tb.siteOpened && (
        <p class="muted">
          {t("tambon.siteOpened")} {formatDate(tb.siteOpened, lang)}
        </p>
      )}
      {extra}
      {sections.length > 0 && (
        <>
          <h2>{t("tambon.sections")}</h2>
          <ul class="cards">
            {sections.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function VillageList({ rows }: { rows: Village[] }) {
  const { t, lang } = useCtx();
  const totalPop = rows.reduce((s, v) => s + (v.population ?? 0), 0);
  const totalHh = rows.reduce((s, v) => s + (v.households ?? 0), 0);
  return (
    <>
      <h1>{t("nav.villages")}</h1>
      {rows.length === 0 ? (
        <p>{t("village.none")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("nav.villages")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("village.moo")}</th>
                <th scope="col">{t("village.name")}</th>
                <th scope="col">{t("village.code")}</th>
                <th scope="col" class="num">
                  {t("village.households")}
                </th>
                <th scope="col" class="num">
                  {t("village.population")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id}>
                  <td>{v.moo}</td>
                  <td>{lang === "en" && v.nameEn ? v.nameEn : v.nameTh}</td>
                  <td>{v.code}</td>
                  <td class="num">{v.households == null ? "–" : nf.format(v.households)}</td>
                  <td class="num">{v.population == null ? "–" : nf.format(v.population)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t("village.total")}
                </th>
                <td class="num">{nf.format(totalHh)}</td>
                <td class="num">{nf.format(totalPop)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

/** A tambon's public pages from the core: home and villages. */
export function tambonPublicRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;
  return async (app) => {
    app.get("/", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.read", { tambonId: tambon.id });
      const [[v], [m]] = await pageCache.memo(tambon.id, "home-stats", () =>
        Promise.all([
          db
            .select({
              n: count(),
              pop: sql<number>`coalesce(sum(${villages.population}), 0)`,
              hh: sql<number>`coalesce(sum(${villages.households}), 0)`,
            })
            .from(villages)
            .where(eq(villages.tambonId, tambon.id)),
          db
            .select({ n: count() })
            .from(tambonMembers)
            .where(
              sql`${tambonMembers.tambonId} = ${tambon.id} and ${tambonMembers.status} = 'active'`,
            ),
        ]),
      );
      const sections = modules.flatMap((mod) =>
        (mod.nav ?? [])
          .filter((n) => !n.visible || n.visible(req.actor, tambon))
          .map((n) => ({ href: `/t/${tambon.slug}${n.path}`, label: n.label(req.lang) })),
      );
      const data: HomeData = {
        villageCount: Number(v?.n ?? 0),
        population: Number(v?.pop ?? 0),
        households: Number(v?.hh ?? 0),
        members: Number(m?.n ?? 0),
      };
      const extra = await Promise.all(
        modules.map((mod) => mod.homeSections?.(req, deps) ?? Promise.resolve(null)),
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
        <TambonHome data={data} sections={sections} extra={extra} />,
        { description },
      );
    });

    app.get("/villages", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.read", { tambonId: tambon.id });
      const rows = await db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, tambon.id))
        .orderBy(asc(villages.moo));
      return reply.page(core.t(req.lang)("nav.villages"), <VillageList rows={rows} />);
    });
  };
}
