import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { z } from "zod";
import { siteCategories, siteLinks, siteSettings } from "../schema.ts";

import { auditSite } from "../shared/fields.ts";
import { slugify } from "../shared/text.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Adds or renames a news category (its address part is made once, from its first name). */
export async function saveCategory(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  categoryId?: number,
): Promise<Result<number, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(
    z.object({ nameTh: fields.text(80), nameEn: fields.optionalText(80) }),
    input,
  );
  if (!parsed.ok) return parsed;
  const names = { nameTh: parsed.value.nameTh, nameEn: parsed.value.nameEn };
  return db.transaction(async (tx) => {
    if (categoryId) {
      const rows = await tx
        .update(siteCategories)
        .set({ nameTh: names.nameTh, nameEn: names.nameEn })
        .where(tambonWhere(siteCategories, tambonId, { id: categoryId }))
        .returning({ id: siteCategories.id });
      if (!rows.length) return missing();
      await auditSite(
        tx,
        actor,
        tambonId,
        "site.category.update",
        "site_category",
        categoryId,
        names,
      );
      return ok(categoryId);
    }
    const base = slugify(names.nameEn || names.nameTh) || "news";
    let slug = base;
    for (let i = 2; ; i++) {
      const [taken] = await tx
        .select({ id: siteCategories.id })
        .from(siteCategories)
        .where(tambonWhere(siteCategories, tambonId, { slug }));
      if (!taken) break;
      slug = `${base}-${i}`;
    }
    const last = await lastNumber(tx, siteCategories, "position", tambonId);
    const [row] = await tx
      .insert(siteCategories)
      .values({
        tambonId,
        slug,
        nameTh: names.nameTh,
        nameEn: names.nameEn,
        position: last + 1,
      })
      .returning({ id: siteCategories.id });
    await auditSite(tx, actor, tambonId, "site.category.create", "site_category", row!.id, {
      slug,
      nameTh: names.nameTh,
      nameEn: names.nameEn,
    });
    return ok(row!.id);
  });
}

/** Adds a link to the job-market box. */
export async function addJobLink(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<Result<number, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(
    z.object({
      labelTh: fields.text(200),
      labelEn: fields.optionalText(200),
      url: fields.text(500),
    }),
    input,
  );
  if (!parsed.ok) return parsed;
  const link = {
    ...pick(parsed.value, "labelTh", "labelEn", "url"),
  };
  if (!/^https?:\/\/[^\s/]+\.\S+$/.test(link.url)) return fail("url", "err.href");
  return db.transaction(async (tx) => {
    const last = await lastNumber(tx, siteLinks, "position", tambonId);
    const [row] = await tx
      .insert(siteLinks)
      .values({
        tambonId,
        ...pick(link, "labelTh", "labelEn", "url"),
        position: last + 1,
      })
      .returning({ id: siteLinks.id });
    await auditSite(tx, actor, tambonId, "site.link.create", "site_link", row!.id, link);
    return ok(row!.id);
  });
}

/** Removes a link from the job-market box. */
export const deleteJobLink = (db: Db, actor: Actor, tambonId: number, linkId: number) =>
  deleteSiteRow(db, actor, tambonId, siteLinks, linkId, {
    action: "site.link.delete",
    targetType: "site_link",
    before: (row) => ({ url: row.url }),
  });

/** Sets the visitor counts carried over from the tambon's previous website. */
export async function setCountsBefore(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<Result<true, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(
    z.object({
      visitorsBefore: fields.optionalInt(0, 2_000_000_000),
      viewsBefore: fields.optionalInt(0, 2_000_000_000),
    }),
    input,
  );
  if (!parsed.ok) return parsed;
  const values = {
    visitorsBefore: parsed.value.visitorsBefore ?? 0,
    viewsBefore: parsed.value.viewsBefore ?? 0,
  };
  return db.transaction(async (tx) => {
    await tx
      .insert(siteSettings)
      .values({ tambonId, visitorsBefore: values.visitorsBefore, viewsBefore: values.viewsBefore })
      .onConflictDoUpdate({ target: siteSettings.tambonId, set: values });
    await auditSite(tx, actor, tambonId, "site.counts.set", "site_settings", tambonId, values);
    return ok(true as const);
  });
}
