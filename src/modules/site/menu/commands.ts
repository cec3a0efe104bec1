import { siteMenuItems } from "../schema.ts";
import { z } from "zod";
import { fields } from "../../../core/forms.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";

import { deleteSiteRow } from "../shared/delete-row.ts";
import { tambonRow, tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { saveSiteRow, type SaveCommand, type SiteValues } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";

/** A menu entry row. */
export type MenuItem = typeof siteMenuItems.$inferSelect;

export const schema = z.object({
  labelTh: fields.text(80),
  labelEn: fields.optionalText(80),
  href: fields.optionalText(500),
  parentId: fields.optionalId(),
  position: fields.optionalInt(0, 1000),
});

/** True for a link a menu may hold: a path of this site or an https/http address. */
export function isMenuHref(href: string): boolean {
  return href === "" || /^\/(?![/\\])\S*$/.test(href) || /^https?:\/\/[^\s/]+\.\S+$/.test(href);
}

/** Creates or edits a menu entry (sub-menus one level deep). */
export const saveMenuItem: SaveCommand<MenuItem> = (db, actor, tambonId, input, itemId) =>
  saveSiteRow(db, actor, tambonId, input, itemId, {
    table: siteMenuItems,
    schema,
    audit: ["site.menu.create", "site.menu.update", "site_menu_item"],
    check: (v) => (isMenuHref(v.href) ? undefined : fail("href", "err.href")),
    values: (tx, v, current) => menuValues(tx, tambonId, v, current, itemId),
    after: (_row, set) => set,
    before: (current) => pick(current, "labelTh", "href"),
  });

/** The columns of a menu entry, or why its parent cannot hold it. */
async function menuValues(
  tx: DbOrTx,
  tambonId: number,
  v: z.output<typeof schema>,
  current: MenuItem | undefined,
  itemId: number | undefined,
): Promise<Result<SiteValues<typeof siteMenuItems>, SiteKey | CoreKey>> {
  if (v.parentId !== null) {
    const parent = await tambonRow(tx, siteMenuItems, tambonId, v.parentId);
    if (!parent) return fail("parentId", "err.badId");
    if (parent.parentId !== null || parent.id === itemId) return fail("parentId", "err.parent");
    if (current) {
      const [child] = await tx
        .select({ id: siteMenuItems.id })
        .from(siteMenuItems)
        .where(tambonWhere(siteMenuItems, tambonId, { parentId: current.id }))
        .limit(1);
      if (child) return fail("parentId", "err.parent");
    }
  }
  let position = v.position;
  if (position === null) {
    const last = await lastNumber(tx, siteMenuItems, "position", tambonId);
    position = current?.position ?? last + 1;
  }
  return ok({ set: { ...pick(v, "labelTh", "labelEn", "href", "parentId"), position } });
}

/** Deletes a menu entry and its sub-menu. */
export const deleteMenuItem = (db: Db, actor: Actor, tambonId: number, itemId: number) =>
  deleteSiteRow(db, actor, tambonId, siteMenuItems, itemId, {
    action: "site.menu.delete",
    targetType: "site_menu_item",
    before: (row) => ({ labelTh: row.labelTh }),
    then: async (tx) => {
      await tx
        .delete(siteMenuItems)
        .where(tambonWhere(siteMenuItems, tambonId, { parentId: itemId }));
    },
  });
