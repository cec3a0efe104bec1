import { desc, eq } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { type SiteKey } from "../messages.ts";
import { siteDocuments, siteNews, sitePages } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/**
 * What a document or a transparency item may be attached to, as choices of a select: the
 * tambon's pages, its latest news (at most `newsLimit`) and, when asked, its documents. With
 * `publishedOnly` (what visitors follow, as a transparency item) only published pages and news
 * (documents are public once uploaded): a draft would be a link that leads nowhere.
 */
export async function linkTargets(
  db: DbOrTx,
  tambonId: number,
  t: (key: SiteKey) => string,
  opts: { newsLimit: number; documents: boolean; publishedOnly?: boolean },
): Promise<{ value: string; label: string }[]> {
  const only = opts.publishedOnly ?? false;
  const [pages, news, docs] = await Promise.all([
    db
      .select({ id: sitePages.id, title: sitePages.titleTh })
      .from(sitePages)
      .where(
        tambonWhere(sitePages, tambonId, {}, only ? eq(sitePages.published, true) : undefined),
      ),
    db
      .select({ id: siteNews.id, title: siteNews.title })
      .from(siteNews)
      .where(
        tambonWhere(siteNews, tambonId, {}, only ? eq(siteNews.status, "published") : undefined),
      )
      .orderBy(desc(siteNews.updatedAt))
      .limit(opts.newsLimit),
    opts.documents
      ? db
          .select({ id: siteDocuments.id, title: siteDocuments.title })
          .from(siteDocuments)
          .where(tambonWhere(siteDocuments, tambonId))
      : [],
  ]);
  return [
    ...pages.map((p) => ({ value: `page:${p.id}`, label: `${t("admin.pages")}: ${p.title}` })),
    ...news.map((n) => ({ value: `news:${n.id}`, label: `${t("admin.news")}: ${n.title}` })),
    ...docs.map((d) => ({
      value: `document:${d.id}`,
      label: `${t("admin.documents")}: ${d.title}`,
    })),
  ];
}
