import { and, asc, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, users, villages } from "../../../core/db/schema.ts";
import {
  alternativeVersions,
  alternatives,
  decisionPolicies,
  delegations,
  questions,
} from "../schema.ts";
import type { DelegationRow } from "../delegation.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { core } from "../../../core/i18n/messages.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A question row. */
export type Question = typeof questions.$inferSelect;
/** A question's voting rules (table `decision_policies`): phase lengths, majority, quorum, secrecy. */
export type VotingRules = typeof decisionPolicies.$inferSelect;

/** A member with voting right: active, confirmed and living in a village of the tambon. */
export interface Voter {
  id: number;
  name: string;
  village: string;
}

/**
 * The villages of a tambon in words, by their 8-digit code: "หมู่ที่ 2 บ้านท่าแลหลา" (tallies and
 * voter lists hold the code; pages show the village).
 */
export async function villageWordsOf(
  db: DbOrTx,
  tambonId: number,
  lang: Lang,
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      ...pick(villages, "code", "moo", "nameTh", "nameEn"),
    })
    .from(villages)
    .where(eq(villages.tambonId, tambonId));
  const t = core.t(lang);
  return new Map(
    rows.map((v) => [
      v.code,
      `${t("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`,
    ]),
  );
}

/** Members with voting right in a tambon now (village given by its 8-digit code). */
export async function votersOf(db: DbOrTx, tambonId: number): Promise<Voter[]> {
  return db
    .select({ id: users.id, name: users.name, village: villages.code })
    .from(tambonMembers)
    .innerJoin(users, eq(users.id, tambonMembers.userId))
    .innerJoin(villages, tambonWhere(villages, tambonId, { id: tambonMembers.villageId }))
    .where(
      tambonWhere(
        tambonMembers,
        tambonId,
        { status: "active" },
        isNotNull(tambonMembers.verifiedAt),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.id));
}

/** True when the person has voting right in the tambon now. */
export async function hasVotingRight(
  db: DbOrTx,
  tambonId: number,
  userId: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: tambonMembers.userId })
    .from(tambonMembers)
    .innerJoin(users, eq(users.id, tambonMembers.userId))
    .where(
      tambonWhere(
        tambonMembers,
        tambonId,
        { userId, status: "active" },
        isNotNull(tambonMembers.verifiedAt),
        isNotNull(tambonMembers.villageId),
        eq(users.disabled, false),
      ),
    );
  return !!row;
}

/** One question of the tambon with its voting rules (undefined for another tambon's). */
export async function getQuestion(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<{ question: Question; rules: VotingRules } | undefined> {
  if (!Number.isInteger(id)) return undefined;
  const [row] = await db
    .select({ question: questions, rules: decisionPolicies })
    .from(questions)
    .innerJoin(decisionPolicies, eq(decisionPolicies.id, questions.policyId))
    .where(tambonWhere(questions, tambonId, { id }));
  return row;
}

/** The alternatives of a question with their current texts. */
export async function alternativesOf(db: DbOrTx, tambonId: number, questionId: number) {
  const alts = await db
    .select({
      ...pick(alternatives, "id", "title", "authorId"),
      author: users.name,
      createdAt: alternatives.createdAt,
    })
    .from(alternatives)
    .leftJoin(users, eq(users.id, alternatives.authorId))
    .where(tambonWhere(alternatives, tambonId, { questionId }))
    .orderBy(asc(alternatives.id));
  const versions = alts.length
    ? await db
        .select()
        .from(alternativeVersions)
        .where(
          tambonWhere(alternativeVersions, tambonId, {
            alternativeId: anyOf(alts.map((a) => a.id)),
          }),
        )
        .orderBy(asc(alternativeVersions.version))
    : [];
  return alts.map((a) => {
    const mine = versions.filter((v) => v.alternativeId === a.id);
    const current = mine[mine.length - 1];
    return { ...a, body: current?.body ?? "", version: current?.version ?? 0 };
  });
}

/** The columns of a delegation the count and the preview need. */
export const delegationColumns = {
  ...pick(delegations, "trusterId", "trusteeId", "scope", "areaId", "questionId"),
};

/** The current delegations that can apply to a question (tambon-wide, its area, itself). */
export async function delegationsFor(
  db: DbOrTx,
  tambonId: number,
  question: { id: number; areaId: number },
): Promise<DelegationRow[]> {
  return delegationsWhere(
    db,
    tambonId,
    or(
      eq(delegations.scope, "tambon"),
      and(eq(delegations.scope, "area"), eq(delegations.areaId, question.areaId)),
      and(eq(delegations.scope, "question"), eq(delegations.questionId, question.id)),
    ),
  );
}

/** The tambon's delegations that meet a condition, with the columns the count needs. */
export function delegationsWhere(
  db: DbOrTx,
  tambonId: number,
  which: SQL | undefined,
): Promise<DelegationRow[]> {
  return db
    .select(delegationColumns)
    .from(delegations)
    .where(tambonWhere(delegations, tambonId, {}, which));
}

/**
 * Locks a question's row until the end of the transaction and returns it with its voting rules: closing
 * takes it FOR UPDATE, ballots and question delegations FOR SHARE, so none of them can slip in
 * between the count and the closing.
 */
export async function lockQuestion(
  tx: DbOrTx,
  tambonId: number,
  id: number,
  strength: "update" | "share",
): Promise<{ question: Question; rules: VotingRules } | undefined> {
  if (!Number.isInteger(id)) return undefined;
  const [question] = await tx
    .select()
    .from(questions)
    .where(tambonWhere(questions, tambonId, { id }))
    .for(strength);
  if (!question) return undefined;
  const [rules] = await tx
    .select()
    .from(decisionPolicies)
    .where(eq(decisionPolicies.id, question.policyId));
  return { question, rules: rules! };
}

/** True while the question's current phase has not reached its scheduled end. */
export function beforePhaseEnd(question: Question, now: Date): boolean {
  return question.phaseEndsAt === null || now.getTime() < question.phaseEndsAt.getTime();
}

/** The names of people by id (read in chunks, so a long list stays within one statement's limits). */
export async function namesOf(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const u of await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, ids.slice(i, i + 1000))))
      names.set(u.id, u.name);
  }
  return names;
}
