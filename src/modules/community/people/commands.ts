import { takenBy } from "../shared/taken.ts";
import type { Db, DbOrTx, Tx } from "../../../core/db/index.ts";
import { todayIso } from "../../../core/dates.ts";
import { parseId } from "../../../core/params.ts";
import { fail, missing, ok } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { allows, type PersonalScope } from "../access.ts";
import { diffRecord, logRecordChange, type FieldChanges } from "../registry/history.ts";
import { people } from "../schema.ts";
import type { CommunityResult } from "../shared/result.ts";
import type { ChangeMeta } from "../households/commands.ts";
import { getHousehold, personOf, type Person } from "../households/queries.ts";
import { changeFromForm, type FormChangeMeta } from "../shared/form-change.ts";
import { parsePerson, PERSON_COLUMNS, PERSON_FIELDS, type PersonFields } from "./input.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A day of consent as the moment kept (noon in Bangkok), or null. */
const consentMoment = (day: string | null) => (day ? new Date(`${day}T12:00:00+07:00`) : null);

/** A person's fields as the history compares them (consent as its day). */
function fieldsOf(p: Person): PersonFields {
  return {
    ...pick(p, ...PERSON_COLUMNS),
    consentAt: p.consentAt ? todayIso(p.consentAt) : null,
    retainUntil: p.retainUntil,
  };
}

/** The id of another person of the tambon who has this Thai ID, or undefined. */
export const thaiIdHolder = (
  tx: DbOrTx,
  tambonId: number,
  thaiId: string,
  exceptId: number | null,
) => takenBy(tx, people, tambonId, { thaiId }, exceptId);

/**
 * Writes a person's history row and audit row for a change. The audit row names the fields
 * changed, not their values: the values are personal data.
 */
const logPersonChange = (
  tx: Tx,
  tambonId: number,
  person: Person,
  action: "create" | "update",
  changes: FieldChanges,
  meta: ChangeMeta,
) =>
  logRecordChange(
    tx,
    {
      tambonId,
      entity: "person",
      record: person,
      action,
      changes,
      via: meta.via,
      byUser: meta.actorId,
      submissionId: meta.submissionId,
    },
    {
      after: {
        fields: Object.keys(changes),
        householdId: person.householdId,
        via: meta.via,
        ...(meta.submissionId ? { submissionId: meta.submissionId } : {}),
      },
    },
  );

/** Adds a person to a household the scope covers (Thai ID unique in the tambon). */
export async function createPerson(
  tx: Tx,
  tambonId: number,
  householdId: number,
  values: PersonFields,
  meta: ChangeMeta & { scope: PersonalScope },
): Promise<CommunityResult<Person>> {
  const household = await getHousehold(tx, tambonId, householdId);
  if (!household || !allows(meta.scope, household.villageId)) return missing();
  if (values.thaiId && (await thaiIdHolder(tx, tambonId, values.thaiId, null)))
    return fail("thaiId", "person.thaiIdTaken");
  const [row] = await tx
    .insert(people)
    .values({
      tambonId,
      householdId,
      villageId: household.villageId,
      ...pick(values, ...PERSON_COLUMNS),
      consentAt: consentMoment(values.consentAt),
      retainUntil: values.retainUntil,
      createdBy: meta.actorId,
    })
    .returning();
  await logPersonChange(
    tx,
    tambonId,
    row!,
    "create",
    diffRecord(null, values, PERSON_FIELDS),
    meta,
  );
  return ok(row!);
}

/**
 * Changes a person (a page's form, a phone's sync, a request): a conflict when the person's
 * version is no longer `baseVersion`; a real change bumps the version and writes history and audit.
 */
export async function savePersonChange(
  tx: Tx,
  tambonId: number,
  personId: number,
  change: Partial<PersonFields>,
  meta: ChangeMeta & { scope: PersonalScope; baseVersion: number | null },
): Promise<CommunityResult<Person>> {
  const [current] = await tx
    .select()
    .from(people)
    .where(tambonWhere(people, tambonId, { id: personId }))
    .for("update");
  if (!current || !allows(meta.scope, current.villageId)) return missing();
  if (meta.baseVersion !== null && current.version !== meta.baseVersion)
    return fail("_form", "person.conflict");
  if (change.thaiId && (await thaiIdHolder(tx, tambonId, change.thaiId, current.id)))
    return fail("thaiId", "person.thaiIdTaken");
  const before = fieldsOf(current);
  const next: PersonFields = { ...before };
  for (const f of PERSON_FIELDS)
    if (change[f] !== undefined) Object.assign(next, { [f]: change[f] });
  const changes = diffRecord(before, next, PERSON_FIELDS);
  if (!Object.keys(changes).length) return ok(current);
  const [row] = await tx
    .update(people)
    .set({
      ...pick(next, ...PERSON_COLUMNS),
      consentAt: consentMoment(next.consentAt),
      retainUntil: next.retainUntil,
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(tambonWhere(people, tambonId, { id: current.id }))
    .returning();
  await logPersonChange(tx, tambonId, row!, "update", changes, meta);
  return ok(row!);
}

/** Reads a person's form (its fields and the conditions ticked) and saves it with `save`. */
const fromPersonForm = (
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  ticked: string[],
  save: (tx: Tx, value: PersonFields, meta: FormChangeMeta) => Promise<CommunityResult<Person>>,
) => changeFromForm(db, actor, tambonId, () => parsePerson(input, ticked), save);

/** Adds a person from the household page's form. */
export async function addPerson(
  db: Db,
  actor: Actor,
  tambonId: number,
  householdId: number,
  input: Record<string, string>,
  ticked: string[],
): Promise<CommunityResult<Person>> {
  return fromPersonForm(db, actor, tambonId, input, ticked, (tx, value, meta) =>
    createPerson(tx, tambonId, householdId, value, meta),
  );
}

/** Edits a person from their form (which carries the version it was shown at). */
export async function editPerson(
  db: Db,
  actor: Actor,
  tambonId: number,
  personId: number,
  input: Record<string, string>,
  ticked: string[],
): Promise<CommunityResult<Person>> {
  return fromPersonForm(db, actor, tambonId, input, ticked, (tx, value, meta) =>
    savePersonChange(tx, tambonId, personId, value, {
      ...meta,
      baseVersion: parseId((input.version ?? "").trim()),
    }),
  );
}

/** Moves a person to another household the scope covers (its village with it). */
export async function movePerson(
  db: Db,
  actor: Actor,
  tambonId: number,
  personId: number,
  input: Record<string, string>,
): Promise<CommunityResult<Person>> {
  const parse = (): CommunityResult<number> => {
    const targetId = parseId((input.householdId ?? "").trim());
    return targetId === null ? fail("householdId", "person.unknownHousehold") : ok(targetId);
  };
  return changeFromForm(db, actor, tambonId, parse, async (tx, targetId, meta) => {
    const current = await personOf(tx, tambonId, personId);
    if (!current || !allows(meta.scope, current.villageId)) return missing();
    const target = await getHousehold(tx, tambonId, targetId);
    if (!target || !allows(meta.scope, target.villageId))
      return fail("householdId", "person.unknownHousehold");
    if (target.id === current.householdId) return ok(current);
    const [row] = await tx
      .update(people)
      .set({
        householdId: target.id,
        villageId: target.villageId,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(tambonWhere(people, tambonId, { id: current.id }))
      .returning();
    const changes: FieldChanges = { householdId: [current.householdId, target.id] };
    if (target.villageId !== current.villageId)
      changes.villageId = [current.villageId, target.villageId];
    await logPersonChange(tx, tambonId, row!, "update", changes, meta);
    return ok(row!);
  });
}
