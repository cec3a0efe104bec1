import { coversDay } from "../groups/group.ts";

/** A village representative's term as the quorum rule sees it. */
export interface RepTerm {
  userId: number;
  villageId: number;
  startOn: string;
  endOn: string | null;
}

/** What the quorum rule needs to know about a meeting. */
export interface QuorumInput {
  /** The villages that must be represented (the invited ones, or all of the tambon's). */
  villages: readonly { id: number }[];
  /** At least this many representatives present per village. */
  minPerVillage: number;
  /** The share of villages that must reach the minimum (default 1: every village). */
  villagesFraction?: number | null;
  /** Representative terms of the tambon (any dates; only those covering `onDate` count). */
  terms: readonly RepTerm[];
  /** Who signed in (people without an account have no user id and never count). */
  attendees: readonly { userId: number | null }[];
  /** The day of the meeting, YYYY-MM-DD. */
  onDate: string;
}

/** The count of one village. */
export interface VillageQuorum {
  villageId: number;
  /** Representatives of this village present (each person once). */
  present: number;
  /** Representatives of this village whose term covers the day. */
  representatives: number;
  met: boolean;
}

/** The result of the quorum check, stored with the meeting and with each resolution. */
export interface QuorumResult {
  met: boolean;
  onDate: string;
  minPerVillage: number;
  villagesTotal: number;
  villagesRequired: number;
  villagesMet: number;
  /** Representatives still missing, at the fewest, for the quorum to hold. */
  shortBy: number;
  /** Villages that cannot reach the minimum: fewer representatives in office than required. */
  villagesShortOfReps: number[];
  villages: VillageQuorum[];
}

/**
 * The village quorum (e.g. at least 5 representatives from every one of 18 villages, or from a
 * share of them). Only representatives whose term covers the meeting day count, each once however
 * often they signed in, for the village of their term. Without villages there is no quorum.
 */
export function checkQuorum(input: QuorumInput): QuorumResult {
  const min = Math.max(0, Math.floor(input.minPerVillage));
  const fraction = Math.min(1, Math.max(0, input.villagesFraction ?? 1));
  const inScope = new Set(input.villages.map((v) => v.id));

  const villageOf = new Map<number, number>();
  const repsPerVillage = new Map<number, Set<number>>();
  const sorted = [...input.terms].sort((a, b) => a.startOn.localeCompare(b.startOn));
  for (const term of sorted) {
    if (!coversDay(term, input.onDate) || !inScope.has(term.villageId)) continue;
    if (villageOf.has(term.userId)) continue; // one village per person on one day
    villageOf.set(term.userId, term.villageId);
    let reps = repsPerVillage.get(term.villageId);
    if (!reps) repsPerVillage.set(term.villageId, (reps = new Set()));
    reps.add(term.userId);
  }

  const presentPerVillage = new Map<number, Set<number>>();
  for (const a of input.attendees) {
    if (a.userId === null) continue;
    const village = villageOf.get(a.userId);
    if (village === undefined) continue;
    let present = presentPerVillage.get(village);
    if (!present) presentPerVillage.set(village, (present = new Set()));
    present.add(a.userId);
  }

  const villages: VillageQuorum[] = input.villages.map((v) => {
    const present = presentPerVillage.get(v.id)?.size ?? 0;
    return {
      villageId: v.id,
      present,
      representatives: repsPerVillage.get(v.id)?.size ?? 0,
      met: present >= min,
    };
  });
  const total = villages.length;
  const required = total === 0 ? 0 : Math.max(1, Math.ceil(fraction * total - 1e-9));
  const villagesMet = villages.filter((v) => v.met).length;
  const deficits = villages
    .filter((v) => !v.met)
    .map((v) => min - v.present)
    .sort((a, b) => a - b);
  const shortBy = deficits.slice(0, Math.max(0, required - villagesMet)).reduce((s, d) => s + d, 0);
  return {
    met: total > 0 && villagesMet >= required,
    onDate: input.onDate,
    minPerVillage: min,
    villagesTotal: total,
    villagesRequired: required,
    villagesMet,
    shortBy,
    villagesShortOfReps: villages.filter((v) => v.representatives < min).map((v) => v.villageId),
    villages,
  };
}

/**
 * The quorum after more people arrived, from the previous result: each arrival is a representative
 * (user id) with the village of their term on the meeting day. The same as `checkQuorum` over all
 * attendees, without reading every term again; people already counted are skipped by the caller.
 */
export function addArrivals(
  previous: QuorumResult,
  arrivals: readonly { userId: number; villageId: number }[],
): QuorumResult {
  const villages = previous.villages.map((v) => ({ ...v }));
  const byId = new Map(villages.map((v) => [v.villageId, v]));
  for (const a of arrivals) {
    const v = byId.get(a.villageId);
    if (!v) continue;
    v.present++;
    v.met = v.present >= previous.minPerVillage;
  }
  const villagesMet = villages.filter((v) => v.met).length;
  const deficits = villages
    .filter((v) => !v.met)
    .map((v) => previous.minPerVillage - v.present)
    .sort((a, b) => a - b);
  const shortBy = deficits
    .slice(0, Math.max(0, previous.villagesRequired - villagesMet))
    .reduce((s, d) => s + d, 0);
  return {
    ...previous,
    villagesMet,
    shortBy,
    met: previous.villagesTotal > 0 && villagesMet >= previous.villagesRequired,
    villages,
  };
}

/** Why a person recorded as a village representative does not count toward the quorum. */
export type NotCountedReason = "noAccount" | "noTerm" | "otherVillage" | "notInvited";

/**
 * Why someone signed in as a village representative is not counted (null: they are counted, or
 * were not recorded as one). The quorum counts only representatives in office on the meeting day
 * (a term covering it), for the village of their term, among the villages the meeting counts; a
 * name alone, without an account matched, cannot be checked against a term.
 */
export function notCountedReason(
  attendee: { userId: number | null; role: string; villageId: number | null },
  terms: readonly RepTerm[],
  villages: readonly { id: number }[],
  onDate: string,
): NotCountedReason | null {
  if (attendee.role !== "village_rep") return null;
  if (attendee.userId === null) return "noAccount";
  const own = terms
    .filter((t) => t.userId === attendee.userId && coversDay(t, onDate))
    .sort((a, b) => a.startOn.localeCompare(b.startOn));
  if (!own.length) return "noTerm";
  const village = own[0]!.villageId;
  if (!villages.some((v) => v.id === village)) return "notInvited";
  if (attendee.villageId !== null && attendee.villageId !== village) return "otherVillage";
  return null;
}
