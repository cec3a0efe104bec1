import defaults from "../../../../seed/defaults.json" with { type: "json" };
import { oneOf } from "../../../core/one-of.ts";

/** The kinds of group: the central working group, issue teams, and any other committee. */
export const GROUP_KINDS = ["central", "issue_team", "committee"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Positions in a group, in the order members are listed. */
export const POSITIONS = ["chair", "vice_chair", "secretary", "member", "adviser"] as const;
export type Position = (typeof POSITIONS)[number];

/** Type guard for a group kind from a form. */
export const isGroupKind = oneOf(GROUP_KINDS);

/** Type guard for a position from a form. */
export const isPosition = oneOf(POSITIONS);

/** The pillars (เสาหลัก) a member may represent; the default list of La-ngu's five pillars. */
export function defaultPillars(): string[] {
  return [...defaults.pillars_defaultAssumption.items];
}

/** A pillar a member may represent: the Thai name is what a membership keeps. */
export interface PillarChoice {
  nameTh: string;
  nameEn: string;
}

/** A period with a first and an optional last day (both included), as ISO dates. */
export interface Period {
  startOn: string;
  endOn: string | null;
}

/** True when the period includes the day (YYYY-MM-DD; both ends included, open end = ongoing). */
export function coversDay(p: Period, day: string): boolean {
  return p.startOn <= day && (p.endOn === null || day <= p.endOn);
}

/** A membership row as the history rules see it. */
export interface MembershipLike extends Period {
  id: number;
  name: string;
  position: Position;
}

const byPosition = <T extends MembershipLike>(a: T, b: T) =>
  POSITIONS.indexOf(a.position) - POSITIONS.indexOf(b.position) ||
  a.name.localeCompare(b.name, "th") ||
  a.id - b.id;

/** The members of a group on a given day, chair first, then by name. */
export function membersOn<T extends MembershipLike>(rows: readonly T[], day: string): T[] {
  return rows.filter((r) => coversDay(r, day)).sort(byPosition);
}

/** A group's history split around a day: current members, those who left, those yet to start. */
export function splitHistory<T extends MembershipLike>(
  rows: readonly T[],
  day: string,
): { current: T[]; past: T[]; future: T[] } {
  const current = membersOn(rows, day);
  const past = rows
    .filter((r) => r.endOn !== null && r.endOn < day)
    .sort((a, b) => (b.endOn ?? "").localeCompare(a.endOn ?? "") || a.id - b.id);
  const future = rows
    .filter((r) => r.startOn > day)
    .sort((a, b) => a.startOn.localeCompare(b.startOn));
  return { current, past, future };
}

/** The days on which a group's membership changed (joins and the day after each leave), sorted. */
export function changeDays(rows: readonly Period[]): string[] {
  const days = new Set<string>();
  for (const r of rows) {
    days.add(r.startOn);
    if (r.endOn) days.add(nextDay(r.endOn));
  }
  return [...days].sort();
}

/** The ISO date of the day after. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** True when two periods share at least one day. */
export function overlaps(a: Period, b: Period): boolean {
  return a.startOn <= (b.endOn ?? "9999-12-31") && b.startOn <= (a.endOn ?? "9999-12-31");
}
