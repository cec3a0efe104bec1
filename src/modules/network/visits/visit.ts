import { oneOf } from "../../../core/one-of.ts";

/** Where a study-visit request stands. */
export const VISIT_STATUSES = [
  "requested",
  "proposed",
  "accepted",
  "declined",
  "withdrawn",
  "done",
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What the host may answer to a request. */
export const HOST_ANSWERS = ["accept", "propose", "decline"] as const;
export type HostAnswer = (typeof HOST_ANSWERS)[number];

/** What the requesting tambon may answer (only from its own scope). */
export const REQUESTER_ANSWERS = ["accept_proposal", "withdraw"] as const;
export type RequesterAnswer = (typeof REQUESTER_ANSWERS)[number];

/** Type guard for a status from a query string. */
export const isVisitStatus = oneOf(VISIT_STATUSES);

/** Type guard for the host's answer from a form. */
export const isHostAnswer = oneOf(HOST_ANSWERS);

/** Type guard for the requester's answer from a form. */
export const isRequesterAnswer = oneOf(REQUESTER_ANSWERS);

/** The status after the host's answer, or null when the answer does not apply now. */
export function afterHostAnswer(status: VisitStatus, answer: HostAnswer): VisitStatus | null {
  const open = status === "requested" || status === "proposed" || status === "accepted";
  if (!open) return null;
  if (answer === "accept") return status === "accepted" ? null : "accepted";
  if (answer === "propose") return "proposed";
  return "declined";
}

/** The status after the requester's answer, or null when the answer does not apply now. */
export function afterRequesterAnswer(
  status: VisitStatus,
  answer: RequesterAnswer,
): VisitStatus | null {
  if (answer === "accept_proposal") return status === "proposed" ? "accepted" : null;
  return status === "requested" || status === "proposed" || status === "accepted"
    ? "withdrawn"
    : null;
}

/** True when the host may record the visit as done (it was accepted). */
export function canRecordVisit(status: VisitStatus): boolean {
  return status === "accepted" || status === "done";
}

/** The answers the host can give now, in the order the page shows them. */
export function hostAnswers(status: VisitStatus): HostAnswer[] {
  return HOST_ANSWERS.filter((a) => afterHostAnswer(status, a) !== null);
}

/** The answers the requester can give now. */
export function requesterAnswers(status: VisitStatus): RequesterAnswer[] {
  return REQUESTER_ANSWERS.filter((a) => afterRequesterAnswer(status, a) !== null);
}
