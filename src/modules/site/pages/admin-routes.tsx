import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { sitePages } from "../schema.ts";
import { base, deleteRoute, edit, idOf, saveRoutes, t } from "../shared/helpers.tsx";
import { AdminFrame, ListAndForm } from "../shared/views.tsx";
import { deletePage, pagePath, savePage } from "./commands.ts";
import { PageForm } from "./views.tsx";
import { type Tambon } from "../../../core/tenancy.ts";
import { notFound } from "../../../core/errors.ts";
import { msg } from "../messages.ts";
import { listPages } from "./queries.ts";
import { pick } from "../../../core/pick.ts";

/** Administration of pages, mounted under /t/:tambon. */
export async function pagesAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Pages.
  const pagesPage = async (req: FastifyRequest, form: FormState, editing: number | null) => {
    const tambon = currentTambon(req);
    const rows = await listPages(db, tambon.id);
    const tt = t(req);
    if (editing)
      return (
        <AdminFrame title={tt("admin.edit")}>
          <p>
            <a href={`/t/${tambon.slug}${pagePath(rows.find((r) => r.id === editing)!)}`}>
              {tt("admin.view")}
            </a>
          </p>
          <PageForm
            form={form}
            action={`${base(tambon)}/pages/${editing}`}
            deleteAction={`${base(tambon)}/pages/${editing}/delete`}
          />
        </AdminFrame>
      );
    return (
      <ListAndForm
        title={tt("admin.pages")}
        formTitle={tt("admin.new")}
        rows={rows.map((r) => ({
          id: r.id,
          href: `${base(tambon)}/pages/${r.id}`,
          label: r.titleTh,
          meta: !r.published ? <span class="badge">{tt("status.draft")}</span> : undefined,
        }))}
      >
        <PageForm form={form} action={`${base(tambon)}/pages`} />
      </ListAndForm>
    );
  };

  const pageValues = (p: typeof sitePages.$inferSelect) => ({
    ...pick(p, "titleTh", "titleEn", "bodyMd"),
    published: p.published ? "1" : "",
  });

  const findPage = async (tambon: Tambon, id: number) => {
    const p = await tambonRow(db, sitePages, tambon.id, id);
    if (!p) throw notFound();
    return p;
  };

  app.get("/admin/site/pages", async (req, reply) => {
    edit(req);
    return reply.page(
      t(req)("admin.pages"),
      await pagesPage(req, emptyForm({ published: "1" }), null),
    );
  });

  app.get<{ Params: { id: string } }>("/admin/site/pages/:id", async (req, reply) => {
    const tambon = edit(req);
    const p = await findPage(tambon, idOf(req));
    return reply.page(p.titleTh, await pagesPage(req, emptyForm(pageValues(p)), p.id));
  });

  const postPage = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = edit(req);
    if (id !== undefined) await findPage(tambon, id);
    const body = formBody(req);
    const r = await savePage(db, req.actor, tambon.id, body, id);
    if (!r.ok)
      return reply.page(
        t(req)("admin.pages"),
        await pagesPage(req, failedForm(body, r.errors, req.lang, msg), id ?? null),
        {
          status: 422,
        },
      );
    return reply.seeOther(`/t/${tambon.slug}${pagePath(r.value)}`, t(req)("admin.saved"));
  };

  saveRoutes(app, "/admin/site/pages", postPage);

  deleteRoute(app, db, "/admin/site/pages/:id/delete", deletePage, "/pages");
}
