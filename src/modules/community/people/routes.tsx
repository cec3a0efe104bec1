import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, formList } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { allows, type PersonalScope } from "../access.ts";
import { authorNames, historyOf } from "../registry/history.ts";
import { requireScope } from "../registry/routes-kit.ts";
import { logPersonalRead } from "../privacy/reads.ts";
import { settingsOf } from "../privacy/settings.ts";
import {
  getHousehold,
  personOf,
  householdInScope,
  householdOptions,
  type Household,
  type Person,
} from "../households/queries.ts";
import { addPerson, editPerson, movePerson } from "./commands.ts";
import { PersonForm, personValues } from "./views.tsx";

/** People of households: add one, edit one (with history), move one to another household. */
export function peopleRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const HOUSEHOLDS = "/community/households";

  async function findHousehold(req: FastifyRequest, scope: PersonalScope, id: string) {
    const found = await householdInScope(db, currentTambon(req).id, scope, requireId(id));
    if (!found) throw notFound();
    return found;
  }

  async function findPerson(
    req: FastifyRequest,
    scope: PersonalScope,
    id: string,
  ): Promise<{ person: Person; household: Household }> {
    const tambonId = currentTambon(req).id;
    const person = await personOf(db, tambonId, requireId(id));
    if (!person || !allows(scope, person.villageId)) throw notFound();
    const household = await getHousehold(db, tambonId, person.householdId);
    if (!household) throw notFound();
    return { person, household };
  }

  app.get<{ Params: { id: string } }>(`${HOUSEHOLDS}/:id/people/new`, async (req, reply) => {
    const scope = await requireScope(db, req);
    const household = await findHousehold(req, scope, req.params.id);
    const settings = await settingsOf(db, currentTambon(req).id);
    const form = emptyForm({
      purpose: settings.defaultPurpose,
      sex: "unspecified",
      relation: "other",
      status: "living",
      lawfulBasis: "public_task",
      consent: "not_needed",
    });
    return reply.page(
      msg.t(req.lang)("person.add"),
      <PersonForm household={household} form={form} conditions={[]} />,
    );
  });

  app.post<{ Params: { id: string } }>(`${HOUSEHOLDS}/:id/people`, async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const household = await findHousehold(req, scope, req.params.id);
    const body = formBody(req);
    const ticked = formList(req, "conditions");
    const result = throwIfDenied(
      await addPerson(db, req.actor, tambon.id, household.id, body, ticked),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${HOUSEHOLDS}/${household.id}`,
        msg.t(req.lang)("person.saved"),
      );
    return reply.page(
      msg.t(req.lang)("person.add"),
      <PersonForm
        household={household}
        form={failedForm(body, result.errors, req.lang, msg)}
        conditions={ticked}
      />,
      { status: 422 },
    );
  });

  async function editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    found: { person: Person; household: Household },
    forms: { form?: FormState; conditions?: string[]; moveForm?: FormState },
    status = 200,
  ) {
    const tambonId = currentTambon(req).id;
    const { person, household } = found;
    const [history, moveTo] = await Promise.all([
      historyOf(db, tambonId, "person", person.id),
      householdOptions(db, tambonId, person.villageId),
    ]);
    await logPersonalRead(db, req, { subject: "person", subjectId: person.id });
    return reply.page(
      person.name,
      <PersonForm
        household={household}
        person={person}
        form={forms.form ?? emptyForm(personValues(person))}
        conditions={forms.conditions ?? person.conditions}
        moveForm={forms.moveForm ?? emptyForm()}
        moveTo={moveTo.filter((o) => o.value !== String(household.id))}
        history={history}
        names={await authorNames(db, history)}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>("/community/people/:id", async (req, reply) => {
    const scope = await requireScope(db, req);
    return editPage(req, reply, await findPerson(req, scope, req.params.id), {});
  });

  app.post<{ Params: { id: string } }>("/community/people/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const found = await findPerson(req, scope, req.params.id);
    const body = formBody(req);
    const ticked = formList(req, "conditions");
    const result = throwIfDenied(
      await editPerson(db, req.actor, tambon.id, found.person.id, body, ticked),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/community/people/${found.person.id}`,
        msg.t(req.lang)("person.saved"),
      );
    const form = failedForm(body, result.errors, req.lang, msg);
    return editPage(req, reply, found, { form, conditions: ticked }, 422);
  });

  app.post<{ Params: { id: string } }>("/community/people/:id/move", async (req, reply) => {
    const tambon = currentTambon(req);
    const scope = await requireScope(db, req);
    const found = await findPerson(req, scope, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await movePerson(db, req.actor, tambon.id, found.person.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/community/people/${found.person.id}`,
        msg.t(req.lang)("person.moved"),
      );
    const moveForm = failedForm(body, result.errors, req.lang, msg);
    return editPage(req, reply, found, { moveForm }, 422);
  });
}
