import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { todayIso } from "../../../core/dates.ts";
import { ok, type FieldError } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { normaliseThaiId } from "../../../core/thai-id.ts";
import {
  CONDITIONS,
  CONSENT_STATUSES,
  LAWFUL_BASES,
  PERSON_STATUSES,
  RELATIONS,
  SEXES,
  type Condition,
  type ConsentStatus,
  type LawfulBasis,
  type PersonStatus,
  type Relation,
  type Sex,
} from "../shared/kinds.ts";
import type { CommunityKey, CommunityResult } from "../shared/result.ts";
import { pick } from "../../../core/pick.ts";

/** The fields of a person its form (and a phone) may change. */
export interface PersonFields {
  name: string;
  thaiId: string | null;
  birthDate: string | null;
  sex: Sex;
  relation: Relation;
  conditions: Condition[];
  status: PersonStatus;
  purpose: string;
  lawfulBasis: LawfulBasis;
  consent: ConsentStatus;
  consentAt: string | null;
  retainUntil: string | null;
}
/** The fields of a person stored as the form gives them (the consent's day and retention aside). */
export const PERSON_COLUMNS = [
  "name",
  "thaiId",
  "birthDate",
  "sex",
  "relation",
  "conditions",
  "status",
  "purpose",
  "lawfulBasis",
  "consent",
] as const;
export const PERSON_FIELDS = [...PERSON_COLUMNS, "consentAt", "retainUntil"] as const;

const schema = z.object({
  name: fields.text(200),
  birthDate: fields.optionalDate(),
  sex: fields.optionalChoice(SEXES, "unspecified"),
  relation: fields.optionalChoice(RELATIONS, "other"),
  status: fields.optionalChoice(PERSON_STATUSES, "living"),
  purpose: fields.optionalText(1000),
  lawfulBasis: fields.optionalChoice(LAWFUL_BASES, "public_task"),
  consent: fields.optionalChoice(CONSENT_STATUSES, "not_needed"),
  consentAt: fields.optionalDate(),
  retainUntil: fields.optionalDate(),
});

/**
 * Reads a person's form: the fields (Thai ID normalised to its 13 digits, dates as YYYY-MM-DD
 * after the form's พ.ศ. parts were folded), or the errors next to them. `conditions` are the
 * ticked boxes.
 */
export function parsePerson(
  input: Record<string, string>,
  ticked: string[],
  today = todayIso(),
): CommunityResult<PersonFields> {
  const parsed = parseForm(schema, input);
  const errors: Record<string, FieldError<CommunityKey | CoreKey>> = parsed.ok
    ? {}
    : { ...parsed.errors };
  const rawId = (input.thaiId ?? "").trim();
  const thaiId = rawId === "" ? null : normaliseThaiId(rawId);
  if (rawId !== "" && thaiId === null) errors.thaiId = { key: "person.thaiIdInvalid" };
  const conditions = [...new Set(ticked)];
  if (conditions.some((c) => !(CONDITIONS as readonly string[]).includes(c)))
    errors.conditions = { key: "err.choice" };
  if (parsed.ok && parsed.value.birthDate && parsed.value.birthDate > today)
    errors.birthDate = { key: "person.birthFuture" };
  if (parsed.ok && parsed.value.consent === "given" && !parsed.value.consentAt)
    errors.consentAt = { key: "person.consentDate" };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const v = parsed.value;
  return ok({
    name: v.name,
    thaiId,
    ...pick(v, "birthDate", "sex", "relation"),
    conditions: conditions as Condition[],
    ...pick(v, "status", "purpose", "lawfulBasis", "consent", "consentAt", "retainUntil"),
  });
}
