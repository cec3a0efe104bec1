import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { progressById } from "../shared/progress.ts";
import { reportPlan, reportProjects, type ReportPlan } from "./queries.ts";

/** The plan a report is about, read by the request's tambon (another tambon's plan is a 404). */
export async function loadReportPlan(db: Db, req: FastifyRequest, id: string) {
  const tambon = allowedTambon(req, "plan.read");
  const plan = await reportPlan(db, tambon.id, requireId(id));
  if (!plan) throw notFound();
  return { tambon, plan, base: `/t/${tambon.slug}/plans/${plan.id}/reports` };
}

/** The project list's rows: every project of the plan, one row per project, progress rolled up. */
export async function projectList(db: Db, tambon: Tambon, plan: ReportPlan) {
  const list = await reportProjects(db, tambon.id, [plan.id], { all: true });
  const shown = progressById(list);
  return list.map((p) => ({ ...p, shownProgress: shown.get(p.id) ?? p.progress }));
}
