import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { and, eq } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, formList, requireUser } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { forbidden, notFound } from "../../../core/errors.ts";
import { parseId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { listAreas } from "../../areas/public.ts";
import { msg, type NetKey } from "../messages.ts";
import { nameIn, textIn } from "../lists.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, throwIfDenied, translateErrors, type Result } from "../../../core/result.ts";
import {
  MAX_IMAGE_BYTES,
  MAX_PDF_BYTES,
  prepareImage,
  uploadRoute,
  uploadedFile,
} from "../storage.ts";
import {
  agreementDetail,
  agreementList,
  centreById,
  centreList,
  centrePhotoList,
  centresOpenToVisits,
  declarationsAbout,
  incomingVisits,
  listPillars,
  listTerms,
  listVillages,
  outgoingVisits,
  partnerById,
  partnerChoices,
  partnerDirectory,
  peopleList,
  personNetwork,
  visitById,
  waitingVisits,
  type PartnerRow,
} from "../queries.ts";
import { users } from "../../../core/db/schema.ts";
import { networkPillars, networkTerms, learningCentres } from "../schema.ts";
import { saveListItem, setListItemArchived, type ListName } from "../commands/lists.ts";
import { savePartner, setPartnerActive } from "../commands/partners.ts";
import {
  addActivity,
  addParty,
  removeActivity,
  removeParty,
  saveAgreement,
} from "../commands/agreements.ts";
import { declareLink, removeLink } from "../commands/links.ts";
import { addCentrePhoto, removeCentrePhoto, saveCentre } from "../commands/centres.ts";
import { answerVisit, recordVisit, replyToVisit, requestVisit } from "../commands/visits.ts";
import {
  addAffiliation,
  addPersonRole,
  memberOf,
  removeAffiliation,
  removePersonRole,
  saveProfile,
  setFacilitatorReach,
} from "../commands/people.ts";
import { AdminHome, type AdminLink } from "../views/admin.tsx";
import { ListItemPage, ListsAdmin } from "../views/pillars.tsx";
import { AdminPartnerList, PartnerForm } from "../views/partners.tsx";
import { AdminAgreementList, EditAgreementPage, NewAgreementPage } from "../views/agreements.tsx";
import { LinksAdmin } from "../views/links.tsx";
import { AdminCentreList, CentreForm } from "../views/centres.tsx";
import {
  HostRequestForm,
  IncomingVisits,
  OutgoingRequestForm,
  OutgoingVisits,
  VisitPage,
} from "../views/visits.tsx";
import { MyProfile, PeopleAdmin, PersonAdmin } from "../views/people.tsx";
import { reciprocal } from "../tambon-links.ts";
import {
  agreementFilter,
  centreFilter,
  pageOf,
  param,
  partnerChoiceLists,
  partnerFilter,
  query,
  searchOf,
  visitFilter,
} from "./helpers.ts";
import { isCommunityRole } from "../people.ts";

/** Every action that opens some part of the network administration. */
export const STAFF_ACTIONS = [
  "partner.create",
  "network.lists",
  "agreement.manage",
  "link.manage",
  "centre.manage",
  "visit.respond",
  "visit.request",
  "person.manage",
] as const;

type Page = { title: string; body: ComponentChildren; status?: number };

function render(reply: FastifyReply, p: Page) {
  return reply.page(p.title, p.body, p.status ? { status: p.status } : undefined);
}

/** The network administration, mounted under /t/:tambon/admin/network. */
export async function adminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;
  const A = "/admin/network";
  const url = (tambon: Tambon, path = "") => `/t/${tambon.slug}${A}${path}`;
  const T = (req: FastifyRequest) => msg.t(req.lang);

  const choices = (tambonId: number) => partnerChoiceLists(db, tambonId);

  // ------------------------------------------------------------ home

  app.get(A, async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const r = { tambonId: tambon.id };
    if (!STAFF_ACTIONS.some((a) => can(req.actor, a, r))) throw forbidden(true);
    const t = T(req);
    const links: AdminLink[] = [];
    const add = (
      action: (typeof STAFF_ACTIONS)[number],
      path: string,
      label: NetKey,
      hint: NetKey,
      count?: number,
    ) => {
      if (can(req.actor, action, r))
        links.push({ href: url(tambon, path), label: t(label), hint: t(hint), count });
    };
    add("partner.create", "/partners", "admin.partners", "admin.partnersHint");
    add("network.lists", "/lists", "admin.lists", "admin.listsHint");
    add("agreement.manage", "/agreements", "admin.agreements", "admin.agreementsHint");
    add("link.manage", "/links", "admin.links", "admin.linksHint");
    add("centre.manage", "/centres", "admin.centres", "admin.centresHint");
    add(
      "visit.respond",
      "/visits",
      "admin.visits",
      "admin.visitsHint",
      await waitingVisits(db, tambon.id),
    );
    add("visit.request", "/outgoing", "admin.outgoing", "admin.outgoingHint");
    add("person.manage", "/people", "admin.people", "admin.peopleHint");
    return reply.page(t("admin.title", { tambon: tambon.nameTh }), <AdminHome links={links} />);
  });

  // ------------------------------------------------------------ lists

  app.get(`${A}/lists`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.lists", { tambonId: tambon.id });
    const [pillars, roles, kinds] = await Promise.all([
      listPillars(db, tambon.id, true),
      listTerms(db, tambon.id, "role", true),
      listTerms(db, tambon.id, "kind", true),
    ]);
    return reply.page(
      T(req)("admin.lists"),
      <ListsAdmin pillars={pillars} roles={roles} kinds={kinds} />,
    );
  });

  const listOf = (req: FastifyRequest, fallback: ListName): ListName => {
    const v = formBody(req).list ?? query(req).list;
    return v === "role" || v === "kind" ? v : fallback;
  };

  for (const segment of ["pillars", "lists"] as const) {
    const isPillar = segment === "pillars";
    app.get(`${A}/${segment}/new`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.lists", { tambonId: tambon.id });
      const list = isPillar ? "pillar" : listOf(req, "role");
      return reply.page(
        T(req)(
          list === "pillar"
            ? "lists.addPillar"
            : list === "role"
              ? "lists.addRole"
              : "lists.addKind",
        ),
        <ListItemPage
          list={list}
          form={emptyForm()}
          editing={null}
          action={url(tambon, `/${segment}`)}
        />,
      );
    });

    const findItem = async (tambonId: number, id: number) => {
      if (isPillar) {
        const [row] = await db
          .select()
          .from(networkPillars)
          .where(and(eq(networkPillars.id, id), eq(networkPillars.tambonId, tambonId)));
        const values: Record<string, string> = {
          descriptionTh: row?.descriptionTh ?? "",
          descriptionEn: row?.descriptionEn ?? "",
        };
        return row ? { item: row, list: "pillar" as ListName, values } : undefined;
      }
      const [row] = await db
        .select()
        .from(networkTerms)
        .where(and(eq(networkTerms.id, id), eq(networkTerms.tambonId, tambonId)));
      const values: Record<string, string> = {};
      return row ? { item: row, list: row.list as ListName, values } : undefined;
    };

    app.get(`${A}/${segment}/:id`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.lists", { tambonId: tambon.id });
      const found = await findItem(tambon.id, param(req));
      if (!found) throw notFound();
      const form = emptyForm({
        nameTh: found.item.nameTh,
        nameEn: found.item.nameEn,
        position: String(found.item.position),
        ...found.values,
      });
      return reply.page(
        T(req)("lists.editTitle", { name: found.item.nameTh }),
        <ListItemPage
          list={found.list}
          form={form}
          editing={found.item}
          action={url(tambon, `/${segment}/${found.item.id}`)}
        />,
      );
    });

    const save = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
      const tambon = currentTambon(req);
      authorize(req, "network.lists", { tambonId: tambon.id });
      const found = id ? await findItem(tambon.id, id) : undefined;
      if (id && !found) throw notFound();
      const list = found?.list ?? (isPillar ? "pillar" : listOf(req, "role"));
      const body = formBody(req);
      const result = await saveListItem(db, req.actor, tambon.id, list, body, found?.item.id);
      if (result.ok) return reply.seeOther(url(tambon, "/lists"), T(req)("flash.saved"));
      return reply.page(
        T(req)("lists.editTitle", { name: body.nameTh ?? "" }),
        <ListItemPage
          list={list}
          form={failedForm(body, result.errors, req.lang, msg)}
          editing={found?.item ?? null}
          action={found ? url(tambon, `/${segment}/${found.item.id}`) : url(tambon, `/${segment}`)}
        />,
        { status: 422 },
      );
    };
    app.post(`${A}/${segment}`, (req, reply) => save(req, reply));
    app.post(`${A}/${segment}/:id`, (req, reply) => save(req, reply, param(req)));
    app.post(`${A}/${segment}/:id/archive`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.lists", { tambonId: tambon.id });
      const found = await findItem(tambon.id, param(req));
      if (!found) throw notFound();
      const archived = formBody(req).archived === "1";
      await setListItemArchived(db, req.actor, tambon.id, found.list, found.item.id, archived);
      return reply.seeOther(
        url(tambon, "/lists"),
        `${found.item.nameTh} · ${T(req)(archived ? "lists.archived" : "flash.saved")}`,
      );
    });
  }

  // ------------------------------------------------------------ partners

  app.get(`${A}/partners`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "partner.create", { tambonId: tambon.id });
    const filter = partnerFilter(req, true);
    const [page, c] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, pageOf(req)),
      choices(tambon.id),
    ]);
    return reply.page(
      T(req)("admin.partners"),
      <AdminPartnerList page={page} filter={filter} choices={c} canCreate />,
    );
  });

  const partnerValues = (p: PartnerRow, contactUser: string): Record<string, string> => ({
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    kindId: p.kindId ? String(p.kindId) : "",
    roleId: p.roleId ? String(p.roleId) : "",
    pillarId: p.pillarId ? String(p.pillarId) : "",
    descriptionTh: p.descriptionTh,
    descriptionEn: p.descriptionEn,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    website: p.website,
    contactUser,
  });

  const partnerPage = async (
    req: FastifyRequest,
    form: FormState,
    editing: PartnerRow | null,
    villages: string[],
    areas: string[],
  ) => {
    const tambon = currentTambon(req);
    return (
      <PartnerForm
        form={form}
        editing={editing}
        choices={await choices(tambon.id)}
        villages={villages}
        areas={areas}
        canClassify={can(req.actor, "partner.classify", { tambonId: tambon.id })}
        isStaff={can(req.actor, "partner.create", { tambonId: tambon.id })}
      />
    );
  };

  app.get(`${A}/partners/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "partner.create", { tambonId: tambon.id });
    return reply.page(T(req)("partners.add"), await partnerPage(req, emptyForm(), null, [], []));
  });

  app.get(`${A}/partners/:id`, async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const partner = await partnerById(db, tambon.id, param(req));
    if (!partner) {
      authorize(req, "partner.create", { tambonId: tambon.id });
      throw notFound();
    }
    authorize(req, "partner.edit", { tambonId: tambon.id, ownerId: partner.contactUserId });
    const contact = partner.contactUserId
      ? await db.select().from(users).where(eq(users.id, partner.contactUserId))
      : [];
    const contactUser = contact[0]
      ? (contact[0].username ?? contact[0].phone ?? contact[0].email ?? "")
      : "";
    return reply.page(
      T(req)("partner.editTitle", { name: nameIn(partner, req.lang) }),
      await partnerPage(
        req,
        emptyForm(partnerValues(partner, contactUser)),
        partner,
        partner.villages.map((v) => String(v.id)),
        partner.areaIds.map(String),
      ),
    );
  });

  const savePartnerRoute = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const editing = id ? await partnerById(db, tambon.id, id) : null;
    if (id && !editing) {
      authorize(req, "partner.create", { tambonId: tambon.id });
      throw notFound();
    }
    if (editing)
      authorize(req, "partner.edit", { tambonId: tambon.id, ownerId: editing.contactUserId });
    else authorize(req, "partner.create", { tambonId: tambon.id });
    const body = formBody(req);
    const villages = formList(req, "villages");
    const areas = formList(req, "areas");
    const t = T(req);
    const file = await uploadedFile(req, "logo");
    let logo = null;
    let fileError: string | null = null;
    if (file) {
      logo = await prepareImage(file, 512);
      if (!logo) fileError = t("err.image", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
    }
    const result = fileError
      ? null
      : await savePartner(
          db,
          req.actor,
          tambon.id,
          body,
          { villages, areas, logo, removeLogo: body.removeLogo === "1", dataDir },
          editing?.id,
        );
    if (result?.ok) {
      const staff = can(req.actor, "partner.create", { tambonId: tambon.id });
      return reply.seeOther(
        staff ? url(tambon, "/partners") : `/t/${tambon.slug}/partners/${result.value.id}`,
        t("flash.partnerSaved", { name: body.nameTh ?? "" }),
      );
    }
    const errors = result ? translateErrors(result.errors, req.lang, msg) : {};
    if (fileError) errors.logo = fileError;
    return reply.page(
      t("partners.add"),
      await partnerPage(req, { values: body, errors }, editing ?? null, villages, areas),
      { status: 422 },
    );
  };
  app.post(`${A}/partners/new`, uploadRoute(MAX_IMAGE_BYTES), (req, reply) =>
    savePartnerRoute(req, reply),
  );
  app.post(`${A}/partners/:id`, uploadRoute(MAX_IMAGE_BYTES), (req, reply) =>
    savePartnerRoute(req, reply, param(req)),
  );

  app.post(`${A}/partners/:id/active`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "partner.create", { tambonId: tambon.id });
    const active = formBody(req).active === "1";
    if (!(await setPartnerActive(db, req.actor, tambon.id, param(req), active))) throw notFound();
    return reply.seeOther(
      url(tambon, `/partners/${param(req)}`),
      T(req)(active ? "flash.activated" : "flash.deactivated"),
    );
  });

  // ------------------------------------------------------------ agreements

  app.get(`${A}/agreements`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    const filter = agreementFilter(req, true);
    const page = await agreementList(db, tambon.id, filter, pageOf(req));
    return reply.page(
      T(req)("admin.agreements"),
      <AdminAgreementList page={page} filter={filter} />,
    );
  });

  app.get(`${A}/agreements/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    return reply.page(
      T(req)("agreements.add"),
      <NewAgreementPage form={emptyForm({ kind: "mou", status: "draft" })} />,
    );
  });

  const agreementValues = (
    a: NonNullable<Awaited<ReturnType<typeof agreementDetail>>>["agreement"],
  ) => ({
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    purposeTh: a.purposeTh,
    purposeEn: a.purposeEn,
    scopeTh: a.scopeTh,
    scopeEn: a.scopeEn,
    signedOn: a.signedOn ?? "",
    startsOn: a.startsOn ?? "",
    endsOn: a.endsOn ?? "",
    status: a.status,
  });

  const editAgreementPage = async (
    req: FastifyRequest,
    id: number,
    forms: { main?: FormState; party?: FormState; activity?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const detail = await agreementDetail(db, tambon.id, id);
    if (!detail) throw notFound();
    const [partnersList, pillars] = await Promise.all([
      partnerChoices(db, tambon.id),
      listPillars(db, tambon.id),
    ]);
    return {
      title: textIn(detail.agreement.titleTh, detail.agreement.titleEn, req.lang),
      body: (
        <EditAgreementPage
          detail={detail}
          form={forms.main ?? emptyForm(agreementValues(detail.agreement))}
          partyForm={
            forms.party ??
            emptyForm({ partyKind: detail.agreement.kind === "mou" ? "tambon" : "partner" })
          }
          activityForm={forms.activity ?? emptyForm()}
          tambons={deps.tambons.all()}
          partners={partnersList}
          pillars={pillars}
        />
      ),
    };
  };

  app.get(`${A}/agreements/:id`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    return render(reply, await editAgreementPage(req, param(req), {}));
  });

  const saveAgreementRoute = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    if (id && !(await agreementDetail(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const file = await uploadedFile(req, "document");
    const result = await saveAgreement(
      db,
      req.actor,
      tambon,
      body,
      { document: file, removeDocument: body.removeDocument === "1", dataDir },
      id,
    );
    const t = T(req);
    if (result.ok)
      return reply.seeOther(url(tambon, `/agreements/${result.value.id}`), t("flash.saved"));
    const form = failedForm(body, result.errors, req.lang, msg);
    if (id)
      return render(reply, { ...(await editAgreementPage(req, id, { main: form })), status: 422 });
    return reply.page(t("agreements.add"), <NewAgreementPage form={form} />, { status: 422 });
  };
  app.post(`${A}/agreements/new`, uploadRoute(MAX_PDF_BYTES), (req, reply) =>
    saveAgreementRoute(req, reply),
  );
  app.post(`${A}/agreements/:id`, uploadRoute(MAX_PDF_BYTES), (req, reply) =>
    saveAgreementRoute(req, reply, param(req)),
  );

  app.post(`${A}/agreements/:id/parties`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    const id = param(req);
    if (!(await agreementDetail(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const input = {
      ...body,
      dopaCode: (body.dopaCode ?? "").trim() || (body.platformTambon ?? ""),
    };
    const result = await addParty(db, req.actor, tambon.id, id, input, (code) =>
      deps.tambons.all().find((x) => x.dopaCode === code),
    );
    if (result.ok)
      return reply.seeOther(
        `${url(tambon, `/agreements/${id}`)}#parties`,
        T(req)("flash.partyAdded"),
      );
    return render(reply, {
      ...(await editAgreementPage(req, id, {
        party: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  });

  app.post(`${A}/agreements/:id/parties/:partyId/delete`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    const id = param(req);
    const result = await removeParty(db, req.actor, tambon.id, id, param(req, "partyId"));
    if (!result.ok) {
      throwIfDenied(result);
      return reply.seeOther(
        `${url(tambon, `/agreements/${id}`)}#parties`,
        translateErrors(result.errors, req.lang, msg)._form,
      );
    }
    return reply.seeOther(
      `${url(tambon, `/agreements/${id}`)}#parties`,
      T(req)("flash.partyRemoved"),
    );
  });

  app.post(`${A}/agreements/:id/activities`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    const id = param(req);
    if (!(await agreementDetail(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const result = await addActivity(db, req.actor, tambon.id, id, body);
    if (result.ok)
      return reply.seeOther(
        `${url(tambon, `/agreements/${id}`)}#activities`,
        T(req)("flash.saved"),
      );
    return render(reply, {
      ...(await editAgreementPage(req, id, {
        activity: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  });

  app.post(`${A}/agreements/:id/activities/:activityId/delete`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "agreement.manage", { tambonId: tambon.id });
    const id = param(req);
    if (!(await removeActivity(db, req.actor, tambon.id, id, param(req, "activityId"))))
      throw notFound();
    return reply.seeOther(
      `${url(tambon, `/agreements/${id}`)}#activities`,
      T(req)("flash.removed"),
    );
  });

  // ------------------------------------------------------------ links between tambons

  const linksPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const rows = await declarationsAbout(db, tambon.id, tambon.dopaCode);
    const own = rows.filter((r) => r.tambonId === tambon.id);
    const aboutUs = rows
      .filter((r) => r.tambonId !== tambon.id)
      .map((row) => {
        const from = deps.tambons.byId(row.tambonId);
        const confirmed =
          !!from &&
          own.some(
            (o) => o.otherDopaCode === from.dopaCode && o.relation === reciprocal(row.relation),
          );
        return { row, from, confirmed };
      });
    return <LinksAdmin own={own} aboutUs={aboutUs} tambons={deps.tambons.all()} form={form} />;
  };

  app.get(`${A}/links`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    return reply.page(T(req)("admin.links"), await linksPage(req, emptyForm()));
  });

  app.post(`${A}/links`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    const body = formBody(req);
    const input = {
      ...body,
      dopaCode: (body.dopaCode ?? "").trim() || (body.platformTambon ?? ""),
    };
    const result = await declareLink(db, req.actor, tambon, input);
    if (result.ok) return reply.seeOther(url(tambon, "/links"), T(req)("flash.saved"));
    return reply.page(
      T(req)("admin.links"),
      await linksPage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${A}/links/:id/delete`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    if (!(await removeLink(db, req.actor, tambon.id, param(req)))) throw notFound();
    return reply.seeOther(url(tambon, "/links"), T(req)("flash.removed"));
  });

  // ------------------------------------------------------------ learning centres

  app.get(`${A}/centres`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "centre.manage", { tambonId: tambon.id });
    const filter = centreFilter(req, true);
    const [page, areas, villages] = await Promise.all([
      centreList(db, tambon.id, filter, pageOf(req)),
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
    ]);
    return reply.page(
      T(req)("admin.centres"),
      <AdminCentreList page={page} filter={filter} areas={areas} villages={villages} />,
    );
  });

  const centreValues = (c: NonNullable<Awaited<ReturnType<typeof centreById>>>) => ({
    nameTh: c.nameTh,
    nameEn: c.nameEn,
    topicTh: c.topicTh,
    topicEn: c.topicEn,
    areaId: c.areaId ? String(c.areaId) : "",
    villageId: c.villageId ? String(c.villageId) : "",
    hostPartnerId: c.hostPartnerId ? String(c.hostPartnerId) : "",
    learnTh: c.learnTh,
    learnEn: c.learnEn,
    capacity: c.capacity ? String(c.capacity) : "",
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    acceptsVisits: c.acceptsVisits ? "1" : "",
    active: c.active ? "1" : "",
  });

  const centrePage = async (
    req: FastifyRequest,
    id: number | null,
    forms: { main?: FormState; photo?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const editing = id ? await centreById(db, tambon.id, id) : null;
    if (id && !editing) throw notFound();
    const [areas, villages, partnersList, photos] = await Promise.all([
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
      partnerChoices(db, tambon.id),
      editing ? centrePhotoList(db, tambon.id, editing.id) : Promise.resolve([]),
    ]);
    const t = T(req);
    return {
      title: editing
        ? t("centre.editTitle", { name: nameIn(editing, req.lang) })
        : t("centres.add"),
      body: (
        <CentreForm
          form={
            forms.main ??
            (editing ? emptyForm(centreValues(editing)) : emptyForm({ acceptsVisits: "1" }))
          }
          photoForm={forms.photo ?? emptyForm()}
          editing={editing ?? null}
          photos={photos}
          areas={areas}
          villages={villages}
          partners={partnersList}
        />
      ),
    };
  };

  app.get(`${A}/centres/new`, async (req, reply) => {
    authorize(req, "centre.manage", { tambonId: currentTambon(req).id });
    return render(reply, await centrePage(req, null, {}));
  });

  app.get(`${A}/centres/:id`, async (req, reply) => {
    authorize(req, "centre.manage", { tambonId: currentTambon(req).id });
    return render(reply, await centrePage(req, param(req), {}));
  });

  const saveCentreRoute = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = currentTambon(req);
    authorize(req, "centre.manage", { tambonId: tambon.id });
    if (id && !(await centreById(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const result = await saveCentre(db, req.actor, tambon.id, body, id);
    if (result.ok)
      return reply.seeOther(url(tambon, `/centres/${result.value.id}`), T(req)("flash.saved"));
    return render(reply, {
      ...(await centrePage(req, id ?? null, {
        main: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  };
  app.post(`${A}/centres/new`, (req, reply) => saveCentreRoute(req, reply));
  app.post(`${A}/centres/:id`, (req, reply) => saveCentreRoute(req, reply, param(req)));

  app.post(`${A}/centres/:id/photos`, uploadRoute(MAX_IMAGE_BYTES), async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "centre.manage", { tambonId: tambon.id });
    const id = param(req);
    if (!(await centreById(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const file = await uploadedFile(req, "photo");
    const image = file ? await prepareImage(file, 1600, 480) : null;
    const result = await addCentrePhoto(db, req.actor, tambon.id, id, image, body, dataDir);
    if (result.ok)
      return reply.seeOther(`${url(tambon, `/centres/${id}`)}#photos`, T(req)("flash.photoAdded"));
    const errors = translateErrors(result.errors, req.lang, msg);
    if (errors.photo) errors.photo = T(req)("err.image", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
    return render(reply, {
      ...(await centrePage(req, id, { photo: { values: body, errors } })),
      status: 422,
    });
  });

  app.post(`${A}/centres/:id/photos/:photoId/delete`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "centre.manage", { tambonId: tambon.id });
    const id = param(req);
    if (!(await removeCentrePhoto(db, req.actor, tambon.id, id, param(req, "photoId"), dataDir)))
      throw notFound();
    return reply.seeOther(`${url(tambon, `/centres/${id}`)}#photos`, T(req)("flash.removed"));
  });

  // ------------------------------------------------------------ study visits (host side)

  app.get(`${A}/visits`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    const filter = visitFilter(req);
    const page = await incomingVisits(db, tambon.id, filter, pageOf(req));
    return reply.page(
      T(req)("admin.visits"),
      <IncomingVisits page={page} filter={filter} canRecord />,
    );
  });

  const ownCentres = (tambonId: number) =>
    db
      .select({
        id: learningCentres.id,
        nameTh: learningCentres.nameTh,
        nameEn: learningCentres.nameEn,
      })
      .from(learningCentres)
      .where(and(eq(learningCentres.tambonId, tambonId), eq(learningCentres.active, true)));

  app.get(`${A}/visits/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    return reply.page(
      T(req)("visits.recordRequest"),
      <HostRequestForm form={emptyForm()} centres={await ownCentres(tambon.id)} />,
    );
  });

  app.post(`${A}/visits/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    const body = formBody(req);
    const centre = await centreById(db, tambon.id, parseId(body.centreId) ?? 0);
    const result = centre
      ? await requestVisit(db, req.actor, centre.id, body, { kind: "host" })
      : fail("centreId", "err.choice");
    if (result.ok)
      return reply.seeOther(url(tambon, `/visits/${result.value.id}`), T(req)("flash.saved"));
    return reply.page(
      T(req)("visits.recordRequest"),
      <HostRequestForm
        form={failedForm(body, result.errors, req.lang, msg)}
        centres={await ownCentres(tambon.id)}
      />,
      { status: 422 },
    );
  });

  const visitPage = async (
    req: FastifyRequest,
    forms: { answer?: FormState; record?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const visit = await visitById(db, tambon.id, param(req));
    if (!visit) throw notFound();
    return {
      title: T(req)("visit.title", { group: visit.groupName }),
      body: (
        <VisitPage
          visit={visit}
          requester={
            visit.requestingTambonId ? (deps.tambons.byId(visit.requestingTambonId) ?? null) : null
          }
          answerForm={forms.answer ?? emptyForm()}
          recordForm={
            forms.record ??
            emptyForm({
              visitedOn: visit.visitedOn ?? visit.requestedOn,
              visitorsCount: String(visit.visitorsCount ?? visit.groupSize),
              learnedTh: visit.learnedTh,
              learnedEn: visit.learnedEn,
            })
          }
        />
      ),
    };
  };

  app.get(`${A}/visits/:id`, async (req, reply) => {
    authorize(req, "visit.respond", { tambonId: currentTambon(req).id });
    return render(reply, await visitPage(req, {}));
  });

  app.post(`${A}/visits/:id/answer`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await answerVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok)
      return reply.seeOther(
        url(tambon, `/visits/${param(req)}`),
        T(req)(`flash.answer.${body.answer as "accept"}`),
      );
    return render(reply, {
      ...(await visitPage(req, { answer: failedForm(body, result.errors, req.lang, msg) })),
      status: 422,
    });
  });

  app.post(`${A}/visits/:id/record`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await recordVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok)
      return reply.seeOther(url(tambon, `/visits/${param(req)}`), T(req)("flash.visitRecorded"));
    return render(reply, {
      ...(await visitPage(req, { record: failedForm(body, result.errors, req.lang, msg) })),
      status: 422,
    });
  });

  // ------------------------------------------------------------ study visits (requesting side)

  const hostsOf = (rows: { tambonId: number }[]) => {
    const m = new Map<number, Tambon>();
    for (const r of rows) {
      const h = deps.tambons.byId(r.tambonId);
      if (h) m.set(h.id, h);
    }
    return m;
  };

  const outgoingPage = async (
    req: FastifyRequest,
    error: { id: number; message: string } | null,
  ) => {
    const tambon = currentTambon(req);
    const filter = visitFilter(req);
    const page = await outgoingVisits(db, tambon.id, filter, pageOf(req));
    return <OutgoingVisits page={page} filter={filter} hosts={hostsOf(page.items)} error={error} />;
  };

  app.get(`${A}/outgoing`, async (req, reply) => {
    authorize(req, "visit.request", { tambonId: currentTambon(req).id });
    return reply.page(T(req)("admin.outgoing"), await outgoingPage(req, null));
  });

  const requestForm = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const centres = await centresOpenToVisits(db, tambon.id);
    const groups: { tambon: Tambon; centres: typeof centres }[] = [];
    for (const c of centres) {
      const host = deps.tambons.byId(c.tambonId);
      if (!host) continue;
      let g = groups.find((x) => x.tambon.id === host.id);
      if (!g) groups.push((g = { tambon: host, centres: [] }));
      g.centres.push(c);
    }
    groups.sort((a, b) => a.tambon.nameTh.localeCompare(b.tambon.nameTh, "th"));
    return <OutgoingRequestForm form={form} groups={groups} />;
  };

  app.get(`${A}/outgoing/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const centre = query(req).centre ?? "";
    return reply.page(
      T(req)("visits.newRequest"),
      await requestForm(req, emptyForm({ centreId: /^\d+$/.test(centre) ? centre : "" })),
    );
  });

  app.post(`${A}/outgoing/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const body = formBody(req);
    const result = await requestVisit(db, req.actor, parseId(body.centreId) ?? 0, body, {
      kind: "tambon",
      requester: tambon,
    });
    if (result.ok) return reply.seeOther(url(tambon, "/outgoing"), T(req)("flash.requestSent"));
    return reply.page(
      T(req)("visits.newRequest"),
      await requestForm(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${A}/outgoing/:id/reply`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const body = formBody(req);
    const id = param(req);
    const result = await replyToVisit(db, req.actor, tambon.id, id, body);
    if (result.ok)
      return reply.seeOther(`${url(tambon, "/outgoing")}#v-${id}`, T(req)("flash.replied"));
    const errors = translateErrors(result.errors, req.lang, msg);
    throwIfDenied(result);
    return reply.page(
      T(req)("admin.outgoing"),
      await outgoingPage(req, { id, message: Object.values(errors)[0] ?? "" }),
      { status: 422 },
    );
  });

  // ------------------------------------------------------------ people

  app.get(`${A}/people`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "person.manage", { tambonId: tambon.id });
    const q = query(req);
    const role = q.role === "facilitator" || isCommunityRole(q.role) ? q.role : "";
    const page = await peopleList(db, tambon.id, { q: searchOf(q), role }, pageOf(req));
    return reply.page(
      T(req)("admin.people"),
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
            profile:
              forms.profile ??
              emptyForm({
                publicConsent: profile?.publicConsent ? "1" : "",
                titleTh: profile?.titleTh ?? "",
                titleEn: profile?.titleEn ?? "",
                bioTh: profile?.bioTh ?? "",
                bioEn: profile?.bioEn ?? "",
              }),
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

  app.get(`${A}/people/:id`, async (req, reply) => {
    authorize(req, "person.manage", { tambonId: currentTambon(req).id });
    return render(reply, await personPage(req, {}));
  });

  const personPost = (
    path: string,
    run: (
      req: FastifyRequest,
      tambonId: number,
      userId: number,
    ) => Promise<Result<unknown, NetKey | CoreKey> | boolean>,
    form: "profile" | "role" | "affiliation" | null,
    anchor: string,
  ) =>
    app.post(`${A}/people/:id${path}`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "person.manage", { tambonId: tambon.id });
      const userId = param(req);
      if (!(await memberOf(db, tambon.id, userId))) throw notFound();
      const result = await run(req, tambon.id, userId);
      if (result === true || (typeof result === "object" && result.ok))
        return reply.seeOther(
          `${url(tambon, `/people/${userId}`)}#${anchor}`,
          T(req)("flash.saved"),
        );
      if (result === false || !form) throw notFound();
      return render(reply, {
        ...(await personPage(req, {
          [form]: failedForm(formBody(req), result.errors, req.lang, msg),
        })),
        status: 422,
      });
    });

  personPost(
    "/profile",
    (req, tambonId, userId) => saveProfile(db, req.actor, tambonId, userId, formBody(req)),
    "profile",
    "profile",
  );
  personPost(
    "/roles",
    (req, tambonId, userId) => addPersonRole(db, req.actor, tambonId, userId, formBody(req)),
    "role",
    "roles",
  );
  personPost(
    "/roles/:roleId/delete",
    (req, tambonId, userId) =>
      removePersonRole(db, req.actor, tambonId, userId, param(req, "roleId")),
    null,
    "roles",
  );
  personPost(
    "/affiliations",
    (req, tambonId, userId) => addAffiliation(db, req.actor, tambonId, userId, formBody(req)),
    "affiliation",
    "affiliations",
  );
  personPost(
    "/affiliations/:affiliationId/delete",
    (req, tambonId, userId) =>
      removeAffiliation(db, req.actor, tambonId, userId, param(req, "affiliationId")),
    null,
    "affiliations",
  );
  personPost(
    "/reach",
    (req, tambonId, userId) =>
      setFacilitatorReach(
        db,
        req.actor,
        tambonId,
        userId,
        formList(req, "villages"),
        formList(req, "areas"),
      ),
    null,
    "reach",
  );

  // ------------------------------------------------------------ my profile

  const myPage = async (req: FastifyRequest, form: FormState | null) => {
    const tambon = currentTambon(req);
    const user = requireUser(req);
    authorize(req, "person.self", { tambonId: tambon.id, ownerId: user.id });
    if (!(await memberOf(db, tambon.id, user.id))) throw notFound();
    const net = await personNetwork(db, tambon.id, user.id);
    const p = net.profile;
    return (
      <MyProfile
        form={
          form ??
          emptyForm({
            publicConsent: p?.publicConsent ? "1" : "",
            titleTh: p?.titleTh ?? "",
            titleEn: p?.titleEn ?? "",
            bioTh: p?.bioTh ?? "",
            bioEn: p?.bioEn ?? "",
          })
        }
        net={net}
      />
    );
  };

  app.get(`${A}/my-profile`, async (req, reply) => {
    return reply.page(T(req)("me.title"), await myPage(req, null));
  });

  app.post(`${A}/my-profile`, async (req, reply) => {
    const tambon = currentTambon(req);
    const user = requireUser(req);
    authorize(req, "person.self", { tambonId: tambon.id, ownerId: user.id });
    const body = formBody(req);
    const result = await saveProfile(db, req.actor, tambon.id, user.id, body);
    if (result.ok) return reply.seeOther(url(tambon, "/my-profile"), T(req)("flash.saved"));
    return reply.page(
      T(req)("me.title"),
      await myPage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });
}
