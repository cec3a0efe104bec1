import { oneOf } from "../../../core/one-of.ts";

/** The life of an agreement, as recorded by staff. */
export const AGREEMENT_STATUSES = ["draft", "signed", "active", "expired", "ended"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The two kinds of agreement: an MOU, or the pillars' agreement on the common ground. */
export const AGREEMENT_KINDS = ["mou", "common_ground"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Who may be a party: a tambon (by national code), a partner of the tambon, or anyone else named. */
export const PARTY_KINDS = ["tambon", "partner", "other"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Type guard for a status from a form or a query string. */
export const isAgreementStatus = oneOf(AGREEMENT_STATUSES);

/** Type guard for a kind from a form or a query string. */
export const isAgreementKind = oneOf(AGREEMENT_KINDS);

/** Type guard for a party kind from a form. */
export const isPartyKind = oneOf(PARTY_KINDS);

/**
 * The status to show: a signed or active agreement whose end date has passed is shown as expired
 * without anyone having to change it.
 */
export function effectiveStatus(
  a: { status: AgreementStatus; endsOn: string | null },
  today: string,
): AgreementStatus {
  if ((a.status === "signed" || a.status === "active") && a.endsOn && a.endsOn < today)
    return "expired";
  return a.status;
}

/** The problems of an agreement's dates and status, as field → message key (empty: fine). */
export function checkAgreement(a: {
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  partyCount: number;
}): Record<string, "err.endsBeforeStart" | "err.signedOnNeeded" | "err.partiesNeeded"> {
  const out: Record<string, "err.endsBeforeStart" | "err.signedOnNeeded" | "err.partiesNeeded"> =
    {};
  if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) out.endsOn = "err.endsBeforeStart";
  if (a.status !== "draft") {
    if (!a.signedOn) out.signedOn = "err.signedOnNeeded";
    if (a.partyCount < 2) out.status = "err.partiesNeeded";
  }
  return out;
}

/** True when the public may see the agreement (drafts are seen by staff only). */
export function isPublished(status: AgreementStatus): boolean {
  return status !== "draft";
}
