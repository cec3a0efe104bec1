import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import * as echarts from "echarts";
import type { ModuleDeps } from "../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../core/views/form.tsx";
import { notFound } from "../../core/errors.ts";
import { parsePage, parseSearch, requireId, requireIdSlug } from "../../core/params.ts";
import { can } from "../../core/policy.ts";
import { PAGE_SIZE, pageCount, paged } from "../../core/paging.ts";
import { pageCache, prepare, sendPrepared } from "../../core/page-cache.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { users } from "../../core/db/schema.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { msg, type SiteKey } from "./messages.ts";
import {
  itaItems,
  siteAlbums,
  siteCategories,
  siteComments,
  siteComplaintEvents,
  siteComplaints,
  siteDocuments,
  siteJobs,
  siteNews,
  sitePages,
  sitePhotos,
  sitePosts,
} from "./schema.ts";
import {
  albumPhotos,
  complaintsPerMonth,
  listAlbums,
  listCategories,
  listDocuments,
  listLinks,
  listNews,
  listOpenJobs,
  countPosts,
  listPosts,
  siteStats,
  topPages,
  visitsPerDay,
} from "./queries.ts";
import { searchSiteCached } from "./search.ts";
import { plainText } from "./text.ts";
import { normaliseCode } from "./tracking.ts";
import {
  contentType,
  discardPhoto,
  readPrivateFile,
  readSiteFile,
  removePrivatePhoto,
  storePhoto,
  storePrivatePhoto,
} from "./media.ts";
import { materializeDemoFile } from "./demo-files.ts";
import { COMPLAINT_UPLOAD, TRACK_RATE_LIMIT, cornerUpload } from "./http-helpers.ts";
import { readUploads, uploadError } from "../../core/uploads.ts";
import { throwIfDenied, type FieldError } from "../../core/result.ts";
import type { CoreKey } from "../../core/i18n/messages.ts";
import { isLive, newsPath } from "./commands/news.ts";
import { pagePath } from "./commands/pages.ts";
import { documentPath } from "./commands/documents.ts";
import { addComment, createPost, reportContent } from "./commands/corner.ts";
import { addPhotos } from "./commands/galleries.ts";
import { isOpen, saveJob } from "./commands/jobs.ts";
import { fileComplaint } from "./commands/complaints.ts";
import {
  AlbumView,
  ComplaintsPage,
  DocumentsPage,
  GalleryList,
  HomeSections,
  JobView,
  JobsPage,
  NewsList,
  NewsView,
  PageView,
  PhotoView,
  SearchPage,
  TrackPage,
} from "./views/public.tsx";
import { CornerPage, PostPage } from "./views/community.tsx";
import { StatsPage, TransparencyPage, type ItaRow } from "./views/info.tsx";

/** The absolute address of a path, as shared links and feeds need it. */
export function absolute(req: FastifyRequest, path: string): string {
  return `${req.protocol}://${req.host}${path}`;
}

/** Open Graph, Twitter and schema.org tags for a shared page, and its canonical address. */
function shareHead(p: {
  url: string;
  title: string;
  description: string;
  image: string | null;
  type: "website" | "article";
  siteName: string;
  published?: Date | null;
  modified?: Date | null;
}): ComponentChildren {
  const ld = {
    "@context": "https://schema.org",
    "@type": p.type === "article" ? "NewsArticle" : "WebPage",
    headline: p.title,
    description: p.description,
    url: p.url,
    ...(p.image ? { image: [p.image] } : {}),
    ...(p.published ? { datePublished: p.published.toISOString() } : {}),
    ...(p.modified ? { dateModified: p.modified.toISOString() } : {}),
    publisher: { "@type": "GovernmentOrganization", name: p.siteName },
  };
  return (
    <>
      <link rel="canonical" href={p.url} />
      <meta property="og:type" content={p.type} />
      <meta property="og:site_name" content={p.siteName} />
      <meta property="og:title" content={p.title} />
      <meta property="og:description" content={p.description} />
      <meta property="og:url" content={p.url} />
      {p.image && <meta property="og:image" content={p.image} />}
      <meta name="twitter:card" content={p.image ? "summary_large_image" : "summary"} />
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(ld).replace(/</g, "\\u003c") }}
      />
    </>
  );
}

/** Sends a generated body (feed, sitemap, chart) cached until the tambon changes. */
async function sendGenerated(
  req: FastifyRequest,
  reply: FastifyReply,
  tambon: Tambon,
  key: string,
  type: string,
  build: () => Promise<string>,
) {
  const prepared = await pageCache.memo(tambon.id, `${key}|${req.host}|${req.lang}`, async () =>
    prepare(await build(), type),
  );
  return sendPrepared(req, reply, prepared, "public, max-age=300");
}

const xml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** The website's part of the tambon home page (core renders it through the module manifest). */
export async function siteHome(req: FastifyRequest, deps: ModuleDeps): Promise<ComponentChildren> {
  const tambon = currentTambon(req);
  const db = deps.database.db;
  const data = await pageCache.memo(tambon.id, "site-home", async () => {
    const [news, categories, albums, stats, links] = await Promise.all([
      listNews(db, tambon.id, { limit: 6 }),
      listCategories(db, tambon.id),
      listAlbums(db, tambon.id, { publishedOnly: true, limit: 3 }),
      siteStats(db, tambon.id, tambon.siteOpened),
      listLinks(db, tambon.id),
    ]);
    return { news: news.items, categories, albums, stats, links };
  });
  return <HomeSections {...data} />;
}

function chartSvg(days: { day: string; visitors: number; views: number }[], lang: "th" | "en") {
  const t = msg.t(lang);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 720, height: 320 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: "category", data: days.map((d) => d.day.slice(8) + "/" + d.day.slice(5, 7)) },
    yAxis: { type: "value" },
    series: [
      {
        name: t("stats.visitors"),
        type: "bar",
        data: days.map((d) => d.visitors),
        color: "#0b6b3a",
      },
      { name: t("stats.views"), type: "line", data: days.map((d) => d.views), color: "#0a58a8" },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A path as people read it (Thai letters rather than %-escapes), shortened for a chart label. */
function pageLabel(path: string, tambonSlug: string): string {
  let p = path.startsWith(`/t/${tambonSlug}`) ? path.slice(`/t/${tambonSlug}`.length) || "/" : path;
  try {
    p = decodeURI(p);
  } catch {
    // keep it escaped
  }
  return p.length > 40 ? `${p.slice(0, 39)}…` : p;
}

/** The height of the top-pages chart for a number of pages. */
const topChartHeight = (pages: number) => Math.max(120, 48 + pages * 30);

/** A horizontal bar chart of the most viewed pages (most viewed on top). */
function topPagesSvg(
  pages: { path: string; views: number }[],
  tambonSlug: string,
  lang: "th" | "en",
) {
  const t = msg.t(lang);
  const rows = [...pages].reverse();
  const height = topChartHeight(rows.length);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 720, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif" },
    grid: { left: 16, right: 48, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((p) => pageLabel(p.path, tambonSlug)) },
    series: [
      {
        name: t("stats.views"),
        type: "bar",
        data: rows.map((p) => Number(p.views)),
        color: "#0a58a8",
        label: { show: true, position: "right" },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Public routes of the website, mounted under /t/:tambon. */
export async function sitePublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;
  const read = (req: FastifyRequest) => {
    const tambon = currentTambon(req);
    authorize(req, "tambon.read", { tambonId: tambon.id });
    return tambon;
  };
  const url = (tambon: Tambon, path: string) => `/t/${tambon.slug}${path}`;
  const siteName = (req: FastifyRequest) => tambonTitle(currentTambon(req), req.lang);

  app.get<{ Params: { name: string } }>("/uploads/site/:name", async (req, reply) => {
    const tambon = read(req);
    const name = req.params.name;
    let buf = await readSiteFile(dataDir, tambon.id, name);
    if (!buf && tambon.isDemo) buf = await materializeDemoFile(db, dataDir, tambon.id, name);
    if (!buf) throw notFound();
    return reply
      .header("content-type", contentType(name))
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header("x-content-type-options", "nosniff")
      .send(buf);
  });

  app.get<{ Params: { id: string } }>("/pages/:id", async (req, reply) => {
    const tambon = read(req);
    const [page] = await db
      .select()
      .from(sitePages)
      .where(
        and(eq(sitePages.id, requireIdSlug(req.params.id)), eq(sitePages.tambonId, tambon.id)),
      );
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    if (!page || (!page.published && !editor)) throw notFound();
    const title = req.lang === "en" && page.titleEn ? page.titleEn : page.titleTh;
    const docs = await listDocuments(db, tambon.id, { pageId: page.id });
    const description = plainText(page.bodyMd).slice(0, 160) || `${title} · ${siteName(req)}`;
    return reply.page(
      title,
      <PageView
        title={title}
        html={page.bodyHtml}
        updatedAt={page.updatedAt}
        docs={docs}
        canEdit={editor ? url(tambon, `/admin/site/pages/${page.id}`) : null}
      />,
      {
        description,
        head: shareHead({
          url: absolute(req, url(tambon, pagePath(page))),
          title,
          description,
          image: null,
          type: "website",
          siteName: siteName(req),
          modified: page.updatedAt,
        }),
      },
    );
  });

  app.get<{ Querystring: { category?: string; page?: string } }>("/news", async (req, reply) => {
    const tambon = read(req);
    const categories = await listCategories(db, tambon.id);
    const category = categories.find((c) => c.slug === req.query.category);
    const page = parsePage(req.query.page);
    const { total, items } = await listNews(db, tambon.id, {
      categoryId: category?.id ?? null,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const t = msg.t(req.lang);
    return reply.page(
      category
        ? req.lang === "en" && category.nameEn
          ? category.nameEn
          : category.nameTh
        : t("news.title"),
      <NewsList
        items={items}
        categories={categories}
        category={category}
        page={page}
        pages={pageCount(total)}
        total={total}
      />,
      {
        description: `${t("news.title")} · ${siteName(req)}`,
        head: (
          <link
            rel="alternate"
            type="application/atom+xml"
            title={t("news.feed")}
            href={url(tambon, "/feed.xml")}
          />
        ),
      },
    );
  });

  app.get<{ Params: { id: string } }>("/news/:id", async (req, reply) => {
    const tambon = read(req);
    const [news] = await db
      .select()
      .from(siteNews)
      .where(and(eq(siteNews.id, requireIdSlug(req.params.id)), eq(siteNews.tambonId, tambon.id)));
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    if (!news || (!isLive(news) && !editor)) throw notFound();
    const [[category], [cover], photos, docs] = await Promise.all([
      news.categoryId
        ? db
            .select()
            .from(siteCategories)
            .where(
              and(eq(siteCategories.id, news.categoryId), eq(siteCategories.tambonId, tambon.id)),
            )
        : Promise.resolve([]),
      news.coverPhotoId
        ? db
            .select()
            .from(sitePhotos)
            .where(and(eq(sitePhotos.id, news.coverPhotoId), eq(sitePhotos.tambonId, tambon.id)))
        : Promise.resolve([]),
      news.albumId ? albumPhotos(db, tambon.id, news.albumId) : Promise.resolve([]),
      listDocuments(db, tambon.id, { newsId: news.id }),
    ]);
    const canonical = absolute(req, url(tambon, newsPath(news)));
    const description = (news.summary || plainText(news.bodyMd)).slice(0, 200) || news.title;
    const image = cover ? absolute(req, url(tambon, `/uploads/site/${cover.file}-l.webp`)) : null;
    return reply.page(
      news.title,
      <NewsView
        news={news}
        category={category}
        cover={cover ?? null}
        photos={photos}
        albumId={news.albumId}
        docs={docs}
        shareUrl={canonical}
        canEdit={editor ? url(tambon, `/admin/site/news/${news.id}`) : null}
      />,
      {
        description,
        head: shareHead({
          url: canonical,
          title: news.title,
          description,
          image,
          type: "article",
          siteName: siteName(req),
          published: news.publishAt,
          modified: news.updatedAt,
        }),
      },
    );
  });

  app.get("/galleries", async (req, reply) => {
    const tambon = read(req);
    const albums = await listAlbums(db, tambon.id, { publishedOnly: true });
    return reply.page(msg.t(req.lang)("gallery.title"), <GalleryList albums={albums} />, {
      description: `${msg.t(req.lang)("gallery.title")} · ${siteName(req)}`,
    });
  });

  app.get<{ Params: { id: string } }>("/galleries/:id", async (req, reply) => {
    const tambon = read(req);
    const [album] = await db
      .select()
      .from(siteAlbums)
      .where(and(eq(siteAlbums.id, requireId(req.params.id)), eq(siteAlbums.tambonId, tambon.id)));
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
    const [photo] = await db
      .select()
      .from(sitePhotos)
      .where(and(eq(sitePhotos.id, requireId(req.params.id)), eq(sitePhotos.tambonId, tambon.id)));
    if (!photo || (photo.albumId === null && photo.postId === null)) throw notFound();
    const t = msg.t(req.lang);
    let back: { href: string; label: string };
    if (photo.albumId !== null) {
      const [album] = await db
        .select()
        .from(siteAlbums)
        .where(and(eq(siteAlbums.id, photo.albumId), eq(siteAlbums.tambonId, tambon.id)));
      if (!album?.published) throw notFound();
      back = { href: url(tambon, `/galleries/${album.id}`), label: album.title };
    } else {
      const [post] = await db
        .select()
        .from(sitePosts)
        .where(and(eq(sitePosts.id, photo.postId!), eq(sitePosts.tambonId, tambon.id)));
      if (post?.status !== "approved") throw notFound();
      back = { href: url(tambon, `/corner/${post.id}`), label: post.title };
    }
    const siblings = await db
      .select({ id: sitePhotos.id })
      .from(sitePhotos)
      .where(
        and(
          eq(sitePhotos.tambonId, tambon.id),
          photo.albumId !== null
            ? eq(sitePhotos.albumId, photo.albumId)
            : eq(sitePhotos.postId, photo.postId!),
        ),
      )
      .orderBy(asc(sitePhotos.position), asc(sitePhotos.id));
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

  app.get("/documents", async (req, reply) => {
    const tambon = read(req);
    const docs = await listDocuments(db, tambon.id);
    return reply.page(msg.t(req.lang)("docs.title"), <DocumentsPage docs={docs} />, {
      description: `${msg.t(req.lang)("docs.title")} · ${siteName(req)}`,
    });
  });

  app.get<{ Querystring: { q?: string; page?: string } }>("/search", async (req, reply) => {
    const tambon = read(req);
    const q = parseSearch(req.query.q);
    const page = parsePage(req.query.page);
    const { total, capped, hits } = q
      ? await searchSiteCached(db, tambon.id, q, {
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : { total: 0, capped: false, hits: [] };
    return reply.page(
      q ? `${msg.t(req.lang)("search.title")}: ${q}` : msg.t(req.lang)("search.title"),
      <SearchPage
        q={q}
        total={total}
        capped={capped}
        hits={hits}
        page={page}
        pages={pageCount(total)}
      />,
      { description: `${msg.t(req.lang)("search.title")} · ${siteName(req)}` },
    );
  });

  // Members' corner.
  const cornerPage = async (req: FastifyRequest, form: FormState, page = 1) => {
    const tambon = currentTambon(req);
    const posts = await paged(
      page,
      () => countPosts(db, tambon.id, "approved"),
      (w) => listPosts(db, tambon.id, "approved", w.limit, w.offset),
    );
    return (
      <CornerPage
        posts={posts}
        canPost={can(req.actor, "site.post", { tambonId: tambon.id })}
        form={form}
      />
    );
  };

  app.get<{ Querystring: { page?: string } }>("/corner", async (req, reply) => {
    read(req);
    return reply.page(
      msg.t(req.lang)("corner.title"),
      await cornerPage(req, emptyForm(), parsePage(req.query.page)),
      {
        description: msg.t(req.lang)("corner.intro"),
      },
    );
  });

  app.post("/corner", cornerUpload("site.post"), async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "site.post", { tambonId: tambon.id });
    const body = formBody(req);
    const got = readUploads(req, "photos");
    const refused = uploadError(req, got);
    const files = refused ? [] : got.files;
    const stored = [];
    let errors: Record<string, FieldError<SiteKey | CoreKey>> | null = refused
      ? { photos: refused }
      : null;
    for (const f of files) {
      const r = await storePhoto(dataDir, tambon.id, f);
      if (!r.ok) {
        errors = r.errors;
        break;
      }
      stored.push({ ...r.value, originalName: f.filename });
    }
    const result = errors ? null : await createPost(db, req.actor, tambon.id, body);
    if (errors || !result?.ok) {
      for (const s of stored) await discardPhoto(dataDir, tambon.id, s);
      const form = failedForm(
        body,
        errors ?? (result as { errors: Record<string, FieldError<SiteKey | CoreKey>> }).errors,
        req.lang,
        msg,
      );
      return reply.page(msg.t(req.lang)("corner.title"), await cornerPage(req, form), {
        status: 422,
      });
    }
    if (stored.length)
      await addPhotos(db, req.actor, tambon.id, { postId: result.value.id }, stored, {
        asMember: true,
      });
    const t = msg.t(req.lang);
    return result.value.status === "approved"
      ? reply.seeOther(url(tambon, `/corner/${result.value.id}`), t("admin.saved"))
      : reply.seeOther(url(tambon, "/corner"), t("corner.sent"));
  });

  const postPage = async (req: FastifyRequest, id: number, form: FormState) => {
    const tambon = currentTambon(req);
    const [post] = await db
      .select({
        id: sitePosts.id,
        title: sitePosts.title,
        body: sitePosts.body,
        status: sitePosts.status,
        createdAt: sitePosts.createdAt,
        authorName: users.name,
      })
      .from(sitePosts)
      .leftJoin(users, eq(users.id, sitePosts.authorId))
      .where(and(eq(sitePosts.id, id), eq(sitePosts.tambonId, tambon.id)));
    if (
      !post ||
      (post.status !== "approved" && !can(req.actor, "site.moderate", { tambonId: tambon.id }))
    )
      throw notFound();
    const [photos, comments] = await Promise.all([
      db
        .select()
        .from(sitePhotos)
        .where(and(eq(sitePhotos.tambonId, tambon.id), eq(sitePhotos.postId, post.id)))
        .orderBy(asc(sitePhotos.position)),
      db
        .select({
          id: siteComments.id,
          body: siteComments.body,
          createdAt: siteComments.createdAt,
          authorName: users.name,
        })
        .from(siteComments)
        .leftJoin(users, eq(users.id, siteComments.authorId))
        .where(
          and(
            eq(siteComments.tambonId, tambon.id),
            eq(siteComments.postId, post.id),
            eq(siteComments.hidden, false),
          ),
        )
        .orderBy(asc(siteComments.createdAt)),
    ]);
    return {
      title: post.title,
      node: (
        <PostPage
          post={post}
          photos={photos}
          comments={comments}
          canComment={
            post.status === "approved" && can(req.actor, "site.post", { tambonId: tambon.id })
          }
          form={form}
        />
      ),
    };
  };

  app.get<{ Params: { id: string } }>("/corner/:id", async (req, reply) => {
    read(req);
    const p = await postPage(req, requireId(req.params.id), emptyForm());
    return reply.page(p.title, p.node, { description: p.title });
  });

  app.post<{ Params: { id: string } }>("/corner/:id/comments", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "site.post", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const body = formBody(req);
    const r = await addComment(db, req.actor, tambon.id, id, body);
    if (!r.ok) {
      throwIfDenied(r);
      const p = await postPage(req, id, failedForm(body, r.errors, req.lang, msg));
      return reply.page(p.title, p.node, { status: 422 });
    }
    return reply.seeOther(
      url(tambon, `/corner/${id}#c${r.value}`),
      msg.t(req.lang)("corner.commentSent"),
    );
  });

  app.post<{ Params: { id: string } }>("/corner/:id/report", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "site.post", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const body = formBody(req);
    const r = await reportContent(db, req.actor, tambon.id, id, body);
    if (!r.ok) {
      throwIfDenied(r);
      const p = await postPage(req, id, failedForm(body, r.errors, req.lang, msg));
      return reply.page(p.title, p.node, { status: 422 });
    }
    return reply.seeOther(url(tambon, `/corner/${id}`), msg.t(req.lang)("corner.reported"));
  });

  // Job market.
  const jobsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [jobs, links] = await Promise.all([
      listOpenJobs(db, tambon.id),
      listLinks(db, tambon.id),
    ]);
    return (
      <JobsPage
        jobs={jobs}
        links={links}
        canPost={can(req.actor, "site.post", { tambonId: tambon.id })}
        form={form}
      />
    );
  };

  app.get("/jobs", async (req, reply) => {
    read(req);
    return reply.page(msg.t(req.lang)("jobs.title"), await jobsPage(req, emptyForm()), {
      description: msg.t(req.lang)("jobs.intro"),
    });
  });

  app.post("/jobs", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "site.post", { tambonId: tambon.id });
    const body = formBody(req);
    const r = await saveJob(db, req.actor, tambon.id, body);
    if (!r.ok)
      return reply.page(
        msg.t(req.lang)("jobs.title"),
        await jobsPage(req, failedForm(body, r.errors, req.lang, msg)),
        { status: 422 },
      );
    const t = msg.t(req.lang);
    return r.value.status === "approved"
      ? reply.seeOther(url(tambon, `/jobs/${r.value.id}`), t("admin.saved"))
      : reply.seeOther(url(tambon, "/jobs"), t("jobs.sent"));
  });

  app.get<{ Params: { id: string } }>("/jobs/:id", async (req, reply) => {
    const tambon = read(req);
    const [job] = await db
      .select()
      .from(siteJobs)
      .where(and(eq(siteJobs.id, requireId(req.params.id)), eq(siteJobs.tambonId, tambon.id)));
    if (!job || (!isOpen(job) && !can(req.actor, "site.edit", { tambonId: tambon.id })))
      throw notFound();
    return reply.page(job.title, <JobView job={job} />, {
      description: `${job.title} · ${job.employer}`,
    });
  });

  // Visitor statistics.
  app.get("/stats", async (req, reply) => {
    const tambon = read(req);
    const [stats, days, top] = await Promise.all([
      siteStats(db, tambon.id, tambon.siteOpened),
      visitsPerDay(db, tambon.id, 30),
      topPages(db, tambon.id, 30, 10),
    ]);
    return reply.page(
      msg.t(req.lang)("stats.pageTitle"),
      <StatsPage
        stats={stats}
        days={days}
        top={top}
        chartUrl={url(tambon, `/stats/visits.svg?lang=${req.lang}`)}
        topChartUrl={url(tambon, `/stats/top-pages.svg?lang=${req.lang}`)}
        topChartHeight={topChartHeight(top.length)}
      />,
      { description: msg.t(req.lang)("stats.privacy").slice(0, 150) },
    );
  });

  app.get("/stats/visits.svg", async (req, reply) => {
    const tambon = read(req);
    reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return sendGenerated(
      req,
      reply,
      tambon,
      "visits.svg",
      "image/svg+xml; charset=utf-8",
      async () => chartSvg(await visitsPerDay(db, tambon.id, 30), req.lang),
    );
  });

  app.get("/stats/top-pages.svg", async (req, reply) => {
    const tambon = read(req);
    reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return sendGenerated(
      req,
      reply,
      tambon,
      "top-pages.svg",
      "image/svg+xml; charset=utf-8",
      async () => topPagesSvg(await topPages(db, tambon.id, 30, 10), tambon.slug, req.lang),
    );
  });

  // Transparency (ITA/OIT).
  app.get<{ Querystring: { year?: string } }>("/transparency", async (req, reply) => {
    const tambon = read(req);
    const { year, years, items } = await itaRows(req, tambon, req.query.year);
    return reply.page(
      msg.t(req.lang)("ita.title"),
      <TransparencyPage year={year} years={years} items={items} />,
      { description: msg.t(req.lang)("ita.intro", { year }).slice(0, 160) },
    );
  });

  /** The items of a fiscal year with where each is published. */
  async function itaRows(req: FastifyRequest, tambon: Tambon, yearParam?: string) {
    const all = await db
      .select({ year: itaItems.fiscalYear })
      .from(itaItems)
      .where(eq(itaItems.tambonId, tambon.id))
      .groupBy(itaItems.fiscalYear)
      .orderBy(desc(itaItems.fiscalYear));
    const years = all.map((r) => r.year);
    const year = years.includes(Number(yearParam)) ? Number(yearParam) : (years[0] ?? 0);
    const rows = await db
      .select()
      .from(itaItems)
      .where(and(eq(itaItems.tambonId, tambon.id), eq(itaItems.fiscalYear, year)))
      .orderBy(asc(itaItems.position));
    const [pages, news, docs] = await Promise.all([
      db.select().from(sitePages).where(eq(sitePages.tambonId, tambon.id)),
      db
        .select({
          id: siteNews.id,
          slug: siteNews.slug,
          title: siteNews.title,
          status: siteNews.status,
          publishAt: siteNews.publishAt,
        })
        .from(siteNews)
        .where(eq(siteNews.tambonId, tambon.id)),
      db.select().from(siteDocuments).where(eq(siteDocuments.tambonId, tambon.id)),
    ]);
    const items: ItaRow[] = rows.map((r) => {
      let href: string | null = null;
      let label: string | null = null;
      if (r.linkKind === "page") {
        const p = pages.find((x) => x.id === r.linkId && x.published);
        if (p)
          [href, label] = [
            url(tambon, pagePath(p)),
            req.lang === "en" && p.titleEn ? p.titleEn : p.titleTh,
          ];
      } else if (r.linkKind === "news") {
        const n = news.find((x) => x.id === r.linkId && isLive(x));
        if (n) [href, label] = [url(tambon, newsPath(n)), n.title];
      } else if (r.linkKind === "document") {
        const d = docs.find((x) => x.id === r.linkId);
        if (d)
          [href, label] = [url(tambon, documentPath(d)), `${d.title} (${d.ext.toUpperCase()})`];
      } else if (r.linkKind === "url" && r.linkUrl) {
        href = r.linkUrl.startsWith("/") ? url(tambon, r.linkUrl) : r.linkUrl;
        label = r.linkUrl.startsWith("/") ? decodeURI(r.linkUrl) : new URL(r.linkUrl).host;
      }
      return {
        id: r.id,
        code: r.code,
        groupCode: r.groupCode,
        groupTitle: r.groupTitle,
        title: r.title,
        href,
        linkLabel: label,
      };
    });
    return { year, years, items, rows };
  }

  // Complaints.
  const complaintsPage = async (req: FastifyRequest, form: FormState) => (
    <ComplaintsPage form={form} perMonth={await complaintsPerMonth(db, currentTambon(req).id)} />
  );

  app.get("/complaints", async (req, reply) => {
    read(req);
    return reply.page(msg.t(req.lang)("complaint.title"), await complaintsPage(req, emptyForm()), {
      description: msg.t(req.lang)("complaint.intro"),
    });
  });

  app.post("/complaints", COMPLAINT_UPLOAD, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "complaint.file", { tambonId: tambon.id });
    const body = formBody(req);
    const got = readUploads(req, "photo");
    const refused = uploadError(req, got);
    if (refused)
      return reply.page(
        msg.t(req.lang)("complaint.title"),
        await complaintsPage(req, failedForm(body, { photo: refused }, req.lang, msg)),
        { status: 422 },
      );
    const [file] = got.files;
    let photo: string | null = null;
    if (file) {
      const stored = await storePrivatePhoto(dataDir, tambon.id, file);
      if (!stored.ok)
        return reply.page(
          msg.t(req.lang)("complaint.title"),
          await complaintsPage(req, failedForm(body, stored.errors, req.lang, msg)),
          { status: 422 },
        );
      photo = stored.value;
    }
    const r = await fileComplaint(db, req.actor, tambon.id, body, photo);
    if (!r.ok) {
      // The complaint was not filed: its photo is not kept.
      if (photo) await removePrivatePhoto(dataDir, tambon.id, photo);
      return reply.page(
        msg.t(req.lang)("complaint.title"),
        await complaintsPage(req, failedForm(body, r.errors, req.lang, msg)),
        { status: 422 },
      );
    }
    return reply.seeOther(
      url(tambon, `/complaints/track?code=${r.value.code}`),
      msg.t(req.lang)("complaint.filed", { code: r.value.code }),
    );
  });

  app.get<{ Querystring: { code?: string } }>(
    "/complaints/track",
    { config: { rateLimit: TRACK_RATE_LIMIT } },
    async (req, reply) => {
      const tambon = read(req);
      const raw = typeof req.query.code === "string" ? req.query.code.slice(0, 40) : "";
      const code = normaliseCode(raw);
      let complaint = null;
      let events: { status: string; note: string; at: Date }[] = [];
      if (code) {
        [complaint] = await db
          .select()
          .from(siteComplaints)
          .where(and(eq(siteComplaints.code, code), eq(siteComplaints.tambonId, tambon.id)));
        if (complaint)
          events = await db
            .select({
              status: siteComplaintEvents.status,
              note: siteComplaintEvents.note,
              at: siteComplaintEvents.at,
            })
            .from(siteComplaintEvents)
            .where(
              and(
                eq(siteComplaintEvents.complaintId, complaint.id),
                eq(siteComplaintEvents.tambonId, tambon.id),
              ),
            )
            .orderBy(asc(siteComplaintEvents.at), asc(siteComplaintEvents.id));
      }
      // The tracking code is the filer's secret: never kept in the shared page cache.
      req.cacheKey = null;
      reply.header("x-robots-tag", "noindex");
      return reply.page(
        msg.t(req.lang)("complaint.track"),
        <TrackPage code={raw} complaint={complaint ?? null} events={events} />,
      );
    },
  );

  app.get<{ Params: { name: string } }>(
    "/admin/site/complaint-photos/:name",
    async (req, reply) => {
      const tambon = currentTambon(req);
      const name = req.params.name;
      const [c] = await db
        .select({ channel: siteComplaints.channel })
        .from(siteComplaints)
        .where(and(eq(siteComplaints.photo, name), eq(siteComplaints.tambonId, tambon.id)));
      if (!c) throw notFound();
      authorize(req, c.channel === "corruption" ? "complaint.corruption" : "complaint.manage", {
        tambonId: tambon.id,
      });
      const buf = await readPrivateFile(dataDir, tambon.id, name);
      if (!buf) throw notFound();
      return reply
        .header("content-type", "image/jpeg")
        .header("cache-control", "private, no-store")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(buf);
    },
  );

  // Feeds and sharing.
  app.get("/feed.xml", async (req, reply) => {
    const tambon = read(req);
    return sendGenerated(
      req,
      reply,
      tambon,
      "feed",
      "application/atom+xml; charset=utf-8",
      async () => {
        const { items } = await listNews(db, tambon.id, { limit: 20 });
        const full = await db
          .select({ id: siteNews.id, updatedAt: siteNews.updatedAt })
          .from(siteNews)
          .where(eq(siteNews.tambonId, tambon.id));
        const site = absolute(req, url(tambon, ""));
        const updated = items[0]?.publishAt ?? new Date(0);
        const entries = items
          .map((n) => {
            const link = absolute(req, url(tambon, newsPath(n)));
            const up = full.find((f) => f.id === n.id)?.updatedAt ?? n.publishAt!;
            return `<entry><title>${xml(n.title)}</title><link href="${xml(link)}"/><id>${xml(link)}</id><published>${n.publishAt!.toISOString()}</published><updated>${new Date(Math.max(up.getTime(), n.publishAt!.getTime())).toISOString()}</updated><summary>${xml(n.summary)}</summary>${n.coverFile ? `<link rel="enclosure" type="image/webp" href="${xml(absolute(req, url(tambon, `/uploads/site/${n.coverFile}-l.webp`)))}"/>` : ""}</entry>`;
          })
          .join("");
        return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th"><title>${xml(tambonTitle(tambon, req.lang))}</title><link href="${xml(site)}"/><link rel="self" href="${xml(absolute(req, url(tambon, "/feed.xml")))}"/><id>${xml(site)}</id><updated>${updated.toISOString()}</updated>${entries}</feed>`;
      },
    );
  });

  app.get("/sitemap.xml", async (req, reply) => {
    const tambon = read(req);
    return sendGenerated(
      req,
      reply,
      tambon,
      "sitemap",
      "application/xml; charset=utf-8",
      async () => {
        const now = new Date();
        const [pages, news, albums, jobs] = await Promise.all([
          db
            .select()
            .from(sitePages)
            .where(and(eq(sitePages.tambonId, tambon.id), eq(sitePages.published, true))),
          db
            .select({ id: siteNews.id, slug: siteNews.slug, updatedAt: siteNews.updatedAt })
            .from(siteNews)
            .where(
              and(
                eq(siteNews.tambonId, tambon.id),
                eq(siteNews.status, "published"),
                lt(siteNews.publishAt, now),
              ),
            )
            .orderBy(desc(siteNews.publishAt))
            .limit(5000),
          db
            .select()
            .from(siteAlbums)
            .where(and(eq(siteAlbums.tambonId, tambon.id), eq(siteAlbums.published, true))),
          listOpenJobs(db, tambon.id),
        ]);
        const loc = (path: string, mod?: Date) =>
          `<url><loc>${xml(absolute(req, url(tambon, path)))}</loc>${mod ? `<lastmod>${mod.toISOString().slice(0, 10)}</lastmod>` : ""}</url>`;
        const urls = [
          loc(""),
          ...[
            "/news",
            "/galleries",
            "/documents",
            "/corner",
            "/jobs",
            "/complaints",
            "/transparency",
            "/stats",
          ].map((p) => loc(p)),
          ...pages.map((p) => loc(pagePath(p), p.updatedAt)),
          ...news.map((n) => loc(newsPath(n), n.updatedAt)),
          ...albums.map((a) => loc(`/galleries/${a.id}`, a.updatedAt)),
          ...jobs.map((j) => loc(`/jobs/${j.id}`)),
        ];
        return `<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`;
      },
    );
  });

  app.get("/robots.txt", async (req, reply) => {
    const tambon = read(req);
    const base = url(tambon, "");
    return reply
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(
        `User-agent: *\nAllow: /\nDisallow: ${base}/admin\nDisallow: ${base}/complaints/track\nSitemap: ${absolute(req, `${base}/sitemap.xml`)}\n`,
      );
  });
}
