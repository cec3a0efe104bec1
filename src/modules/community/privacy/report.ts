import { and, asc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import type { ExportTable } from "../../../core/table-export.ts";
import type { Answers } from "../forms/definition.ts";
import { historyOf, type HistoryRow } from "../registry/history.ts";
import { forms, submissions } from "../schema.ts";
import { PERSON_ANSWER_KEY } from "../shared/kinds.ts";
import { getHousehold, personOf, type Household, type Person } from "../households/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Everything stored about one person: the registry, its history, the answers about them. */
export interface PersonReport {
  person: Person;
  household: Household | undefined;
  history: HistoryRow[];
  answers: { submissionId: number; form: string; receivedAt: Date; answers: Answers }[];
}

/**
 * Gathers what the tambon keeps about a person, for a request to see it: their row, their
 * household, their history, the submissions about them alone and their entries in household
 * submissions' repeat groups.
 */
export async function personReport(
  db: DbOrTx,
  tambonId: number,
  personId: number,
): Promise<PersonReport | undefined> {
  const person = await personOf(db, tambonId, personId);
  if (!person) return undefined;
  const [household, history, subs] = await Promise.all([
    getHousehold(db, tambonId, person.householdId),
    historyOf(db, tambonId, "person", personId),
    db
      .select({
        id: submissions.id,
        personId: submissions.personId,
        form: forms.title,
        receivedAt: submissions.receivedAt,
        answers: submissions.answers,
      })
      .from(submissions)
      .innerJoin(forms, eq(forms.id, submissions.formId))
      .where(
        tambonWhere(
          submissions,
          tambonId,
          {},
          or(
            eq(submissions.personId, personId),
            and(
              eq(submissions.householdId, person.householdId),
              sql`jsonb_path_exists(${submissions.answers}, '$.*[*] ? (@.${sql.raw(PERSON_ANSWER_KEY)} == $id || @.${sql.raw(PERSON_ANSWER_KEY)} == $s)', jsonb_build_object('id', ${personId}::int, 's', ${String(personId)}::text))`,
            ),
          ),
        ),
      )
      .orderBy(asc(submissions.receivedAt)),
  ]);
  const answers = subs.map((s) => ({
    submissionId: s.id,
    form: s.form,
    receivedAt: s.receivedAt,
    answers: s.personId === personId ? s.answers : entriesAbout(s.answers, personId),
  }));
  return { person, household, history, answers };
}

/** The repeat-group entries of a household submission that are about the person. */
function entriesAbout(answers: Answers, personId: number): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers))
    if (Array.isArray(v) && v.length && typeof v[0] === "object") {
      const mine = (v as Answers[]).filter((e) => Number(e[PERSON_ANSWER_KEY]) === personId);
      if (mine.length) out[k] = mine;
    }
  return out;
}

/** The report as a table of section, field, value (CSV or XLSX). */
export function reportTable(r: PersonReport): ExportTable {
  const rows: (string | number | null)[][] = [];
  const p = r.person;
  const registry: [string, unknown][] = [
    ["name", p.name],
    ["thai_id", p.thaiId],
    ["birth_date", p.birthDate],
    ["sex", p.sex],
    ["relation", p.relation],
    ["conditions", p.conditions.join(" ")],
    ["status", p.status],
    ["purpose", p.purpose],
    ["lawful_basis", p.lawfulBasis],
    ["consent", p.consent],
    ["consent_at", p.consentAt?.toISOString() ?? null],
    ["retain_until", p.retainUntil],
    ["house_no", r.household?.houseNo ?? null],
  ];
  for (const [k, v] of registry) rows.push(["registry", k, v == null ? null : String(v)]);
  for (const h of r.history)
    rows.push([
      `history ${h.at.toISOString()} ${h.action} ${h.via}`,
      "changes",
      JSON.stringify(h.changes),
    ]);
  for (const a of r.answers)
    rows.push([`submission ${a.submissionId} ${a.form}`, "answers", JSON.stringify(a.answers)]);
  return {
    file: `person-${r.person.id}`,
    sheet: "person",
    columns: ["section", "field", "value"],
    rows,
  };
}
