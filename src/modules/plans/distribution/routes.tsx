import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf, requireId } from "../../../core/params.ts";
import { tableRoutes } from "../../../core/table-export.ts";
import { areaName, listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { planHead } from "../plans/queries.ts";
import { planDistribution } from "./queries.ts";
import { distributionChart, giniChart } from "./chart.ts";
import { DistributionPage, giniText, villageLabel } from "./views.tsx";
import { villageFigureRoutes } from "./figures-routes.tsx";
import { can } from "../../../core/policy.ts";

/** The year asked for in an address: one of the plan's fiscal years, else 404. */
function yearIn(value: string | undefined, years: readonly number[]): number | null {
  if (value === undefined || value === "") return null;
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!years.includes(year)) throw notFound();
  return year;
}

/** Fair distribution: a plan's budget per village and year, its chart and Gini index, as CSV too. */
export function distributionRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  villageFigureRoutes(app, deps);

  async function load(req: FastifyRequest, id: string) {
    const tambon = allowedTambon(req, "plan.read");
    const plan = await planHead(db, tambon.id, requireId(id));
    if (!plan) throw notFound();
    return { tambon, data: await planDistribution(db, tambon.id, plan) };
  }

  async function page(req: FastifyRequest, id: string, yearParam: string | undefined) {
    const { tambon, data } = await load(req, id);
    const year = yearIn(yearParam, data.years);
    const lang = req.lang;
    const t = msg.t(lang);
    const shown = year === null ? data.whole : data.perYear[data.years.indexOf(year)]!;
    const villageById = new Map(data.villages.map((v) => [v.id, v]));
    const first = data.years[0]!;
    const last = data.years[data.years.length - 1]!;
    const period =
      year === null ? t("dist.allYears", { from: first, to: last }) : t("dist.year", { year });
    const people = shown.villages.reduce((a, s) => a + (s.people ?? 0), 0);
    const [chartSvg, trendSvg, areas] = await Promise.all([
      distributionChart(
        shown.villages.map((s) => ({
          label: villageLabel(villageById.get(s.villageId)!, lang),
          value: s.perHead,
          flagged: s.budget <= 0,
        })),
        {
          title: t("dist.chart", { period }),
          valueName: t("dist.perHead"),
          averageName: t("dist.average"),
          average: people ? shown.total / people : null,
        },
      ),
      giniChart(
        data.perYear.map((d) => ({ year: d.year!, gini: d.gini })),
        { title: t("dist.trendChart"), name: "Gini" },
      ),
      listAreas(db, tambon.id),
    ]);
    return {
      title: t("dist.heading", { plan: data.plan.title }),
      body: (
        <DistributionPage
          data={data}
          shown={shown}
          year={year}
          areas={areas.map((a) => ({ id: a.id, name: areaName(a, lang) }))}
          chartSvg={chartSvg}
          trendSvg={trendSvg}
          base={`/t/${tambon.slug}`}
          canManage={can(req.actor, "plan.manage", { tambonId: tambon.id })}
        />
      ),
    };
  }

  // The year is a query (`?year=2568`), like the CSV's: a path parameter only follows a resource.
  app.get<{ Params: { id: string } }>("/plans/:id/distribution", async (req, reply) => {
    const p = await page(req, req.params.id, queryOf(req).year);
    return reply.page(p.title, p.body);
  });

  tableRoutes<{ Params: { id: string } }>(app, "/plans/:id/distribution", async (req) => {
    const { tambon, data } = await load(req, req.params.id);
    const year = yearIn(queryOf(req).year, data.years);
    const shown = year === null ? data.whole : data.perYear[data.years.indexOf(year)]!;
    const areas = await listAreas(db, tambon.id);
    const villageById = new Map(data.villages.map((v) => [v.id, v]));
    const areaCols = areas.filter((a) => shown.villages.some((s) => s.byArea.has(a.id)));
    const header = [
      "fiscal_year",
      "moo",
      "village_code",
      "village",
      "projects",
      "own_projects",
      "budget",
      "people",
      "households",
      "per_head",
      "per_household",
      ...areaCols.map((a) => `area:${a.nameTh}`),
      "area:none",
      "receives_nothing",
      "gini",
    ];
    const rows = shown.villages.map((s) => {
      const v = villageById.get(s.villageId)!;
      return [
        year === null ? `${data.years[0]}-${data.years[data.years.length - 1]}` : String(year),
        v.moo,
        v.code,
        v.nameTh,
        s.projects,
        s.ownProjects,
        s.budget.toFixed(2),
        s.people,
        s.households,
        s.perHead === null ? null : s.perHead.toFixed(2),
        s.perHousehold === null ? null : s.perHousehold.toFixed(2),
        ...areaCols.map((a) => (s.byArea.get(a.id) ?? 0).toFixed(2)),
        (s.byArea.get(0) ?? 0).toFixed(2),
        s.budget <= 0,
        giniText(shown.gini),
      ];
    });
    return {
      file: `distribution-${tambon.slug}-${data.plan.id}${year === null ? "" : `-${year}`}`,
      sheet: "distribution",
      columns: header,
      rows,
    };
  });
}
