import { sql } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import type { Answers } from "../forms/definition.ts";
import { blankHistory } from "../registry/history.ts";
import { households, people, submissions } from "../schema.ts";
import { PERSON_ANSWER_KEY } from "../shared/kinds.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** What an erasure removed. */
export interface Erased {
  submissionsDeleted: number;
  answersRemoved: number;
}

/** A household submission's answers without the repeat entries about the person. */
function withoutPerson(answers: Answers, personId: number): { answers: Answers; removed: number } {
  let removed = 0;
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers)) {
    if (Array.isArray(v) && v.length && typeof v[0] === "object") {
      const kept = (v as Answers[]).filter((e) => Number(e[PERSON_ANSWER_KEY]) !== personId);
      removed += v.length - kept.length;
      out[k] = kept;
    } else out[k] = v;
  }
  return { answers: out, removed };
}

/**
 * Erases a person (a delete request, the retention job): their submissions about them alone are
 * deleted, their entries in household submissions' repeat groups removed, their history's values
 * emptied (the rows stay: that a change happened, when and by whom), and their row deleted.
 * Runs in the caller's transaction; the caller writes the audit row.
 */
export async function erasePerson(tx: Tx, tambonId: number, personId: number): Promise<Erased> {
  const deleted = await tx
    .delete(submissions)
    .where(tambonWhere(submissions, tambonId, { personId }))
    .returning({ id: submissions.id });
  const mentioning = await tx
    .select({ id: submissions.id, answers: submissions.answers })
    .from(submissions)
    .where(
      tambonWhere(
        submissions,
        tambonId,
        {},
        sql`jsonb_path_exists(${submissions.answers}, '$.*[*] ? (@.${sql.raw(PERSON_ANSWER_KEY)} == $id || @.${sql.raw(PERSON_ANSWER_KEY)} == $s)', jsonb_build_object('id', ${personId}::int, 's', ${String(personId)}::text))`,
      ),
    );
  let answersRemoved = 0;
  for (const s of mentioning) {
    const { answers, removed } = withoutPerson(s.answers, personId);
    answersRemoved += removed;
    await tx
      .update(submissions)
      .set({ answers })
      .where(tambonWhere(submissions, tambonId, { id: s.id }));
  }
  await blankHistory(tx, tambonId, "person", personId);
  await tx.delete(people).where(tambonWhere(people, tambonId, { id: personId }));
  return { submissionsDeleted: deleted.length, answersRemoved };
}

/** Erases a household with everyone in it and every submission about it. */
export async function eraseHousehold(tx: Tx, tambonId: number, householdId: number) {
  const members = await tx
    .select({ id: people.id })
    .from(people)
    .where(tambonWhere(people, tambonId, { householdId }));
  for (const m of members) await erasePerson(tx, tambonId, m.id);
  await tx.delete(submissions).where(tambonWhere(submissions, tambonId, { householdId }));
  await blankHistory(tx, tambonId, "household", householdId);
  await tx.delete(households).where(tambonWhere(households, tambonId, { id: householdId }));
  return { people: members.length };
}
