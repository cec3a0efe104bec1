import { oneOf } from "../../../core/one-of.ts";

/** The kinds of meeting and forum (เวที) the platform knows. */
export const MEETING_KINDS = [
  "briefing",
  "village_assembly",
  "working_group",
  "issue_team",
  "learning_forum",
  "public_hearing",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The three steps of seed 000: prepare, build networks and participation, monitor and evaluate. */
export const STEPS = [1, 2, 3] as const;
export type Step = (typeof STEPS)[number];

/** Where a meeting stands. */
export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The role in which someone attends, as written on a sign-in sheet. */
export const ATTENDEE_ROLES = [
  "village_rep",
  "resident",
  "local_government",
  "local_leader",
  "religious_leader",
  "health_staff",
  "health_volunteer",
  "facilitator",
  "working_group",
  "partner",
  "other",
] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** Type guard for a meeting kind from a form. */
export const isMeetingKind = oneOf(MEETING_KINDS);

/** Type guard for an attendee role from a form. */
export const isAttendeeRole = oneOf(ATTENDEE_ROLES);

/** The step a kind of meeting usually belongs to (editable per meeting). */
export function defaultStep(kind: MeetingKind): Step {
  return kind === "briefing" || kind === "learning_forum" ? 1 : 2;
}

/** Whether a kind of meeting takes a village quorum by default (village assemblies do). */
export function takesVillageQuorum(kind: MeetingKind): boolean {
  return kind === "village_assembly";
}

/** A name made comparable: trimmed, single spaces, lower case (to spot a person signed in twice). */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" });
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Bangkok",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The day in Bangkok (YYYY-MM-DD) of an instant. */
export function bangkokDay(at: Date): string {
  return dayFormat.format(at);
}

/** The time of day in Bangkok (HH:MM) of an instant. */
export function bangkokTime(at: Date): string {
  return timeFormat.format(at);
}

/** The instant of a Bangkok day and time (Thailand keeps UTC+7 all year). */
export function bangkokInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** Splits a pasted sign-in list into names: one per line, numbering and empty lines dropped. */
export function namesFromList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const name = raw
      .replace(/^\s*(\d+[.)]|[-*•])\s*/, "")
      .replace(/\s+/g, " ")
      .trim();
    if (!name || seen.has(nameKey(name))) continue;
    seen.add(nameKey(name));
    out.push(name);
  }
  return out;
}
