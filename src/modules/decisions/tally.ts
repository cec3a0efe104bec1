// The vote count of a question: delegation chains (fluid democracy) and the Schulze ranking,
// following shared/specs/voting.md (LiquidFeedback core v3 semantics plus the tambon extensions).
//
// Layers, from the outside in:
//   tallyJson(text)  -> JSON text in, output bytes out (what `tambon tally` prints)
//   tally(input)     -> parsed input object in, plain result object out
//   toTallyColumns(input) -> validated input as flat typed arrays (TallyColumns)
//   countTally(cols) -> the count itself on typed arrays (TallyCount)
//   renderTallyJson / renderTallyJsonChunks / toTallyResult -> output from a TallyCount
//
// Choices where the spec leaves room (the output for a policy without maxWeight has exactly the
// fields of the spec):
// - Ids (members, alternatives) are non-negative safe integers, so that object keys sort
//   numerically; villages are strings.
// - Lenient input: a delegation scope may also be written "area:<id>" (applies only when <id> is
//   String(question.area)) or "question:<id>" (applies only when <id> is String(question.id), or
//   always when the question has no id); delegations that do not apply are ignored, two that apply
//   at the same level are an error as before. "majority": null and "quorum": null mean the
//   defaults; a numeric village counts as its string, a missing village as "".
// - A delegation to oneself is treated as a loop: unless that member votes, their vote is lost.
// - A member with voting right who casts a ballot votes themselves even if they also delegated.
// - Delegations and ballots of members absent from `members` are validated but otherwise ignored;
//   a chain reaching such a member is lost. Unknown object keys are ignored.
// - maxWeight: a direct voter counts min(weight, maxWeight). The excess stays with nobody: it is
//   reported per voter in `capped` (only voters with an excess) and in total in `weightCapped`.
//   `weights` then gives counted (capped) weights, so their sum is `weightCounted`, and
//   weightCounted + weightLost + weightCapped = members with an applicable delegation or a ballot.
//   Chains still list every member whose chain reaches a direct voter. Both extra fields appear
//   whenever maxWeight is not null (`capped` is left out with --summary, like weights and chains).
// - Quorum thresholds are whole numbers: required weight = ceil(quorum × members with voting
//   right) and required villages = ceil(villagesFraction × villages), where a product within 1e-9
//   (relative) of an integer counts as that integer (0.07 × 100 = 7.000000000000001 requires 7).
// - A failed quorum is reported as {"kind":"quorum","required","actual","missing"}; a failed
//   village quorum as {"kind":"villageQuorum","minPerVillage","villagesRequired","villagesMet",
//   "missing","villages":[{"village","voters","missing"}]} listing every village short of
//   minPerVillage (ascending by village), where the top-level `missing` counts villages.
// - Output is compact JSON (JSON.stringify without indentation) followed by "\n"; object keys of
//   `weights`, `capped` and `chains` are member ids in ascending numeric order.

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

/** Invalid tally input; the message is one line naming the offending field. */
export class TallyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TallyInputError";
  }
}

const fail = (message: string): never => {
  throw new TallyInputError(message);
};

const isId = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object") return "an object";
  return String(v);
};

/** Fills in the policy defaults and validates it (absent or null policy → all defaults). */
export function normalizePolicy(raw: unknown): TallyPolicy {
  const policy: TallyPolicy = { majority: 0.5, quorum: 0, maxWeight: null, villageQuorum: null };
  if (raw === undefined || raw === null) return policy;
  if (!isRecord(raw)) return fail(`policy must be an object, not ${describe(raw)}`);
  const fraction = (key: string, v: unknown): number => {
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      return fail(`${key} must be a number from 0 to 1, not ${describe(v)}`);
    }
    return v;
  };
  if (raw.majority !== undefined && raw.majority !== null)
    policy.majority = fraction("policy.majority", raw.majority);
  if (raw.quorum !== undefined && raw.quorum !== null)
    policy.quorum = fraction("policy.quorum", raw.quorum);
  const maxWeight = raw.maxWeight;
  if (maxWeight !== undefined && maxWeight !== null) {
    if (!isId(maxWeight) || maxWeight < 1) {
      return fail(
        `policy.maxWeight must be a positive integer or null, not ${describe(maxWeight)}`,
      );
    }
    policy.maxWeight = maxWeight;
  }
  const vq = raw.villageQuorum;
  if (vq !== undefined && vq !== null) {
    if (!isRecord(vq)) return fail(`policy.villageQuorum must be an object or null`);
    if (!isId(vq.minPerVillage)) {
      return fail(
        `policy.villageQuorum.minPerVillage must be a non-negative integer, not ${describe(vq.minPerVillage)}`,
      );
    }
    const villagesFraction =
      vq.villagesFraction === undefined
        ? 1
        : fraction("policy.villageQuorum.villagesFraction", vq.villagesFraction);
    policy.villageQuorum = { minPerVillage: vq.minPerVillage, villagesFraction };
  }
  return policy;
}

const scopeCode = (scope: unknown): number =>
  scope === "tambon"
    ? SCOPE_TAMBON
    : scope === "area"
      ? SCOPE_AREA
      : scope === "question"
        ? SCOPE_QUESTION
        : typeof scope === "string" && scope.startsWith("area:")
          ? SCOPE_AREA
          : typeof scope === "string" && scope.startsWith("question:")
            ? SCOPE_QUESTION
            : 0;

const scopeName = (code: number): DelegationScope =>
  code === SCOPE_TAMBON ? "tambon" : code === SCOPE_AREA ? "area" : "question";

/** Validates a parsed JSON input (strictly) and flattens it into typed arrays. */
export function toTallyColumns(input: unknown): TallyColumns {
  if (!isRecord(input)) return fail(`input must be a JSON object, not ${describe(input)}`);

  const members = input.members;
  if (!Array.isArray(members)) return fail(`members must be an array`);
  const memberIds = new Float64Array(members.length);
  const memberVillages = new Int32Array(members.length);
  const villageNames: string[] = [];
  const villageCode = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const m: unknown = members[i];
    if (!isRecord(m)) return fail(`members[${i}] must be an object, not ${describe(m)}`);
    if (!isId(m.id))
      return fail(`members[${i}].id must be a non-negative integer, not ${describe(m.id)}`);
    const raw = m.village;
    const village =
      raw === undefined ? "" : typeof raw === "number" && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof village !== "string") {
      return fail(`members[${i}].village must be a string, not ${describe(raw)}`);
    }
    let code = villageCode.get(village);
    if (code === undefined) {
      code = villageNames.length;
      villageNames.push(village);
      villageCode.set(village, code);
    }
    memberIds[i] = m.id;
    memberVillages[i] = code;
  }

  const delegations = input.delegations ?? [];
  if (!Array.isArray(delegations)) return fail(`delegations must be an array`);
  const delegationTruster = new Float64Array(delegations.length);
  const delegationTrustee = new Float64Array(delegations.length);
  const delegationScope = new Uint8Array(delegations.length);
  for (let i = 0; i < delegations.length; i++) {
    const d: unknown = delegations[i];
    if (!isRecord(d)) return fail(`delegations[${i}] must be an object, not ${describe(d)}`);
    if (!isId(d.truster)) {
      return fail(
        `delegations[${i}].truster must be a non-negative integer, not ${describe(d.truster)}`,
      );
    }
    const trustee = d.trustee;
    if (trustee !== null && !isId(trustee)) {
      return fail(
        `delegations[${i}].trustee must be a non-negative integer or null, not ${describe(trustee)}`,
      );
    }
    const scope = scopeCode(d.scope);
    if (scope === 0) {
      return fail(
        `delegations[${i}].scope must be tambon, area or question, not ${describe(d.scope)}`,
      );
    }
    delegationTruster[i] = d.truster;
    delegationTrustee[i] = trustee === null ? -1 : trustee;
    delegationScope[i] = scope;
  }

  const question = input.question;
  if (!isRecord(question)) return fail(`question must be an object, not ${describe(question)}`);
  const area = question.area;
  if (area !== undefined && typeof area !== "string" && !isId(area)) {
    return fail(`question.area must be a string or an integer, not ${describe(area)}`);
  }
  const alts = question.alternatives;
  if (!Array.isArray(alts) || alts.length === 0) {
    return fail(`question.alternatives must be a non-empty array of alternative ids`);
  }
  // "area:<id>" and "question:<id>" scopes apply only to their own area or question.
  for (let i = 0; i < delegations.length; i++) {
    const scope = (delegations[i] as Record<string, unknown>).scope;
    if (typeof scope !== "string" || !scope.includes(":")) continue;
    const target = scope.slice(scope.indexOf(":") + 1);
    const applies =
      delegationScope[i] === SCOPE_AREA
        ? area !== undefined && target === String(area)
        : question.id === undefined || question.id === null || target === String(question.id);
    if (!applies) delegationScope[i] = 0;
  }
  const alternatives = new Float64Array(alts.length);
  const altColumn = new Map<string, number>();
  for (let j = 0; j < alts.length; j++) {
    const a: unknown = alts[j];
    if (!isId(a)) {
      return fail(`question.alternatives[${j}] must be a non-negative integer, not ${describe(a)}`);
    }
    const key = String(a);
    if (altColumn.has(key))
      return fail(`question.alternatives[${j}]: duplicate alternative ${key}`);
    altColumn.set(key, j);
    alternatives[j] = a;
  }

  const ballots = input.ballots ?? [];
  if (!Array.isArray(ballots)) return fail(`ballots must be an array`);
  const k = alts.length;
  const ballotMember = new Float64Array(ballots.length);
  const ballotGrades = new Float64Array(ballots.length * k);
  for (let i = 0; i < ballots.length; i++) {
    const b: unknown = ballots[i];
    if (!isRecord(b)) return fail(`ballots[${i}] must be an object, not ${describe(b)}`);
    if (!isId(b.member)) {
      return fail(`ballots[${i}].member must be a non-negative integer, not ${describe(b.member)}`);
    }
    const grades = b.grades;
    if (!isRecord(grades))
      return fail(`ballots[${i}].grades must be an object, not ${describe(grades)}`);
    ballotMember[i] = b.member;
    const base = i * k;
    for (const key in grades) {
      if (!Object.hasOwn(grades, key)) continue;
      const column = altColumn.get(key);
      if (column === undefined) {
        return fail(
          `ballots[${i}].grades: ${JSON.stringify(key)} is not an alternative of the question`,
        );
      }
      const grade = grades[key];
      if (typeof grade !== "number" || !Number.isSafeInteger(grade)) {
        return fail(
          `ballots[${i}].grades[${JSON.stringify(key)}] must be an integer, not ${describe(grade)}`,
        );
      }
      ballotGrades[base + column] = grade;
    }
  }

  return {
    memberIds,
    memberVillages,
    villageNames,
    delegationTruster,
    delegationTrustee,
    delegationScope,
    alternatives,
    ballotMember,
    ballotGrades,
    policy: normalizePolicy(input.policy),
  };
}

const TWO_32 = 4294967296;

/**
 * Sorts member ids ascending (LSD radix sort on 11-bit digits, skipping constant digits) and
 * returns them with, for each input position, its dense index (its rank in that order).
 */
function sortMemberIds(memberIds: Float64Array): { ids: Float64Array; denseOf: Int32Array } {
  const n = memberIds.length;
  let lo = new Uint32Array(n);
  let pos = new Int32Array(n);
  let wide = false;
  for (let p = 0; p < n; p++) {
    const id = memberIds[p]!;
    lo[p] = id >>> 0;
    pos[p] = p;
    if (id >= TWO_32) wide = true;
  }
  let hi: Uint32Array | null = null;
  if (wide) {
    hi = new Uint32Array(n);
    for (let p = 0; p < n; p++) hi[p] = Math.floor(memberIds[p]! / TWO_32);
  }
  let lo2 = new Uint32Array(n);
  let pos2 = new Int32Array(n);
  let hi2: Uint32Array | null = wide ? new Uint32Array(n) : null;
  const counts = new Int32Array(2048);
  const passes: [boolean, number][] = [
    [false, 0],
    [false, 11],
    [false, 22],
    [true, 0],
    [true, 11],
  ];
  for (const [high, shift] of passes) {
    const keys = high ? hi : lo;
    if (keys === null) continue;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = (keys[i]! >>> shift) & 2047;
      counts[b] = counts[b]! + 1;
    }
    if (n === 0 || counts[(keys[0]! >>> shift) & 2047] === n) continue; // digit constant
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const b = (keys[i]! >>> shift) & 2047;
      const at = counts[b]!;
      counts[b] = at + 1;
      lo2[at] = lo[i]!;
      pos2[at] = pos[i]!;
      if (hi !== null && hi2 !== null) hi2[at] = hi[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [pos, pos2] = [pos2, pos];
    if (hi !== null && hi2 !== null) [hi, hi2] = [hi2, hi];
  }
  const ids = new Float64Array(n);
  const denseOf = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    ids[r] = hi === null ? lo[r]! : hi[r]! * TWO_32 + lo[r]!;
    denseOf[pos[r]!] = r;
  }
  for (let r = 1; r < n; r++) {
    if (ids[r] === ids[r - 1]) {
      return fail(
        `members[${pos[r]}].id: duplicate member id ${ids[r]} (also members[${pos[r - 1]}])`,
      );
    }
  }
  return { ids, denseOf };
}

/** Maps member ids to dense indices (ids sorted ascending): a direct table or a hash table. */
class IdIndex {
  private readonly table: Int32Array;
  private readonly base: number;
  private readonly mask: number;
  private readonly direct: boolean;
  private readonly wide: boolean;

  constructor(private readonly ids: Float64Array) {
    const n = ids.length;
    const first = n > 0 ? ids[0]! : 0;
    const last = n > 0 ? ids[n - 1]! : -1;
    this.base = first;
    this.wide = last >= TWO_32;
    if (last - first < 4 * n + 1024) {
      this.direct = true;
      this.mask = 0;
      this.table = new Int32Array(last - first + 1).fill(-1);
      for (let i = 0; i < n; i++) this.table[ids[i]! - first] = i;
    } else {
      // Open addressing; slot h holds the id's low 32 bits at 2h and its dense index at 2h+1.
      this.direct = false;
      let size = 1024;
      while (size < n + (n >>> 1) + 1) size *= 2;
      this.mask = size - 1;
      const table = new Int32Array(2 * size).fill(-1);
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        let h = hashId(id) & this.mask;
        while (table[2 * h + 1] !== -1) h = (h + 1) & this.mask;
        table[2 * h] = id | 0;
        table[2 * h + 1] = i;
      }
      this.table = table;
    }
  }

  /** Dense index of a member id, or -1 when it is not a member. */
  get(id: number): number {
    const table = this.table;
    if (this.direct) {
      const slot = id - this.base;
      return slot >= 0 && slot < table.length ? table[slot]! : -1;
    }
    const low = id | 0;
    let h = hashId(id) & this.mask;
    for (;;) {
      const i = table[2 * h + 1]!;
      if (i === -1) return -1;
      if (table[2 * h] === low && (!this.wide || this.ids[i] === id)) return i;
      h = (h + 1) & this.mask;
    }
  }
}

const hashId = (id: number): number => {
  let h = Math.imul((id | 0) ^ Math.imul((id / TWO_32) | 0, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
};

/** Smallest whole number ≥ x, where x within 1e-9 (relative) of an integer counts as it. */
const wholeThreshold = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r : Math.ceil(x);
};

const UNRESOLVED = -2;
const VISITING = -3;

/** Counts a question from validated columns: delegation chains, weights, Schulze ranks, quorums. */
export function countTally(cols: TallyColumns): TallyCount {
  const { memberIds, policy } = cols;
  const n = memberIds.length;
  const rows = cols.delegationTruster.length;
  if (
    cols.memberVillages.length !== n ||
    cols.delegationTrustee.length !== rows ||
    cols.delegationScope.length !== rows ||
    cols.ballotGrades.length !== cols.ballotMember.length * cols.alternatives.length
  ) {
    return fail("columns of different lengths");
  }

  // Dense indices in ascending id order.
  const { ids, denseOf } = sortMemberIds(memberIds);
  const index = new IdIndex(ids);

  // Applicable delegation per member: question > area > tambon; a null trustee blocks broader ones.
  const next = new Int32Array(n).fill(NO_TARGET);
  const seen = new Uint8Array(n);
  let outsideSeen: Map<number, number> | null = null;
  const { delegationTruster, delegationTrustee, delegationScope } = cols;
  for (let r = 0; r < delegationTruster.length; r++) {
    const truster = delegationTruster[r]!;
    const scope = delegationScope[r]!;
    if (scope === 0) continue; // an area or question delegation for another area or question
    const t = index.get(truster);
    let before: number;
    if (t < 0) {
      outsideSeen ??= new Map();
      before = outsideSeen.get(truster) ?? 0;
      outsideSeen.set(truster, before | scope);
    } else {
      before = seen[t]!;
      seen[t] = before | scope;
    }
    if (before & scope) {
      return fail(
        `delegations[${r}]: member ${truster} has more than one delegation with scope ${scopeName(scope)}`,
      );
    }
    if (t < 0 || before > scope) continue; // no voting right, or a narrower scope already applies
    const trustee = delegationTrustee[r]!;
    if (trustee < 0) {
      next[t] = NO_TARGET;
    } else {
      const e = index.get(trustee);
      next[t] = e < 0 ? OUTSIDE_TARGET : e;
    }
  }

  // Ballots of members with voting right.
  const { ballotMember, ballotGrades, alternatives } = cols;
  const k = alternatives.length;
  const nBallots = ballotMember.length;
  const ballotDense = new Int32Array(nBallots);
  const voted = new Uint8Array(n);
  let outsideBallots: Set<number> | null = null;
  let voters = 0;
  for (let r = 0; r < nBallots; r++) {
    const id = ballotMember[r]!;
    const v = index.get(id);
    ballotDense[r] = v;
    let duplicate: boolean;
    if (v < 0) {
      outsideBallots ??= new Set();
      duplicate = outsideBallots.has(id);
      outsideBallots.add(id);
    } else {
      duplicate = voted[v] === 1;
      voted[v] = 1;
      voters++;
    }
    if (duplicate) return fail(`ballots[${r}]: member ${id} has more than one ballot`);
  }

  // Resolve chains iteratively; `final` doubles as the visiting state, so loops end the walk.
  const final = new Int32Array(n).fill(UNRESOLVED);
  for (let i = 0; i < n; i++) if (voted[i]) final[i] = i;
  const stack = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (final[i] !== UNRESOLVED) continue;
    let top = 0;
    let j = i;
    let result = -1;
    for (;;) {
      const f = final[j]!;
      if (f !== UNRESOLVED) {
        result = f === VISITING ? -1 : f;
        break;
      }
      final[j] = VISITING;
      stack[top++] = j;
      const t = next[j]!;
      if (t < 0) break;
      j = t;
    }
    while (top > 0) final[stack[--top]!] = result;
  }

  const weight = new Int32Array(n);
  let weightLost = 0;
  for (let i = 0; i < n; i++) {
    const f = final[i]!;
    if (f >= 0) weight[f] = weight[f]! + 1;
    else if (next[i] !== NO_TARGET) weightLost++;
  }
  const cap = policy.maxWeight;
  let weightCounted = 0;
  let weightCapped = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i]!;
    if (cap !== null && w > cap) {
      weightCounted += cap;
      weightCapped += w - cap;
    } else {
      weightCounted += w;
    }
  }

  // Approval and pairwise preferences; candidate k is the status quo (grade 0).
  const K = k + 1;
  const positive = new Float64Array(k);
  const negative = new Float64Array(k);
  const d = new Float64Array(K * K);
  const g = new Float64Array(K);
  for (let r = 0; r < nBallots; r++) {
    const v = ballotDense[r]!;
    if (v < 0) continue;
    const w = weight[v]!;
    const c = cap !== null && w > cap ? cap : w;
    const base = r * k;
    for (let x = 0; x < k; x++) {
      const grade = ballotGrades[base + x]!;
      g[x] = grade;
      if (grade > 0) positive[x] = positive[x]! + c;
      else if (grade < 0) negative[x] = negative[x]! + c;
    }
    for (let x = 0; x < K; x++) {
      const gx = g[x]!;
      const row = x * K;
      for (let y = 0; y < K; y++) if (gx > g[y]!) d[row + y] = d[row + y]! + c;
    }
  }
  const rank = schulzeRanks(d, K);
  const statusQuoRank = rank[k]!;

  const alternativeResults: AlternativeResult[] = [];
  for (let x = 0; x < k; x++) {
    const p = positive[x]!;
    const q = negative[x]!;
    const eligible = p + q > 0 && p / (p + q) > policy.majority && rank[x]! < statusQuoRank;
    alternativeResults.push({
      id: alternatives[x]!,
      positive: p,
      negative: q,
      rank: rank[x]!,
      eligible,
    });
  }
  alternativeResults.sort((a, b) => a.rank - b.rank || a.id - b.id);

  const quorum = checkQuorums(cols, denseOf, voted, weightCounted);
  let winner: number | null = null;
  if (quorum.met) {
    const best = alternativeResults.find((a) => a.eligible);
    if (best) winner = best.id;
  }

  return {
    ids,
    voted,
    next,
    final,
    weight,
    maxWeight: cap,
    voters,
    weightCounted,
    weightLost,
    weightCapped,
    alternatives: alternativeResults,
    statusQuoRank,
    winner,
    quorum,
    pairwise: d,
  };
}

function checkQuorums(
  cols: TallyColumns,
  denseOf: Int32Array,
  voted: Uint8Array,
  weightCounted: number,
): QuorumResult {
  const { policy, memberIds, memberVillages, villageNames } = cols;
  const n = memberIds.length;
  const failed: QuorumFailure[] = [];
  const required = wholeThreshold(policy.quorum * n);
  if (weightCounted < required) {
    failed.push({
      kind: "quorum",
      required,
      actual: weightCounted,
      missing: required - weightCounted,
    });
  }
  const vq = policy.villageQuorum;
  if (vq !== null) {
    const directVoters = new Float64Array(villageNames.length);
    const present = new Uint8Array(villageNames.length);
    for (let p = 0; p < n; p++) {
      const code = memberVillages[p]!;
      if (!(code >= 0 && code < villageNames.length)) fail(`members[${p}]: no village ${code}`);
      present[code] = 1;
      if (voted[denseOf[p]!]) directVoters[code] = directVoters[code]! + 1;
    }
    const order: number[] = [];
    for (let c = 0; c < villageNames.length; c++) if (present[c]) order.push(c);
    order.sort((a, b) => compareStrings(villageNames[a]!, villageNames[b]!));
    const villagesRequired = wholeThreshold(vq.villagesFraction * order.length);
    const short: VillageShortfall[] = [];
    for (const c of order) {
      const count = directVoters[c]!;
      if (count < vq.minPerVillage) {
        short.push({ village: villageNames[c]!, voters: count, missing: vq.minPerVillage - count });
      }
    }
    const villagesMet = order.length - short.length;
    if (villagesMet < villagesRequired) {
      failed.push({
        kind: "villageQuorum",
        minPerVillage: vq.minPerVillage,
        villagesRequired,
        villagesMet,
        missing: villagesRequired - villagesMet,
        villages: short,
      });
    }
  }
  return { met: failed.length === 0, failed };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Schulze ranks of K candidates from the pairwise matrix d (row-major, d[x*K+y] = weight preferring
 * x over y). Defeat strength is (winning weight, then smaller losing weight); ranks are given in
 * rounds of candidates beaten by no remaining candidate.
 */
export function schulzeRanks(d: Float64Array, K: number): Int32Array {
  const win = new Float64Array(K * K);
  const lose = new Float64Array(K * K);
  for (let x = 0; x < K; x++) {
    for (let y = 0; y < K; y++) {
      const xy = d[x * K + y]!;
      const yx = d[y * K + x]!;
      if (x !== y && xy > yx) {
        win[x * K + y] = xy;
        lose[x * K + y] = yx;
      } else {
        win[x * K + y] = -1; // no defeat: weaker than any defeat
        lose[x * K + y] = 0;
      }
    }
  }
  for (let m = 0; m < K; m++) {
    for (let x = 0; x < K; x++) {
      if (x === m) continue;
      const xm = x * K + m;
      const xmWin = win[xm]!;
      if (xmWin < 0) continue;
      const xmLose = lose[xm]!;
      for (let y = 0; y < K; y++) {
        if (y === m || y === x) continue;
        const my = m * K + y;
        let cw = win[my]!;
        let cl = lose[my]!;
        if (xmWin < cw || (xmWin === cw && xmLose > cl)) {
          cw = xmWin;
          cl = xmLose;
        }
        const xy = x * K + y;
        const pw = win[xy]!;
        if (cw > pw || (cw === pw && cl < lose[xy]!)) {
          win[xy] = cw;
          lose[xy] = cl;
        }
      }
    }
  }
  const beats = (x: number, y: number): boolean => {
    const aw = win[x * K + y]!;
    const bw = win[y * K + x]!;
    return aw > bw || (aw === bw && lose[x * K + y]! < lose[y * K + x]!);
  };
  const rank = new Int32Array(K);
  let remaining = K;
  for (let round = 1; remaining > 0; round++) {
    const winners: number[] = [];
    for (let x = 0; x < K; x++) {
      if (rank[x] !== 0) continue;
      let beaten = false;
      for (let y = 0; y < K && !beaten; y++) beaten = y !== x && rank[y] === 0 && beats(y, x);
      if (!beaten) winners.push(x);
    }
    if (winners.length === 0) {
      for (let x = 0; x < K; x++) if (rank[x] === 0) winners.push(x); // unreachable: beats is a strict order
    }
    for (const x of winners) rank[x] = round;
    remaining -= winners.length;
  }
  return rank;
}

const cappedWeight = (w: number, cap: number | null): number => (cap !== null && w > cap ? cap : w);

/** The result as a plain object; JSON.stringify of it gives the same bytes as renderTallyJson. */
export function toTallyResult(count: TallyCount, opts: TallyOutputOptions = {}): TallyResult {
  const result: TallyResult = {
    voters: count.voters,
    weightCounted: count.weightCounted,
    weightLost: count.weightLost,
    ...(count.maxWeight !== null ? { weightCapped: count.weightCapped } : {}),
    alternatives: count.alternatives.map((a) => ({ ...a })),
    statusQuoRank: count.statusQuoRank,
    winner: count.winner,
    quorum: structuredClone(count.quorum),
  };
  if (opts.summary) return result;
  const { ids, voted, next, weight, final, maxWeight } = count;
  const n = ids.length;
  const weights: Record<string, number> = {};
  const capped: Record<string, number> = {};
  const chains: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    if (!voted[i]) continue;
    const w = weight[i]!;
    weights[String(ids[i])] = cappedWeight(w, maxWeight);
    if (maxWeight !== null && w > maxWeight) capped[String(ids[i])] = w - maxWeight;
  }
  for (let i = 0; i < n; i++) {
    if (voted[i] || final[i]! < 0) continue;
    const path = [ids[i]!];
    let j = i;
    while (!voted[j]) {
      j = next[j]!;
      path.push(ids[j]!);
    }
    chains[String(ids[i])] = path;
  }
  result.weights = weights;
  if (maxWeight !== null) result.capped = capped;
  result.chains = chains;
  return result;
}

const CHUNK_PIECES = 16384;

/** The output JSON (compact, ending in "\n") as a sequence of string chunks, for streaming. */
export function* renderTallyJsonChunks(
  count: TallyCount,
  opts: TallyOutputOptions = {},
): Generator<string> {
  let head =
    `{"voters":${count.voters},"weightCounted":${count.weightCounted},` +
    `"weightLost":${count.weightLost}`;
  if (count.maxWeight !== null) head += `,"weightCapped":${count.weightCapped}`;
  head +=
    `,"alternatives":${JSON.stringify(count.alternatives)},"statusQuoRank":${count.statusQuoRank}` +
    `,"winner":${count.winner === null ? "null" : count.winner}` +
    `,"quorum":${JSON.stringify(count.quorum)}`;
  if (opts.summary) {
    yield `${head}}\n`;
    return;
  }
  const { ids, voted, next, weight, final, maxWeight } = count;
  const n = ids.length;
  // Pieces are buffered in order and yielded as one chunk every CHUNK_PIECES pieces.
  let buf: string[] = [head, `,"weights":{`];
  let sep = "";
  const entry = (text: string): boolean => {
    buf.push(sep, text);
    sep = ",";
    return buf.length >= CHUNK_PIECES;
  };
  const take = (): string => {
    const text = buf.join("");
    buf = [];
    return text;
  };
  for (let i = 0; i < n; i++) {
    if (!voted[i]) continue;
    if (entry(`"${ids[i]}":${cappedWeight(weight[i]!, maxWeight)}`)) yield take();
  }
  buf.push("}");
  if (maxWeight !== null) {
    buf.push(`,"capped":{`);
    sep = "";
    for (let i = 0; i < n; i++) {
      if (!voted[i] || weight[i]! <= maxWeight) continue;
      if (entry(`"${ids[i]}":${weight[i]! - maxWeight}`)) yield take();
    }
    buf.push("}");
  }
  buf.push(`,"chains":{`);
  sep = "";
  for (let i = 0; i < n; i++) {
    if (voted[i] || final[i]! < 0) continue;
    const id = ids[i]!;
    let path = `"${id}":[${id}`;
    let j = i;
    while (!voted[j]) {
      j = next[j]!;
      path += `,${ids[j]}`;
    }
    if (entry(`${path}]`)) yield take();
  }
  buf.push("}}\n");
  yield take();
}

/** The output JSON (compact, ending in "\n") as one string. */
export function renderTallyJson(count: TallyCount, opts: TallyOutputOptions = {}): string {
  let text = "";
  for (const chunk of renderTallyJsonChunks(count, opts)) text += chunk;
  return text;
}

/** Parses JSON text as tally input; invalid JSON becomes a TallyInputError. */
export function parseTallyInput(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail(`invalid JSON: ${reason.replace(/\s+/g, " ")}`);
  }
}

/** Counts a parsed input object and returns the result object (throws TallyInputError). */
export function tally(input: TallyInput, opts: TallyOutputOptions = {}): TallyResult {
  return toTallyResult(countTally(toTallyColumns(input)), opts);
}

/** Counts JSON input text and returns the output bytes as a string (throws TallyInputError). */
export function tallyJson(text: string, opts: TallyOutputOptions = {}): string {
  return renderTallyJson(countTally(toTallyColumns(parseTallyInput(text))), opts);
}
