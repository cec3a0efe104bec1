import { desc, gt, lte } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { normaliseThaiId } from "../../../core/thai-id.ts";
import type { PersonalScope } from "../access.ts";
import type { Answers, FormDefinition, FormItem, Repeat } from "../forms/definition.ts";
import { people, recordChanges } from "../schema.ts";
import { createPerson, savePersonChange, thaiIdHolder } from "../people/commands.ts";
import type { PersonFields } from "../people/input.ts";
import type { Person } from "../households/queries.ts";
import {
  CONDITIONS,
  PERSON_ANSWER_KEY,
  RELATIONS,
  SEXES,
  type Condition,
  type Relation,
  type Sex,
} from "../shared/kinds.ts";
import { tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";

/** The questions of a members' repeat that carry a person's fields, by the field they fill. */
const NAME_KEYS = ["member_name", "name"] as const;

/** What an entry of the members' repeat says about a person (only what it answers). */
export type MemberFields = Partial<
  Pick<PersonFields, "name" | "thaiId" | "birthDate" | "sex" | "relation" | "conditions">
>;

/** One entry of the members' repeat and the registry's person it is about (null: a new one). */
export interface PlannedMember {
  entry: Answers;
  fields: MemberFields;
  person: Person | null;
}

const questionNames = (items: FormItem[]): string[] =>
  items.flatMap((i) =>
    i.kind === "question" ? [i.name] : i.kind === "group" ? questionNames(i.items) : [],
  );

/**
 * The repeat of a household form that lists the household's members: the one named `members`,
 * else the first whose questions include a member's name (`member_name` or `name`).
 */
export function membersRepeat(def: FormDefinition): Repeat | null {
  const repeats: Repeat[] = [];
  const walk = (items: FormItem[]) => {
    for (const i of items)
      if (i.kind === "repeat") repeats.push(i);
      else if (i.kind === "group") walk(i.items);
  };
  walk(def.items);
  const named = repeats.find((r) => r.name === "members");
  const hasName = (r: Repeat) => questionNames(r.items).some((n) => NAME_KEYS.includes(n as never));
  if (named && hasName(named)) return named;
  return repeats.find(hasName) ?? null;
}

/** The person's fields an entry answers; what it leaves out stays as the registry has it. */
export function memberFields(entry: Answers): MemberFields {
  const out: MemberFields = {};
  for (const k of NAME_KEYS) {
    const v = entry[k];
    if (typeof v === "string" && v.trim()) {
      out.name = v.trim().replace(/\s+/g, " ").slice(0, 200);
      break;
    }
  }
  if (typeof entry.thai_id === "string") {
    const id = normaliseThaiId(entry.thai_id);
    if (id) out.thaiId = id;
  }
  if (typeof entry.birth_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(entry.birth_date))
    out.birthDate = entry.birth_date;
  if (typeof entry.sex === "string" && (SEXES as readonly string[]).includes(entry.sex))
    out.sex = entry.sex as Sex;
  if (
    typeof entry.relation === "string" &&
    (RELATIONS as readonly string[]).includes(entry.relation)
  )
    out.relation = entry.relation as Relation;
  if (Array.isArray(entry.conditions))
    out.conditions = (entry.conditions as unknown[]).filter((c): c is Condition =>
      (CONDITIONS as readonly unknown[]).includes(c),
    );
  return out;
}

/**
 * Pairs each entry of the members' repeat with the household's person it is about: by the
 * person id the entry carries (a phone fills it from the registry), else by Thai ID, else by name
 * and birth date; an entry that matches no one is a new person. A person is matched once.
 */
export async function planMembers(
  tx: Tx,
  tambonId: number,
  householdId: number,
  def: FormDefinition,
  answers: Answers,
): Promise<PlannedMember[]> {
  const repeat = membersRepeat(def);
  const entries = repeat ? answers[repeat.name] : undefined;
  if (!repeat || !Array.isArray(entries) || !entries.length) return [];
  const folks = await tambonRows(tx, people, tambonId, { householdId });
  const taken = new Set<number>();
  const free = (p: Person | undefined) => (p && !taken.has(p.id) ? p : undefined);
  const out: PlannedMember[] = [];
  for (const entry of entries as Answers[]) {
    const fields = memberFields(entry);
    const pid = Number(entry[PERSON_ANSWER_KEY]);
    const person =
      free(folks.find((p) => p.id === pid)) ??
      (fields.thaiId ? free(folks.find((p) => p.thaiId === fields.thaiId)) : undefined) ??
      (fields.name && fields.birthDate
        ? free(folks.find((p) => p.name === fields.name && p.birthDate === fields.birthDate))
        : undefined) ??
      null;
    if (person) taken.add(person.id);
    if (!person && !fields.name) continue; // an entry with no name names no one
    out.push({ entry, fields, person });
  }
  return out;
}

/** Why a submission's members cannot be applied as they are: a reviewer decides. */
export interface MemberConflict {
  personId: number;
  /** The accepted submission that changed that person since, when one did. */
  submissionId: number | null;
}

/**
 * A person the members would change who was changed since the household's `baseVersion` (the
 * version the phone started from), or a new member whose Thai ID another household's person has.
 */
export async function memberConflict(
  tx: Tx,
  tambonId: number,
  householdId: number,
  baseVersion: number | null,
  planned: PlannedMember[],
): Promise<MemberConflict | null> {
  for (const m of planned) {
    if (!m.fields.thaiId || m.person?.thaiId === m.fields.thaiId) continue;
    const other = await thaiIdHolder(tx, tambonId, m.fields.thaiId, m.person?.id ?? null);
    if (other !== undefined) return { personId: other, submissionId: null };
  }
  if (baseVersion === null) return null;
  const changing = planned.filter((m) => m.person && changesOf(m.person, m.fields));
  if (!changing.length) return null;
  const [base] = await tx
    .select({ at: recordChanges.at })
    .from(recordChanges)
    .where(
      tambonWhere(
        recordChanges,
        tambonId,
        { entity: "household", entityId: householdId },
        lte(recordChanges.version, baseVersion),
      ),
    )
    .orderBy(desc(recordChanges.version))
    .limit(1);
  if (!base) return null;
  const [later] = await tx
    .select({ personId: recordChanges.entityId, submissionId: recordChanges.submissionId })
    .from(recordChanges)
    .where(
      tambonWhere(
        recordChanges,
        tambonId,
        { entity: "person", entityId: anyOf(changing.map((m) => m.person!.id)) },
        gt(recordChanges.at, base.at),
      ),
    )
    .orderBy(desc(recordChanges.id))
    .limit(1);
  return later ? { personId: later.personId, submissionId: later.submissionId } : null;
}

/** The fields an entry would change in a person (none: nothing to do). */
function changesOf(p: Person, f: MemberFields): boolean {
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(Array.isArray(a) ? [...a].sort() : a) ===
    JSON.stringify(Array.isArray(b) ? [...b].sort() : b);
  return (Object.keys(f) as (keyof MemberFields)[]).some((k) => !same(p[k], f[k]));
}

/**
 * Applies the members: adds the new people to the household, changes the fields the entries
 * answer of the matched ones (history via "sync" naming the submission, audited), never removes
 * anyone the repeat leaves out. Each entry is given the id of its person. False when a change is
 * refused (a Thai ID taken meanwhile, a household outside the scope): the caller rolls back.
 */
export async function applyMembers(
  tx: Tx,
  tambonId: number,
  householdId: number,
  planned: PlannedMember[],
  meta: { actorId: number | null; submissionId: number; scope: PersonalScope },
): Promise<{ added: number; updated: number } | null> {
  let added = 0;
  let updated = 0;
  const m = { actorId: meta.actorId, via: "sync" as const, submissionId: meta.submissionId };
  for (const p of planned) {
    if (p.person) {
      if (!changesOf(p.person, p.fields)) {
        p.entry[PERSON_ANSWER_KEY] = p.person.id;
        continue;
      }
      const done = await savePersonChange(tx, tambonId, p.person.id, p.fields, {
        ...m,
        scope: meta.scope,
        baseVersion: null,
      });
      if (!done.ok) return null;
      p.entry[PERSON_ANSWER_KEY] = p.person.id;
      updated++;
    } else {
      const done = await createPerson(
        tx,
        tambonId,
        householdId,
        {
          name: p.fields.name!,
          thaiId: p.fields.thaiId ?? null,
          birthDate: p.fields.birthDate ?? null,
          sex: p.fields.sex ?? "unspecified",
          relation: p.fields.relation ?? "other",
          conditions: p.fields.conditions ?? [],
          status: "living",
          purpose: "",
          lawfulBasis: "public_task",
          consent: "not_needed",
          consentAt: null,
          retainUntil: null,
        },
        { ...m, scope: meta.scope },
      );
      if (!done.ok) return null;
      p.entry[PERSON_ANSWER_KEY] = done.value.id;
      added++;
    }
  }
  return { added, updated };
}
