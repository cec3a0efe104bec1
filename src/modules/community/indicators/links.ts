import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { listIndicators, type Indicator } from "../../plans/public.ts";
import { indicatorSources } from "../schema.ts";
import type { FormDefinition, FormItem, Question } from "../forms/definition.ts";
import { listOpenForms } from "../forms/queries.ts";
import { INDICATOR_MEASURES, type IndicatorMeasure } from "../shared/kinds.ts";
import type { CommunityResult } from "../shared/result.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What an indicator may be computed from: a top-level question of a published form's version. */
export interface SourceOption {
  /** `formId|question|value` (value empty: any answer, or a number's mean). */
  key: string;
  formId: number;
  formTitle: string;
  question: string;
  label: string;
  value: string | null;
  valueLabel: string | null;
  numeric: boolean;
}

export type IndicatorSourceRow = typeof indicatorSources.$inferSelect;

/** The questions a record answers once (outside repeats), groups flattened. */
function topQuestions(items: FormItem[]): Question[] {
  return items.flatMap((i) =>
    i.kind === "question"
      ? i.type === "note"
        ? []
        : [i]
      : i.kind === "group"
        ? topQuestions(i.items)
        : [],
  );
}

/** Every question and answer of the tambon's published forms an indicator may count. */
export function sourceOptions(
  forms: { formId: number; title: string; definition: FormDefinition }[],
): SourceOption[] {
  const out: SourceOption[] = [];
  for (const f of forms)
    for (const q of topQuestions(f.definition.items)) {
      const base = {
        formId: f.formId,
        formTitle: f.title,
        question: q.name,
        label: q.label.th,
        numeric: q.type === "integer" || q.type === "decimal",
      };
      out.push({ ...base, key: `${f.formId}|${q.name}|`, value: null, valueLabel: null });
      const choices =
        q.type === "yesno"
          ? [
              { name: "yes", label: { th: "ใช่" } },
              { name: "no", label: { th: "ไม่ใช่" } },
            ]
          : q.type === "select_one" || q.type === "select_multiple"
            ? (f.definition.choices[q.list ?? ""] ?? [])
            : [];
      for (const c of choices)
        out.push({
          ...base,
          key: `${f.formId}|${q.name}|${c.name}`,
          value: c.name,
          valueLabel: c.label.th,
        });
    }
  return out;
}

/** The tambon's indicators (from the plans module), their links and what they may link to. */
export async function indicatorLinks(db: DbOrTx, tambonId: number) {
  const [indicators, sources, forms] = await Promise.all([
    listIndicators(db, tambonId),
    db.select().from(indicatorSources).where(eq(indicatorSources.tambonId, tambonId)),
    listOpenForms(db, tambonId),
  ]);
  return {
    indicators: indicators as Indicator[],
    sources: new Map(sources.map((s) => [s.indicatorId, s])),
    options: sourceOptions(forms),
  };
}

/**
 * Links an indicator of the tambon to a question (and answer) of a published form with a
 * computation; the one link of that indicator is replaced. Staff only, audited.
 */
export async function saveIndicatorLink(
  db: Db,
  actor: Actor,
  tambonId: number,
  indicatorId: number,
  body: Record<string, string>,
): Promise<CommunityResult<{ id: number }>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  const { indicators, options } = await indicatorLinks(db, tambonId);
  if (!indicators.some((i) => i.id === indicatorId)) return missing();
  const option = options.find((o) => o.key === body.source);
  if (!option) return fail("source", "ind.bad.source");
  const measure = body.measure as IndicatorMeasure;
  if (!INDICATOR_MEASURES.includes(measure)) return fail("measure", "ind.bad.measure");
  if (measure === "mean" && (!option.numeric || option.value !== null))
    return fail("source", "ind.bad.mean");
  return db.transaction(async (tx) => {
    const [before] = await tambonRows(tx, indicatorSources, tambonId, { indicatorId });
    const values = {
      ...pick(option, "formId", "question", "value"),
      measure,
    };
    const [row] = before
      ? await tx
          .update(indicatorSources)
          .set({
            ...pick(values, "formId", "question", "value", "measure"),
          })
          .where(tambonWhere(indicatorSources, tambonId, { id: before.id }))
          .returning({ id: indicatorSources.id })
      : await tx
          .insert(indicatorSources)
          .values({
            tambonId,
            indicatorId,
            ...pick(values, "formId", "question", "value", "measure"),
          })
          .returning({ id: indicatorSources.id });
    await auditBy(tx, actor, tambonId, {
      action: "community.indicator.link",
      targetType: "community_indicator_source",
      targetId: row!.id,
      before: before
        ? {
            ...pick(before, "formId", "question", "value", "measure"),
          }
        : null,
      after: { indicatorId, ...values },
    });
    return ok({ id: row!.id });
  });
}

/** Removes an indicator's link (its stored values stay in the plans). Staff only, audited. */
export async function removeIndicatorLink(
  db: Db,
  actor: Actor,
  tambonId: number,
  indicatorId: number,
): Promise<CommunityResult<{ id: number }>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(indicatorSources)
      .where(tambonWhere(indicatorSources, tambonId, { indicatorId }))
      .returning();
    if (!gone) return missing();
    await auditBy(tx, actor, tambonId, {
      action: "community.indicator.unlink",
      targetType: "community_indicator_source",
      targetId: gone.id,
      before: { indicatorId, ...pick(gone, "formId", "question", "value") },
    });
    return ok({ id: gone.id });
  });
}
