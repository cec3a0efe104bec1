import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf } from "../../../core/params.ts";
import { lookup } from "../../../core/install.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { listPlans } from "../plans/queries.ts";
import { fiscalYearOf, planYears } from "../shared/fiscal.ts";
import { enteredFigures, FIGURE_YEARS, saveVillageFigures } from "./figures.ts";
import { populationOf, POPULATION_LOOKUP } from "./population.ts";
import { VillageFiguresPage } from "./figures-views.tsx";

/** A fiscal year from a form or address (พ.ศ., four digits, in range), else null. */
function yearOf(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const y = Number(value);
  return y >= FIGURE_YEARS.min && y <= FIGURE_YEARS.max ? y : null;
}

/** The grid of village people and households per fiscal year (when community data has none). */
export function villageFigureRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const path = "/admin/plans/villages";

  async function page(req: FastifyRequest, reply: FastifyReply, year: number, form?: FormState) {
    const tambon = currentTambon(req);
    const t = msg.t(req.lang);
    const [plans, population, entered] = await Promise.all([
      listPlans(db, tambon.id),
      populationOf(db, tambon.id),
      enteredFigures(db, tambon.id, year),
    ]);
    const current = fiscalYearOf(new Date());
    const years = [...new Set([current, year, ...plans.flatMap((p) => planYears(p))])].sort(
      (a, b) => b - a,
    );
    const values: Record<string, string> = {};
    for (const [id, f] of entered) {
      values[`people_${id}`] = f.people == null ? "" : String(f.people);
      values[`households_${id}`] = f.households == null ? "" : String(f.households);
    }
    const plan = plans.find((p) => p.status === "active") ?? plans[0];
    return reply.page(
      t("figures.title"),
      <VillageFiguresPage
        year={year}
        years={years}
        villages={population.villages}
        used={population.heads(year)}
        form={form ?? emptyForm(values)}
        community={!!lookup(POPULATION_LOOKUP)}
        back={
          plan
            ? {
                href: `/t/${tambon.slug}/plans/${plan.id}/distribution`,
                label: t("dist.heading", { plan: plan.title }),
              }
            : null
        }
      />,
      form ? { status: 422 } : undefined,
    );
  }

  app.get(path, async (req, reply) => {
    allowedTambon(req, "plan.manage");
    const asked = queryOf(req).year;
    const year = asked === undefined ? fiscalYearOf(new Date()) : yearOf(asked);
    if (year === null) throw notFound();
    return page(req, reply, year);
  });

  app.post(path, async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const body = formBody(req);
    const year = yearOf(body.year);
    if (year === null) throw notFound();
    const result = throwIfDenied(await saveVillageFigures(db, req.actor, tambon.id, year, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${path}?year=${year}`,
        msg.t(req.lang)("figures.saved", { n: result.value.saved }),
      );
    return page(req, reply, year, failedForm(body, result.errors, req.lang, msg));
  });
}
