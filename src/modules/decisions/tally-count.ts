// The count itself, on the columns: delegation chains, weights, quorums and the ranking.
import {
  type TallyColumns,
  type AlternativeResult,
  type VillageShortfall,
  type QuorumFailure,
  type QuorumResult,
  type TallyCount,
  NO_TARGET,
  OUTSIDE_TARGET,
} from "./tally-types.ts";
import { fail, scopeName } from "./tally-input.ts";
import { sortMemberIds, IdIndex } from "./tally-ids.ts";
import { schulzeRanks } from "./tally-schulze.ts";

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
