import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { siteNews, sitePhotos } from "../schema.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { listAllNews, listCategories } from "./queries.ts";
import { listAlbums } from "../galleries/queries.ts";
import { NewsForm } from "./views.tsx";
import {
  base,
  deleteRoute,
  edit,
  idOf,
  saveRoutes,
  oneUpload,
  t,
  type Errors,
} from "../shared/helpers.tsx";
import { AdminFrame, ListAndForm } from "../shared/views.tsx";
import { type Tambon } from "../../../core/tenancy.ts";
import { notFound } from "../../../core/errors.ts";
import { toLocalInput } from "../shared/fields.ts";
import { deleteNews, newsPath, saveNews } from "./commands.ts";
import { preparePhoto, type PreparedPhoto } from "../shared/media.ts";
import { msg } from "../messages.ts";
import { COVER_UPLOAD } from "../shared/uploads.ts";
import { pick } from "../../../core/pick.ts";

/** Administration of news, mounted under /t/:tambon. */
export async function newsAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // News.
  const newsForm = async (
    req: FastifyRequest,
    form: FormState,
    editing: typeof siteNews.$inferSelect | null,
  ) => {
    const tambon = currentTambon(req);
    const [categories, albums, cover] = await Promise.all([
      listCategories(db, tambon.id),
      listAlbums(db, tambon.id, { publishedOnly: false }),
      editing?.coverPhotoId
        ? tambonRow(db, sitePhotos, tambon.id, editing.coverPhotoId)
        : undefined,
    ]);
    return (
      <NewsForm
        form={form}
        action={editing ? `${base(tambon)}/news/${editing.id}` : `${base(tambon)}/news`}
        categories={categories}
        albums={albums}
        cover={cover ?? null}
        deleteAction={editing ? `${base(tambon)}/news/${editing.id}/delete` : undefined}
      />
    );
  };

  app.get("/admin/site/news", async (req, reply) => {
    const tambon = edit(req);
    const rows = await listAllNews(db, tambon.id);
    const tt = t(req);
    const now = new Date();
    return reply.page(
      tt("admin.news"),
      <ListAndForm
        title={tt("admin.news")}
        formTitle={tt("admin.new")}
        rows={rows.map((n) => ({
          id: n.id,
          href: `${base(tambon)}/news/${n.id}`,
          label: n.title,
          meta: (
            <span class="badge">
              {n.status === "draft"
                ? tt("status.draft")
                : n.publishAt && n.publishAt > now
                  ? tt("status.scheduled")
                  : tt("status.published")}
            </span>
          ),
        }))}
      >
        {await newsForm(req, emptyForm({ status: "published" }), null)}
      </ListAndForm>,
    );
  });

  const findNews = async (tambon: Tambon, id: number) => {
    const n = await tambonRow(db, siteNews, tambon.id, id);
    if (!n) throw notFound();
    return n;
  };

  app.get<{ Params: { id: string } }>("/admin/site/news/:id", async (req, reply) => {
    const tambon = edit(req);
    const n = await findNews(tambon, idOf(req));
    const values = {
      ...pick(n, "title", "summary", "bodyMd"),
      categoryId: n.categoryId ? String(n.categoryId) : "",
      albumId: n.albumId ? String(n.albumId) : "",
      status: n.status,
      publishAt: toLocalInput(n.publishAt),
    };
    return reply.page(
      n.title,
      <AdminFrame title={t(req)("admin.edit")}>
        <p>
          <a href={`/t/${tambon.slug}${newsPath(n)}`}>{t(req)("admin.view")}</a>
        </p>
        {await newsForm(req, emptyForm(values), n)}
      </AdminFrame>,
    );
  });

  const postNews = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = edit(req);
    const editing = id === undefined ? null : await findNews(tambon, id);
    const body = formBody(req);
    const { file, error } = oneUpload(req, "cover");
    let errors: Errors | null = error ? { cover: error } : null;
    let cover: PreparedPhoto | undefined;
    if (file) {
      const prepared = await preparePhoto(file);
      if (prepared.ok) cover = prepared.value;
      else errors = { cover: prepared.errors.photos! };
    }
    const r = errors ? null : await saveNews(db, req.actor, tambon.id, body, id, cover);
    if (!r || !r.ok) {
      const form = failedForm(body, errors ?? (r as { errors: Errors }).errors, req.lang, msg);
      const node = await newsForm(req, form, editing);
      return reply.page(
        t(req)("admin.news"),
        <AdminFrame title={t(req)("admin.news")}>{node}</AdminFrame>,
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/news/${r.value.id}`, t(req)("admin.saved"));
  };

  saveRoutes(app, "/admin/site/news", postNews, COVER_UPLOAD);

  deleteRoute(app, db, "/admin/site/news/:id/delete", deleteNews, "/news");
}
