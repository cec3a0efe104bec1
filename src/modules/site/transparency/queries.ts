import { asc, desc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { documentPath } from "../documents/commands.ts";
import { isLive, newsPath } from "../news/commands.ts";
import { pagePath } from "../pages/commands.ts";
import { itaItems, siteCategories, siteDocuments, siteNews, sitePages } from "../schema.ts";
import { url } from "../shared/helpers.tsx";
import type { ItaRow } from "./views.tsx";
import { countQuestions } from "../qa/queries.ts";
import { msg } from "../messages.ts";
import { itemDetail } from "./lists.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const qaTitle = (lang: Lang) => msg.t(lang)("qa.title");

/**
 * The fiscal years a tambon has items for (latest first), the year asked for (or the latest) and
 * its items in order.
 */
export async function itaYear(db: DbOrTx, tambonId: number, yearParam?: string) {
  const years = (
    await db
      .select({ year: itaItems.fiscalYear })
      .from(itaItems)
      .where(tambonWhere(itaItems, tambonId))
      .groupBy(itaItems.fiscalYear)
      .orderBy(desc(itaItems.fiscalYear))
  ).map((r) => r.year);
  const year = years.includes(Number(yearParam)) ? Number(yearParam) : (years[0] ?? 0);
  const rows = await tambonRows(
    db,
    itaItems,
    tambonId,
    { fiscalYear: year },
    asc(itaItems.position),
  );
  return { year, years, rows };
}

/** The items of a fiscal year with where each is published (links to hidden records are left out). */
export async function itaRows(db: DbOrTx, tambon: Tambon, lang: Lang, yearParam?: string) {
  const { year, years, rows } = await itaYear(db, tambon.id, yearParam);
  const [pages, news, docs, categories, answered] = await Promise.all([
    tambonRows(db, sitePages, tambon.id),
    db
      .select({
        ...pick(siteNews, "id", "slug", "title", "status", "publishAt", "categoryId"),
      })
      .from(siteNews)
      .where(tambonWhere(siteNews, tambon.id)),
    tambonRows(db, siteDocuments, tambon.id),
    tambonRows(db, siteCategories, tambon.id),
    countQuestions(db, tambon.id, "answered"),
  ]);
  const sameName = (a: string, b: string) =>
    a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();
  const items: ItaRow[] = rows.map((r) => {
    let href: string | null = null;
    let label: string | null = null;
    if (r.linkKind === "page") {
      const p = pages.find((x) => x.id === r.linkId && x.published);
      if (p)
        [href, label] = [
          url(tambon, pagePath(p)),
          lang === "en" && p.titleEn ? p.titleEn : p.titleTh,
        ];
    } else if (r.linkKind === "news") {
      const n = news.find((x) => x.id === r.linkId && isLive(x));
      if (n) [href, label] = [url(tambon, newsPath(n)), n.title];
    } else if (r.linkKind === "document") {
      const d = docs.find((x) => x.id === r.linkId);
      if (d) [href, label] = [url(tambon, documentPath(d)), `${d.title} (${d.ext.toUpperCase()})`];
    } else if (r.linkKind === "url" && r.linkUrl) {
      href = r.linkUrl.startsWith("/") ? url(tambon, r.linkUrl) : r.linkUrl;
      label = r.linkUrl.startsWith("/") ? decodeURI(r.linkUrl) : new URL(r.linkUrl).host;
    }
    const detail = itemDetail(year, r.code, lang);
    if (!href && !r.linkKind && detail?.check === "qa" && answered > 0)
      // A two-way channel: questions asked in public and answered by staff.
      [href, label] = [url(tambon, "/qa"), qaTitle(lang)];
    if (!href && !r.linkKind) {
      // An item no one linked, named as a news category is (ข่าวประชาสัมพันธ์ …), is met by that
      // category's list once it has published news.
      const c = categories.find(
        (x) => sameName(x.nameTh, r.title) || (!!x.nameEn && sameName(x.nameEn, r.title)),
      );
      if (c && news.some((n) => n.categoryId === c.id && isLive(n)))
        [href, label] = [
          url(tambon, `/news?category=${encodeURIComponent(c.slug)}`),
          lang === "en" && c.nameEn ? c.nameEn : c.nameTh,
        ];
    }
    return {
      ...pick(r, "id", "code", "groupCode"),
      groupTitle: detail?.groupTitle ?? r.groupTitle,
      title: detail?.title ?? r.title,
      hint: detail?.satisfiedBy ?? null,
      href,
      linkLabel: label,
    };
  });
  return { year, years, items };
}
