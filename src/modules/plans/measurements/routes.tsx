import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { msg } from "../messages.ts";
import { fiscalYearOf } from "../shared/fiscal.ts";
import { targetYears } from "../indicators/commands.ts";
import { getIndicator, measuredValues, type Indicator } from "../indicators/queries.ts";
import { gridField, saveMeasurementGrid } from "./commands.ts";
import { MeasurementGrid } from "./views.tsx";

/** The entry grid: one indicator × every village (and the whole tambon) for one fiscal year. */
export function measurementRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  /** The indicator, the years to choose from, and the chosen year (the current one by default). */
  async function load(req: FastifyRequest<{ Params: { id: string } }>) {
    const tambon = allowedTambon(req, "measurement.record");
    const indicator = await getIndicator(db, tambon.id, requireId(req.params.id));
    if (!indicator) throw notFound();
    const current = fiscalYearOf(new Date());
    const years = [...new Set([...(await targetYears(db, tambon.id, indicator)), current])].sort(
      (a, b) => a - b,
    );
    const asked = Number((req.query as Record<string, string>).year);
    const year = years.includes(asked) ? asked : years.includes(current) ? current : years[0]!;
    return { tambon, indicator, years, year };
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    indicator: Indicator,
    years: number[],
    year: number,
    form: FormState | null,
    status = 200,
  ) {
    const tambonId = currentTambon(req).id;
    const villages = await listVillages(db, tambonId);
    let state = form;
    if (!state) {
      const stored = (await measuredValues(db, tambonId, [indicator.id])).filter(
        (v) => v.fiscalYear === year,
      );
      state = emptyForm(
        Object.fromEntries(stored.map((v) => [gridField(v.villageId), String(v.value)])),
      );
    }
    return reply.page(
      `${msg.t(req.lang)("measure.enter")}: ${indicator.name}`,
      <MeasurementGrid
        indicator={indicator}
        year={year}
        years={years}
        villages={villages}
        form={state}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>("/admin/indicators/:id/measurements", async (req, reply) => {
    const { indicator, years, year } = await load(req);
    return page(req, reply, indicator, years, year, null);
  });

  app.post<{ Params: { id: string } }>("/admin/indicators/:id/measurements", async (req, reply) => {
    const { tambon, indicator, years, year } = await load(req);
    const body = formBody(req);
    const result = throwIfDenied(
      await saveMeasurementGrid(db, req.actor, tambon.id, indicator.id, year, body),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators/${indicator.id}/measurements?year=${year}`,
        msg.t(req.lang)("measure.saved", result.value),
      );
    return page(
      req,
      reply,
      indicator,
      years,
      year,
      failedForm(body, result.errors, req.lang, msg),
      422,
    );
  });
}
