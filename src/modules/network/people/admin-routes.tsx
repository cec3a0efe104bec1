import type { ModuleDeps } from "../../../core/modules.ts";
import { pageOf, queryOf } from "../../../core/params.ts";
import { formValues, render, param, searchOf } from "../shared/helpers.ts";
import { ADMIN, adminUrl, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, currentTambon, formBody, formList, requireUser } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listAreas } from "../../areas/public.ts";
import { msg, type NetKey } from "../messages.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { type Result, orThrow } from "../../../core/result.ts";
import { listVillages } from "../lists/queries.ts";
import { partnerChoices } from "../partners/queries.ts";
import { peopleList, personNetwork } from "./queries.ts";
import {
  addAffiliation,
  addPersonRole,
  memberOf,
  removeAffiliation,
  removePersonRole,
  saveProfile,
  setFacilitatorReach,
} from "./commands.ts";
import { MyProfile } from "./profile-views.tsx";
import { PeopleAdmin, PersonAdmin } from "./admin-views.tsx";
import { isCommunityRole } from "./community.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** A person's profile as its form shows it (empty when they have none yet). */
const profileValues = (p: Awaited<ReturnType<typeof personNetwork>>["profile"]) =>
  formValues(p, ["publicConsent", "titleTh", "titleEn", "bioTh", "bioEn"]);

export async function peopleAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get(`${ADMIN}/people`, async (req, reply) => {
    const tambon = allowedTambon(req, "person.manage");
    const q = queryOf(req);
    const role = q.role === "facilitator" || isCommunityRole(q.role) ? q.role : "";
    const page = await peopleList(db, tambon.id, { q: searchOf(q), role }, pageOf(req));
    return reply.page(
      netText(req)("admin.people"),
      <PeopleAdmin page={page} q={searchOf(q)} role={role} />,
    );
  });

  const personPage = async (
    req: FastifyRequest,
    forms: { profile?: FormState; role?: FormState; affiliation?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const person = await memberOf(db, tambon.id, param(req));
    if (!person) throw notFound();
    const [net, villages, areas, partnersList] = await Promise.all([
      personNetwork(db, tambon.id, person.id),
      listVillages(db, tambon.id),
      listAreas(db, tambon.id),
      partnerChoices(db, tambon.id),
    ]);
    const profile = net.profile;
    return {
      title: person.name,
      body: (
        <PersonAdmin
          person={person}
          net={net}
          forms={{
            profile: forms.profile ?? emptyForm(profileValues(profile)),
            role: forms.role ?? emptyForm(),
            affiliation: forms.affiliation ?? emptyForm(),
          }}
          villages={villages}
          areas={areas}
          partners={partnersList}
        />
      ),
    };
  };

  app.get(`${ADMIN}/people/:id`, async (req, reply) => {
    allowedTambon(req, "person.manage");
    return render(reply, await personPage(req, {}));
  });

  const personPost = (
    path: string,
    run: (
      req: FastifyRequest,
      tambonId: number,
      userId: number,
    ) => Promise<Result<unknown, NetKey | CoreKey>>,
    form: "profile" | "role" | "affiliation" | null,
    anchor: string,
  ) =>
    app.post(
      `${ADMIN}/people/:id${path}`,
      path.endsWith("/delete") ? confirmFirst : {},
      async (req, reply) => {
        const tambon = allowedTambon(req, "person.manage");
        const userId = param(req);
        if (!(await memberOf(db, tambon.id, userId))) throw notFound();
        const result = await run(req, tambon.id, userId);
        if (result.ok)
          return reply.seeOther(
            `${adminUrl(tambon, `/people/${userId}`)}#${anchor}`,
            netText(req)("flash.saved"),
          );
        if (!form) return orThrow(result); // 404 or 403: a remove button has no form to show
        return render(reply, {
          ...(await personPage(req, {
            [form]: failedForm(formBody(req), result.errors, req.lang, msg),
          })),
          status: 422,
        });
      },
    );

  // What each of a person's forms and remove buttons runs: path, command, form, anchor.
  const personPosts: [
    string,
    Parameters<typeof personPost>[1],
    Parameters<typeof personPost>[2],
    string,
  ][] = [
    ["/profile", (r, t, u) => saveProfile(db, r.actor, t, u, formBody(r)), "profile", "profile"],
    ["/roles", (r, t, u) => addPersonRole(db, r.actor, t, u, formBody(r)), "role", "roles"],
    [
      "/roles/:roleId/delete",
      (r, t, u) => removePersonRole(db, r.actor, t, u, param(r, "roleId")),
      null,
      "roles",
    ],
    [
      "/affiliations",
      (r, t, u) => addAffiliation(db, r.actor, t, u, formBody(r)),
      "affiliation",
      "affiliations",
    ],
    [
      "/affiliations/:affiliationId/delete",
      (r, t, u) => removeAffiliation(db, r.actor, t, u, param(r, "affiliationId")),
      null,
      "affiliations",
    ],
    [
      "/reach",
      (r, t, u) =>
        setFacilitatorReach(db, r.actor, t, u, formList(r, "villages"), formList(r, "areas")),
      null,
      "reach",
    ],
  ];
  for (const [path, run, form, anchor] of personPosts) personPost(path, run, form, anchor);

  const myPage = async (req: FastifyRequest, form: FormState | null) => {
    const tambon = currentTambon(req);
    const user = requireUser(req);
    authorize(req, "person.self", { tambonId: tambon.id, ownerId: user.id });
    if (!(await memberOf(db, tambon.id, user.id))) throw notFound();
    const net = await personNetwork(db, tambon.id, user.id);
    const p = net.profile;
    return <MyProfile form={form ?? emptyForm(profileValues(p))} net={net} />;
  };

  app.get(`${ADMIN}/my-profile`, async (req, reply) => {
    return reply.page(netText(req)("me.title"), await myPage(req, null));
  });

  app.post(`${ADMIN}/my-profile`, async (req, reply) => {
    const tambon = currentTambon(req);
    const user = requireUser(req);
    authorize(req, "person.self", { tambonId: tambon.id, ownerId: user.id });
    const body = formBody(req);
    const result = await saveProfile(db, req.actor, tambon.id, user.id, body);
    if (result.ok) return toAdmin(reply, req, "/my-profile", "flash.saved");
    return reply.page(
      netText(req)("me.title"),
      await myPage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });
}
