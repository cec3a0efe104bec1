import { pageOf } from "../../../core/params.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize, currentTambon, formBody, formList, requireUser } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { nameIn } from "../shared/lists.ts";
import { translateErrors, orThrow } from "../../../core/result.ts";
import { MAX_IMAGE_BYTES, prepareImage, uploadRoute, uploadedFile } from "../uploads.ts";
import { contactIdentifier, partnerById, partnerDirectory, type PartnerRow } from "./queries.ts";
import { savePartner, setPartnerActive } from "./commands.ts";
import { AdminPartnerList, PartnerForm } from "./admin-views.tsx";
import { formValues, param, partnerChoiceLists, partnerFilter } from "../shared/helpers.ts";
import { ADMIN, adminUrl, allowedTambon, netText } from "../shared/route-kit.ts";

export async function partnerAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const choices = (tambonId: number) => partnerChoiceLists(db, tambonId);

  app.get(`${ADMIN}/partners`, async (req, reply) => {
    const tambon = allowedTambon(req, "partner.create");
    const filter = partnerFilter(req, true);
    const [page, c] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, pageOf(req)),
      choices(tambon.id),
    ]);
    return reply.page(
      netText(req)("admin.partners"),
      <AdminPartnerList page={page} filter={filter} choices={c} canCreate />,
    );
  });

  const partnerValues = (p: PartnerRow, contactUser: string): Record<string, string> => ({
    ...formValues(p, [
      "nameTh",
      "nameEn",
      "kindId",
      "roleId",
      "pillarId",
      "descriptionTh",
      "descriptionEn",
      "contactName",
      "contactPhone",
      "contactEmail",
      "website",
    ]),
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

  app.get(`${ADMIN}/partners/new`, async (req, reply) => {
    allowedTambon(req, "partner.create");
    return reply.page(
      netText(req)("partners.add"),
      await partnerPage(req, emptyForm(), null, [], []),
    );
  });

  app.get(`${ADMIN}/partners/:id`, async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const partner = await partnerById(db, tambon.id, param(req));
    if (!partner) {
      authorize(req, "partner.create", { tambonId: tambon.id });
      throw notFound();
    }
    authorize(req, "partner.edit", { tambonId: tambon.id, ownerId: partner.contactUserId });
    const contactUser = await contactIdentifier(db, partner.contactUserId);
    return reply.page(
      netText(req)("partner.editTitle", { name: nameIn(partner, req.lang) }),
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
    const t = netText(req);
    const file = await uploadedFile(req, "logo");
    let logo = null;
    let fileError: string | null = null;
    if (file) {
      logo = await prepareImage(file, 512);
      if (!logo) fileError = t("err.picture", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
    }
    const result = fileError
      ? null
      : await savePartner(
          db,
          req.actor,
          tambon.id,
          body,
          { villages, areas, logo, removeLogo: body.removeLogo === "1" },
          editing?.id,
        );
    if (result?.ok) {
      const staff = can(req.actor, "partner.create", { tambonId: tambon.id });
      return reply.seeOther(
        staff ? adminUrl(tambon, "/partners") : `/t/${tambon.slug}/partners/${result.value.id}`,
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
  app.post(`${ADMIN}/partners/new`, uploadRoute(MAX_IMAGE_BYTES), (req, reply) =>
    savePartnerRoute(req, reply),
  );
  app.post(`${ADMIN}/partners/:id`, uploadRoute(MAX_IMAGE_BYTES), (req, reply) =>
    savePartnerRoute(req, reply, param(req)),
  );

  app.post(`${ADMIN}/partners/:id/active`, async (req, reply) => {
    const tambon = allowedTambon(req, "partner.create");
    const active = formBody(req).active === "1";
    orThrow(await setPartnerActive(db, req.actor, tambon.id, param(req), active));
    return reply.seeOther(
      adminUrl(tambon, `/partners/${param(req)}`),
      netText(req)(active ? "flash.activated" : "flash.deactivated"),
    );
  });
}
