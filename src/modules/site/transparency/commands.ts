import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { itaItems, siteDocuments, siteNews, sitePages } from "../schema.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { auditSite } from "../shared/fields.ts";
import { hasNul, parseId } from "../../../core/params.ts";
import { eq } from "drizzle-orm";

/** An ITA/OIT list as published (the shape of seed/ita-oit-2566.json). */
export interface ItaList {
  fiscalYearBE: number;
  items: { item: string; group?: string; groupTitle?: string; title: string }[];
}

/** Reads an ITA list from parsed JSON; null when it is not one (or holds text no column keeps). */
export function parseItaList(value: unknown): ItaList | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { fiscalYearBE?: unknown; items?: unknown };
  if (!Number.isInteger(v.fiscalYearBE) || !Array.isArray(v.items) || !v.items.length) return null;
  const year = v.fiscalYearBE as number;
  if (year < 2500 || year > 2700) return null;
  const items: ItaList["items"] = [];
  for (const raw of v.items as unknown[]) {
    const it = raw as Record<string, unknown>;
    if (typeof it?.item !== "string" || typeof it.title !== "string") return null;
    // PostgreSQL keeps no NUL character in text.
    if (hasNul(it)) return null;
    items.push({
      item: it.item.slice(0, 20),
      group: typeof it.group === "string" ? it.group.slice(0, 20) : "",
      groupTitle: typeof it.groupTitle === "string" ? it.groupTitle.slice(0, 200) : "",
      title: it.title.slice(0, 500),
    });
  }
  if (new Set(items.map((i) => i.item)).size !== items.length) return null;
  return { fiscalYearBE: year, items };
}

/** Writes a fiscal year's list (items already there keep their links). */
export async function writeItaList(tx: DbOrTx, tambonId: number, list: ItaList): Promise<number> {
  const rows = list.items.map((it, i) => ({
    tambonId,
    fiscalYear: list.fiscalYearBE,
    code: it.item,
    groupCode: it.group ?? "",
    groupTitle: it.groupTitle ?? "",
    title: it.title,
    position: i + 1,
  }));
  await tx
    .insert(itaItems)
    .values(rows)
    .onConflictDoNothing({ target: [itaItems.tambonId, itaItems.fiscalYear, itaItems.code] });
  return rows.length;
}

/** Staff load a new fiscal year's list. */
export async function loadItaList(
  db: Db,
  actor: Actor,
  tambonId: number,
  value: unknown,
): Promise<Result<ItaList, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const list = parseItaList(value);
  if (!list) return fail("file", "ita.badFile");
  return db.transaction(async (tx) => {
    const n = await writeItaList(tx, tambonId, list);
    await auditSite(tx, actor, tambonId, "site.ita.load", "ita_list", list.fiscalYearBE, {
      items: n,
    });
    return ok(list);
  });
}

/**
 * Staff link an item to what satisfies it: "page:ID", "news:ID", "document:ID", "url" (with an
 * address) or "" to unlink.
 */
export async function linkItaItem(
  db: Db,
  actor: Actor,
  tambonId: number,
  itemId: number,
  target: string,
  url: string,
): Promise<Result<true, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const m = /^(page|news|document):(\d{1,9})$/.exec(target);
  let link: {
    linkKind: "page" | "news" | "document" | "url" | null;
    linkId: number | null;
    linkUrl: string | null;
  } = {
    linkKind: null,
    linkId: null,
    linkUrl: null,
  };
  if (target === "url") {
    const u = url.trim();
    if (!/^https?:\/\/[^\s/]+\.\S+$/.test(u) && !/^\/(?![/\\])\S*$/.test(u))
      return fail("url", "err.href");
    link = { linkKind: "url", linkId: null, linkUrl: url.trim() };
  } else if (m) link = { linkKind: m[1] as "page", linkId: parseId(m[2]) ?? 0, linkUrl: null };
  else if (target !== "") return fail("target", "err.badId");
  return db.transaction(async (tx) => {
    if (link.linkKind && link.linkKind !== "url") {
      // Only a published record can meet an item: a draft is a link that leads nowhere.
      const published =
        link.linkKind === "page"
          ? eq(sitePages.published, true)
          : link.linkKind === "news"
            ? eq(siteNews.status, "published")
            : undefined;
      const table =
        link.linkKind === "page" ? sitePages : link.linkKind === "news" ? siteNews : siteDocuments;
      const [exists] = await tx
        .select({ id: table.id })
        .from(table)
        .where(tambonWhere(table, tambonId, { id: link.linkId! }, published));
      if (!exists) return fail("target", "err.badId");
    }
    const rows = await tx
      .update(itaItems)
      .set(link)
      .where(tambonWhere(itaItems, tambonId, { id: itemId }))
      .returning({ code: itaItems.code });
    if (!rows.length) return missing();
    await auditSite(tx, actor, tambonId, "site.ita.link", "ita_item", itemId, {
      code: rows[0]!.code,
      ...link,
    });
    return ok(true as const);
  });
}
