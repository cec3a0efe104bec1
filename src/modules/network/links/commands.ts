import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { lookupSubdistrict } from "../../../core/commands/tambons.ts";
import { tambonLinks } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** How a tambon sees its link to another: it mentors it, is its member, or they are peers. */
export const RELATIONS = ["mentor_of", "member_of", "peer"] as const;
export type Relation = (typeof RELATIONS)[number];

const schema = z.object({
  dopaCode: fields.text(6),
  relation: fields.choice(RELATIONS),
  since: fields.optionalDate(),
  note: fields.optionalText(1000),
});

/**
 * Declares the tambon's link to another tambon (on the platform or not, by its national code).
 * Only the declaring tambon's row is written; the other tambon confirms by declaring its side.
 */
export async function declareLink(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const tambonId = tambon.id;
  if (!can(actor, "link.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const relation = v.relation;
  if (v.dopaCode === tambon.dopaCode) return fail("dopaCode", "err.linkSelf");
  const place = await lookupSubdistrict(v.dopaCode);
  if (!place) return fail("dopaCode", "err.dopaCode");
  const [dup] = await db
    .select({ id: tambonLinks.id })
    .from(tambonLinks)
    .where(tambonWhere(tambonLinks, tambonId, { otherDopaCode: v.dopaCode }));
  if (dup) return fail("dopaCode", "err.linkExists");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tambonLinks)
      .values({
        tambonId,
        relation,
        otherDopaCode: place.code,
        otherNameTh: place.nameTh,
        otherNameEn: place.nameEn,
        otherDistrictTh: place.districtTh,
        otherDistrictEn: place.districtEn,
        otherProvinceTh: place.provinceTh,
        otherProvinceEn: place.provinceEn,
        since: v.since,
        note: v.note,
      })
      .returning({ id: tambonLinks.id });
    await auditBy(tx, actor, tambonId, {
      action: "network_link.declare",
      targetType: "network_link",
      targetId: row!.id,
      after: { relation, other: place.code, name: place.nameTh },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Withdraws one of the tambon's own declarations. */
export function removeLink(db: Db, actor: Actor, tambonId: number, id: number) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "link.manage",
    async (tx) =>
      (
        await tx
          .delete(tambonLinks)
          .where(tambonWhere(tambonLinks, tambonId, { id }))
          .returning()
      )[0],
    (row) => ({
      action: "network_link.remove",
      targetType: "network_link",
      targetId: id,
      before: { relation: row.relation, other: row.otherDopaCode },
    }),
  );
}
