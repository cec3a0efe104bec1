import { asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "../../../core/db/index.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { todayIso } from "../../../core/dates.ts";
import { figures, households, people } from "../schema.ts";
import type { FormDefinition, FormItem, Question } from "../forms/definition.ts";
import { listOpenForms } from "../forms/queries.ts";
import { roundsOfForms } from "../rounds/queries.ts";
import { BAND_COUNT, BAND_YEARS, type VillageBandCount } from "./pyramid.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Submissions that count in figures: taken, or settled by a reviewer. */
export const COUNTED_STATUSES = ["accepted", "resolved"] as const;

/** Question types the figures count: shares of choices and means of numbers. */
export const COUNTED_TYPES = ["select_one", "yesno", "select_multiple", "integer", "decimal"];

/** A question the figures count; one inside a repeat group is counted once per entry. */
export type CountedQuestion = Question & { repeat?: string };

/**
 * The questions of a form the figures count, groups opened; a repeat's questions (a household's
 * members) are counted per entry across the records, e.g. people with a condition.
 */
export function countedQuestions(items: readonly FormItem[], repeat?: string): CountedQuestion[] {
  const out: CountedQuestion[] = [];
  for (const it of items) {
    if (it.kind === "group") out.push(...countedQuestions(it.items, repeat));
    else if (it.kind === "repeat") {
      if (!repeat) out.push(...countedQuestions(it.items, it.name));
    } else if (COUNTED_TYPES.includes(it.type)) out.push(repeat ? { ...it, repeat } : it);
  }
  return out;
}

/**
 * A person's five-year band on `today` (`floor(age in years / 5)`, from 0 to the last band, which
 * holds everyone older): the count of band edges their birth date is on or before. The edges
 * (`today` less 5, 10 … years, as `age` counts them) are worked out once per statement, so a
 * million people cost one comparison search each instead of an `age` apiece.
 */
function bandOf(today: string, birth: SQL | typeof people.birthDate = people.birthDate) {
  return sql<number>`(${BAND_COUNT - 1} - width_bucket(${birth}, ${bandEdges(today)}))::int`;
}

/** The band edges on `today`, oldest first, as a `date[]` (see `bandOf`). */
function bandEdges(today: string) {
  return sql`array(select (${today}::date - make_interval(years => ${BAND_YEARS} * k))::date + 1
      from generate_series(${BAND_COUNT - 1}, 1, -1) k)`;
}

/**
 * Living people by village, band and sex in one pass over the village index: a village's people
 * are the sum of its rows, its pyramid the rows with a band (a person without a birth date has
 * none). Every village of the tambon, or those given.
 */
async function peopleByVillage(
  db: DbOrTx,
  tambonId: number,
  today: string,
  villageIds?: readonly number[],
): Promise<{ people: Map<number, number>; bands: VillageBandCount[] }> {
  const band = sql<number | null>`${bandOf(today)}`;
  const rows = await db
    .select({ villageId: people.villageId, band, sex: people.sex, n: count() })
    .from(people)
    .where(
      tambonWhere(
        people,
        tambonId,
        { status: "living" },
        villageIds === undefined ? undefined : inArray(people.villageId, [...villageIds]),
      ),
    )
    // By position: the band's expression carries a parameter, which GROUP BY would not match.
    .groupBy(sql`1`, sql`2`, sql`3`);
  const total = new Map<number, number>();
  const bands: VillageBandCount[] = [];
  for (const r of rows) {
    const villageId = Number(r.villageId);
    const n = Number(r.n);
    total.set(villageId, (total.get(villageId) ?? 0) + n);
    if (r.band !== null) bands.push({ villageId, band: Number(r.band), sex: r.sex, n });
  }
  return { people: total, bands };
}

/** Households (active) and people (living) per village, and people by village, band and sex. */
export interface RegistryCounts {
  households: Map<number, number>;
  people: Map<number, number>;
  bands: VillageBandCount[];
}

/**
 * Households (active) and people (living) per village, and the people by village, band and sex
 * on `today`: every village, or those given.
 */
export async function registryCounts(
  db: DbOrTx,
  tambonId: number,
  villageIds?: readonly number[],
  today = todayIso(),
): Promise<RegistryCounts> {
  const hv = villageIds === undefined ? undefined : inArray(households.villageId, [...villageIds]);
  const [h, p] = await Promise.all([
    db
      .select({ villageId: households.villageId, n: count() })
      .from(households)
      .where(tambonWhere(households, tambonId, { status: "active" }, hv))
      .groupBy(households.villageId),
    peopleByVillage(db, tambonId, today, villageIds),
  ]);
  return { households: new Map(h.map((r) => [r.villageId, Number(r.n)])), ...p };
}

/**
 * The same counts as `registryCounts`, read from the counts the database keeps (migration
 * community_kept_counts): active households per village, and living people per village, sex and
 * month of birth, each month given the band of its first day; then the people of each month that
 * holds a band edge after its first day, born on or after the edge, are counted from the registry
 * (one index probe per village, sex and edge) and moved to the younger band. So the whole tambon
 * costs a few thousand kept rows and a few hundred probes, not a pass over every person.
 */
export async function keptRegistryCounts(
  db: DbOrTx,
  tambonId: number,
  villageIds?: readonly number[],
  today = todayIso(),
): Promise<RegistryCounts> {
  if (villageIds && !villageIds.length)
    return { households: new Map(), people: new Map(), bands: [] };
  const inVillages = (column: SQL) =>
    villageIds === undefined
      ? sql``
      : sql` and ${column} in (${sql.join(
          villageIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  const edges = bandEdges(today);
  const [h, months, edgeMonths] = await Promise.all([
    rowsOf<{ village_id: number; n: number }>(
      db,
      sql`select village_id, n from community_household_counts
        where tambon_id = ${tambonId} and n <> 0${inVillages(sql`village_id`)}`,
    ),
    rowsOf<{ village_id: number; sex: string; band: number | null; n: number }>(
      db,
      sql`select village_id, sex,
          case when birth_month = '-infinity' then null
            else ${bandOf(today, sql`birth_month`)} end as band,
          sum(n)::integer as n
        from community_people_month_counts
        where tambon_id = ${tambonId} and n <> 0${inVillages(sql`village_id`)}
        group by 1, 2, 3`,
    ),
    rowsOf<{ village_id: number; sex: string; from_band: number; to_band: number; n: number }>(
      db,
      sql`select c.village_id, c.sex,
          ${bandOf(today, sql`c.birth_month`)} as from_band,
          ${bandOf(today, sql`x.edge`)} as to_band,
          (select count(*)::integer from community_people p
            where p.tambon_id = ${tambonId} and p.village_id = c.village_id
              and p.status = 'living' and p.sex = c.sex
              and p.birth_date >= x.edge
              and p.birth_date < (c.birth_month + interval '1 month')::date) as n
        from unnest(${edges}) as x(edge)
        join community_people_month_counts c
          on c.birth_month = date_trunc('month', x.edge)::date and c.n <> 0
        where c.tambon_id = ${tambonId} and extract(day from x.edge) <> 1${inVillages(sql`c.village_id`)}`,
    ),
  ]);
  const peopleOf = new Map<number, number>();
  const bandCount = new Map<string, VillageBandCount>();
  const add = (villageId: number, band: number, sex: string, n: number) => {
    const key = `${villageId}:${band}:${sex}`;
    const row = bandCount.get(key);
    if (row) row.n += n;
    else bandCount.set(key, { villageId, band, sex, n });
  };
  for (const r of months) {
    const villageId = Number(r.village_id);
    peopleOf.set(villageId, (peopleOf.get(villageId) ?? 0) + Number(r.n));
    if (r.band !== null) add(villageId, Number(r.band), r.sex, Number(r.n));
  }
  for (const r of edgeMonths) {
    const n = Number(r.n);
    if (!n) continue;
    add(Number(r.village_id), Number(r.from_band), r.sex, -n);
    add(Number(r.village_id), Number(r.to_band), r.sex, n);
  }
  return {
    households: new Map(h.map((r) => [Number(r.village_id), Number(r.n)])),
    people: new Map([...peopleOf].filter(([, n]) => n !== 0)),
    bands: [...bandCount.values()].filter((b) => b.n !== 0),
  };
}

/** An open form with its current version's definition and its rounds, oldest round first. */
export interface OpenForm {
  id: number;
  title: string;
  definition: FormDefinition;
  rounds: { id: number; name: string }[];
}

/** The tambon's open forms (with a published version) and their rounds. */
export async function openForms(db: DbOrTx, tambonId: number): Promise<OpenForm[]> {
  const list = (await listOpenForms(db, tambonId)).map((f) => ({
    id: f.formId,
    title: f.title,
    definition: f.definition,
  }));
  if (!list.length) return [];
  const rs = await roundsOfForms(
    db,
    tambonId,
    list.map((f) => f.id),
  );
  return list.map((f) => ({
    ...f,
    rounds: rs.filter((r) => r.formId === f.id).map((r) => ({ id: r.id, name: r.name })),
  }));
}

/** Answers counted per village and round: a choice's count, or a number's sum and count. */
export interface AnswerCount {
  villageId: number;
  roundId: number | null;
  question: string;
  /** The choice (null for the row that counts who answered, and for numbers). */
  value: string | null;
  n: number;
  /** For numbers: the sum of the answers. */
  sum: number | null;
}

/**
 * The answers of one form counted in SQL: per village, round and question, how many answered,
 * how many gave each choice (select_multiple opened), and the sum of numbers.
 */
export async function answerCounts(
  db: DbOrTx,
  tambonId: number,
  formId: number,
  questions: readonly CountedQuestion[],
  villageId?: number,
): Promise<AnswerCount[]> {
  const repeats = [...new Set(questions.map((q) => q.repeat ?? ""))];
  const parts = await Promise.all(
    repeats.map((r) =>
      recordCounts(
        db,
        tambonId,
        formId,
        questions.filter((q) => (q.repeat ?? "") === r),
        r || null,
        villageId,
      ),
    ),
  );
  return parts.flat();
}

/** The counts of questions answered once per record (`repeat` null) or once per repeat entry. */
async function recordCounts(
  db: DbOrTx,
  tambonId: number,
  formId: number,
  questions: readonly Question[],
  repeat: string | null,
  villageId?: number,
): Promise<AnswerCount[]> {
  const choice = questions
    .filter((q) => !["integer", "decimal"].includes(q.type))
    .map((q) => q.name);
  const numeric = questions
    .filter((q) => ["integer", "decimal"].includes(q.type))
    .map((q) => q.name);
  const all = [...choice, ...numeric];
  if (!all.length) return [];
  const statuses = sql.join(
    COUNTED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const names = (list: string[]) =>
    sql`(${sql.join(
      list.map((n) => sql`${n}`),
      sql`, `,
    )})`;
  const where = sql`s.tambon_id = ${tambonId} and s.form_id = ${formId} and s.status in (${statuses})${
    villageId === undefined ? sql`` : sql` and s.village_id = ${villageId}`
  }`;
  // The records counted: each submission's answers, or each entry of its repeat.
  const from = repeat
    ? sql`(select s.village_id, s.round_id, m.value as answers
          from community_submissions s,
            jsonb_array_elements(case jsonb_typeof(s.answers -> ${repeat}) when 'array'
              then s.answers -> ${repeat} else '[]'::jsonb end) m
          where ${where} and jsonb_typeof(m.value) = 'object') s`
    : sql`(select s.village_id, s.round_id, s.answers from community_submissions s where ${where}) s`;
  const answered = rowsOf<{
    village_id: number;
    round_id: number | null;
    q: string;
    n: string;
    sum: string | null;
  }>(
    db,
    sql`select s.village_id, s.round_id, e.key as q, count(*) as n,
          sum(case when e.key in ${numeric.length ? names(numeric) : sql`('')`} and jsonb_typeof(e.value) = 'number' then (e.value #>> '{}')::numeric end) as sum
        from ${from}, jsonb_each(s.answers) e
        where e.key in ${names(all)}
        group by 1, 2, 3`,
  );
  const chosen = choice.length
    ? rowsOf<{ village_id: number; round_id: number | null; q: string; v: string; n: string }>(
        db,
        sql`select s.village_id, s.round_id, e.key as q, x.v, count(*) as n
            from ${from}, jsonb_each(s.answers) e,
              lateral jsonb_array_elements_text(case jsonb_typeof(e.value) when 'array' then e.value
                else jsonb_build_array(e.value) end) x(v)
            where e.key in ${names(choice)}
            group by 1, 2, 3, 4`,
      )
    : Promise.resolve([]);
  const [a, c] = await Promise.all([answered, chosen]);
  return [
    ...a.map((r) => ({
      villageId: Number(r.village_id),
      roundId: r.round_id === null ? null : Number(r.round_id),
      question: r.q,
      value: null,
      n: Number(r.n),
      sum: r.sum === null ? null : Number(r.sum),
    })),
    ...c.map((r) => ({
      villageId: Number(r.village_id),
      roundId: r.round_id === null ? null : Number(r.round_id),
      question: r.q,
      value: r.v,
      n: Number(r.n),
      sum: null,
    })),
  ];
}

/** The figures imported or entered (จปฐ.-style), newest year first. */
export async function storedFigures(db: DbOrTx, tambonId: number, villageId?: number) {
  const rows = await db
    .select({
      ...pick(figures, "villageId", "year", "code", "label", "numerator", "denominator"),
    })
    .from(figures)
    .where(
      tambonWhere(
        figures,
        tambonId,
        {},
        villageId === undefined ? undefined : eq(figures.villageId, villageId),
      ),
    )
    .orderBy(sql`${figures.year} desc`, asc(figures.code), asc(figures.villageId));
  return rows.map((r) => ({
    ...r,
    numerator: Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
  }));
}
export type StoredFigure = Awaited<ReturnType<typeof storedFigures>>[number];

export { listVillages };
