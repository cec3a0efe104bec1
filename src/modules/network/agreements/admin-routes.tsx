import type { ModuleDeps } from "../../../core/modules.ts";
import { pageOf } from "../../../core/params.ts";
import { render, agreementFilter, formValues, param } from "../shared/helpers.ts";
import { ADMIN, adminUrl, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { textIn } from "../shared/lists.ts";
import { throwIfDenied, translateErrors, orThrow } from "../../../core/result.ts";
import { MAX_PDF_BYTES, uploadRoute, uploadedFile } from "../uploads.ts";
import { agreementDetail, agreementList } from "./queries.ts";
import { listPillars } from "../lists/queries.ts";
import { partnerChoices } from "../partners/queries.ts";
import { saveAgreement } from "./commands.ts";
import { addActivity, removeActivity } from "./activity-commands.ts";
import { addParty, removeParty } from "./party-commands.ts";
import { AdminAgreementList, NewAgreementPage } from "./admin-views.tsx";
import { EditAgreementPage } from "./edit-views.tsx";
import { AGREEMENT_FIELDS } from "./fields.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";
export async function agreementAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get(`${ADMIN}/agreements`, async (req, reply) => {
    const tambon = allowedTambon(req, "agreement.manage");
    const filter = agreementFilter(req, true);
    const page = await agreementList(db, tambon.id, filter, pageOf(req));
    return reply.page(
      netText(req)("admin.agreements"),
      <AdminAgreementList page={page} filter={filter} />,
    );
  });

  app.get(`${ADMIN}/agreements/new`, async (req, reply) => {
    allowedTambon(req, "agreement.manage");
    return reply.page(
      netText(req)("agreements.add"),
      <NewAgreementPage form={emptyForm({ kind: "mou", status: "draft" })} />,
    );
  });

  const agreementValues = (
    a: NonNullable<Awaited<ReturnType<typeof agreementDetail>>>["agreement"],
  ) => formValues(a, [...AGREEMENT_FIELDS, "status"]);

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

  app.get(`${ADMIN}/agreements/:id`, async (req, reply) => {
    allowedTambon(req, "agreement.manage");
    return render(reply, await editAgreementPage(req, param(req), {}));
  });

  const saveAgreementRoute = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = allowedTambon(req, "agreement.manage");
    if (id && !(await agreementDetail(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const file = await uploadedFile(req, "document");
    const result = await saveAgreement(
      db,
      req.actor,
      tambon,
      body,
      { document: file, removeDocument: body.removeDocument === "1" },
      id,
    );
    const t = netText(req);
    if (result.ok)
      return reply.seeOther(adminUrl(tambon, `/agreements/${result.value.id}`), t("flash.saved"));
    const form = failedForm(body, result.errors, req.lang, msg);
    if (id)
      return render(reply, { ...(await editAgreementPage(req, id, { main: form })), status: 422 });
    return reply.page(t("agreements.add"), <NewAgreementPage form={form} />, { status: 422 });
  };
  app.post(`${ADMIN}/agreements/new`, uploadRoute(MAX_PDF_BYTES), (req, reply) =>
    saveAgreementRoute(req, reply),
  );
  app.post(`${ADMIN}/agreements/:id`, uploadRoute(MAX_PDF_BYTES), (req, reply) =>
    saveAgreementRoute(req, reply, param(req)),
  );

  app.post(`${ADMIN}/agreements/:id/parties`, async (req, reply) => {
    const tambon = allowedTambon(req, "agreement.manage");
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
    if (result.ok) return toAdmin(reply, req, `/agreements/${id}`, "flash.partyAdded", "#parties");
    return render(reply, {
      ...(await editAgreementPage(req, id, {
        party: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  });

  app.post(`${ADMIN}/agreements/:id/parties/:partyId/delete`, confirmFirst, async (req, reply) => {
    const tambon = allowedTambon(req, "agreement.manage");
    const id = param(req);
    const result = await removeParty(db, req.actor, tambon.id, id, param(req, "partyId"));
    if (!result.ok) {
      throwIfDenied(result);
      return reply.seeOther(
        `${adminUrl(tambon, `/agreements/${id}`)}#parties`,
        translateErrors(result.errors, req.lang, msg)._form,
      );
    }
    return toAdmin(reply, req, `/agreements/${id}`, "flash.partyRemoved", "#parties");
  });

  app.post(`${ADMIN}/agreements/:id/activities`, async (req, reply) => {
    const tambon = allowedTambon(req, "agreement.manage");
    const id = param(req);
    if (!(await agreementDetail(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const result = await addActivity(db, req.actor, tambon.id, id, body);
    if (result.ok) return toAdmin(reply, req, `/agreements/${id}`, "flash.saved", "#activities");
    return render(reply, {
      ...(await editAgreementPage(req, id, {
        activity: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  });

  app.post(
    `${ADMIN}/agreements/:id/activities/:activityId/delete`,
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "agreement.manage");
      const id = param(req);
      orThrow(await removeActivity(db, req.actor, tambon.id, id, param(req, "activityId")));
      return toAdmin(reply, req, `/agreements/${id}`, "flash.removed", "#activities");
    },
  );
}
