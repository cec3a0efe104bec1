import { and, eq, ne, sql } from "drizzle-orm";
import { writeOwnRow } from "../shared/commands.ts";
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
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Which list an entry belongs to: the pillars, or one of the term lists. */
export type ListName = "pillar" | TermList;

const schema = z.object({
  nameTh: fields.text(160),
  nameEn: fields.optionalText(160),
  descriptionTh: fields.optionalText(2000),
  descriptionEn: fields.optionalText(2000),
  position: fields.optionalInt(0, 1000),
});

/**
 * Where a list's entries are kept: the table, the condition that picks the tambon's list in it,
 * and the names its audit entries use.
 */
function listStore(list: ListName, tambonId: number) {
  return list === "pillar"
    ? {
        table: networkPillars,
        scope: eq(networkPillars.tambonId, tambonId),
        action: "pillar",
        targetType: "network_pillar",
      }
    : {
        table: networkTerms,
        scope: tambonWhere(networkTerms, tambonId, { list }),
        action: `partner_${list}`,
        targetType: "network_term",
      };
}

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
  const { table, scope, action, targetType } = listStore(list, tambonId);
  return db.transaction(async (tx): Promise<Result<{ id: number }, NetKey | CoreKey>> => {
    const [current] = id
      ? await tx
          .select()
          .from(table)
          .where(and(eq(table.id, id), scope))
      : [];
    if (id && !current) return missing();
    const [dup] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(scope, eq(table.nameTh, v.nameTh), id ? ne(table.id, id) : sql`true`));
    if (dup) return fail("nameTh", "err.duplicateName");
    const [max] = await tx
      .select({ p: sql<number>`coalesce(max(${table.position}), 0)` })
      .from(table)
      .where(scope);
    const values = {
      tambonId,
      nameTh: v.nameTh,
      nameEn: v.nameEn,
      position: v.position ?? current?.position ?? Number(max?.p ?? 0) + 1,
    };
    const [row] =
      list === "pillar"
        ? await writeOwnRow(tx, networkPillars, tambonId, current?.id, {
            ...values,
            descriptionTh: v.descriptionTh,
            descriptionEn: v.descriptionEn,
          })
        : await writeOwnRow(tx, networkTerms, tambonId, current?.id, { ...values, list });
    await auditBy(tx, actor, tambonId, {
      action: current ? `${action}.update` : `${action}.create`,
      targetType,
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
  const { action, targetType } = listStore(list, tambonId);
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
            .where(tambonWhere(networkPillars, tambonId, { id }))
            .returning({ id: networkPillars.id })
        : await tx
            .update(networkTerms)
            .set({ archivedAt: at })
            .where(tambonWhere(networkTerms, tambonId, { id, list }))
            .returning({ id: networkTerms.id }))[0],
    () => ({
      action: `${action}.${archived ? "archive" : "restore"}`,
      targetType,
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
      ...pick(p, "nameTh", "nameEn", "position"),
    })),
  );
  const term = (list: TermList) => (t: { nameTh: string; nameEn: string; position: number }) => ({
    tambonId,
    list,
    ...pick(t, "nameTh", "nameEn", "position"),
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
