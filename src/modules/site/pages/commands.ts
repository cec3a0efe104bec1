import { sitePages } from "../schema.ts";
import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { auditSite } from "../shared/fields.ts";
import { idSlug, plainText, slugify } from "../shared/text.ts";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { renderMarkdown } from "../../../core/markdown.ts";
import { indexItem, unindexItem } from "../search/commands.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { tambonRow } from "../../../core/db/tambon-row.ts";
import { saveOwned } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";

/** A page row. */
export type Page = typeof sitePages.$inferSelect;

export const schema = z.object({
  titleTh: fields.text(200),
  titleEn: fields.optionalText(200),
  bodyMd: fields.optionalText(100_000),
  published: fields.checkbox(),
});

/** The path of a page inside its tambon's site. */
export function pagePath(page: Pick<Page, "id" | "titleTh">): string {
  return `/pages/${idSlug(page.id, slugify(page.titleTh))}`;
}

/** Creates or edits a page: validate → authorize → write + index + audit in one transaction. */
export async function savePage(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  pageId?: number,
): Promise<Result<Page, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx) => {
    const current = pageId ? await tambonRow(tx, sitePages, tambonId, pageId) : undefined;
    if (pageId && !current) return missing();
    const values = {
      ...pick(v, "titleTh", "titleEn", "bodyMd"),
      bodyHtml: renderMarkdown(v.bodyMd),
      published: v.published,
      updatedAt: new Date(),
    };
    const page = await saveOwned(tx, sitePages, tambonId, current, values, {
      tambonId,
      ...pick(values, "titleTh", "titleEn", "bodyMd", "bodyHtml", "published", "updatedAt"),
    });
    if (page.published) {
      await indexItem(tx, {
        tambonId,
        kind: "page",
        refId: page.id,
        title: [page.titleTh, page.titleEn].filter(Boolean).join(" · "),
        body: plainText(page.bodyMd),
        url: pagePath(page),
      });
    } else await unindexItem(tx, tambonId, "page", page.id);
    await auditSite(
      tx,
      actor,
      tambonId,
      current ? "site.page.update" : "site.page.create",
      "site_page",
      page.id,
      { titleTh: page.titleTh, published: page.published },
      current ? { titleTh: current.titleTh, published: current.published } : null,
    );
    return ok(page);
  });
}

/** Deletes a page (its documents stay, unattached). */
export const deletePage = (db: Db, actor: Actor, tambonId: number, pageId: number) =>
  deleteSiteRow(db, actor, tambonId, sitePages, pageId, {
    action: "site.page.delete",
    targetType: "site_page",
    before: (row) => ({ titleTh: row.titleTh }),
    then: (tx) => unindexItem(tx, tambonId, "page", pageId),
  });
