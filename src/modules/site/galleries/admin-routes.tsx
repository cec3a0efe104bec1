import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { base, deleteRoute, edit, idOf, t, type Errors } from "../shared/helpers.tsx";
import { albumPhotos, listAlbums } from "./queries.ts";
import { AdminFrame, ListAndForm } from "../shared/views.tsx";
import { AlbumAdmin } from "./views.tsx";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { siteAlbums, sitePhotos } from "../schema.ts";
import { notFound } from "../../../core/errors.ts";
import { addPhotos, captionPhoto, deletePhoto, saveAlbum } from "./commands.ts";
import { msg } from "../messages.ts";
import { orThrow, throwIfDenied } from "../../../core/result.ts";
import { GALLERY_UPLOAD } from "../shared/uploads.ts";
import { readUploads, uploadError } from "../../../core/uploads.ts";
import { preparePhotos } from "../shared/media.ts";

/** Administration of galleries, mounted under /t/:tambon. */
export async function galleriesAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

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
    const album = await tambonRow(db, siteAlbums, tambon.id, id);
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
            form={failedForm(body, r.errors, req.lang, msg)}
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
        await albumPage(req, id, failedForm(body, r.errors, req.lang, msg), emptyForm()),
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
      const album = await tambonRow(db, siteAlbums, tambon.id, id);
      if (!album) throw notFound();
      const got = readUploads(req, "photos");
      const refused = uploadError(req, got);
      const prepared = refused || !got.files.length ? null : await preparePhotos(got.files);
      if (!prepared?.ok) {
        const errors: Errors = prepared
          ? prepared.errors
          : { photos: refused ?? { key: "err.noFile" } };
        return reply.page(
          t(req)("admin.galleries"),
          await albumPage(req, id, null, failedForm({}, errors, req.lang, msg)),
          {
            status: 422,
          },
        );
      }
      orThrow(await addPhotos(db, req.actor, tambon.id, id, prepared.value));
      return reply.seeOther(`${base(tambon)}/galleries/${id}`, t(req)("admin.saved"));
    },
  );

  app.post<{ Params: { id: string } }>("/admin/site/photo/:id/caption", async (req, reply) => {
    const tambon = edit(req);
    const photo = await tambonRow(db, sitePhotos, tambon.id, idOf(req));
    if (!photo) throw notFound();
    orThrow(await captionPhoto(db, req.actor, tambon.id, photo.id, formBody(req).caption ?? ""));
    return reply.seeOther(
      photo.albumId ? `${base(tambon)}/galleries/${photo.albumId}` : base(tambon),
      t(req)("admin.saved"),
    );
  });

  deleteRoute(app, db, "/admin/site/photo/:id/delete", deletePhoto, (photo) =>
    photo.albumId ? `/galleries/${photo.albumId}` : "",
  );
}
