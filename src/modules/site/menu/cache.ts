import { listMenu } from "./queries.ts";
import { type Db } from "../../../core/db/index.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { type Tambon } from "../../../core/tenancy.ts";
import { type Lang } from "../../../core/i18n/index.ts";
import { type NavItem } from "../../../core/views/ctx.ts";

export type Row = Awaited<ReturnType<typeof listMenu>>[number];

export const loaded = new Map<number, Row[]>();

/** Loads a tambon's menu before a page renders (kept until the tambon changes). */
export async function ensureMenu(db: Db, tambonId: number): Promise<void> {
  loaded.set(tambonId, await pageCache.memo(tambonId, "site-menu", () => listMenu(db, tambonId)));
}

/** The href of a menu entry: site paths are inside the tambon, addresses stay as they are. */
export function menuHref(tambon: Pick<Tambon, "slug">, href: string): string {
  return href.startsWith("/") ? `/t/${tambon.slug}${href}` : href;
}

/** The tambon's menu as layout entries (sub-menus as children); no I/O. */
export function menuFor(tambon: Tambon, lang: Lang): NavItem[] {
  const rows = loaded.get(tambon.id) ?? [];
  const label = (r: Row) => (lang === "en" && r.labelEn ? r.labelEn : r.labelTh);
  return rows
    .filter((r) => r.parentId === null)
    .map((top) => {
      const children = rows
        .filter((c) => c.parentId === top.id)
        .map((c) => ({ href: menuHref(tambon, c.href || "/"), label: label(c) }));
      return {
        href: top.href ? menuHref(tambon, top.href) : `#menu-${top.id}`,
        label: label(top),
        children: children.length ? children : undefined,
      };
    });
}
