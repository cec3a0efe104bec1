import type { FastifyInstance, FastifyRequest } from "fastify";
import { and, asc, eq } from "drizzle-orm";
import type { ModuleDeps } from "../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../core/http.ts";
import { useCtx } from "../../core/views/ctx.ts";
import { ErrorSummary, Field, Form, emptyForm, type FormState } from "../../core/views/form.tsx";
import { translateErrors } from "../../core/result.ts";
import { notFound } from "../../core/errors.ts";
import { requireId } from "../../core/params.ts";
import { core } from "../../core/i18n/messages.ts";
import { msg } from "./messages.ts";
import { getArea, listAreas } from "./public.ts";
import { sectionsOn } from "../../core/install.ts";
import type { LinkItem as AreaItem } from "../../core/modules.ts";
import { areaName, type Area } from "./area.ts";
import { issueAreas } from "./schema.ts";
import { saveArea, setAreaArchived } from "./commands/save-area.ts";

function AreaList({ areas }: { areas: Area[] }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  return (
    <>
      <h1>{t("areas.title")}</h1>
      <p>{t("areas.intro")}</p>
      {areas.length === 0 ? (
        <p>{t("areas.none")}</p>
      ) : (
        <ul class="cards">
          {areas.map((a) => (
            <li key={a.id}>
              <h2>
                <a href={`/t/${tambon!.slug}/areas/${a.id}`}>{areaName(a, lang)}</a>
              </h2>
              {(lang === "en" ? a.descriptionEn || a.descriptionTh : a.descriptionTh) && (
                <p>{lang === "en" ? a.descriptionEn || a.descriptionTh : a.descriptionTh}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AreaPage({
  area,
  sections,
}: {
  area: Area;
  sections: { id: string; title: string; items: AreaItem[] }[];
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const description = lang === "en" ? area.descriptionEn || area.descriptionTh : area.descriptionTh;
  const filled = sections.filter((s) => s.items.length > 0);
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/areas`}>← {t("areas.title")}</a>
      </p>
      <h1>{areaName(area, lang)}</h1>
      {area.archivedAt && <p class="badge">{t("areas.archived")}</p>}
      {description && <p>{description}</p>}
      {filled.length === 0 ? (
        <p class="muted">{t("areas.nothingYet")}</p>
      ) : (
        filled.map((s) => (
          <section key={s.id} aria-labelledby={`sec-${s.id}`}>
            <h2 id={`sec-${s.id}`}>{s.title}</h2>
            <ul>
              {s.items.map((i) => (
                <li key={i.href}>
                  <a href={i.href}>{i.title}</a>
                  {i.meta && <span class="muted"> · {i.meta}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

function AreaAdmin({
  areas,
  form,
  editing,
}: {
  areas: Area[];
  form: FormState;
  editing: Area | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const base = `/t/${tambon!.slug}/admin/areas`;
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin`}>← {ct("admin.back")}</a>
      </p>
      <h1>{t("areas.manage")}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("areas.position")}</th>
              <th scope="col">{t("areas.nameTh")}</th>
              <th scope="col">{t("areas.nameEn")}</th>
              <th scope="col">
                <span class="muted">{t("areas.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <td>{a.position}</td>
                <td>
                  {a.nameTh} {a.archivedAt && <span class="badge">{t("areas.archived")}</span>}
                </td>
                <td>{a.nameEn}</td>
                <td class="actions">
                  <a href={`${base}/${a.id}`}>{t("areas.edit")}</a>
                  <Form action={`${base}/${a.id}/archive`}>
                    <input type="hidden" name="archived" value={a.archivedAt ? "0" : "1"} />
                    <button type="submit" class="secondary">
                      {a.archivedAt ? t("areas.restore") : t("areas.archive")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{editing ? t("areas.edit") : t("areas.add")}</h2>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${base}/${editing.id}` : base}
        label={editing ? t("areas.edit") : t("areas.add")}
      >
        <Field form={form} name="nameTh" label={t("areas.nameTh")} required maxLength={120} />
        <Field form={form} name="nameEn" label={t("areas.nameEn")} maxLength={120} />
        <Field form={form} name="descriptionTh" label={t("areas.descriptionTh")} />
        <Field form={form} name="descriptionEn" label={t("areas.descriptionEn")} />
        <Field
          form={form}
          name="position"
          type="number"
          label={t("areas.position")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

const values = (a: Area) => ({
  nameTh: a.nameTh,
  nameEn: a.nameEn,
  descriptionTh: a.descriptionTh,
  descriptionEn: a.descriptionEn,
  position: String(a.position),
});

/** Routes of the issue-areas module, mounted under /t/:tambon. */
export async function areaRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const allAreas = (tambonId: number) =>
    db
      .select()
      .from(issueAreas)
      .where(eq(issueAreas.tambonId, tambonId))
      .orderBy(asc(issueAreas.position), asc(issueAreas.id));

  app.get("/areas", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("areas.title"),
      <AreaList areas={await listAreas(db, tambon.id)} />,
    );
  });

  app.get<{ Params: { id: string } }>("/areas/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    const area = await getArea(db, tambon.id, requireId(req.params.id));
    if (!area) throw notFound();
    const sections = await Promise.all(
      sectionsOn("areas.area").map(async (s) => ({
        id: s.id,
        title: s.title(req.lang),
        items: await s.load(db, tambon.id, req.lang, area.id),
      })),
    );
    return reply.page(areaName(area, req.lang), <AreaPage area={area} sections={sections} />);
  });

  const adminPage = async (req: FastifyRequest, form: FormState, editing: Area | null) => (
    <AreaAdmin areas={await allAreas(currentTambon(req).id)} form={form} editing={editing} />
  );

  app.get("/admin/areas", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "area.manage", { tambonId: tambon.id });
    return reply.page(msg.t(req.lang)("areas.manage"), await adminPage(req, emptyForm(), null));
  });

  app.get<{ Params: { id: string } }>("/admin/areas/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "area.manage", { tambonId: tambon.id });
    const area = await getArea(db, tambon.id, requireId(req.params.id));
    if (!area) throw notFound();
    return reply.page(
      msg.t(req.lang)("areas.edit"),
      await adminPage(req, emptyForm(values(area)), area),
    );
  });

  const save = async (req: FastifyRequest, id?: number) => {
    const tambon = currentTambon(req);
    authorize(req, "area.manage", { tambonId: tambon.id });
    const editing = id === undefined ? null : ((await getArea(db, tambon.id, id)) ?? null);
    if (id !== undefined && !editing) throw notFound();
    const body = formBody(req);
    const result = await saveArea(db, req.actor, tambon.id, body, editing?.id);
    const t = msg.t(req.lang);
    if (result.ok) return { redirect: `/t/${tambon.slug}/admin/areas`, flash: t("areas.saved") };
    const errors =
      "duplicate" in result
        ? { nameTh: t("areas.duplicate") }
        : translateErrors(result.errors, req.lang);
    return { page: await adminPage(req, { values: body, errors }, editing) };
  };

  app.post("/admin/areas", async (req, reply) => {
    const r = await save(req);
    if ("redirect" in r) return reply.seeOther(r.redirect!, r.flash);
    return reply.page(msg.t(req.lang)("areas.manage"), r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/admin/areas/:id", async (req, reply) => {
    const r = await save(req, requireId(req.params.id));
    if ("redirect" in r) return reply.seeOther(r.redirect!, r.flash);
    return reply.page(msg.t(req.lang)("areas.edit"), r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/admin/areas/:id/archive", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "area.manage", { tambonId: tambon.id });
    const archived = formBody(req).archived === "1";
    const done = await setAreaArchived(
      db,
      req.actor,
      tambon.id,
      requireId(req.params.id),
      archived,
    );
    if (!done) throw notFound();
    const [area] = await db
      .select()
      .from(issueAreas)
      .where(and(eq(issueAreas.id, requireId(req.params.id)), eq(issueAreas.tambonId, tambon.id)));
    return reply.seeOther(
      `/t/${tambon.slug}/admin/areas`,
      `${area?.nameTh ?? ""} · ${msg.t(req.lang)(archived ? "areas.archived" : "areas.saved")}`,
    );
  });
}
