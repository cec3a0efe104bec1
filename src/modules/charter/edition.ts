// Rules of an edition's life: drafting, public hearing, adoption (by a vote or by a quorate
// resolution of an assembly), frozen text, review date and clause follow-up. No I/O.

import { toArabicDigits } from "./digits.ts";

/** Where an edition stands. Adopted editions are frozen. */
export const EDITION_STATUSES = ["draft", "hearing", "adopted"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** What a charter covers besides the tambon as a whole. */
export const SCOPES = ["tambon", "village", "district", "issue"] as const;
export type Scope = (typeof SCOPES)[number];

/** Implementation status of a clause. */
export const PROGRESS = ["not_started", "in_progress", "done", "needs_revision"] as const;
export type Progress = (typeof PROGRESS)[number];

/** Ratings of a suggestion (as in the decisions module). */
export const RATINGS = ["must", "should", "should_not", "must_not"] as const;
export type Rating = (typeof RATINGS)[number];

/** What others may link a clause to (modules add their own types as they arrive). */
export const LINK_TYPES = ["project", "indicator", "partner", "other"] as const;

/** Type guard for a scope. */
export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/** Type guard for an implementation status. */
export function isProgress(value: unknown): value is Progress {
  return typeof value === "string" && (PROGRESS as readonly string[]).includes(value);
}

/** Type guard for a rating. */
export function isRating(value: unknown): value is Rating {
  return typeof value === "string" && (RATINGS as readonly string[]).includes(value);
}

/** True when the text of an edition can no longer change (it was adopted). */
export function isFrozen(status: EditionStatus): boolean {
  return status === "adopted";
}

/**
 * The edition as it stands on `today` (YYYY-MM-DD): a public hearing past its last day is over at
 * once — back to drafting, closed to visitors and to hearing input — whether or not anyone has
 * closed it yet. Every read of an edition goes through this, so no page advertises an ended hearing.
 */
export function asOfDay<T extends { status: EditionStatus; hearingEndsOn: string | null }>(
  edition: T,
  today: string,
): T {
  return edition.status === "hearing" && !!edition.hearingEndsOn && edition.hearingEndsOn < today
    ? { ...edition, status: "draft" }
    : edition;
}

/** True while members may comment and suggest (drafting and hearing). */
export function isOpenForComments(status: EditionStatus): boolean {
  return status === "draft" || status === "hearing";
}

/** The day a review falls due: the adoption day plus the review period in years (YYYY-MM-DD). */
export function reviewDueOn(adoptedOn: string, years: number): string {
  const [y, m, d] = adoptedOn.split("-").map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus whole years lands on 1 March in a common year; keep 28 February instead.
  if (due.getUTCMonth() !== m - 1) due.setUTCDate(0);
  return due.toISOString().slice(0, 10);
}

/** How near the review is: overdue, due within `soonDays`, or not yet. */
export function reviewState(
  dueOn: string,
  today: string,
  soonDays = 180,
): { state: "overdue" | "soon" | "ok"; days: number } {
  const days = Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000);
  return { state: days < 0 ? "overdue" : days <= soonDays ? "soon" : "ok", days };
}

/** The outcome of a question as the decisions module reports it. */
export interface VoteOutcome {
  phase: string;
  result: { winner: number | null; quorum: { met: boolean } } | null;
}

/** Why a vote or a resolution does not adopt an edition. */
export type AdoptionRefusal =
  | "missing"
  | "notClosed"
  | "noQuorum"
  | "lost"
  | "notAdopted"
  | "notAssembly"
  | "corrected"
  | "notAbout"
  | "beforeVersion"
  | "usedElsewhere"
  | "frozen";

/** An edition is adopted by a vote only when the question is closed with its alternative winning and the quorum met. */
export function voteAdopts(
  outcome: VoteOutcome | undefined,
  alternativeId: number,
): { ok: true } | { ok: false; reason: AdoptionRefusal } {
  if (!outcome) return { ok: false, reason: "missing" };
  if (outcome.phase !== "closed" || !outcome.result) return { ok: false, reason: "notClosed" };
  if (!outcome.result.quorum.met) return { ok: false, reason: "noQuorum" };
  if (outcome.result.winner !== alternativeId) return { ok: false, reason: "lost" };
  return { ok: true };
}

/** A resolution as far as adoption cares. */
export interface ResolutionFacts {
  outcome: string;
  quorumMet: boolean | null;
  meetingKind: string;
  correctedById: number | null;
  /** The day of the meeting that decided it (YYYY-MM-DD). */
  decidedOn: string;
  /** What it decided (links of the groups module). */
  links: { targetType: string; targetId: number }[];
  /** The title of the agenda item it was decided under. */
  agendaItemTh: string | null;
  agendaItemEn: string | null;
}

/** The edition a resolution would adopt. */
export interface EditionFacts {
  id: number;
  number: number;
  yearBe: number;
  /** The day the current version of its text was saved (YYYY-MM-DD). */
  versionOn: string;
  /** Another edition this resolution already adopted, if any. */
  adoptedOtherEdition: boolean;
}

/** The resource type under which resolutions link to an edition. */
export const EDITION_LINK = "charter_edition";

/**
 * True when a title names the edition: "ฉบับที่ 2 พ.ศ. 2568" (or "ฉบับที่ ๒/๒๕๖๘") in Thai,
 * "Edition 2 (2025)" in English; the number and the year must both be there.
 */
export function namesEdition(title: string | null, edition: { number: number; yearBe: number }) {
  if (!title) return false;
  const text = toArabicDigits(title).replace(/\s+/g, " ");
  const th = new RegExp(`ฉบับ(?:ที่)?\\s*${edition.number}(?!\\d)\\D{0,12}?${edition.yearBe}(?!\\d)`);
  const en = new RegExp(
    `edition\\s*(?:no\\.?\\s*)?${edition.number}(?!\\d)\\D{0,8}?${edition.yearBe - 543}(?!\\d)`,
    "i",
  );
  return th.test(text) || en.test(text);
}

/**
 * An edition is adopted by a resolution only when an assembly adopted it with its quorum met (and
 * no correction replaced it), the resolution was about this edition (linked to it, or decided under
 * an agenda item naming it), it was decided on or after the current text was saved, and it has not
 * already adopted another edition.
 */
export function resolutionAdopts(
  r: ResolutionFacts | undefined,
  edition: EditionFacts,
): { ok: true } | { ok: false; reason: AdoptionRefusal } {
  if (!r) return { ok: false, reason: "missing" };
  if (r.correctedById != null) return { ok: false, reason: "corrected" };
  if (r.outcome !== "adopted") return { ok: false, reason: "notAdopted" };
  if (r.meetingKind !== "village_assembly") return { ok: false, reason: "notAssembly" };
  if (r.quorumMet !== true) return { ok: false, reason: "noQuorum" };
  const editionLinks = r.links.filter((l) => l.targetType === EDITION_LINK);
  const linkedHere = editionLinks.some((l) => l.targetId === edition.id);
  const named = namesEdition(r.agendaItemTh, edition) || namesEdition(r.agendaItemEn, edition);
  if (!linkedHere && (!named || editionLinks.length)) return { ok: false, reason: "notAbout" };
  if (r.decidedOn < edition.versionOn) return { ok: false, reason: "beforeVersion" };
  if (edition.adoptedOtherEdition) return { ok: false, reason: "usedElsewhere" };
  return { ok: true };
}

/** Counts of clauses per implementation status (clauses without a status are not started). */
export function progressCounts(
  clauseKeys: number[],
  statusOf: Map<number, Progress>,
): Record<Progress, number> {
  const out: Record<Progress, number> = {
    not_started: 0,
    in_progress: 0,
    done: 0,
    needs_revision: 0,
  };
  for (const k of clauseKeys) out[statusOf.get(k) ?? "not_started"]++;
  return out;
}

/** Totals of the four ratings of a suggestion, with a simple support score (must ×2, should ×1 …). */
export function ratingSummary(ratings: Rating[]): Record<Rating, number> & { score: number } {
  const out = { must: 0, should: 0, should_not: 0, must_not: 0, score: 0 };
  for (const r of ratings) out[r]++;
  out.score = out.must * 2 + out.should - out.should_not - out.must_not * 2;
  return out;
}
