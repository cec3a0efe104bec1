import { asc, desc, isNull, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import { clauseKeysLinkedTo, listClauses } from "../../charter/public.ts";
import {
  evaluationRatings,
  evaluationRounds,
  indicators,
  planStrategies,
  projects,
} from "../schema.ts";
import type { Rating } from "../shared/kinds.ts";
import { INDICATOR_TARGET } from "../indicators/commands.ts";
import { pick } from "../../../core/pick.ts";

/** The three answers a rater gives about a subject, best first. */
export const RATINGS = ["achieved", "partly", "not"] as const satisfies readonly Rating[];

/** How a project is linked to a charter clause (charter module's `linkClause`). */
export const PROJECT_TARGET = "plans.project";
/** How a strategy is linked to a charter clause. */
export const STRATEGY_TARGET = "plan_strategy";

/** An evaluation round as stored. */
export type Round = typeof evaluationRounds.$inferSelect;
/** One rater's rating as stored. */
export type RatingRow = typeof evaluationRatings.$inferSelect;

/**
 * Something a round rates: a project of the plan (`p<id>`) or a charter clause the plan carries
 * out (`c<charterId>-<clauseKey>`). The key names the subject's fields in the rating form.
 */
export interface Subject {
  key: string;
  type: "project" | "clause";
  projectId: number | null;
  charterId: number | null;
  clauseKey: number | null;
  /** ลำดับ of a project, or the clause's number in its charter. */
  number: number;
  title: string;
  /** The charter's name, for a clause. */
  charterName: string;
  href: string;
}

/** The key of a subject from its stored columns. */
export function subjectKey(r: {
  subjectType: string;
  projectId: number | null;
  charterId: number | null;
  clauseKey: number | null;
}): string {
  return r.subjectType === "project" ? `p${r.projectId}` : `c${r.charterId}-${r.clauseKey}`;
}

/** Projects a round rates: the plan's own (not sub-projects), neither merely proposed, cancelled nor merged. */
async function ratedProjects(db: DbOrTx, tambonId: number, planId: number) {
  return db
    .select({ ...pick(projects, "id", "seq", "title") })
    .from(projects)
    .where(
      tambonWhere(
        projects,
        tambonId,
        { planId },
        isNull(projects.parentId),
        isNull(projects.mergedIntoId),
        notInArray(projects.status, ["proposed", "cancelled"]),
      ),
    )
    .orderBy(asc(projects.seq), asc(projects.id));
}

/**
 * What a round of a plan rates: its projects, then the charter clauses (of charters in force)
 * linked to the plan's strategies, projects or indicators.
 */
export async function roundSubjects(
  db: DbOrTx,
  tambon: { id: number; slug: string },
  planId: number,
): Promise<Subject[]> {
  const tambonId = tambon.id;
  const [rated, allProjects, strategies, planIndicators] = await Promise.all([
    ratedProjects(db, tambonId, planId),
    db
      .select({ id: projects.id })
      .from(projects)
      .where(tambonWhere(projects, tambonId, { planId })),
    db
      .select({ id: planStrategies.id })
      .from(planStrategies)
      .where(tambonWhere(planStrategies, tambonId, { planId })),
    db
      .select({ id: indicators.id })
      .from(indicators)
      .where(tambonWhere(indicators, tambonId, { planId })),
  ]);
  const linked = (
    await Promise.all([
      clauseKeysLinkedTo(
        db,
        tambonId,
        PROJECT_TARGET,
        allProjects.map((p) => p.id),
      ),
      clauseKeysLinkedTo(
        db,
        tambonId,
        STRATEGY_TARGET,
        strategies.map((s) => s.id),
      ),
      clauseKeysLinkedTo(
        db,
        tambonId,
        INDICATOR_TARGET,
        planIndicators.map((i) => i.id),
      ),
    ])
  ).flat();
  const wanted = new Set(linked.map((l) => `${l.charterId}-${l.clauseKey}`));
  const clauses = wanted.size
    ? (await listClauses(db, tambonId)).filter((c) => wanted.has(`${c.charterId}-${c.clauseKey}`))
    : [];
  return [
    ...rated.map((p): Subject => ({
      key: `p${p.id}`,
      type: "project",
      projectId: p.id,
      charterId: null,
      clauseKey: null,
      number: p.seq,
      title: p.title,
      charterName: "",
      href: `/t/${tambon.slug}/projects/${p.id}`,
    })),
    ...clauses.map((c): Subject => ({
      key: `c${c.charterId}-${c.clauseKey}`,
      type: "clause",
      projectId: null,
      ...pick(c, "charterId", "clauseKey", "number"),
      title: c.text,
      charterName: c.charterName,
      href: c.href,
    })),
  ];
}

/** A round of a plan with how many people have rated in it. */
export interface RoundSummary extends Round {
  raters: number;
}

/** The rounds of a plan, newest first, with their number of raters. */
export async function listRounds(
  db: DbOrTx,
  tambonId: number,
  planId: number,
): Promise<RoundSummary[]> {
  const rounds = await tambonRows(
    db,
    evaluationRounds,
    tambonId,
    { planId },
    desc(evaluationRounds.heldOn),
    desc(evaluationRounds.id),
  );
  if (!rounds.length) return [];
  const counts = await db
    .select({
      roundId: evaluationRatings.roundId,
      raters: sql<number>`count(distinct ${evaluationRatings.raterId})`,
    })
    .from(evaluationRatings)
    .where(tambonWhere(evaluationRatings, tambonId, { roundId: anyOf(rounds.map((r) => r.id)) }))
    .groupBy(evaluationRatings.roundId);
  const by = new Map(counts.map((c) => [c.roundId, Number(c.raters)]));
  return rounds.map((r) => ({ ...r, raters: by.get(r.id) ?? 0 }));
}

/** One round of a tambon (undefined when it is another tambon's). */
export const getRound = tambonRowOf(evaluationRounds);

/** Every rating of a round. */
export function ratingsOf(db: DbOrTx, tambonId: number, roundId: number): Promise<RatingRow[]> {
  return tambonRows(db, evaluationRatings, tambonId, { roundId }, asc(evaluationRatings.id));
}

/** One rater's ratings in a round, by subject key (to fill the form with what they gave before). */
export async function ratingsBy(
  db: DbOrTx,
  tambonId: number,
  roundId: number,
  raterId: number,
): Promise<Map<string, RatingRow>> {
  const rows = await tambonRows(db, evaluationRatings, tambonId, { roundId, raterId });
  return new Map(rows.map((r) => [subjectKey(r), r]));
}

/** What a round found about one subject: the count of each answer and the words given. */
export interface SubjectResult {
  subject: Subject;
  counts: Record<Rating, number>;
  total: number;
  helped: string[];
  blocked: string[];
}

/** The results of a round per subject, in the subjects' order (pure: from the ratings given). */
export function resultsOf(
  subjects: readonly Subject[],
  ratings: readonly RatingRow[],
): SubjectResult[] {
  const by = new Map<string, RatingRow[]>();
  for (const r of ratings) {
    const k = subjectKey(r);
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return subjects.map((subject) => {
    const mine = by.get(subject.key) ?? [];
    const counts: Record<Rating, number> = { achieved: 0, partly: 0, not: 0 };
    for (const r of mine) counts[r.rating] += 1;
    return {
      subject,
      counts,
      total: mine.length,
      helped: mine.map((r) => r.helped).filter(Boolean),
      blocked: mine.map((r) => r.blocked).filter(Boolean),
    };
  });
}

/** The rounds carried into each of the given editions (what each edition came from), by edition id. */
export async function roundsCarriedInto(
  db: DbOrTx,
  tambonId: number,
  editionIds: readonly number[],
): Promise<Map<number, Round[]>> {
  const out = new Map<number, Round[]>();
  if (!editionIds.length) return out;
  const rows = await db
    .select()
    .from(evaluationRounds)
    .where(tambonWhere(evaluationRounds, tambonId, { carriedToEditionId: anyOf([...editionIds]) }))
    .orderBy(asc(evaluationRounds.heldOn), asc(evaluationRounds.id));
  for (const r of rows)
    out.set(r.carriedToEditionId!, [...(out.get(r.carriedToEditionId!) ?? []), r]);
  return out;
}

/**
 * The latest rating of a charter clause: the newest round in which anyone rated it, with the
 * count of each answer; null when no round has rated it.
 */
export async function lastClauseRating(
  db: DbOrTx,
  tambonId: number,
  clause: { charterId: number; clauseKey: number },
): Promise<{ round: Round; counts: Record<Rating, number> } | null> {
  const [latest] = await db
    .select({ round: evaluationRounds })
    .from(evaluationRatings)
    .innerJoin(
      evaluationRounds,
      tambonWhere(evaluationRounds, tambonId, { id: evaluationRatings.roundId }),
    )
    .where(
      tambonWhere(evaluationRatings, tambonId, {
        subjectType: "clause",
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
      }),
    )
    .orderBy(
      desc(sql`coalesce(${evaluationRounds.heldOn}, ${evaluationRounds.createdAt}::date)`),
      desc(evaluationRounds.id),
    )
    .limit(1);
  if (!latest) return null;
  const rows = await db
    .select({ rating: evaluationRatings.rating, n: sql<number>`count(*)` })
    .from(evaluationRatings)
    .where(
      tambonWhere(evaluationRatings, tambonId, {
        roundId: latest.round.id,
        subjectType: "clause",
        charterId: clause.charterId,
        clauseKey: clause.clauseKey,
      }),
    )
    .groupBy(evaluationRatings.rating);
  const counts: Record<Rating, number> = { achieved: 0, partly: 0, not: 0 };
  for (const r of rows) counts[r.rating] = Number(r.n);
  return { round: latest.round, counts };
}
