import { and, count, desc, eq, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { users, villages } from "../../../core/db/schema.ts";
import { paged, type Page } from "../../../core/paging.ts";
import { formVersions, forms, households, rounds, submissions } from "../schema.ts";
import type { Answers, FormDefinition } from "../forms/definition.ts";
import type { SubmissionStatus } from "../shared/kinds.ts";
import { inScope, type PersonalScope } from "../access.ts";
import { tambonWhere, type Match } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The filters of the submissions list. */
export interface SubmissionFilter {
  formId: number | null;
  roundId: number | null;
  villageId: number | null;
  status: SubmissionStatus | null;
}

export interface SubmissionRow {
  id: number;
  formTitle: string;
  roundName: string | null;
  villageMoo: number;
  houseNo: string | null;
  status: SubmissionStatus;
  submittedBy: string | null;
  receivedAt: Date;
}

/** One page of a tambon's submissions that the scope lets the reader see, newest first. */
export async function listSubmissions(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
  filter: SubmissionFilter,
  page: number,
): Promise<Page<SubmissionRow>> {
  const conds: (SQL | undefined)[] = [
    eq(submissions.tambonId, tambonId),
    inScope(scope, submissions.villageId),
    filter.formId ? eq(submissions.formId, filter.formId) : undefined,
    filter.roundId ? eq(submissions.roundId, filter.roundId) : undefined,
    filter.villageId ? eq(submissions.villageId, filter.villageId) : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
  ];
  const where = and(...conds);
  return paged(
    page,
    async () => (await db.select({ n: count() }).from(submissions).where(where))[0]!.n,
    ({ limit, offset }) =>
      db
        .select({
          id: submissions.id,
          formTitle: forms.title,
          roundName: rounds.name,
          villageMoo: villages.moo,
          houseNo: households.houseNo,
          status: submissions.status,
          submittedBy: users.name,
          receivedAt: submissions.receivedAt,
        })
        .from(submissions)
        .innerJoin(forms, eq(forms.id, submissions.formId))
        .innerJoin(villages, eq(villages.id, submissions.villageId))
        .leftJoin(rounds, eq(rounds.id, submissions.roundId))
        .leftJoin(households, eq(households.id, submissions.householdId))
        .leftJoin(users, eq(users.id, submissions.submittedBy))
        .where(where)
        .orderBy(desc(submissions.receivedAt), desc(submissions.id))
        .limit(limit)
        .offset(offset),
  );
}

export interface SubmissionDetail {
  id: number;
  formId: number;
  formTitle: string;
  definition: FormDefinition;
  roundName: string | null;
  villageId: number;
  villageMoo: number;
  householdId: number | null;
  houseNo: string | null;
  answers: Answers;
  status: SubmissionStatus;
  conflictWith: number | null;
  submittedBy: string | null;
  collectedAt: Date | null;
  receivedAt: Date;
  reviewNote: string;
}

/** A submission of the tambon in the scope, with its form version's definition; or null. */
export async function getSubmission(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
  id: number,
): Promise<SubmissionDetail | null> {
  const [row] = await db
    .select({
      id: submissions.id,
      formId: submissions.formId,
      formTitle: forms.title,
      definition: formVersions.definition,
      roundName: rounds.name,
      villageId: submissions.villageId,
      villageMoo: villages.moo,
      householdId: submissions.householdId,
      houseNo: households.houseNo,
      ...pick(submissions, "answers", "status", "conflictWith"),
      submittedBy: users.name,
      ...pick(submissions, "collectedAt", "receivedAt", "reviewNote"),
    })
    .from(submissions)
    .innerJoin(forms, eq(forms.id, submissions.formId))
    .innerJoin(formVersions, eq(formVersions.id, submissions.formVersionId))
    .innerJoin(villages, eq(villages.id, submissions.villageId))
    .leftJoin(rounds, eq(rounds.id, submissions.roundId))
    .leftJoin(households, eq(households.id, submissions.householdId))
    .leftJoin(users, eq(users.id, submissions.submittedBy))
    .where(tambonWhere(submissions, tambonId, { id }, inScope(scope, submissions.villageId)));
  return row ?? null;
}

/** The id of the tambon's newest submission with these values and conditions, or undefined. */
export async function latestSubmissionId(
  db: DbOrTx,
  tambonId: number,
  match: Match<typeof submissions>,
  ...more: (SQL | undefined)[]
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(tambonWhere(submissions, tambonId, match, ...more))
    .orderBy(desc(submissions.id))
    .limit(1);
  return row?.id;
}

/** The submission a conflict collided with, or one that collided with this one. */
export async function otherOfConflict(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
  s: SubmissionDetail,
): Promise<SubmissionDetail | null> {
  if (s.conflictWith) return getSubmission(db, tambonId, scope, s.conflictWith);
  const held = await latestSubmissionId(
    db,
    tambonId,
    { conflictWith: s.id },
    or(eq(submissions.status, "conflict")),
  );
  return held !== undefined ? getSubmission(db, tambonId, scope, held) : null;
}

/** The answers of a submission (for exports and figures that read them through this module). */
export async function answersOf(db: DbOrTx, tambonId: number, id: number): Promise<Answers | null> {
  const [row] = await db
    .select({ answers: submissions.answers })
    .from(submissions)
    .where(tambonWhere(submissions, tambonId, { id }));
  return row?.answers ?? null;
}

/** The forms, rounds and villages the list's filters offer. */
export async function filterChoices(db: DbOrTx, tambonId: number) {
  const [f, r, v] = await Promise.all([
    db
      .select({ id: forms.id, title: forms.title })
      .from(forms)
      .where(eq(forms.tambonId, tambonId))
      .orderBy(forms.id),
    db
      .select({ ...pick(rounds, "id", "name", "formId") })
      .from(rounds)
      .where(eq(rounds.tambonId, tambonId))
      .orderBy(desc(rounds.startsOn)),
    db
      .select({ ...pick(villages, "id", "moo", "nameTh") })
      .from(villages)
      .where(eq(villages.tambonId, tambonId))
      .orderBy(villages.moo),
  ]);
  return { forms: f, rounds: r, villages: v };
}
