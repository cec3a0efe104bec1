import { takenBy } from "../shared/taken.ts";
import { z } from "zod";
import type { Db, Tx } from "../../../core/db/index.ts";
import type { AuditEntry } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { parseId } from "../../../core/params.ts";
import { getVillage } from "../../../core/queries/villages.ts";
import { fail, missing, ok, type FieldError } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { Actor } from "../../../core/roles.ts";
import { allows, type PersonalScope } from "../access.ts";
import { diffRecord, logRecordChange, type FieldChanges } from "../registry/history.ts";
import { households } from "../schema.ts";
import { HOUSEHOLD_STATUSES, type ChangeVia, type HouseholdStatus } from "../shared/kinds.ts";
import type { CommunityKey, CommunityResult } from "../shared/result.ts";
import { settingsOf } from "../privacy/settings.ts";
import { changeFromForm, type FormChangeMeta } from "../shared/form-change.ts";
import type { Household } from "./queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The fields of a household its form and a phone may change. */
export interface HouseholdFields {
  houseNo: string;
  villageId: number;
  locationText: string;
  lat: string | null;
  lng: string | null;
  status: HouseholdStatus;
}
const FIELDS = ["houseNo", "villageId", "locationText", "lat", "lng", "status"] as const;

/** Who made a change and how. */
export interface ChangeMeta {
  actorId: number | null;
  via: ChangeVia;
  /** The submission the change came from (a household survey's members), when one did. */
  submissionId?: number | null;
}

const schema = z.object({
  houseNo: fields.text(40),
  villageId: fields.text(12),
  locationText: fields.optionalText(300),
  lat: fields.optionalText(20),
  lng: fields.optionalText(20),
});

/** A coordinate as typed, or null when empty; undefined when not a number within ±limit. */
function coordinate(raw: string, limit: number): string | null | undefined {
  if (raw === "") return null;
  if (!/^-?\d{1,3}(\.\d{1,6})?$/.test(raw)) return undefined;
  return Math.abs(Number(raw)) <= limit ? raw : undefined;
}

/** Reads a household form: its fields, or the errors next to them. */
export function parseHousehold(
  input: Record<string, string>,
): CommunityResult<Omit<HouseholdFields, "status">> {
  const parsed = parseForm(schema, input);
  const errors: Record<string, FieldError<CommunityKey | CoreKey>> = parsed.ok
    ? {}
    : { ...parsed.errors };
  const lat = coordinate((input.lat ?? "").trim(), 90);
  const lng = coordinate((input.lng ?? "").trim(), 180);
  if (lat === undefined) errors.lat = { key: "household.coordinate" };
  if (lng === undefined) errors.lng = { key: "household.coordinate" };
  if (lat !== undefined && lng !== undefined && (lat === null) !== (lng === null))
    errors[lat === null ? "lat" : "lng"] = { key: "household.bothCoordinates" };
  const villageId = parseId((input.villageId ?? "").trim());
  if (villageId === null && !errors.villageId) errors.villageId = { key: "err.choice" };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  return ok({
    houseNo: parsed.value.houseNo,
    villageId: villageId!,
    locationText: parsed.value.locationText,
    lat: lat ?? null,
    lng: lng ?? null,
  });
}

/** Writes a household's history row and its audit row for a change. */
const logHouseholdChange = (
  tx: Tx,
  tambonId: number,
  household: Household,
  action: "create" | "update",
  changes: FieldChanges,
  meta: ChangeMeta,
  note: Pick<AuditEntry, "before" | "after">,
) =>
  logRecordChange(
    tx,
    {
      tambonId,
      entity: "household",
      record: household,
      action,
      changes,
      via: meta.via,
      byUser: meta.actorId,
    },
    note,
  );

/**
 * Adds a household in a village the scope covers: its history's first row and its audit row in
 * the same transaction. The purpose is the tambon's default purpose.
 */
export async function createHousehold(
  tx: Tx,
  tambonId: number,
  values: Omit<HouseholdFields, "status">,
  meta: ChangeMeta & { scope: PersonalScope },
): Promise<CommunityResult<Household>> {
  if (!allows(meta.scope, values.villageId) || !(await getVillage(tx, tambonId, values.villageId)))
    return fail("villageId", "err.choice");
  if (
    await takenBy(
      tx,
      households,
      tambonId,
      { villageId: values.villageId, houseNo: values.houseNo },
      null,
    )
  )
    return fail("houseNo", "household.taken");
  const settings = await settingsOf(tx, tambonId);
  const [row] = await tx
    .insert(households)
    .values({
      tambonId,
      ...pick(values, "villageId", "houseNo", "locationText", "lat", "lng"),
      purpose: settings.defaultPurpose,
      createdBy: meta.actorId,
    })
    .returning();
  const changes = diffRecord<HouseholdFields>(null, { ...values, status: "active" }, FIELDS);
  await logHouseholdChange(tx, tambonId, row!, "create", changes, meta, {
    after: { ...values, via: meta.via },
  });
  return ok(row!);
}

/** What became of a change to a household. */
export type HouseholdChangeOutcome =
  | { status: "saved" | "unchanged"; household: Household }
  | { status: "conflict"; household: Household }
  | { status: "missing" }
  | { status: "invalid"; field: string; key: CommunityKey | CoreKey };

/**
 * Applies a change to a household (a page's form, or a phone's sync): refused as a conflict when
 * the household's version is no longer `baseVersion` (someone changed it meanwhile), as missing
 * when it is another tambon's or outside the scope. A real change bumps `version` and writes the
 * history row (`{field: [before, after]}`, with `via`) and the audit row in the caller's
 * transaction.
 */
export async function saveHouseholdChange(
  tx: Tx,
  tambonId: number,
  householdId: number,
  change: Partial<HouseholdFields>,
  meta: ChangeMeta & { scope: PersonalScope; baseVersion: number | null },
): Promise<HouseholdChangeOutcome> {
  const [current] = await tx
    .select()
    .from(households)
    .where(tambonWhere(households, tambonId, { id: householdId }))
    .for("update");
  if (!current || !allows(meta.scope, current.villageId)) return { status: "missing" };
  if (meta.baseVersion !== null && current.version !== meta.baseVersion)
    return { status: "conflict", household: current };
  const next: Partial<HouseholdFields> = {};
  for (const f of FIELDS) if (change[f] !== undefined) Object.assign(next, { [f]: change[f] });
  const villageId = next.villageId ?? current.villageId;
  if (
    next.villageId !== undefined &&
    (!allows(meta.scope, villageId) || !(await getVillage(tx, tambonId, villageId)))
  )
    return { status: "invalid", field: "villageId", key: "err.choice" };
  if (next.status !== undefined && !HOUSEHOLD_STATUSES.includes(next.status))
    return { status: "invalid", field: "status", key: "err.choice" };
  const houseNo = next.houseNo ?? current.houseNo;
  if (
    (next.houseNo !== undefined || next.villageId !== undefined) &&
    (await takenBy(tx, households, tambonId, { villageId, houseNo }, current.id))
  )
    return { status: "invalid", field: "houseNo", key: "household.taken" };
  const changes = diffRecord<HouseholdFields>(current, next, FIELDS);
  if (!Object.keys(changes).length) return { status: "unchanged", household: current };
  const [row] = await tx
    .update(households)
    .set({
      houseNo,
      villageId,
      locationText: next.locationText ?? current.locationText,
      lat: next.lat !== undefined ? next.lat : current.lat,
      lng: next.lng !== undefined ? next.lng : current.lng,
      status: next.status ?? current.status,
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(tambonWhere(households, tambonId, { id: current.id }))
    .returning();
  await logHouseholdChange(tx, tambonId, row!, "update", changes, meta, {
    before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[0]])),
    after: {
      ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[1]])),
      via: meta.via,
    },
  });
  return { status: "saved", household: row! };
}

/** Reads a household's form and saves it with `save`. */
const fromHouseholdForm = (
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  save: (
    tx: Tx,
    value: Omit<HouseholdFields, "status">,
    meta: FormChangeMeta,
  ) => Promise<CommunityResult<Household>>,
) => changeFromForm(db, actor, tambonId, () => parseHousehold(input), save);

/** Adds a household from the page's form. */
export async function addHousehold(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<CommunityResult<Household>> {
  return fromHouseholdForm(db, actor, tambonId, input, (tx, value, meta) =>
    createHousehold(tx, tambonId, value, meta),
  );
}

/** Turns an outcome into a page's result: a conflict asks to reload, an invalid field says why. */
function asResult(outcome: HouseholdChangeOutcome): CommunityResult<Household> {
  switch (outcome.status) {
    case "saved":
    case "unchanged":
      return ok(outcome.household);
    case "conflict":
      return fail("_form", "household.conflict");
    case "missing":
      return missing();
    case "invalid":
      return fail(outcome.field, outcome.key);
  }
}

/** Edits a household from the page's form (the form carries the version it was shown at). */
export async function editHousehold(
  db: Db,
  actor: Actor,
  tambonId: number,
  householdId: number,
  input: Record<string, string>,
): Promise<CommunityResult<Household>> {
  const baseVersion = parseId((input.version ?? "").trim());
  return fromHouseholdForm(db, actor, tambonId, input, async (tx, value, meta) =>
    asResult(await saveHouseholdChange(tx, tambonId, householdId, value, { ...meta, baseVersion })),
  );
}

/** Changes a household's status (active, moved, gone). */
export async function setHouseholdStatus(
  db: Db,
  actor: Actor,
  tambonId: number,
  householdId: number,
  input: Record<string, string>,
): Promise<CommunityResult<Household>> {
  const parse = (): CommunityResult<HouseholdStatus> => {
    const status = (input.status ?? "").trim() as HouseholdStatus;
    return HOUSEHOLD_STATUSES.includes(status) ? ok(status) : fail("status", "err.choice");
  };
  return changeFromForm(db, actor, tambonId, parse, async (tx, status, meta) =>
    asResult(
      await saveHouseholdChange(
        tx,
        tambonId,
        householdId,
        { status },
        { ...meta, baseVersion: null },
      ),
    ),
  );
}
