import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { pageOf, parseId, parseSearch, queryOf, requireId } from "../../../core/params.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../shared/kinds.ts";
import type { PersonalScope } from "../access.ts";
import { authorNames, historyOf } from "../registry/history.ts";
import { requireScope } from "../registry/routes-kit.ts";
import { logPersonalRead } from "../privacy/reads.ts";
import { addHousehold, editHousehold, setHouseholdStatus } from "./commands.ts";
import {
  householdInScope,
  listHouseholds,
  peopleOf,
  scopeVillageOptions,
  submissionCount,
  type Household,
} from "./queries.ts";
import { HouseholdForm, HouseholdList, HouseholdPage, householdValues } from "./views.tsx";

/** Households: the list of those the reader may see, a household's page, its forms. */
export function householdRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const BASE = "/community/households";

  async function find(req: FastifyRequest, scope: PersonalScope, id: string): Promise<Household> {
    const found = await householdInScope(db, currentTambon(req).id, scope, requireId(id));
    if (!found) throw notFound();
    return found;
  }

  app.get(BASE, async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const q = queryOf(req);
    const villages = await scopeVillageOptions(db, tambon.id, scope, req.lang);
    const villageId = parseId(q.village ?? "");
    const status = HOUSEHOLD_STATUSES.includes(q.status as HouseholdStatus)
      ? (q.status as HouseholdStatus)
      : null;
    const search = parseSearch(q.q, 40);
    const page = await listHouseholds(
      db,
      tambon.id,
      scope,
      { villageId, status, q: search },
      pageOf(req),
    );
    await logPersonalRead(db, req, { subject: "list", records: page.items.length });
    const query = {
      q: search,
      village: villageId === null ? "" : String(villageId),
      status: status ?? "",
    };
    return reply.page(
      msg.t(req.lang)("household.title"),
      <HouseholdList page={page} query={query} villages={villages} onlyVillage={!scope.all} />,
    );
  });

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    scope: PersonalScope,
    form: FormState,
    household?: Household,
    status = 200,
  ) {
    const villages = await scopeVillageOptions(db, currentTambon(req).id, scope, req.lang);
    const t = msg.t(req.lang);
    return reply.page(
      household ? t("household.edit") : t("household.add"),
      <HouseholdForm form={form} villages={villages} household={household} />,
      { status },
    );
  }

  app.get(`${BASE}/new`, async (req, reply) => {
    const scope = await requireScope(db, req);
    const only = scope.all ? "" : String(scope.villageIds[0] ?? "");
    return formPage(req, reply, scope, emptyForm({ villageId: only }));
  });

  app.post(BASE, async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const body = formBody(req);
    const result = throwIfDenied(await addHousehold(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${BASE}/${result.value.id}`,
        msg.t(req.lang)("household.saved"),
      );
    return formPage(
      req,
      reply,
      scope,
      failedForm(body, result.errors, req.lang, msg),
      undefined,
      422,
    );
  });

  async function householdPage(
    req: FastifyRequest,
    reply: FastifyReply,
    household: Household,
    statusForm: FormState,
    status = 200,
  ) {
    const tambonId = currentTambon(req).id;
    const [people, submissions, history, villages] = await Promise.all([
      peopleOf(db, tambonId, household.id),
      submissionCount(db, tambonId, household.id),
      historyOf(db, tambonId, "household", household.id),
      scopeVillageOptions(db, tambonId, { all: true }, req.lang),
    ]);
    await logPersonalRead(db, req, {
      subject: "household",
      subjectId: household.id,
      records: 1 + people.length,
    });
    return reply.page(
      msg.t(req.lang)("household.heading", { no: household.houseNo }),
      <HouseholdPage
        household={household}
        villageLabel={villages.find((v) => v.value === String(household.villageId))?.label ?? ""}
        people={people}
        submissions={submissions}
        history={history}
        names={await authorNames(db, history)}
        statusForm={statusForm}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>(`${BASE}/:id`, async (req, reply) => {
    const scope = await requireScope(db, req);
    return householdPage(req, reply, await find(req, scope, req.params.id), emptyForm());
  });

  app.get<{ Params: { id: string } }>(`${BASE}/:id/edit`, async (req, reply) => {
    const scope = await requireScope(db, req);
    const household = await find(req, scope, req.params.id);
    await logPersonalRead(db, req, { subject: "household", subjectId: household.id });
    return formPage(req, reply, scope, emptyForm(householdValues(household)), household);
  });

  app.post<{ Params: { id: string } }>(`${BASE}/:id`, async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const household = await find(req, scope, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await editHousehold(db, req.actor, tambon.id, household.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${BASE}/${household.id}`,
        msg.t(req.lang)("household.saved"),
      );
    const form = failedForm(body, result.errors, req.lang, msg);
    return formPage(req, reply, scope, form, household, 422);
  });

  app.post<{ Params: { id: string } }>(`${BASE}/:id/status`, async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const household = await find(req, scope, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(
      await setHouseholdStatus(db, req.actor, tambon.id, household.id, body),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${BASE}/${household.id}`,
        msg.t(req.lang)("household.statusSaved"),
      );
    return householdPage(
      req,
      reply,
      household,
      failedForm(body, result.errors, req.lang, msg),
      422,
    );
  });
}
