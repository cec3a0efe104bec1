import { oneOf } from "../../../core/one-of.ts";

/** How a resolution was decided. */
export const DECISION_METHODS = ["consensus", "show_of_hands", "individual_votes"] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

/** What came of the motion. */
export type Outcome = "adopted" | "rejected";

/** One person's vote as the facilitator records it. */
export const VOTE_CHOICES = ["for", "against", "abstain"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** Counts of a vote. */
export interface Counts {
  for: number;
  against: number;
  abstain: number;
}

/** Type guard for a decision method from a form. */
export const isDecisionMethod = oneOf(DECISION_METHODS);

/** Type guard for a vote choice from a form. */
export const isVoteChoice = oneOf(VOTE_CHOICES);

/** Counts individual votes. */
export function countVotes(votes: readonly { choice: VoteChoice }[]): Counts {
  const c: Counts = { for: 0, against: 0, abstain: 0 };
  for (const v of votes) c[v.choice]++;
  return c;
}

/**
 * The outcome of a motion: consensus adopts it; a vote adopts it when more voted for than
 * against (abstentions count for neither; a tie rejects).
 */
export function decideOutcome(method: DecisionMethod, counts: Counts | null): Outcome {
  if (method === "consensus") return "adopted";
  if (!counts) return "rejected";
  return counts.for > counts.against ? "adopted" : "rejected";
}
