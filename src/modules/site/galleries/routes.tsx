import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { absolute, read, shareHead, siteName, url } from "../shared/helpers.tsx";
import { albumPhotos, listAlbums, photoSiblings } from "./queries.ts";
import { msg } from "../messages.ts";
import { AlbumView, GalleryList, PhotoView } from "./views.tsx";
import { siteAlbums, sitePhotos, sitePosts } from "../schema.ts";
import { requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";

/** Public pages of galleries, mounted under /t/:tambon. */
export async function galleriesRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/galleries", async (req, reply) => {
    const tambon = read(req);
    const albums = await listAlbums(db, tambon.id, { publishedOnly: true });
    return reply.page(msg.t(req.lang)("gallery.title"), <GalleryList albums={albums} />, {
      description: `${msg.t(req.lang)("gallery.title")} · ${siteName(req)}`,
    });
  });

  app.get<{ Params: { id: string } }>("/galleries/:id", async (req, reply) => {
    const tambon = read(req);
    const album = await tambonRow(db, siteAlbums, tambon.id, requireId(req.params.id));
    if (!album || (!album.published && !can(req.actor, "site.edit", { tambonId: tambon.id })))
      throw notFound();
    const photos = await albumPhotos(db, tambon.id, album.id);
    const first = photos[0];
    return reply.page(
      album.title,
      <AlbumView title={album.title} description={album.description} photos={photos} />,
      {
        description: album.description || album.title,
        head: shareHead({
          url: absolute(req, url(tambon, `/galleries/${album.id}`)),
          title: album.title,
          description: album.description || album.title,
          image: first ? absolute(req, url(tambon, `/uploads/site/${first.file}-l.webp`)) : null,
          type: "website",
          siteName: siteName(req),
        }),
      },
    );
  });

  app.get<{ Params: { id: string } }>("/photo/:id", async (req, reply) => {
    const tambon = read(req);
    const photo = await tambonRow(db, sitePhotos, tambon.id, requireId(req.params.id));
    if (!photo || (photo.albumId === null && photo.postId === null)) throw notFound();
    const t = msg.t(req.lang);
    let back: { href: string; label: string };
    if (photo.albumId !== null) {
      const album = await tambonRow(db, siteAlbums, tambon.id, photo.albumId);
      if (!album?.published) throw notFound();
      back = { href: url(tambon, `/galleries/${album.id}`), label: album.title };
    } else {
      const post = await tambonRow(db, sitePosts, tambon.id, photo.postId!);
      if (post?.status !== "approved") throw notFound();
      back = { href: url(tambon, `/corner/${post.id}`), label: post.title };
    }
    const siblings = await photoSiblings(db, tambon.id, photo);
    const i = siblings.findIndex((s) => s.id === photo.id);
    return reply.page(
      photo.caption ||
        `${t("gallery.photoN", { n: i + 1, total: siblings.length })} · ${back.label}`,
      <PhotoView
        photo={photo}
        index={i + 1}
        total={siblings.length}
        prev={siblings[i - 1]?.id ?? null}
        next={siblings[i + 1]?.id ?? null}
        back={back}
      />,
      { description: photo.caption || back.label },
    );
  });
}
