import type { ModuleDeps } from "../../../core/modules.ts";
import { pageOf } from "../../../core/params.ts";
import { render, centreFilter, formValues, param } from "../shared/helpers.ts";
import { ADMIN, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { nameIn } from "../shared/lists.ts";
import { translateErrors, orThrow } from "../../../core/result.ts";
import { MAX_IMAGE_BYTES, prepareImage, uploadRoute, uploadedFile } from "../uploads.ts";
import { centreById, centreList, centrePhotoList } from "./queries.ts";
import { listVillages } from "../lists/queries.ts";
import { partnerChoices } from "../partners/queries.ts";
import { addCentrePhoto, removeCentrePhoto, saveCentre } from "./commands.ts";
import { AdminCentreList, CentreForm } from "./admin-views.tsx";
import { CENTRE_FIELDS } from "./fields.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";
export async function centreAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get(`${ADMIN}/centres`, async (req, reply) => {
    const tambon = allowedTambon(req, "centre.manage");
    const filter = centreFilter(req, true);
    const [page, areas, villages] = await Promise.all([
      centreList(db, tambon.id, filter, pageOf(req)),
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
    ]);
    return reply.page(
      netText(req)("admin.centres"),
      <AdminCentreList page={page} filter={filter} areas={areas} villages={villages} />,
    );
  });

  const centreValues = (c: NonNullable<Awaited<ReturnType<typeof centreById>>>) =>
    formValues(c, [...CENTRE_FIELDS, "contactPhone", "contactEmail", "acceptsVisits", "active"]);

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
    const t = netText(req);
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

  app.get(`${ADMIN}/centres/new`, async (req, reply) => {
    allowedTambon(req, "centre.manage");
    return render(reply, await centrePage(req, null, {}));
  });

  app.get(`${ADMIN}/centres/:id`, async (req, reply) => {
    allowedTambon(req, "centre.manage");
    return render(reply, await centrePage(req, param(req), {}));
  });

  const saveCentreRoute = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = allowedTambon(req, "centre.manage");
    if (id && !(await centreById(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const result = await saveCentre(db, req.actor, tambon.id, body, id);
    if (result.ok) return toAdmin(reply, req, `/centres/${result.value.id}`, "flash.saved");
    return render(reply, {
      ...(await centrePage(req, id ?? null, {
        main: failedForm(body, result.errors, req.lang, msg),
      })),
      status: 422,
    });
  };
  app.post(`${ADMIN}/centres/new`, (req, reply) => saveCentreRoute(req, reply));
  app.post(`${ADMIN}/centres/:id`, (req, reply) => saveCentreRoute(req, reply, param(req)));

  app.post(`${ADMIN}/centres/:id/photos`, uploadRoute(MAX_IMAGE_BYTES), async (req, reply) => {
    const tambon = allowedTambon(req, "centre.manage");
    const id = param(req);
    if (!(await centreById(db, tambon.id, id))) throw notFound();
    const body = formBody(req);
    const file = await uploadedFile(req, "photo");
    const image = file ? await prepareImage(file, 1600, 480) : null;
    const result = await addCentrePhoto(db, req.actor, tambon.id, id, image, body);
    if (result.ok) return toAdmin(reply, req, `/centres/${id}`, "flash.photoAdded", "#photos");
    const errors = translateErrors(result.errors, req.lang, msg);
    if (errors.photo)
      errors.photo = netText(req)("err.picture", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
    return render(reply, {
      ...(await centrePage(req, id, { photo: { values: body, errors } })),
      status: 422,
    });
  });

  app.post(`${ADMIN}/centres/:id/photos/:photoId/delete`, confirmFirst, async (req, reply) => {
    const tambon = allowedTambon(req, "centre.manage");
    const id = param(req);
    orThrow(await removeCentrePhoto(db, req.actor, tambon.id, id, param(req, "photoId")));
    return toAdmin(reply, req, `/centres/${id}`, "flash.removed", "#photos");
  });
}
