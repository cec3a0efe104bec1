/**
 * The words of the community-data module as types: kept apart from the schema so that views,
 * commands and the phone's client share them without importing tables.
 */

/** Why a record is kept (PDPA section 23): the tambon says so for each record. */
export const LAWFUL_BASES = [
  "consent",
  "public_task",
  "vital_interest",
  "legitimate_interest",
  "legal_obligation",
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** Where the person's consent stands; "not_needed" when the basis is not consent. */
export const CONSENT_STATUSES = [
  "given",
  "refused",
  "withdrawn",
  "not_asked",
  "not_needed",
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const HOUSEHOLD_STATUSES = ["active", "moved", "gone"] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const PERSON_STATUSES = ["living", "moved", "deceased"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const SEXES = ["male", "female", "unspecified"] as const;
export type Sex = (typeof SEXES)[number];

/** Relation to the head of the household. */
export const RELATIONS = [
  "head",
  "spouse",
  "child",
  "parent",
  "grandchild",
  "sibling",
  "relative",
  "other",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Conditions the health volunteers follow up. */
export const CONDITIONS = [
  "elderly_alone",
  "bedridden",
  "homebound",
  "disabled",
  "chronic_illness",
  "pregnant",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Which records a form is filled about. */
export const FORM_LEVELS = ["household", "person", "village"] as const;
export type FormLevel = (typeof FORM_LEVELS)[number];

export const FORM_STATUSES = ["draft", "open", "closed"] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * A submission: taken as it came ("accepted"), held for a reviewer because another volunteer
 * changed the same household since the phone last saw it ("conflict"), settled by a reviewer
 * ("resolved"), or set aside ("rejected").
 */
export const SUBMISSION_STATUSES = ["accepted", "conflict", "resolved", "rejected"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Records whose changes are kept in the history. */
export type RecordEntity = "household" | "person";
export type ChangeAction = "create" | "update" | "delete" | "erase";
/** How a change came: a page, a phone's sync, an import, a person's request, the retention job. */
export type ChangeVia = "web" | "sync" | "import" | "request" | "retention";

/** A person's request about their own data (PDPA sections 30–36). */
export const REQUEST_KINDS = ["access", "correct", "delete", "object", "withdraw_consent"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ["open", "done", "refused"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What a read of personal data looked at. */
export type ReadSubject = "household" | "person" | "list" | "submission" | "export" | "request";

/** Where a figure came from. */
export type FigureSource = "import" | "entered";

/**
 * How an indicator of the plans module is computed from answers: the share in per cent of the
 * records answering a value, how many do, or the mean of a number question.
 */
export const INDICATOR_MEASURES = ["share", "count", "mean"] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/**
 * The key of a repeat group's entry (a household's members in a household form) that names the
 * registry's person it is about: erasing that person removes the entry from the submission.
 */
export const PERSON_ANSWER_KEY = "person_id";
