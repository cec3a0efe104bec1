import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit, auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { networkPillars, networkTerms } from "../schema.ts";
import { defaultKinds, defaultPillars, defaultRoles, type TermList } from "../shared/lists.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";

/** Which list an entry belongs to: the pillars, or one of the term lists. */
export type ListName = "pillar" | TermList;

const schema = z.object({
  nameTh: fields.text(160),
  nameEn: fields.optionalText(160),
  descriptionTh: fields.optionalText(2000),
  descriptionEn: fields.optionalText(2000),
  position: fields.optionalInt(0, 1000),
});

/** Adds or edits an entry of a tambon's pillars, partner kinds or partner roles. */
export async function saveListItem(
  db: Db,
  actor: Actor,
  tambonId: number,
  list: ListName,
  input: Record<string, string>,
  id?: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "network.lists", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx): Promise<Result<{ id: number }, NetKey | CoreKey>> => {
    if (list === "pillar") {
      const [current] = id
        ? await tx
            .select()
            .from(networkPillars)
            .where(and(eq(networkPillars.id, id), eq(networkPillars.tambonId, tambonId)))
        : [];
      if (id && !current) return missing();
      const [dup] = await tx
        .select({ id: networkPillars.id })
        .from(networkPillars)
        .where(
          and(
            eq(networkPillars.tambonId, tambonId),
            eq(networkPillars.nameTh, v.nameTh),
            id ? ne(networkPillars.id, id) : sql`true`,
          ),
        );
      if (dup) return fail("nameTh", "err.duplicateName");
      const [max] = await tx
        .select({ p: sql<number>`coalesce(max(${networkPillars.position}), 0)` })
        .from(networkPillars)
        .where(eq(networkPillars.tambonId, tambonId));
      const values = {
        tambonId,
        nameTh: v.nameTh,
        nameEn: v.nameEn,
        descriptionTh: v.descriptionTh,
        descriptionEn: v.descriptionEn,
        position: v.position ?? current?.position ?? Number(max?.p ?? 0) + 1,
      };
      const [row] = current
        ? await tx
            .update(networkPillars)
            .set(values)
            .where(and(eq(networkPillars.id, current.id), eq(networkPillars.tambonId, tambonId)))
            .returning()
        : await tx.insert(networkPillars).values(values).returning();
      await auditBy(tx, actor, tambonId, {
        action: current ? "pillar.update" : "pillar.create",
        targetType: "network_pillar",
        targetId: row!.id,
        before: current ? { nameTh: current.nameTh, position: current.position } : null,
        after: { nameTh: values.nameTh, position: values.position },
      });
      return { ok: true as const, value: { id: row!.id } };
    }
    const [current] = id
      ? await tx
          .select()
          .from(networkTerms)
          .where(
            and(
              eq(networkTerms.id, id),
              eq(networkTerms.tambonId, tambonId),
              eq(networkTerms.list, list),
            ),
          )
      : [];
    if (id && !current) return missing();
    const [dup] = await tx
      .select({ id: networkTerms.id })
      .from(networkTerms)
      .where(
        and(
          eq(networkTerms.tambonId, tambonId),
          eq(networkTerms.list, list),
          eq(networkTerms.nameTh, v.nameTh),
          id ? ne(networkTerms.id, id) : sql`true`,
        ),
      );
    if (dup) return fail("nameTh", "err.duplicateName");
    const [max] = await tx
      .select({ p: sql<number>`coalesce(max(${networkTerms.position}), 0)` })
      .from(networkTerms)
      .where(and(eq(networkTerms.tambonId, tambonId), eq(networkTerms.list, list)));
    const values = {
      tambonId,
      list,
      nameTh: v.nameTh,
      nameEn: v.nameEn,
      position: v.position ?? current?.position ?? Number(max?.p ?? 0) + 1,
    };
    const [row] = current
      ? await tx
          .update(networkTerms)
          .set(values)
          .where(and(eq(networkTerms.id, current.id), eq(networkTerms.tambonId, tambonId)))
          .returning()
      : await tx.insert(networkTerms).values(values).returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? `partner_${list}.update` : `partner_${list}.create`,
      targetType: "network_term",
      targetId: row!.id,
      before: current ? { nameTh: current.nameTh, position: current.position } : null,
      after: { nameTh: values.nameTh, position: values.position },
    });
    return { ok: true as const, value: { id: row!.id } };
  });
}

/** Archives or restores a list entry (kept for the partners that use it; hidden from choices). */
export function setListItemArchived(
  db: Db,
  actor: Actor,
  tambonId: number,
  list: ListName,
  id: number,
  archived: boolean,
) {
  const at = archived ? new Date() : null;
  return auditedChange(
    db,
    actor,
    tambonId,
    "network.lists",
    async (tx) =>
      (list === "pillar"
        ? await tx
            .update(networkPillars)
            .set({ archivedAt: at })
            .where(and(eq(networkPillars.id, id), eq(networkPillars.tambonId, tambonId)))
            .returning({ id: networkPillars.id })
        : await tx
            .update(networkTerms)
            .set({ archivedAt: at })
            .where(
              and(
                eq(networkTerms.id, id),
                eq(networkTerms.tambonId, tambonId),
                eq(networkTerms.list, list),
              ),
            )
            .returning({ id: networkTerms.id }))[0],
    () => ({
      action: `${list === "pillar" ? "pillar" : `partner_${list}`}.${archived ? "archive" : "restore"}`,
      targetType: list === "pillar" ? "network_pillar" : "network_term",
      targetId: id,
    }),
  );
}

/** Gives a new tambon its pillars, partner roles and partner kinds (inside the creating transaction). */
export async function seedNetworkDefaults(
  tx: DbOrTx,
  tambonId: number,
  actorId: number | null,
): Promise<void> {
  await tx.insert(networkPillars).values(
    defaultPillars().map((p) => ({
      tambonId,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      position: p.position,
    })),
  );
  const term = (list: TermList) => (t: { nameTh: string; nameEn: string; position: number }) => ({
    tambonId,
    list,
    nameTh: t.nameTh,
    nameEn: t.nameEn,
    position: t.position,
  });
  await tx
    .insert(networkTerms)
    .values([...defaultRoles().map(term("role")), ...defaultKinds().map(term("kind"))]);
  await audit(tx, {
    tambonId,
    actorId,
    action: "network.seed",
    targetType: "network_pillar",
    after: {
      pillars: defaultPillars().length,
      roles: defaultRoles().length,
      kinds: defaultKinds().length,
    },
  });
}
