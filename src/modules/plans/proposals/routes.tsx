import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, formList, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, queryOf, requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { getPlan, type Plan } from "../plans/queries.ts";
import { proposeProject } from "../projects/commands.ts";
import { projectChoices } from "../projects/choices.ts";
import { BUDGET_ROWS } from "../projects/input.ts";
import { ProposePage } from "./views.tsx";
import { findOverlaps } from "../duplicates/queries.ts";
import { OverlapList, overlapJson } from "../duplicates/views.tsx";
import type { Candidate } from "../duplicates/overlaps.ts";

const ids = (values: string[]) =>
  values.map((v) => parseId(v)).filter((v): v is number => v !== null);

/** What a (possibly unfinished) proposal is compared on, read leniently from its fields. */
export function candidateFrom(
  get: (name: string) => string | undefined,
  list: (name: string) => string[],
): Candidate {
  const years: number[] = [];
  for (let i = 0; i < BUDGET_ROWS; i++) {
    const y = Number(get(`budgetYear${i}`) ?? "");
    if (Number.isInteger(y) && y > 2400 && y < 2800) years.push(y);
  }
  return {
    title: (get("title") ?? "").slice(0, 200),
    objectives: (get("objectives") ?? "").slice(0, 2000),
    areaId: parseId(get("areaId")),
    villageIds: ids(list("villages")),
    wholeTambon: get("wholeTambon") === "1",
    targetGroups: list("targets").slice(0, 20),
    years,
  };
}

/** Proposing a project: the form, the overlaps it shows while it is filled in, and sending it. */
export function proposalRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function findPlan(tambonId: number, id: string): Promise<Plan> {
    const plan = await getPlan(db, tambonId, requireId(id));
    if (!plan || plan.status === "closed") throw notFound();
    return plan;
  }

  async function page(req: FastifyRequest, plan: Plan, form: FormState, checked: boolean) {
    const tambon = currentTambon(req);
    const lists = (name: string) => (form.values[name] ?? "").split(",").filter(Boolean);
    const candidate = candidateFrom((n) => form.values[n], lists);
    const overlaps = checked ? await findOverlaps(db, tambon.id, plan, candidate) : [];
    return (
      <ProposePage
        plan={plan}
        form={form}
        choices={await projectChoices(db, tambon.id, plan, req.lang, null)}
        overlaps={<OverlapList overlaps={overlaps} checked={checked} />}
      />
    );
  }

  app.get<{ Params: { id: string } }>("/plans/:id/propose", async (req, reply) => {
    const tambon = allowedTambon(req, "project.propose");
    const plan = await findPlan(tambon.id, req.params.id);
    return reply.page(msg.t(req.lang)("plan.propose"), await page(req, plan, emptyForm(), false));
  });

  app.get<{ Params: { id: string } }>("/plans/:id/overlaps", async (req, reply) => {
    const tambon = allowedTambon(req, "project.propose");
    const plan = await findPlan(tambon.id, req.params.id);
    const q = queryOf(req);
    const candidate = candidateFrom(
      (n) => q[n],
      (n) => (q[n] ?? "").split(",").filter(Boolean),
    );
    const found = await findOverlaps(db, tambon.id, plan, candidate);
    return reply
      .header("cache-control", "no-store")
      .send({ overlaps: found.map((o) => overlapJson(o, tambon.slug, req.lang)) });
  });

  app.post<{ Params: { id: string } }>("/plans/:id/propose", async (req, reply) => {
    const tambon = allowedTambon(req, "project.propose");
    const plan = await findPlan(tambon.id, req.params.id);
    const body = formBody(req);
    const villages = formList(req, "villages");
    const targets = formList(req, "targets");
    const shown = { ...body, villages: villages.join(","), targets: targets.join(",") };
    const t = msg.t(req.lang);
    if (body.preview === "1")
      return reply.page(t("plan.propose"), await page(req, plan, emptyForm(shown), true));
    const result = throwIfDenied(
      await proposeProject(db, req.actor, tambon.id, plan.id, { body, villages, targets }),
    );
    if (result.ok)
      return reply.seeOther(`/t/${tambon.slug}/projects/${result.value.id}`, t("project.proposed"));
    const form = failedForm(shown, result.errors, req.lang, msg);
    return reply.page(t("plan.propose"), await page(req, plan, form, true), { status: 422 });
  });
}
