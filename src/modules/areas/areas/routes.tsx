import type { FastifyInstance, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { orThrow, throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { sectionsOn } from "../../../core/install.ts";
import { msg } from "../messages.ts";
import { areaName, getArea, listAllAreas, listAreas, type Area } from "./queries.ts";
import { saveArea, setAreaArchived } from "./commands.ts";
import { AreaAdmin, AreaList, AreaPage, areaValues } from "./views.tsx";
import { confirmFirstWhen } from "../../../core/confirmation.tsx";

/** Issue areas: the public list and page per area; the administration's list and form. */
export function areaRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function findArea(tambonId: number, id: string): Promise<Area> {
    const area = await getArea(db, tambonId, requireId(id));
    if (!area) throw notFound();
    return area;
  }

  app.get("/areas", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.read");
    return reply.page(
      msg.t(req.lang)("areas.title"),
      <AreaList areas={await listAreas(db, tambon.id)} />,
    );
  });

  app.get<{ Params: { id: string } }>("/areas/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.read");
    const area = await findArea(tambon.id, req.params.id);
    // Other modules' sections (teams, meetings, proposals …), declared in their manifests.
    const sections = await Promise.all(
      sectionsOn("areas.area").map(async (s) => ({
        id: s.id,
        title: s.title(req.lang),
        items: await s.load(db, tambon, req.lang, area.id),
      })),
    );
    return reply.page(areaName(area, req.lang), <AreaPage area={area} sections={sections} />);
  });

  const adminPage = async (req: FastifyRequest, form: FormState, editing: Area | null) => (
    <AreaAdmin
      areas={await listAllAreas(db, currentTambon(req).id)}
      form={form}
      editing={editing}
    />
  );

  app.get("/admin/areas", async (req, reply) => {
    allowedTambon(req, "area.manage");
    return reply.page(msg.t(req.lang)("areas.manage"), await adminPage(req, emptyForm(), null));
  });

  app.get<{ Params: { id: string } }>("/admin/areas/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "area.manage");
    const area = await findArea(tambon.id, req.params.id);
    return reply.page(
      msg.t(req.lang)("areas.edit"),
      await adminPage(req, emptyForm(areaValues(area)), area),
    );
  });

  type Saved = { redirect: string; flash: string } | { title: string; page: JSX.Element };

  /** Saves the form (a new area, or `id`'s): back to the list, or the form again at 422. */
  async function save(req: FastifyRequest, id?: string): Promise<Saved> {
    const tambon = allowedTambon(req, "area.manage");
    const editing = id === undefined ? null : await findArea(tambon.id, id);
    const body = formBody(req);
    const result = throwIfDenied(await saveArea(db, req.actor, tambon.id, body, editing?.id));
    const t = msg.t(req.lang);
    if (result.ok) return { redirect: `/t/${tambon.slug}/admin/areas`, flash: t("areas.saved") };
    const form = failedForm(body, result.errors, req.lang, msg);
    return {
      title: t(editing ? "areas.edit" : "areas.manage"),
      page: await adminPage(req, form, editing),
    };
  }

  app.post("/admin/areas", async (req, reply) => {
    const r = await save(req);
    if ("redirect" in r) return reply.seeOther(r.redirect, r.flash);
    return reply.page(r.title, r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/admin/areas/:id", async (req, reply) => {
    const r = await save(req, req.params.id);
    if ("redirect" in r) return reply.seeOther(r.redirect, r.flash);
    return reply.page(r.title, r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>(
    "/admin/areas/:id/archive",
    confirmFirstWhen((b) => b.archived === "1"),
    async (req, reply) => {
      const tambon = allowedTambon(req, "area.manage");
      const archived = formBody(req).archived === "1";
      const area = orThrow(
        await setAreaArchived(db, req.actor, tambon.id, requireId(req.params.id), archived),
      );
      return reply.seeOther(
        `/t/${tambon.slug}/admin/areas`,
        `${area.nameTh} · ${msg.t(req.lang)(archived ? "areas.archived" : "areas.saved")}`,
      );
    },
  );
}
