// The shapes of a tally: its input, its columns (flat typed arrays), its count and its result
// (see tally.ts for the layers).

/** A member with voting right. */
export interface TallyMemberInput {
  id: number;
  village?: string | number;
}

/** Scope names of delegations in the JSON input. */
export type DelegationScope = "tambon" | "area" | "question";

/**
 * A delegation scope as written in the input: a plain scope name, or, as in the spec's terms,
 * "area:<id>" (applies only when <id> is String(question.area)) and "question:<id>" (applies only
 * when <id> is String(question.id), or always when the question has no id).
 */
export type DelegationScopeInput = DelegationScope | `area:${string}` | `question:${string}`;

/** A delegation: trustee null means "no delegation at this scope" (blocks broader scopes). */
export interface TallyDelegationInput {
  truster: number;
  trustee: number | null;
  scope: DelegationScopeInput;
}

/** The question being counted. */
export interface TallyQuestionInput {
  id?: string | number;
  area?: string | number;
  alternatives: number[];
}

/** A ballot: grades keyed by alternative id (as a string); 0 or missing = abstain. */
export interface TallyBallotInput {
  member: number;
  grades: Record<string, number>;
}

/** Village quorum of a policy. */
export interface VillageQuorumInput {
  minPerVillage: number;
  villagesFraction?: number;
}

/** Policy of the question; every field is optional. */
export interface TallyPolicyInput {
  majority?: number | null;
  quorum?: number | null;
  maxWeight?: number | null;
  villageQuorum?: VillageQuorumInput | null;
}

/** Input of `tambon tally`, as in the spec. */
export interface TallyInput {
  members: TallyMemberInput[];
  delegations?: TallyDelegationInput[];
  question: TallyQuestionInput;
  ballots?: TallyBallotInput[];
  policy?: TallyPolicyInput | null;
}

/** Policy with defaults filled in. */
export interface TallyPolicy {
  majority: number;
  quorum: number;
  maxWeight: number | null;
  villageQuorum: { minPerVillage: number; villagesFraction: number } | null;
}

/** Scope code (bit) of a tambon-wide delegation in TallyColumns. */
export const SCOPE_TAMBON = 1;

/** Scope code (bit) of an area delegation in TallyColumns. */
export const SCOPE_AREA = 2;

/** Scope code (bit) of a question delegation in TallyColumns. */
export const SCOPE_QUESTION = 4;

/**
 * The input as flat arrays; row r of each delegation/ballot array is delegations[r]/ballots[r].
 * Ids are non-negative safe integers; a null trustee is -1; scopes are SCOPE_* codes, or 0 for a
 * delegation whose "area:<id>" or "question:<id>" scope is not this question's; villages are
 * indices into distinct villageNames; grades are row-major, ballots × alternatives, 0 = abstain.
 * toTallyColumns guarantees all this; countTally itself checks only lengths and duplicates.
 */
export interface TallyColumns {
  memberIds: Float64Array;
  memberVillages: Int32Array;
  villageNames: readonly string[];
  delegationTruster: Float64Array;
  delegationTrustee: Float64Array;
  delegationScope: Uint8Array;
  alternatives: Float64Array;
  ballotMember: Float64Array;
  ballotGrades: Float64Array;
  policy: TallyPolicy;
}

/** One alternative in the result. */
export interface AlternativeResult {
  id: number;
  positive: number;
  negative: number;
  rank: number;
  eligible: boolean;
}

/** A village short of the village quorum. */
export interface VillageShortfall {
  village: string;
  voters: number;
  missing: number;
}

/** Why a question missed a quorum. */
export type QuorumFailure =
  | { kind: "quorum"; required: number; actual: number; missing: number }
  | {
      kind: "villageQuorum";
      minPerVillage: number;
      villagesRequired: number;
      villagesMet: number;
      missing: number;
      villages: VillageShortfall[];
    };

/** Quorum outcome: met, or the list of failed quorums. */
export interface QuorumResult {
  met: boolean;
  failed: QuorumFailure[];
}

/** Output of `tambon tally` (weightCapped/capped only when the policy has a maxWeight). */
export interface TallyResult {
  voters: number;
  weightCounted: number;
  weightLost: number;
  weightCapped?: number;
  alternatives: AlternativeResult[];
  statusQuoRank: number;
  winner: number | null;
  quorum: QuorumResult;
  weights?: Record<string, number>;
  capped?: Record<string, number>;
  chains?: Record<string, number[]>;
}

/** Output options: `summary` leaves out weights, capped and chains. */
export interface TallyOutputOptions {
  summary?: boolean;
}

/** The count on dense member indices (index order = ascending member id). */
export interface TallyCount {
  /** member id of each dense index, ascending */
  ids: Float64Array;
  /** 1 for members who cast a ballot */
  voted: Uint8Array;
  /** applicable delegation target: a dense index, NO_TARGET or OUTSIDE_TARGET */
  next: Int32Array;
  /** direct voter whose ballot carries this member's vote, or -1 */
  final: Int32Array;
  /** weight of each direct voter before the cap (0 for others) */
  weight: Int32Array;
  maxWeight: number | null;
  voters: number;
  weightCounted: number;
  weightLost: number;
  weightCapped: number;
  alternatives: AlternativeResult[];
  statusQuoRank: number;
  winner: number | null;
  quorum: QuorumResult;
  /** d[X][Y] row-major over the alternatives in input order, then the status quo (last index) */
  pairwise: Float64Array;
}

/** `next` value: no applicable delegation (none, or blocked by a null trustee). */
export const NO_TARGET = -1;

/** `next` value: the trustee has no voting right, so the chain is lost there. */
export const OUTSIDE_TARGET = -2;
