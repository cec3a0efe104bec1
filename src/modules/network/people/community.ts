import { oneOf } from "../../../core/one-of.ts";

/** The roles a person may hold in the community, beyond their roles on the platform. */
export const COMMUNITY_ROLES = [
  "facilitator",
  "religious_leader_buddhist",
  "religious_leader_muslim",
  "kamnan",
  "village_headman",
  "assistant_headman",
  "health_volunteer",
  "community_leader",
  "local_council_member",
  "elder",
  "teacher",
  "youth_leader",
] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

/** Type guard for a community role from a form. */
export const isCommunityRole = oneOf(COMMUNITY_ROLES);

/**
 * What may be published about a person: nothing unless they agreed. Staff see everything; the
 * public sees a person only with consent.
 */
export function mayShowPerson(p: { publicConsent: boolean }, viewerIsStaff: boolean): boolean {
  return viewerIsStaff || p.publicConsent;
}
