import { sitePages } from "../schema.ts";
import { z } from "zod";
import { fields } from "../../../core/forms.ts";
import { idSlug, plainText, slugify } from "../shared/text.ts";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { ok } from "../../../core/result.ts";
import { renderMarkdown } from "../../../core/markdown.ts";
import { indexItem, unindexItem } from "../search/commands.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { saveSiteRow, type SaveCommand } from "../shared/save-row.ts";
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
export const savePage: SaveCommand<Page> = (db, actor, tambonId, input, pageId) =>
  saveSiteRow(db, actor, tambonId, input, pageId, {
    table: sitePages,
    schema,
    audit: ["site.page.create", "site.page.update", "site_page"],
    values: async (_tx, v) =>
      ok({
        set: {
          ...pick(v, "titleTh", "titleEn", "bodyMd"),
          bodyHtml: renderMarkdown(v.bodyMd),
          published: v.published,
          updatedAt: new Date(),
        },
      }),
    then: async (tx, page) => {
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
    },
    after: (page) => pick(page, "titleTh", "published"),
    before: (current) => pick(current, "titleTh", "published"),
  });

/** Deletes a page (its documents stay, unattached). */
export const deletePage = (db: Db, actor: Actor, tambonId: number, pageId: number) =>
  deleteSiteRow(db, actor, tambonId, sitePages, pageId, {
    action: "site.page.delete",
    targetType: "site_page",
    before: (row) => ({ titleTh: row.titleTh }),
    then: (tx) => unindexItem(tx, tambonId, "page", pageId),
  });
