import { eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { audit, auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import { missing, ok, refused, type FieldError } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import { indicators, measurements } from "../schema.ts";
import type { MeasurementSource } from "../shared/kinds.ts";
import { fiscalYearBounds } from "../shared/fiscal.ts";
import { parseDecimal } from "../indicators/commands.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A value to store: an indicator's, for a village (null: the whole tambon), in a fiscal year. */
export interface MeasurementInput {
  indicatorId: number;
  villageId: number | null;
  fiscalYear: number;
  value: number;
  note?: string;
  importKey?: string | null;
}

/** The period end a fiscal year's value is kept under (30 September of that year). */
export const periodEndOf = (fiscalYear: number) => fiscalYearBounds(fiscalYear).end;

const keyWhere = (
  tambonId: number,
  m: Pick<MeasurementInput, "indicatorId" | "villageId" | "fiscalYear">,
) =>
  tambonWhere(
    measurements,
    tambonId,
    { indicatorId: m.indicatorId, periodEnd: periodEndOf(m.fiscalYear) },
    m.villageId === null ? isNull(measurements.villageId) : eq(measurements.villageId, m.villageId),
  );

/**
 * Stores one value under its key (indicator, village, the fiscal year's period end): a new row,
 * or the stored one updated. Ids must already be checked to be the tambon's.
 */
export async function writeMeasurement(
  tx: DbOrTx,
  tambonId: number,
  m: MeasurementInput,
  source: MeasurementSource,
  recordedBy: number | null,
): Promise<"create" | "update" | "same"> {
  const [had] = await tx
    .select({ ...pick(measurements, "id", "value", "note") })
    .from(measurements)
    .where(keyWhere(tambonId, m));
  const note = m.note ?? "";
  if (had && Number(had.value) === m.value && had.note === note) return "same";
  if (had) {
    await tx
      .update(measurements)
      .set({ value: String(m.value), note, source, recordedBy, importKey: m.importKey ?? null })
      .where(tambonWhere(measurements, tambonId, { id: had.id }));
    return "update";
  }
  await tx.insert(measurements).values({
    tambonId,
    ...pick(m, "indicatorId", "villageId", "fiscalYear"),
    periodEnd: periodEndOf(m.fiscalYear),
    value: String(m.value),
    source,
    importKey: m.importKey ?? null,
    note,
    recordedBy,
  });
  return "create";
}

/** The form field of a village's box in the entry grid (`tambon` for the whole tambon). */
export const gridField = (villageId: number | null) => `v_${villageId ?? "tambon"}`;

/**
 * Saves the entry grid of one indicator and fiscal year: a box per village and one for the
 * whole tambon. A filled box stores its value, an emptied box removes the stored one; a bad
 * number is reported next to its box and nothing is saved.
 */
export async function saveMeasurementGrid(
  db: Db,
  actor: Actor,
  tambonId: number,
  indicatorId: number,
  fiscalYear: number,
  input: Record<string, string>,
): Promise<PlansResult<{ create: number; update: number; removed: number }>> {
  if (!can(actor, "measurement.record", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [indicator] = await tx
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(tambonWhere(indicators, tambonId, { id: indicatorId }));
    if (!indicator) return missing();
    const list = await tx
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.tambonId, tambonId));
    const boxes: (number | null)[] = [null, ...list.map((v) => v.id)];
    const errors: Record<string, FieldError<PlansKey>> = {};
    const values = new Map<number | null, number | null>();
    for (const villageId of boxes) {
      const raw = input[gridField(villageId)];
      if (raw === undefined) continue;
      const value = parseDecimal(raw);
      if (value === undefined) errors[gridField(villageId)] = { key: "indicator.numberInvalid" };
      else values.set(villageId, value);
    }
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const counts = { create: 0, update: 0, removed: 0 };
    const userId = actor.user?.id ?? null;
    for (const [villageId, value] of values) {
      const key = { indicatorId, villageId, fiscalYear };
      if (value === null) {
        const gone = await tx.delete(measurements).where(keyWhere(tambonId, key)).returning();
        counts.removed += gone.length;
        continue;
      }
      const done = await writeMeasurement(tx, tambonId, { ...key, value }, "manual", userId);
      if (done !== "same") counts[done]++;
    }
    if (counts.create + counts.update + counts.removed)
      await auditBy(tx, actor, tambonId, {
        action: "measurement.enter",
        targetType: "indicator",
        targetId: indicatorId,
        after: { fiscalYear, ...counts },
      });
    return ok(counts);
  });
}

/**
 * Stores values another module computed (community data), as source "computed": the hook the
 * community-data module calls through plans' public.ts. Values for another tambon's indicator
 * or village are refused as a whole; the same values stored again change nothing.
 */
export async function recordComputedMeasurements(
  db: Db,
  tambonId: number,
  values: readonly Omit<MeasurementInput, "importKey">[],
  opts: { actorId?: number | null; note?: string } = {},
): Promise<PlansResult<{ create: number; update: number; unchanged: number }>> {
  return db.transaction(async (tx) => {
    const indicatorIds = [...new Set(values.map((v) => v.indicatorId))];
    const villageIds = [
      ...new Set(values.map((v) => v.villageId).filter((v): v is number => v !== null)),
    ];
    const known = indicatorIds.length
      ? await tx
          .select({ id: indicators.id })
          .from(indicators)
          .where(tambonWhere(indicators, tambonId, { id: anyOf(indicatorIds) }))
      : [];
    const knownVillages = villageIds.length
      ? await tx
          .select({ id: villages.id })
          .from(villages)
          .where(tambonWhere(villages, tambonId, { id: anyOf(villageIds) }))
      : [];
    if (known.length !== indicatorIds.length || knownVillages.length !== villageIds.length)
      return missing();
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const v of values) {
      const done = await writeMeasurement(
        tx,
        tambonId,
        { ...v, note: v.note ?? opts.note ?? "" },
        "computed",
        opts.actorId ?? null,
      );
      if (done === "same") counts.unchanged++;
      else counts[done]++;
    }
    if (counts.create + counts.update)
      await audit(tx, {
        tambonId,
        actorId: opts.actorId ?? null,
        action: "measurement.compute",
        targetType: "indicator",
        targetId: indicatorIds.join(","),
        after: counts,
      });
    return ok(counts);
  });
}
