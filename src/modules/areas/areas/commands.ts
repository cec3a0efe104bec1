import { ne, sql } from "drizzle-orm";
import { z } from "zod";
import defaults from "../../../../seed/defaults.json" with { type: "json" };
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit, auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { AreasResult } from "../messages.ts";
import { issueAreas } from "../schema.ts";
import type { Area } from "./queries.ts";
import { tambonWhere, tambonRows, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const schema = z.object({
  nameTh: fields.text(120),
  nameEn: fields.optionalText(120),
  descriptionTh: fields.optionalText(4000),
  descriptionEn: fields.optionalText(4000),
  position: fields.optionalInt(0, 1000),
});

/**
 * Creates an issue area, or edits one (`areaId`): validate → authorize → write + audit in one
 * transaction. A name the tambon already uses is refused next to the field.
 */
export async function saveArea(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  areaId?: number,
): Promise<AreasResult<Area>> {
  if (!can(actor, "area.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx): Promise<AreasResult<Area>> => {
    const [current] = areaId ? await tambonRows(tx, issueAreas, tambonId, { id: areaId }) : [];
    if (areaId && !current) return missing();
    const [dup] = await tx
      .select({ id: issueAreas.id })
      .from(issueAreas)
      .where(
        tambonWhere(
          issueAreas,
          tambonId,
          { nameTh: v.nameTh },
          areaId ? ne(issueAreas.id, areaId) : sql`true`,
        ),
      );
    if (dup) return fail("nameTh", "areas.duplicate");
    let position = v.position;
    if (position == null) {
      const last = await lastNumber(tx, issueAreas, "position", tambonId);
      position = current?.position ?? last + 1;
    }
    const values = {
      ...pick(v, "nameTh", "nameEn", "descriptionTh", "descriptionEn"),
      position,
    };
    const [row] = current
      ? await tx
          .update(issueAreas)
          .set(values)
          .where(tambonWhere(issueAreas, tambonId, { id: current.id }))
          .returning()
      : await tx
          .insert(issueAreas)
          .values({
            tambonId,
            ...pick(values, "nameTh", "nameEn", "descriptionTh", "descriptionEn", "position"),
          })
          .returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "area.update" : "area.create",
      targetType: "issue_area",
      targetId: row!.id,
      before: current ? { ...pick(current, "nameTh", "nameEn", "position") } : null,
      after: { ...pick(values, "nameTh", "nameEn", "position") },
    });
    return ok(row!);
  });
}

/** Archives or restores an issue area (kept for history; hidden from lists when archived). */
export async function setAreaArchived(
  db: Db,
  actor: Actor,
  tambonId: number,
  areaId: number,
  archived: boolean,
): Promise<AreasResult<Area>> {
  return auditedChange(
    db,
    actor,
    tambonId,
    "area.manage",
    async (tx) => {
      const [row] = await tx
        .update(issueAreas)
        .set({ archivedAt: archived ? new Date() : null })
        .where(tambonWhere(issueAreas, tambonId, { id: areaId }))
        .returning();
      return row;
    },
    () => ({
      action: archived ? "area.archive" : "area.restore",
      targetType: "issue_area",
      targetId: areaId,
    }),
  );
}

const ENGLISH: Record<string, string> = {
  "สุขภาพกาย/ใจ": "Physical and mental health",
  "การจัดการสิ่งแวดล้อม/ภัยพิบัติ": "Environment and disasters",
  การจัดการโครงสร้างพื้นฐาน: "Infrastructure",
  "การสร้างรายได้/เศรษฐกิจชุมชน": "Income and community economy",
  "การช่วยเหลือคนพิการ ผู้สูงอายุ คนยากลำบาก": "Support for disabled, elderly and disadvantaged people",
};

/** The issue areas a new tambon starts with (those of La-ngu's charter), in order. */
export function defaultAreas(): { nameTh: string; nameEn: string; position: number }[] {
  return defaults.issueAreas_fromSeed003.map((nameTh, i) => ({
    nameTh,
    nameEn: ENGLISH[nameTh] ?? "",
    position: i + 1,
  }));
}

/** Gives a new tambon the default issue areas (inside the creating transaction). */
export async function seedDefaultAreas(
  tx: DbOrTx,
  tambonId: number,
  actorId: number | null,
): Promise<void> {
  const rows = defaultAreas().map((a) => ({
    tambonId,
    ...pick(a, "nameTh", "nameEn", "position"),
  }));
  await tx.insert(issueAreas).values(rows);
  await audit(tx, {
    tambonId,
    actorId,
    action: "area.seed",
    targetType: "issue_area",
    after: { names: rows.map((r) => r.nameTh) },
  });
}
