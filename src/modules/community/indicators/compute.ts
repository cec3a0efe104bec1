import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import {
  fiscalYearOf,
  recordComputedMeasurements,
  type MeasurementInput,
} from "../../plans/public.ts";
import { indicatorSources } from "../schema.ts";
import { COUNTED_STATUSES } from "../figures/queries.ts";
import { rowsOf } from "../../../core/db/index.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/**
 * The values of the plans module's indicators linked to a form's question: for each village and
 * fiscal year (of the round's start), the share in per cent (or the count) of the submissions
 * whose answer is the source's value ("yes", or any answer, when it names none), or the mean of
 * a number question's answers. Counted in SQL,
 * stored with the plans module's `recordComputedMeasurements` (idempotent, audited).
 */
export async function computeIndicators(
  db: Db,
  tambonId: number,
  actorId: number | null,
): Promise<{ create: number; update: number; unchanged: number }> {
  const sources = await db
    .select()
    .from(indicatorSources)
    .where(eq(indicatorSources.tambonId, tambonId));
  const values: Omit<MeasurementInput, "importKey">[] = [];
  const statuses = sql.join(
    COUNTED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  for (const src of sources) {
    const q = src.question;
    const hit =
      src.value === null
        ? sql`(s.answers -> ${q} = '"yes"'::jsonb or (jsonb_typeof(s.answers -> ${q}) is not null and s.answers -> ${q} <> '"no"'::jsonb))`
        : sql`(s.answers -> ${q} = to_jsonb(${src.value}::text) or (jsonb_typeof(s.answers -> ${q}) = 'array' and s.answers -> ${q} ? ${src.value}))`;
    const rows = await rowsOf<{
      village_id: number;
      starts_on: string;
      answered: string;
      hits: string;
      numbers: string;
      total: string | null;
    }>(
      db,
      sql`select s.village_id, r.starts_on::text as starts_on,
            count(*) filter (where s.answers ? ${q}) as answered,
            count(*) filter (where ${hit}) as hits,
            count(*) filter (where jsonb_typeof(s.answers -> ${q}) = 'number') as numbers,
            sum((s.answers ->> ${q})::numeric) filter (where jsonb_typeof(s.answers -> ${q}) = 'number') as total
          from community_submissions s join community_rounds r on r.id = s.round_id
          where s.tambon_id = ${tambonId} and s.form_id = ${src.formId} and s.status in (${statuses})
          group by 1, 2`,
    );
    const byKey = new Map<
      string,
      { villageId: number; year: number; answered: number; hits: number; n: number; sum: number }
    >();
    for (const r of rows) {
      const year = fiscalYearOf(r.starts_on);
      const k = `${r.village_id}/${year}`;
      const acc = byKey.get(k) ?? {
        villageId: Number(r.village_id),
        year,
        answered: 0,
        hits: 0,
        n: 0,
        sum: 0,
      };
      acc.answered += Number(r.answered);
      acc.hits += Number(r.hits);
      acc.n += Number(r.numbers);
      acc.sum += Number(r.total ?? 0);
      byKey.set(k, acc);
    }
    for (const a of byKey.values()) {
      if (src.measure === "share" && a.answered === 0) continue;
      if (src.measure === "mean" && a.n === 0) continue;
      values.push({
        indicatorId: src.indicatorId,
        villageId: a.villageId,
        fiscalYear: a.year,
        value:
          src.measure === "share"
            ? Math.round((a.hits / a.answered) * 1000) / 10
            : src.measure === "mean"
              ? Math.round((a.sum / a.n) * 100) / 100
              : a.hits,
      });
    }
  }
  if (!values.length) return { create: 0, update: 0, unchanged: 0 };
  const done = await recordComputedMeasurements(db, tambonId, values, {
    actorId,
    note: "ข้อมูลชุมชน / community data",
  });
  return done.ok ? done.value : { create: 0, update: 0, unchanged: 0 };
}

/** Runs after an import (web or CLI): indicators linked to answers are computed again. */
export async function afterImport(db: Db, tambonId: number, actorId: number | null): Promise<void> {
  await recomputeIndicators(db, tambonId, actorId);
}

/**
 * Indicators linked to answers computed again (after accepted submissions, an import, by the
 * hourly job or the "recompute now" button); nothing when no indicator is linked.
 */
export async function recomputeIndicators(
  db: Db,
  tambonId: number,
  actorId: number | null,
): Promise<{ create: number; update: number; unchanged: number }> {
  const [any] = await db
    .select({ id: indicatorSources.id })
    .from(indicatorSources)
    .where(tambonWhere(indicatorSources, tambonId))
    .limit(1);
  if (!any) return { create: 0, update: 0, unchanged: 0 };
  return computeIndicators(db, tambonId, actorId);
}

/** The hourly job: every tambon with a linked indicator computed again, with no actor. */
export async function recomputeAllIndicators(db: Db): Promise<number> {
  const tambons = await db
    .selectDistinct({ tambonId: indicatorSources.tambonId })
    .from(indicatorSources);
  for (const t of tambons) await computeIndicators(db, t.tambonId, null);
  return tambons.length;
}
