import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { and, asc, desc, eq, inArray, isNull, like, ne, or, sql } from "drizzle-orm";
import type { ModuleDeps } from "../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../core/views/form.tsx";
import { notFound } from "../../core/errors.ts";
import { requireId } from "../../core/params.ts";
import { can } from "../../core/policy.ts";
import { auditLog, roleGrants, users } from "../../core/db/schema.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { msg, type SiteKey } from "./messages.ts";
import type { CoreKey } from "../../core/i18n/messages.ts";
import { orThrow, throwIfDenied, type FieldError } from "../../core/result.ts";
import {
  itaItems,
  siteAlbums,
  siteComments,
  siteComplaintEvents,
  siteComplaints,
  siteDocuments,
  siteJobs,
  siteMenuItems,
  siteNews,
  sitePages,
  sitePhotos,
  sitePosts,
  siteReports,
  siteSettings,
} from "./schema.ts";
import {
  albumPhotos,
  listAlbums,
  listCategories,
  listDocuments,
  listLinks,
  listMenu,
  listPosts,
} from "./queries.ts";
import {
  discardPhoto,
  removePhotoFiles,
  storeDocument,
  storePhoto,
  type StoredPhoto,
} from "./media.ts";
import { coverUpload, documentUpload, galleryUpload } from "./http-helpers.ts";
import { readUploads, uploadError, type Upload } from "../../core/uploads.ts";

const COVER_UPLOAD = coverUpload("site.edit");
const GALLERY_UPLOAD = galleryUpload("site.edit");
const DOCUMENT_UPLOAD = documentUpload("site.edit");

/** The one file of a form field, or the field error when the route cannot take what was sent. */
function oneUpload(req: FastifyRequest, field: string): { file?: Upload; error?: FieldError } {
  const got = readUploads(req, field);
  const error = uploadError(req, got);
  return error ? { error } : { file: got.files[0] };
}
import { deletePage, pagePath, savePage } from "./commands/pages.ts";
import { deleteMenuItem, saveMenuItem } from "./commands/menu.ts";
import { deleteNews, newsPath, saveNews } from "./commands/news.ts";
import { addPhotos, captionPhoto, deletePhoto, saveAlbum } from "./commands/galleries.ts";
import { addDocument, deleteDocument } from "./commands/documents.ts";
import { hideComment, moderatePost, resolveReport } from "./commands/corner.ts";
import { moderateJob, saveJob } from "./commands/jobs.ts";
import { manageAction, updateComplaint } from "./commands/complaints.ts";
import { linkItaItem, loadItaList } from "./commands/transparency.ts";
import { addJobLink, deleteJobLink, saveCategory, setCountsBefore } from "./commands/settings.ts";
import { toLocalInput } from "./commands/common.ts";
import {
  AdminFrame,
  AlbumAdmin,
  ComplaintAdmin,
  ComplaintsAdmin,
  CornerAdmin,
  Dashboard,
  DocumentsAdmin,
  JobsAdmin,
  ListAndForm,
  MenuAdmin,
  NewsForm,
  PageForm,
  SettingsAdmin,
  TransparencyAdmin,
} from "./views/admin.tsx";
import { JobForm } from "./views/public.tsx";

type Errors = Record<string, FieldError<SiteKey | CoreKey>>;

/** Administration of the website, mounted under /t/:tambon/admin/site. */
export async function siteAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;
  const base = (tambon: Tambon) => `/t/${tambon.slug}/admin/site`;
  const edit = (req: FastifyRequest) => {
    const tambon = currentTambon(req);
    authorize(req, "site.edit", { tambonId: tambon.id });
    return tambon;
  };
  const t = (req: FastifyRequest) => msg.t(req.lang);
  const idOf = (req: FastifyRequest) => requireId((req.params as { id: string }).id);
  const fail = (req: FastifyRequest, values: Record<string, string>, errors: Errors): FormState =>
    failedForm(values, errors, req.lang, msg);

  // Dashboard.
  app.get("/admin/site", async (req, reply) => {
    const tambon = currentTambon(req);
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    const handler = can(req.actor, "complaint.manage", { tambonId: tambon.id });
    if (!editor && !handler) authorize(req, "site.edit", { tambonId: tambon.id });
    const tt = t(req);
    const b = base(tambon);
    const [recent, drafts, pendingPosts, pendingJobs, reports, complaints] = await Promise.all([
      db
        .select({
          action: auditLog.action,
          at: auditLog.at,
          targetId: auditLog.targetId,
          actorName: users.name,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(
          and(
            eq(auditLog.tambonId, tambon.id),
            like(auditLog.action, "site.%"),
            ne(auditLog.action, "site.complaint.file"),
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(15),
      db
        .select({
          id: siteNews.id,
          title: siteNews.title,
          status: siteNews.status,
          publishAt: siteNews.publishAt,
        })
        .from(siteNews)
        .where(
          and(
            eq(siteNews.tambonId, tambon.id),
            or(eq(siteNews.status, "draft"), sql`${siteNews.publishAt} > now()`),
          ),
        )
        .orderBy(desc(siteNews.updatedAt))
        .limit(20),
      listPosts(db, tambon.id, "pending", 20),
      db
        .select({ id: siteJobs.id, title: siteJobs.title })
        .from(siteJobs)
        .where(and(eq(siteJobs.tambonId, tambon.id), eq(siteJobs.status, "pending")))
        .limit(20),
      db
        .select({ id: siteReports.id })
        .from(siteReports)
        .where(and(eq(siteReports.tambonId, tambon.id), isNull(siteReports.resolvedAt))),
      handler
        ? db
            .select({
              id: siteComplaints.id,
              code: siteComplaints.code,
              subject: siteComplaints.subject,
              status: siteComplaints.status,
            })
            .from(siteComplaints)
            .where(
              and(
                eq(siteComplaints.tambonId, tambon.id),
                eq(siteComplaints.channel, "general"),
                ne(siteComplaints.status, "closed"),
              ),
            )
            .orderBy(desc(siteComplaints.createdAt))
            .limit(20)
        : Promise.resolve([]),
    ]);
    const sections = editor
      ? [
          { href: `${b}/pages`, label: tt("admin.pages") },
          { href: `${b}/menu`, label: tt("admin.menu") },
          { href: `${b}/news`, label: tt("admin.news"), count: drafts.length },
          { href: `${b}/galleries`, label: tt("admin.galleries") },
          { href: `${b}/documents`, label: tt("admin.documents") },
          {
            href: `${b}/corner`,
            label: tt("admin.corner"),
            count: pendingPosts.length + reports.length,
          },
          { href: `${b}/jobs`, label: tt("admin.jobs"), count: pendingJobs.length },
          { href: `${b}/transparency`, label: tt("admin.transparency") },
          { href: `${b}/settings`, label: tt("admin.settings") },
          { href: `/t/${tambon.slug}/stats`, label: tt("admin.stats") },
        ]
      : [];
    if (handler)
      sections.push({
        href: `${b}/complaints`,
        label: tt("admin.complaints"),
        count: complaints.length,
      });
    return reply.page(
      tt("admin.dashboard"),
      <Dashboard
        sections={sections}
        recent={editor ? recent : []}
        drafts={editor ? drafts : []}
        pendingPosts={editor ? pendingPosts : []}
        pendingJobs={editor ? pendingJobs : []}
        reports={editor ? reports.length : 0}
        complaints={complaints}
      />,
    );
  });

  // Pages.
  const pagesPage = async (req: FastifyRequest, form: FormState, editing: number | null) => {
    const tambon = currentTambon(req);
    const rows = await db
      .select()
      .from(sitePages)
      .where(eq(sitePages.tambonId, tambon.id))
      .orderBy(asc(sitePages.id));
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
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    bodyMd: p.bodyMd,
    published: p.published ? "1" : "",
  });
  const findPage = async (tambon: Tambon, id: number) => {
    const [p] = await db
      .select()
      .from(sitePages)
      .where(and(eq(sitePages.id, id), eq(sitePages.tambonId, tambon.id)));
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
        await pagesPage(req, fail(req, body, r.errors), id ?? null),
        {
          status: 422,
        },
      );
    return reply.seeOther(`/t/${tambon.slug}${pagePath(r.value)}`, t(req)("admin.saved"));
  };
  app.post("/admin/site/pages", (req, reply) => postPage(req, reply));
  app.post<{ Params: { id: string } }>("/admin/site/pages/:id", (req, reply) =>
    postPage(req, reply, idOf(req)),
  );
  app.post<{ Params: { id: string } }>("/admin/site/pages/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await deletePage(db, req.actor, tambon.id, idOf(req)));
    return reply.seeOther(`${base(tambon)}/pages`, t(req)("admin.deleted"));
  });

  // Menu.
  const menuPage = async (req: FastifyRequest, form: FormState, editing: number | null) => (
    <MenuAdmin items={await listMenu(db, currentTambon(req).id)} form={form} editing={editing} />
  );
  app.get("/admin/site/menu", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.menu"), await menuPage(req, emptyForm(), null));
  });
  app.get<{ Params: { id: string } }>("/admin/site/menu/:id", async (req, reply) => {
    const tambon = edit(req);
    const [item] = await db
      .select()
      .from(siteMenuItems)
      .where(and(eq(siteMenuItems.id, idOf(req)), eq(siteMenuItems.tambonId, tambon.id)));
    if (!item) throw notFound();
    const values = {
      labelTh: item.labelTh,
      labelEn: item.labelEn,
      href: item.href,
      parentId: item.parentId ? String(item.parentId) : "",
      position: String(item.position),
    };
    return reply.page(t(req)("admin.menu"), await menuPage(req, emptyForm(values), item.id));
  });
  const postMenu = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = edit(req);
    if (id !== undefined) {
      const [item] = await db
        .select({ id: siteMenuItems.id })
        .from(siteMenuItems)
        .where(and(eq(siteMenuItems.id, id), eq(siteMenuItems.tambonId, tambon.id)));
      if (!item) throw notFound();
    }
    const body = formBody(req);
    const r = await saveMenuItem(db, req.actor, tambon.id, body, id);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.menu"),
        await menuPage(req, fail(req, body, r.errors), id ?? null),
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/menu`, t(req)("admin.saved"));
  };
  app.post("/admin/site/menu", (req, reply) => postMenu(req, reply));
  app.post<{ Params: { id: string } }>("/admin/site/menu/:id", (req, reply) =>
    postMenu(req, reply, idOf(req)),
  );
  app.post<{ Params: { id: string } }>("/admin/site/menu/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await deleteMenuItem(db, req.actor, tambon.id, idOf(req)));
    return reply.seeOther(`${base(tambon)}/menu`, t(req)("admin.deleted"));
  });

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
        ? db
            .select({ file: sitePhotos.file })
            .from(sitePhotos)
            .where(and(eq(sitePhotos.id, editing.coverPhotoId), eq(sitePhotos.tambonId, tambon.id)))
        : Promise.resolve([]),
    ]);
    return (
      <NewsForm
        form={form}
        action={editing ? `${base(tambon)}/news/${editing.id}` : `${base(tambon)}/news`}
        categories={categories}
        albums={albums}
        cover={cover[0] ?? null}
        deleteAction={editing ? `${base(tambon)}/news/${editing.id}/delete` : undefined}
      />
    );
  };
  app.get("/admin/site/news", async (req, reply) => {
    const tambon = edit(req);
    const rows = await db
      .select()
      .from(siteNews)
      .where(eq(siteNews.tambonId, tambon.id))
      .orderBy(desc(siteNews.updatedAt))
      .limit(200);
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
    const [n] = await db
      .select()
      .from(siteNews)
      .where(and(eq(siteNews.id, id), eq(siteNews.tambonId, tambon.id)));
    if (!n) throw notFound();
    return n;
  };
  app.get<{ Params: { id: string } }>("/admin/site/news/:id", async (req, reply) => {
    const tambon = edit(req);
    const n = await findNews(tambon, idOf(req));
    const values = {
      title: n.title,
      summary: n.summary,
      bodyMd: n.bodyMd,
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
    let cover: (StoredPhoto & { originalName: string }) | undefined;
    if (file) {
      const stored = await storePhoto(dataDir, tambon.id, file);
      if (stored.ok) cover = { ...stored.value, originalName: file.filename };
      else errors = { cover: stored.errors.photos! };
    }
    const r = errors ? null : await saveNews(db, req.actor, tambon.id, body, id, cover);
    if (!r || !r.ok) {
      if (cover) await discardPhoto(dataDir, tambon.id, cover);
      const form = fail(req, body, errors ?? (r as { errors: Errors }).errors);
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
  app.post("/admin/site/news", COVER_UPLOAD, (req, reply) => postNews(req, reply));
  app.post<{ Params: { id: string } }>("/admin/site/news/:id", COVER_UPLOAD, (req, reply) =>
    postNews(req, reply, idOf(req)),
  );
  app.post<{ Params: { id: string } }>("/admin/site/news/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await deleteNews(db, req.actor, tambon.id, idOf(req)));
    return reply.seeOther(`${base(tambon)}/news`, t(req)("admin.deleted"));
  });

  // Galleries.
  app.get("/admin/site/galleries", async (req, reply) => {
    const tambon = edit(req);
    const albums = await listAlbums(db, tambon.id, { publishedOnly: false });
    const tt = t(req);
    return reply.page(
      tt("admin.galleries"),
      <ListAndForm
        title={tt("admin.galleries")}
        formTitle={tt("admin.new")}
        rows={albums.map((a) => ({
          id: a.id,
          href: `${base(tambon)}/galleries/${a.id}`,
          label: a.title,
          meta: <span class="muted">{tt("gallery.photos", { n: a.photoCount })}</span>,
        }))}
      >
        <AlbumAdmin
          form={emptyForm({ published: "1" })}
          action={`${base(tambon)}/galleries`}
          album={null}
          photos={[]}
          uploadForm={emptyForm()}
        />
      </ListAndForm>,
    );
  });
  const albumPage = async (
    req: FastifyRequest,
    id: number,
    form: FormState | null,
    upload: FormState,
  ) => {
    const tambon = currentTambon(req);
    const [album] = await db
      .select()
      .from(siteAlbums)
      .where(and(eq(siteAlbums.id, id), eq(siteAlbums.tambonId, tambon.id)));
    if (!album) throw notFound();
    const photos = await albumPhotos(db, tambon.id, album.id);
    const values = {
      title: album.title,
      description: album.description,
      published: album.published ? "1" : "",
    };
    return (
      <AdminFrame title={album.title}>
        <p>
          <a href={`/t/${tambon.slug}/galleries/${album.id}`}>{t(req)("admin.view")}</a>
        </p>
        <AlbumAdmin
          form={form ?? emptyForm(values)}
          action={`${base(tambon)}/galleries/${album.id}`}
          album={album}
          photos={photos}
          uploadForm={upload}
        />
      </AdminFrame>
    );
  };
  app.get<{ Params: { id: string } }>("/admin/site/galleries/:id", async (req, reply) => {
    edit(req);
    return reply.page(
      t(req)("admin.galleries"),
      await albumPage(req, idOf(req), null, emptyForm()),
    );
  });
  app.post("/admin/site/galleries", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const r = await saveAlbum(db, req.actor, tambon.id, body);
    if (!r.ok)
      return reply.page(
        t(req)("admin.galleries"),
        <AdminFrame title={t(req)("admin.galleries")}>
          <AlbumAdmin
            form={fail(req, body, r.errors)}
            action={`${base(tambon)}/galleries`}
            album={null}
            photos={[]}
            uploadForm={emptyForm()}
          />
        </AdminFrame>,
        { status: 422 },
      );
    return reply.seeOther(`${base(tambon)}/galleries/${r.value.id}`, t(req)("admin.saved"));
  });
  app.post<{ Params: { id: string } }>("/admin/site/galleries/:id", async (req, reply) => {
    const tambon = edit(req);
    const id = idOf(req);
    const body = formBody(req);
    const r = await saveAlbum(db, req.actor, tambon.id, body, id);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.galleries"),
        await albumPage(req, id, fail(req, body, r.errors), emptyForm()),
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/galleries/${id}`, t(req)("admin.saved"));
  });
  app.post<{ Params: { id: string } }>(
    "/admin/site/galleries/:id/photos",
    GALLERY_UPLOAD,
    async (req, reply) => {
      const tambon = edit(req);
      const id = idOf(req);
      const [album] = await db
        .select({ id: siteAlbums.id })
        .from(siteAlbums)
        .where(and(eq(siteAlbums.id, id), eq(siteAlbums.tambonId, tambon.id)));
      if (!album) throw notFound();
      const got = readUploads(req, "photos");
      const refused = uploadError(req, got);
      const files = refused ? [] : got.files;
      const stored = [];
      let errors: Errors | null = refused
        ? { photos: refused }
        : files.length
          ? null
          : { photos: { key: "err.noFile" } };
      for (const f of files) {
        const s = await storePhoto(dataDir, tambon.id, f);
        if (!s.ok) {
          errors = s.errors;
          break;
        }
        stored.push({ ...s.value, originalName: f.filename });
      }
      if (errors) {
        for (const s of stored) await discardPhoto(dataDir, tambon.id, s);
        return reply.page(
          t(req)("admin.galleries"),
          await albumPage(req, id, null, fail(req, {}, errors)),
          {
            status: 422,
          },
        );
      }
      const r = await addPhotos(db, req.actor, tambon.id, { albumId: id }, stored);
      if (!r.ok) for (const s of stored) await discardPhoto(dataDir, tambon.id, s);
      orThrow(r);
      return reply.seeOther(`${base(tambon)}/galleries/${id}`, t(req)("admin.saved"));
    },
  );
  app.post<{ Params: { id: string } }>("/admin/site/photo/:id/caption", async (req, reply) => {
    const tambon = edit(req);
    const [photo] = await db
      .select()
      .from(sitePhotos)
      .where(and(eq(sitePhotos.id, idOf(req)), eq(sitePhotos.tambonId, tambon.id)));
    if (!photo) throw notFound();
    orThrow(await captionPhoto(db, req.actor, tambon.id, photo.id, formBody(req).caption ?? ""));
    return reply.seeOther(
      photo.albumId ? `${base(tambon)}/galleries/${photo.albumId}` : base(tambon),
      t(req)("admin.saved"),
    );
  });
  app.post<{ Params: { id: string } }>("/admin/site/photo/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    const photo = orThrow(await deletePhoto(db, req.actor, tambon.id, idOf(req)));
    await removePhotoFiles(dataDir, tambon.id, photo);
    return reply.seeOther(
      photo.albumId ? `${base(tambon)}/galleries/${photo.albumId}` : base(tambon),
      t(req)("admin.deleted"),
    );
  });

  // Documents.
  const docsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [docs, pages, news] = await Promise.all([
      listDocuments(db, tambon.id),
      db
        .select({ id: sitePages.id, title: sitePages.titleTh })
        .from(sitePages)
        .where(eq(sitePages.tambonId, tambon.id)),
      db
        .select({ id: siteNews.id, title: siteNews.title })
        .from(siteNews)
        .where(eq(siteNews.tambonId, tambon.id))
        .orderBy(desc(siteNews.updatedAt))
        .limit(100),
    ]);
    const tt = t(req);
    const targets = [
      ...pages.map((p) => ({ value: `page:${p.id}`, label: `${tt("admin.pages")}: ${p.title}` })),
      ...news.map((n) => ({ value: `news:${n.id}`, label: `${tt("admin.news")}: ${n.title}` })),
    ];
    return <DocumentsAdmin docs={docs} targets={targets} form={form} />;
  };
  app.get("/admin/site/documents", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.documents"), await docsPage(req, emptyForm()));
  });
  app.post("/admin/site/documents", DOCUMENT_UPLOAD, async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const { file, error } = oneUpload(req, "file");
    let errors: Errors | null = error ? { file: error } : null;
    let stored = null;
    if (file) {
      const s = await storeDocument(dataDir, tambon.id, file);
      if (s.ok) stored = s.value;
      else errors = s.errors;
    }
    const r = errors ? null : await addDocument(db, req.actor, tambon.id, body, stored);
    if (!r || !r.ok)
      return reply.page(
        t(req)("admin.documents"),
        await docsPage(req, fail(req, body, errors ?? (r as { errors: Errors }).errors)),
        { status: 422 },
      );
    return reply.seeOther(`${base(tambon)}/documents`, t(req)("admin.saved"));
  });
  app.post<{ Params: { id: string } }>("/admin/site/docs/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await deleteDocument(db, req.actor, tambon.id, idOf(req)));
    return reply.seeOther(`${base(tambon)}/documents`, t(req)("admin.deleted"));
  });

  // Members' corner moderation.
  const cornerPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [pending, hidden, reports] = await Promise.all([
      listPosts(db, tambon.id, "pending", 100),
      listPosts(db, tambon.id, "hidden", 50),
      db
        .select({
          id: siteReports.id,
          postId: siteReports.postId,
          commentId: siteReports.commentId,
          reason: siteReports.reason,
          postTitle: sitePosts.title,
          commentBody: siteComments.body,
        })
        .from(siteReports)
        .innerJoin(sitePosts, eq(sitePosts.id, siteReports.postId))
        .leftJoin(siteComments, eq(siteComments.id, siteReports.commentId))
        .where(and(eq(siteReports.tambonId, tambon.id), isNull(siteReports.resolvedAt)))
        .orderBy(asc(siteReports.createdAt)),
    ]);
    return <CornerAdmin pending={pending} hidden={hidden} reports={reports} form={form} />;
  };
  const moderate = (req: FastifyRequest) => {
    const tambon = currentTambon(req);
    authorize(req, "site.moderate", { tambonId: tambon.id });
    return tambon;
  };
  app.get("/admin/site/corner", async (req, reply) => {
    moderate(req);
    return reply.page(t(req)("admin.corner"), await cornerPage(req, emptyForm()));
  });
  app.post<{ Params: { id: string } }>("/admin/site/corner/:id/moderate", async (req, reply) => {
    const tambon = moderate(req);
    const body = formBody(req);
    const r = await moderatePost(
      db,
      req.actor,
      tambon.id,
      idOf(req),
      body.decision ?? "",
      body.reason ?? "",
    );
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.corner"),
        await cornerPage(req, fail(req, { ...body, postId: String(idOf(req)) }, r.errors)),
        { status: 422 },
      );
    }
    return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
  });
  app.post<{ Params: { id: string } }>(
    "/admin/site/corner-comments/:id/hide",
    async (req, reply) => {
      const tambon = moderate(req);
      const body = formBody(req);
      const r = await hideComment(db, req.actor, tambon.id, idOf(req), body.reason ?? "");
      if (!r.ok) {
        throwIfDenied(r);
        return reply.page(
          t(req)("admin.corner"),
          await cornerPage(req, fail(req, { ...body, commentId: String(idOf(req)) }, r.errors)),
          { status: 422 },
        );
      }
      return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
    },
  );
  app.post<{ Params: { id: string } }>(
    "/admin/site/corner-reports/:id/resolve",
    async (req, reply) => {
      const tambon = moderate(req);
      orThrow(await resolveReport(db, req.actor, tambon.id, idOf(req)));
      return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
    },
  );

  // Jobs.
  const jobsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const jobs = await db
      .select()
      .from(siteJobs)
      .where(eq(siteJobs.tambonId, tambon.id))
      .orderBy(desc(siteJobs.createdAt))
      .limit(200);
    return (
      <JobsAdmin jobs={jobs}>
        <JobForm form={form} action={`${base(tambon)}/jobs`} />
      </JobsAdmin>
    );
  };
  app.get("/admin/site/jobs", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.jobs"), await jobsPage(req, emptyForm()));
  });
  app.post("/admin/site/jobs", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const r = await saveJob(db, req.actor, tambon.id, body);
    if (!r.ok)
      return reply.page(t(req)("admin.jobs"), await jobsPage(req, fail(req, body, r.errors)), {
        status: 422,
      });
    return reply.seeOther(`${base(tambon)}/jobs`, t(req)("admin.saved"));
  });
  app.post<{ Params: { id: string } }>("/admin/site/jobs/:id/moderate", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await moderateJob(db, req.actor, tambon.id, idOf(req), formBody(req).decision ?? ""));
    return reply.seeOther(`${base(tambon)}/jobs`, t(req)("mod.done"));
  });

  // Complaints.
  app.get<{ Querystring: { status?: string } }>("/admin/site/complaints", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "complaint.manage", { tambonId: tambon.id });
    const status = typeof req.query.status === "string" ? req.query.status : "";
    const filter = ["received", "in_progress", "answered", "closed"].includes(status)
      ? eq(siteComplaints.status, status as "received")
      : undefined;
    const list = (channel: "general" | "corruption") =>
      db
        .select()
        .from(siteComplaints)
        .where(
          and(eq(siteComplaints.tambonId, tambon.id), eq(siteComplaints.channel, channel), filter),
        )
        .orderBy(desc(siteComplaints.createdAt))
        .limit(500);
    const corruption = can(req.actor, "complaint.corruption", { tambonId: tambon.id })
      ? await list("corruption")
      : null;
    return reply.page(
      t(req)("admin.complaints"),
      <ComplaintsAdmin rows={await list("general")} status={status} corruption={corruption} />,
    );
  });
  const complaintPage = async (req: FastifyRequest, form: FormState | null) => {
    const tambon = currentTambon(req);
    const [c] = await db
      .select()
      .from(siteComplaints)
      .where(and(eq(siteComplaints.id, idOf(req)), eq(siteComplaints.tambonId, tambon.id)));
    if (!c) throw notFound();
    authorize(req, manageAction(c.channel), { tambonId: tambon.id });
    const [events, staffIds] = await Promise.all([
      db
        .select({
          status: siteComplaintEvents.status,
          note: siteComplaintEvents.note,
          at: siteComplaintEvents.at,
          actorName: users.name,
        })
        .from(siteComplaintEvents)
        .leftJoin(users, eq(users.id, siteComplaintEvents.actorId))
        .where(
          and(
            eq(siteComplaintEvents.complaintId, c.id),
            eq(siteComplaintEvents.tambonId, tambon.id),
          ),
        )
        .orderBy(asc(siteComplaintEvents.at), asc(siteComplaintEvents.id)),
      db
        .selectDistinct({ id: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.tambonId, tambon.id),
            inArray(roleGrants.role, c.channel === "corruption" ? ["admin"] : ["admin", "editor"]),
          ),
        ),
    ]);
    const staff = staffIds.length
      ? await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(
            inArray(
              users.id,
              staffIds.map((s) => s.id),
            ),
          )
          .orderBy(asc(users.name))
      : [];
    const values = {
      status: c.status,
      assignedTo: c.assignedTo ? String(c.assignedTo) : "",
      answer: c.answer,
      note: "",
    };
    return (
      <ComplaintAdmin
        c={c}
        events={events}
        staff={staff}
        form={form ?? emptyForm(values)}
        photoUrl={c.photo ? `${base(tambon)}/complaint-photos/${c.photo}` : null}
      />
    );
  };
  app.get<{ Params: { id: string } }>("/admin/site/complaints/:id", async (req, reply) => {
    return reply.page(t(req)("admin.complaints"), await complaintPage(req, null));
  });
  app.post<{ Params: { id: string } }>("/admin/site/complaints/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    const body = formBody(req);
    const [c] = await db
      .select({ channel: siteComplaints.channel })
      .from(siteComplaints)
      .where(and(eq(siteComplaints.id, idOf(req)), eq(siteComplaints.tambonId, tambon.id)));
    if (!c) throw notFound();
    authorize(req, manageAction(c.channel), { tambonId: tambon.id });
    const r = await updateComplaint(db, req.actor, tambon.id, idOf(req), body);
    if (!r.ok)
      return reply.page(
        t(req)("admin.complaints"),
        await complaintPage(req, fail(req, body, r.errors)),
        {
          status: 422,
        },
      );
    return reply.seeOther(`${base(tambon)}/complaints/${idOf(req)}`, t(req)("complaint.updated"));
  });

  // Transparency.
  const itaPage = async (req: FastifyRequest, form: FormState, yearParam?: string) => {
    const tambon = currentTambon(req);
    const years = (
      await db
        .select({ y: itaItems.fiscalYear })
        .from(itaItems)
        .where(eq(itaItems.tambonId, tambon.id))
        .groupBy(itaItems.fiscalYear)
        .orderBy(desc(itaItems.fiscalYear))
    ).map((r) => r.y);
    const year = years.includes(Number(yearParam)) ? Number(yearParam) : (years[0] ?? 0);
    const [rows, pages, news, docs] = await Promise.all([
      db
        .select()
        .from(itaItems)
        .where(and(eq(itaItems.tambonId, tambon.id), eq(itaItems.fiscalYear, year)))
        .orderBy(asc(itaItems.position)),
      db
        .select({ id: sitePages.id, title: sitePages.titleTh })
        .from(sitePages)
        .where(eq(sitePages.tambonId, tambon.id)),
      db
        .select({ id: siteNews.id, title: siteNews.title })
        .from(siteNews)
        .where(eq(siteNews.tambonId, tambon.id))
        .orderBy(desc(siteNews.updatedAt))
        .limit(200),
      db
        .select({ id: siteDocuments.id, title: siteDocuments.title })
        .from(siteDocuments)
        .where(eq(siteDocuments.tambonId, tambon.id)),
    ]);
    const tt = t(req);
    const targets = [
      ...pages.map((p) => ({ value: `page:${p.id}`, label: `${tt("admin.pages")}: ${p.title}` })),
      ...news.map((n) => ({ value: `news:${n.id}`, label: `${tt("admin.news")}: ${n.title}` })),
      ...docs.map((d) => ({
        value: `document:${d.id}`,
        label: `${tt("admin.documents")}: ${d.title}`,
      })),
    ];
    const items = rows.map((r) => ({
      id: r.id,
      code: r.code,
      groupCode: r.groupCode,
      groupTitle: r.groupTitle,
      title: r.title,
      href: null,
      linkLabel: null,
      target: r.linkKind === "url" ? "url" : r.linkKind ? `${r.linkKind}:${r.linkId}` : "",
      url: r.linkUrl ?? "",
    }));
    return (
      <TransparencyAdmin year={year} years={years} items={items} targets={targets} form={form} />
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
      return reply.page(t(req)("ita.manage"), await itaPage(req, fail(req, {}, r.errors)), {
        status: 422,
      });
    return reply.seeOther(
      `${base(tambon)}/transparency?year=${r.value.fiscalYearBE}`,
      t(req)("ita.loaded", { year: r.value.fiscalYearBE, n: r.value.items.length }),
    );
  });
  app.post<{ Params: { id: string } }>("/admin/site/ita/:id", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const [item] = await db
      .select({ year: itaItems.fiscalYear })
      .from(itaItems)
      .where(and(eq(itaItems.id, idOf(req)), eq(itaItems.tambonId, tambon.id)));
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
        await itaPage(req, fail(req, body, r.errors), String(item.year)),
        {
          status: 422,
        },
      );
    return reply.seeOther(`${base(tambon)}/transparency?year=${item.year}`, t(req)("admin.saved"));
  });

  // Settings: categories, job-market links, counts from the old site.
  const settingsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [categories, links, [counts]] = await Promise.all([
      listCategories(db, tambon.id),
      listLinks(db, tambon.id),
      db.select().from(siteSettings).where(eq(siteSettings.tambonId, tambon.id)),
    ]);
    const values = {
      visitorsBefore: String(counts?.visitorsBefore ?? 0),
      viewsBefore: String(counts?.viewsBefore ?? 0),
      ...form.values,
    };
    return (
      <SettingsAdmin categories={categories} links={links} form={{ values, errors: form.errors }} />
    );
  };
  app.get("/admin/site/settings", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.settings"), await settingsPage(req, emptyForm()));
  });
  const settingsResult = async (
    req: FastifyRequest,
    reply: FastifyReply,
    r: { ok: true } | { ok: false; errors: Errors },
    body: Record<string, string>,
  ) => {
    const tambon = currentTambon(req);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.settings"),
        await settingsPage(req, fail(req, body, r.errors)),
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/settings`, t(req)("admin.saved"));
  };
  app.post("/admin/site/news-categories", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await saveCategory(db, req.actor, tambon.id, body), body);
  });
  app.post<{ Params: { id: string } }>("/admin/site/news-categories/:id", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const r = await saveCategory(db, req.actor, tambon.id, body, idOf(req));
    return settingsResult(req, reply, r, body);
  });
  app.post("/admin/site/job-links", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await addJobLink(db, req.actor, tambon.id, body), body);
  });
  app.post<{ Params: { id: string } }>("/admin/site/job-links/:id/delete", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await deleteJobLink(db, req.actor, tambon.id, idOf(req)));
    return reply.seeOther(`${base(tambon)}/settings`, t(req)("admin.deleted"));
  });
  app.post("/admin/site/counts", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await setCountsBefore(db, req.actor, tambon.id, body), body);
  });
}
