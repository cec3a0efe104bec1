import { linkTargets } from "../shared/queries.ts";
import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { itaItems } from "../schema.ts";
import { base, edit, idOf, oneUpload, t } from "../shared/helpers.tsx";
import { TransparencyAdmin } from "./views.tsx";
import { DOCUMENT_UPLOAD } from "../shared/uploads.ts";
import { linkItaItem, loadItaList } from "./commands.ts";
import { msg } from "../messages.ts";
import { notFound } from "../../../core/errors.ts";
import { itaYear } from "./queries.ts";
import { SHIPPED_YEARS, shippedList } from "./lists.ts";
import { fail } from "../../../core/result.ts";
import { pick } from "../../../core/pick.ts";

/** Administration of transparency, mounted under /t/:tambon. */
export async function transparencyAdminRoutes(
  app: FastifyInstance,
  deps: ModuleDeps,
): Promise<void> {
  const db = deps.database.db;

  // Transparency.
  const itaPage = async (req: FastifyRequest, form: FormState, yearParam?: string) => {
    const tambon = currentTambon(req);
    const [{ year, years, rows }, targets] = await Promise.all([
      itaYear(db, tambon.id, yearParam),
      linkTargets(db, tambon.id, t(req), {
        newsLimit: 200,
        documents: true,
        publishedOnly: true,
      }),
    ]);
    const items = rows.map((r) => ({
      ...pick(r, "id", "code", "groupCode", "groupTitle", "title"),
      href: null,
      linkLabel: null,
      target: r.linkKind === "url" ? "url" : r.linkKind ? `${r.linkKind}:${r.linkId}` : "",
      url: r.linkUrl ?? "",
    }));
    return (
      <TransparencyAdmin
        year={year}
        years={years}
        items={items}
        targets={targets}
        shipped={SHIPPED_YEARS.filter((y) => !years.includes(y))}
        form={form}
      />
    );
  };

  app.get<{ Querystring: { year?: string } }>("/admin/site/transparency", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("ita.manage"), await itaPage(req, emptyForm(), req.query.year));
  });

  app.post("/admin/site/transparency", DOCUMENT_UPLOAD, async (req, reply) => {
    const tambon = edit(req);
    const { file } = oneUpload(req, "file");
    let value: unknown;
    try {
      value = file && !file.truncated ? JSON.parse(file.data.toString("utf8")) : null;
    } catch {
      value = null;
    }
    const r = await loadItaList(db, req.actor, tambon.id, value);
    if (!r.ok)
      return reply.page(
        t(req)("ita.manage"),
        await itaPage(req, failedForm({}, r.errors, req.lang, msg)),
        {
          status: 422,
        },
      );
    return reply.seeOther(
      `${base(tambon)}/transparency?year=${r.value.fiscalYearBE}`,
      t(req)("ita.loaded", { year: r.value.fiscalYearBE, n: r.value.items.length }),
    );
  });

  // A list the platform ships: the tambon chooses the fiscal year it is assessed on.
  app.post("/admin/site/transparency/shipped", async (req, reply) => {
    const tambon = edit(req);
    const year = Number(formBody(req).year);
    const list = Number.isInteger(year) ? shippedList(year) : undefined;
    const r = list
      ? await loadItaList(db, req.actor, tambon.id, list)
      : fail("file", "ita.noShipped");
    if (!r.ok)
      return reply.page(
        t(req)("ita.manage"),
        await itaPage(req, failedForm({}, r.errors, req.lang, msg)),
        { status: 422 },
      );
    return reply.seeOther(
      `${base(tambon)}/transparency?year=${r.value.fiscalYearBE}`,
      t(req)("ita.loaded", { year: r.value.fiscalYearBE, n: r.value.items.length }),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/site/ita/:id", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const item = await tambonRow(db, itaItems, tambon.id, idOf(req));
    if (!item) throw notFound();
    const r = await linkItaItem(
      db,
      req.actor,
      tambon.id,
      idOf(req),
      body.target ?? "",
      body.url ?? "",
    );
    if (!r.ok)
      return reply.page(
        t(req)("ita.manage"),
        await itaPage(req, failedForm(body, r.errors, req.lang, msg), String(item.fiscalYear)),
        {
          status: 422,
        },
      );
    return reply.seeOther(
      `${base(tambon)}/transparency?year=${item.fiscalYear}`,
      t(req)("admin.saved"),
    );
  });
}
