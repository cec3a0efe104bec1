import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { absolute, read, shareHead, siteName, url } from "../shared/helpers.tsx";
import { keptCategories, keptNews, listNews } from "./queries.ts";
import { parsePage, requireIdSlug } from "../../../core/params.ts";
import { keptPage, PAGE_SIZE, pageCount, pageCursor } from "../../../core/paging.ts";
import { msg } from "../messages.ts";
import { NewsList, NewsView } from "./views.tsx";
import { can } from "../../../core/policy.ts";
import { isLive, newsPath } from "./commands.ts";
import { notFound } from "../../../core/errors.ts";
import { plainText } from "../shared/text.ts";

/** Public pages of news, mounted under /t/:tambon. */
export async function newsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{
    Querystring: { category?: string; page?: string; after?: string; before?: string };
  }>("/news", async (req, reply) => {
    const tambon = read(req);
    const categories = await keptCategories(db, tambon.id);
    const category = categories.find((c) => c.slug === req.query.category);
    const page = parsePage(req.query.page);
    // The pager's links name the item the next page follows (`after`) or the previous page
    // precedes (`before`): read from the index there. A bare `?page=N` is read by its offset.
    const categoryId = category?.id ?? null;
    const { total, items } = await keptPage(
      tambon.id,
      "site:news-page",
      [categoryId],
      page,
      pageCursor(page, req.query),
      (cursor) =>
        listNews(db, tambon.id, {
          categoryId,
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : { offset: (page - 1) * PAGE_SIZE }),
        }),
    );
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
    const id = requireIdSlug(req.params.id);
    // Kept until the tambon changes (or a few seconds pass); who may see it is decided below.
    const found = await keptNews(db, tambon.id, id);
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    if (!found || (!isLive(found.news) && !editor)) throw notFound();
    const { news, cover, photos, docs } = found;
    const category = news.categoryId
      ? (await keptCategories(db, tambon.id)).find((c) => c.id === news.categoryId)
      : undefined;
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
}
