import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { authorize, currentTambon, formBody, formList, publicUrl, allowedTambon } from "../http.ts";
import { can } from "../policy.ts";
import { ROLES } from "../roles.ts";
import { notFound } from "../errors.ts";
import { orThrow, throwIfDenied } from "../result.ts";
import { parsePage, parseSearch, requireId } from "../params.ts";
import {
  createAccountForPerson,
  issueResetToken,
  setMemberStatus,
  setRoles,
} from "../commands/accounts.ts";
import { getPerson, listPeople } from "../queries/people.ts";
import { villageOptions } from "../queries/villages.ts";
import { emptyForm, failedForm, type FormState } from "../views/form.tsx";
import { PeopleList, PersonPage } from "../views/admin/people.tsx";
import { confirmFirstWhen } from "../confirmation.tsx";

/** A tambon's people: the list, adding a person, confirming, removing, roles, password links. */
export function peopleRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function peoplePage(
    req: FastifyRequest,
    form: FormState,
    created: { username: string; url: string } | null,
  ) {
    const tambon = currentTambon(req);
    const q = req.query as Record<string, string | undefined>;
    const role = ROLES.find((r) => r === q.role) ?? "";
    const people = await listPeople(db, tambon.id, {
      q: parseSearch(q.q),
      role,
      page: parsePage(q.page),
    });
    return (
      <PeopleList
        people={people}
        q={q.q ?? ""}
        role={role}
        form={form}
        villageOptions={await villageOptions(db, tambon.id, req.lang)}
        canCreate={can(req.actor, "account.create", { tambonId: tambon.id })}
        created={created}
      />
    );
  }

  const resetUrl = (req: FastifyRequest, token: string) =>
    publicUrl(deps.config, `/reset/${token}`, currentTambon(req));

  async function findPerson(tambonId: number, id: string) {
    const person = await getPerson(db, tambonId, requireId(id));
    if (!person) throw notFound();
    return person;
  }

  app.get("/admin/people", async (req, reply) => {
    allowedTambon(req, "account.create");
    return reply.page(core.t(req.lang)("admin.people"), await peoplePage(req, emptyForm(), null));
  });

  app.post("/admin/people", async (req, reply) => {
    const tambon = allowedTambon(req, "account.create");
    const t = core.t(req.lang);
    const body = formBody(req);
    const result = throwIfDenied(await createAccountForPerson(db, req.actor, tambon.id, body));
    if (!result.ok) {
      const form = failedForm(body, result.errors, req.lang);
      return reply.page(t("admin.people"), await peoplePage(req, form, null), { status: 422 });
    }
    const created = { username: result.value.username, url: resetUrl(req, result.value.token) };
    return reply.page(t("admin.people"), await peoplePage(req, emptyForm(), created), {
      status: 201,
    });
  });

  app.get<{ Params: { id: string } }>("/admin/people/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "account.create");
    const person = await findPerson(tambon.id, req.params.id);
    const canManage = can(req.actor, "people.manage", { tambonId: tambon.id });
    return reply.page(
      person.name,
      <PersonPage person={person} canManage={canManage} resetUrl={null} />,
    );
  });

  app.post<{ Params: { id: string } }>("/admin/people/:id/roles", async (req, reply) => {
    const tambon = allowedTambon(req, "people.manage");
    const person = await findPerson(tambon.id, req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const roles = Object.keys(body)
      .filter((k) => k.startsWith("role_"))
      .flatMap((k) => formList(req, k));
    const result = throwIfDenied(await setRoles(db, req.actor, tambon.id, person.id, roles));
    // The form offers only real roles: another one was forged, and is answered as no such page.
    if (!result.ok) throw notFound();
    return reply.seeOther(
      `/t/${tambon.slug}/admin/people/${person.id}`,
      core.t(req.lang)("people.rolesSaved"),
    );
  });

  app.post<{ Params: { id: string } }>(
    "/admin/people/:id/status",
    confirmFirstWhen((b) => b.status === "removed"),
    async (req, reply) => {
      const tambon = currentTambon(req);
      const status = formBody(req).status === "removed" ? "removed" : "active";
      authorize(req, status === "active" ? "member.verify" : "people.manage", {
        tambonId: tambon.id,
      });
      const person = await findPerson(tambon.id, req.params.id);
      orThrow(await setMemberStatus(db, req.actor, tambon.id, person.id, status));
      return reply.seeOther(
        `/t/${tambon.slug}/admin/people/${person.id}`,
        core.t(req.lang)("form.saved"),
      );
    },
  );

  app.post<{ Params: { id: string } }>("/admin/people/:id/reset", async (req, reply) => {
    const tambon = allowedTambon(req, "account.create");
    const person = await findPerson(tambon.id, req.params.id);
    const token = await issueResetToken(db, req.actor, tambon.id, person.id);
    if (!token) throw notFound();
    const canManage = can(req.actor, "people.manage", { tambonId: tambon.id });
    return reply.page(
      person.name,
      <PersonPage person={person} canManage={canManage} resetUrl={resetUrl(req, token)} />,
      { status: 201 },
    );
  });
}
