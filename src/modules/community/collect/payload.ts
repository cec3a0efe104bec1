import type { AnswerValue, Answers } from "../forms/definition.ts";

/** Most submissions one sync request carries (the phone sends its queue in such batches). */
export const SYNC_BATCH = 25;
/** Most photos one sync request carries, and the largest (the phone sends ≤ 1600 px JPEGs). */
export const SYNC_PHOTOS = 12;
export const SYNC_PHOTO_BYTES = 4 * 1024 * 1024;

/** A submission as the phone sends it (the `payload` field of the sync form is a list of them). */
export interface SyncItem {
  /** Made on the phone; a submission sent again with the same id is recognised. */
  clientId: string;
  formVersionId: number;
  roundId: number | null;
  householdId: number | null;
  personId: number | null;
  villageId: number | null;
  /** The household's version the phone started from. */
  baseVersion: number | null;
  collectedAt: string | null;
  /** Answers; a photo is the name of a file part of the same request. */
  answers: Answers;
}

/** One item of the payload: read, or refused with its client id (when it had one) and why. */
export type ParsedItem =
  { ok: true; item: SyncItem } | { ok: false; clientId: string; reason: "payload" };

export const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;

const id = (v: unknown): number | null =>
  typeof v === "number" && Number.isInteger(v) && v > 0 && v <= 2_147_483_647 ? v : null;
const optionalId = (v: unknown): number | null | undefined =>
  v === null || v === undefined ? null : (id(v) ?? undefined);

/**
 * Text the database can keep: no NUL character (PostgreSQL refuses it in text and jsonb) and no
 * lone surrogate (JSON's `\ud800` escape, which jsonb refuses too).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** A moment the database can keep (PostgreSQL's timestamps end at 294276; ours within 1900–9999). */
function collectedAtOf(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  const year = new Date(at).getUTCFullYear();
  return year >= 1900 && year <= 9999 ? v : null;
}

function isValue(v: unknown, depth: number): v is AnswerValue {
  if (typeof v === "string") return v.length <= 10_000 && storable(v);
  if (typeof v === "number") return Number.isFinite(v);
  if (!Array.isArray(v) || v.length > 200) return false;
  return v.every(
    (x) => (typeof x === "string" && storable(x)) || (depth < 3 && isAnswers(x, depth + 1)),
  );
}

function isAnswers(v: unknown, depth = 0): v is Answers {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length <= 500 &&
    entries.every(([k, x]) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k) && isValue(x, depth))
  );
}

function parseItem(raw: unknown): ParsedItem {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const clientId = typeof o.clientId === "string" && CLIENT_ID.test(o.clientId) ? o.clientId : "";
  const refused = { ok: false as const, clientId, reason: "payload" as const };
  const formVersionId = id(o.formVersionId);
  const roundId = optionalId(o.roundId);
  const householdId = optionalId(o.householdId);
  const personId = optionalId(o.personId);
  const villageId = optionalId(o.villageId);
  const baseVersion =
    o.baseVersion === null || o.baseVersion === undefined
      ? null
      : o.baseVersion === 0
        ? 0
        : (id(o.baseVersion) ?? undefined);
  const collectedAt = collectedAtOf(o.collectedAt);
  if (
    !clientId ||
    !formVersionId ||
    roundId === undefined ||
    householdId === undefined ||
    personId === undefined ||
    villageId === undefined ||
    baseVersion === undefined ||
    !isAnswers(o.answers)
  )
    return refused;
  return {
    ok: true,
    item: {
      clientId,
      formVersionId,
      roundId,
      householdId,
      personId,
      villageId,
      baseVersion,
      collectedAt,
      answers: o.answers,
    },
  };
}

/** The submissions of a sync request's `payload` text (null: not a list of at most a batch). */
export function parsePayload(text: string): ParsedItem[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length > SYNC_BATCH) return null;
  return raw.map(parseItem);
}
