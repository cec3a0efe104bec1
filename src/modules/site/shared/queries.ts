import { and, desc, eq, type InferSelectModel } from "drizzle-orm";
import { type AnyPgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type DbOrTx } from "../../../core/db/index.ts";
import { type SiteKey } from "../messages.ts";
import { siteDocuments, siteNews, sitePages } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** A table of the site whose rows have an id and belong to a tambon. */
type OwnedTable = PgTable & { id: AnyPgColumn; tambonId: AnyPgColumn };

/** One row of a tambon by its id (undefined when missing or another tambon's). */
export async function findOwned<T extends OwnedTable>(
  db: DbOrTx,
  table: T,
  tambonId: number,
  id: number,
): Promise<InferSelectModel<T> | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.tambonId, tambonId)));
  return row as InferSelectModel<T> | undefined;
}

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
          .where(eq(siteDocuments.tambonId, tambonId))
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
