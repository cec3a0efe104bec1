import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { TallyInputError } from "./tally-input.ts";
import { schulzeRanks } from "./tally-schulze.ts";
import { tally, tallyJson } from "./tally.ts";
import {
  type TallyBallotInput,
  type TallyDelegationInput,
  type TallyInput,
  type TallyResult,
} from "./tally-types.ts";

// ---------------------------------------------------------------------------------------------
// Helpers

const ALTS = [10, 11];

/** Members 1..n (or the given ids), all in village "v1" unless told otherwise. */
const members = (ids: number[], village = "v1") => ids.map((id) => ({ id, village }));

const tambon = (truster: number, trustee: number | null): TallyDelegationInput => ({
  truster,
  trustee,
  scope: "tambon",
});
const area = (truster: number, trustee: number | null): TallyDelegationInput => ({
  truster,
  trustee,
  scope: "area",
});
const question = (truster: number, trustee: number | null): TallyDelegationInput => ({
  truster,
  trustee,
  scope: "question",
});
const yes = (member: number): TallyBallotInput => ({ member, grades: { "10": 1 } });

function run(input: Partial<TallyInput> & Pick<TallyInput, "members">): TallyResult {
  return tally({ question: { area: "health", alternatives: ALTS }, ...input });
}

function rejects(input: unknown, message: RegExp): void {
  assert.throws(
    () => tallyJson(JSON.stringify(input)),
    (err: unknown) => err instanceof TallyInputError && message.test(err.message),
  );
}

const base = (): Record<string, unknown> => ({
  members: members([1, 2]),
  delegations: [],
  question: { area: "health", alternatives: [10, 11] },
  ballots: [],
});

// ---------------------------------------------------------------------------------------------
// Delegation

test("a chain A→B→C ends at C, who votes and carries all three", () => {
  const r = run({
    members: members([1, 2, 3]),
    delegations: [tambon(1, 2), tambon(2, 3)],
    ballots: [yes(3)],
  });
  assert.equal(r.voters, 1);
  assert.equal(r.weightCounted, 3);
  assert.equal(r.weightLost, 0);
  assert.deepEqual(r.weights, { "3": 3 });
  assert.deepEqual(r.chains, { "1": [1, 2, 3], "2": [2, 3] });
  assert.equal(r.alternatives.find((a) => a.id === 10)?.positive, 3);
});

test("a loop without a voter is lost and does not hang", () => {
  const r = run({
    members: members([1, 2, 3, 4]),
    delegations: [tambon(1, 2), tambon(2, 3), tambon(3, 1)],
    ballots: [yes(4)],
  });
  assert.equal(r.weightLost, 3);
  assert.equal(r.weightCounted, 1);
  assert.deepEqual(r.weights, { "4": 1 });
  assert.deepEqual(r.chains, {});
});

test("a chain into a loop is lost with the loop", () => {
  const r = run({
    members: members([1, 2, 3, 4, 5]),
    delegations: [tambon(5, 1), tambon(1, 2), tambon(2, 1)],
    ballots: [yes(4)],
  });
  assert.equal(r.weightLost, 3);
  assert.deepEqual(r.chains, {});
});

test("a delegation to oneself is a loop: lost unless that member votes", () => {
  const lost = run({ members: members([1, 2]), delegations: [tambon(1, 1)], ballots: [yes(2)] });
  assert.equal(lost.weightLost, 1);
  assert.equal(lost.weightCounted, 1);
  const voting = run({ members: members([1, 2]), delegations: [tambon(1, 1)], ballots: [yes(1)] });
  assert.equal(voting.weightLost, 0);
  assert.deepEqual(voting.weights, { "1": 1 });
});

test("a loop in which one member votes: everyone else in it reaches that member", () => {
  const r = run({
    members: members([1, 2, 3]),
    delegations: [tambon(1, 2), tambon(2, 3), tambon(3, 1)],
    ballots: [yes(2)],
  });
  assert.equal(r.weightLost, 0);
  assert.deepEqual(r.weights, { "2": 3 });
  assert.deepEqual(r.chains, { "1": [1, 2], "3": [3, 1, 2] });
});

test("a member who votes ends the chain even though they delegated", () => {
  const r = run({
    members: members([1, 2, 3]),
    delegations: [tambon(1, 2), tambon(2, 3)],
    ballots: [yes(2), { member: 3, grades: { "10": -1 } }],
  });
  assert.deepEqual(r.weights, { "2": 2, "3": 1 });
  assert.deepEqual(r.chains, { "1": [1, 2] });
  const alt = r.alternatives.find((a) => a.id === 10);
  assert.equal(alt?.positive, 2);
  assert.equal(alt?.negative, 1);
});

test("a chain ending at a member who neither votes nor delegates is lost; that member is neither", () => {
  const r = run({ members: members([1, 2, 3]), delegations: [tambon(1, 2)], ballots: [yes(3)] });
  assert.equal(r.weightLost, 1);
  assert.equal(r.weightCounted, 1);
});

test("an area delegation with no trustee blocks the tambon delegation", () => {
  const r = run({
    members: members([1, 2]),
    delegations: [tambon(1, 2), area(1, null)],
    ballots: [yes(2)],
  });
  assert.deepEqual(r.weights, { "2": 1 });
  assert.deepEqual(r.chains, {});
  assert.equal(r.weightLost, 0, "a blocked member is neither counted nor lost");
});

test("a question delegation with no trustee blocks area and tambon delegations", () => {
  const r = run({
    members: members([1, 2, 3]),
    delegations: [question(1, null), area(1, 3), tambon(1, 2)],
    ballots: [yes(2), yes(3)],
  });
  assert.deepEqual(r.weights, { "2": 1, "3": 1 });
  assert.equal(r.weightLost, 0);
});

test("precedence: question over area over tambon, whatever the input order", () => {
  const all = [tambon(1, 2), area(1, 3), question(1, 4)];
  const ballots = [yes(2), yes(3), yes(4)];
  for (const delegations of [all, [...all].reverse(), [all[1]!, all[2]!, all[0]!]]) {
    const r = run({ members: members([1, 2, 3, 4]), delegations, ballots });
    assert.deepEqual(r.chains, { "1": [1, 4] });
  }
  const noQuestion = run({
    members: members([1, 2, 3, 4]),
    delegations: [tambon(1, 2), area(1, 3)],
    ballots,
  });
  assert.deepEqual(noQuestion.chains, { "1": [1, 3] });
  const onlyTambon = run({ members: members([1, 2, 3, 4]), delegations: [tambon(1, 2)], ballots });
  assert.deepEqual(onlyTambon.chains, { "1": [1, 2] });
});

test("a tambon delegation with no trustee is just no delegation", () => {
  const r = run({ members: members([1, 2]), delegations: [tambon(1, null)], ballots: [yes(2)] });
  assert.equal(r.weightLost, 0);
  assert.equal(r.weightCounted, 1);
});

test("a member without voting right in the middle of a chain stops it (lost)", () => {
  const r = run({
    members: members([1, 2, 3]),
    delegations: [tambon(1, 9), tambon(9, 2), tambon(3, 2)],
    ballots: [yes(2)],
  });
  assert.equal(r.weightLost, 1);
  assert.deepEqual(r.weights, { "2": 2 });
  assert.deepEqual(r.chains, { "3": [3, 2] });
});

test("the ballot of someone without voting right is ignored, and so are their delegations", () => {
  const r = run({
    members: members([1, 2]),
    delegations: [tambon(1, 9), tambon(9, 2)],
    ballots: [yes(2), { member: 9, grades: { "10": -3, "11": 2 } }],
  });
  assert.equal(r.voters, 1);
  assert.equal(r.weightCounted, 1);
  assert.equal(r.weightLost, 1, "member 1 delegated to a non-member");
  assert.deepEqual(r.weights, { "2": 1 });
  const alt10 = r.alternatives.find((a) => a.id === 10);
  const alt11 = r.alternatives.find((a) => a.id === 11);
  assert.deepEqual([alt10?.positive, alt10?.negative, alt11?.positive], [1, 0, 0]);
});

test("a long chain (100,000 members) is resolved without recursion", () => {
  const n = 100_000;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const delegations = ids.slice(0, -1).map((id) => tambon(id, id + 1));
  const out = tallyJson(
    JSON.stringify({
      members: members(ids),
      delegations,
      question: { alternatives: [10] },
      ballots: [yes(n)],
    }),
    {
      summary: true,
    },
  );
  const r = JSON.parse(out) as TallyResult;
  assert.equal(r.weightCounted, n);
  assert.equal(r.weightLost, 0);
  assert.equal(r.winner, 10);
});

// ---------------------------------------------------------------------------------------------
// Cap

test("maxWeight caps a voter's counted weight and reports the excess; nobody else gets it", () => {
  const r = run({
    members: members([1, 2, 3, 4, 5, 6]),
    delegations: [tambon(1, 4), tambon(2, 4), tambon(3, 4), tambon(6, 5)],
    ballots: [yes(4), { member: 5, grades: { "10": -1 } }],
    policy: { maxWeight: 2 },
  });
  assert.deepEqual(Object.keys(r), [
    "voters",
    "weightCounted",
    "weightLost",
    "weightCapped",
    "alternatives",
    "statusQuoRank",
    "winner",
    "quorum",
    "weights",
    "capped",
    "chains",
  ]);
  assert.equal(r.weightCounted, 4);
  assert.equal(r.weightCapped, 2);
  assert.deepEqual(r.weights, { "4": 2, "5": 2 });
  assert.deepEqual(r.capped, { "4": 2 });
  assert.deepEqual(r.chains, { "1": [1, 4], "2": [2, 4], "3": [3, 4], "6": [6, 5] });
  const alt = r.alternatives.find((a) => a.id === 10);
  assert.equal(alt?.positive, 2);
  assert.equal(alt?.negative, 2);
  assert.equal(alt?.eligible, false, "2 / (2 + 2) is not above 1/2");
});

test("without maxWeight the output has exactly the fields of the spec", () => {
  const r = run({ members: members([1, 2]), delegations: [tambon(1, 2)], ballots: [yes(2)] });
  assert.deepEqual(Object.keys(r), [
    "voters",
    "weightCounted",
    "weightLost",
    "alternatives",
    "statusQuoRank",
    "winner",
    "quorum",
    "weights",
    "chains",
  ]);
  assert.deepEqual(Object.keys(r.alternatives[0]!), [
    "id",
    "positive",
    "negative",
    "rank",
    "eligible",
  ]);
  assert.deepEqual(r.quorum, { met: true, failed: [] });
});

// ---------------------------------------------------------------------------------------------
// Quorums

test("a missed quorum: no winner, and the result says by how much", () => {
  const r = run({
    members: members([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    delegations: [tambon(1, 2), tambon(3, 3)],
    ballots: [yes(2)],
    policy: { quorum: 0.3 },
  });
  assert.equal(r.winner, null);
  assert.deepEqual(r.quorum, {
    met: false,
    failed: [{ kind: "quorum", required: 3, actual: 2, missing: 1 }],
  });
  assert.equal(r.alternatives[0]?.eligible, true, "eligibility is still reported");
  const met = run({
    members: members([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    delegations: [tambon(1, 2), tambon(3, 2)],
    ballots: [yes(2)],
    policy: { quorum: 0.3 },
  });
  assert.equal(met.winner, 10);
  assert.deepEqual(met.quorum, { met: true, failed: [] });
});

test("quorum 0.07 of 100 members needs 7, not 8 (0.07 × 100 = 7.000000000000001)", () => {
  const ids = Array.from({ length: 100 }, (_, i) => i + 1);
  const seven = ids.slice(0, 7).map(yes);
  const r = run({ members: members(ids), ballots: seven, policy: { quorum: 0.07 } });
  assert.deepEqual(r.quorum, { met: true, failed: [] });
  const short = run({ members: members(ids), ballots: seven.slice(1), policy: { quorum: 0.07 } });
  assert.deepEqual(short.quorum.failed, [{ kind: "quorum", required: 7, actual: 6, missing: 1 }]);
  const half = run({
    members: members(ids.slice(0, 9)),
    ballots: seven.slice(0, 4),
    policy: { quorum: 0.5 },
  });
  assert.deepEqual(half.quorum.failed, [{ kind: "quorum", required: 5, actual: 4, missing: 1 }]);
});

test("village quorum: every village needs minPerVillage direct voters (delegated weight does not count)", () => {
  const input = {
    members: [...members([1, 2, 3], "B"), ...members([4, 5, 6], "A"), ...members([7, 8], "C")],
    delegations: [tambon(1, 4), tambon(2, 4)],
    ballots: [yes(4), yes(5), yes(3), yes(7), yes(8)],
    policy: { villageQuorum: { minPerVillage: 2 } },
  };
  const r = run(input);
  assert.equal(r.winner, null);
  assert.deepEqual(r.quorum, {
    met: false,
    failed: [
      {
        kind: "villageQuorum",
        minPerVillage: 2,
        villagesRequired: 3,
        villagesMet: 2,
        missing: 1,
        villages: [{ village: "B", voters: 1, missing: 1 }],
      },
    ],
  });
  const met = run({ ...input, ballots: [...input.ballots, yes(2)] });
  assert.deepEqual(met.quorum, { met: true, failed: [] });
  assert.equal(met.winner, 10);
});

test("village quorum with villagesFraction: enough villages suffice", () => {
  const input = {
    members: [...members([1, 2], "A"), ...members([3, 4], "B"), ...members([5, 6], "C")],
    ballots: [yes(1), yes(3)],
    policy: { villageQuorum: { minPerVillage: 1, villagesFraction: 0.6 } },
  };
  assert.deepEqual(run(input).quorum, { met: true, failed: [] });
  const r = run({ ...input, ballots: [yes(1)] });
  assert.deepEqual(r.quorum.failed, [
    {
      kind: "villageQuorum",
      minPerVillage: 1,
      villagesRequired: 2,
      villagesMet: 1,
      missing: 1,
      villages: [
        { village: "B", voters: 0, missing: 1 },
        { village: "C", voters: 0, missing: 1 },
      ],
    },
  ]);
});

test("both quorums can fail together, in a fixed order", () => {
  const r = run({
    members: [...members([1, 2], "A"), ...members([3, 4], "B")],
    ballots: [yes(1)],
    policy: { quorum: 0.5, villageQuorum: { minPerVillage: 1 } },
  });
  assert.deepEqual(
    r.quorum.failed.map((f) => f.kind),
    ["quorum", "villageQuorum"],
  );
});

// ---------------------------------------------------------------------------------------------
// Ballots, eligibility, ranks

test("majority is strict, and an alternative nobody graded is not eligible", () => {
  const r = run({
    members: members([1, 2, 3, 4]),
    ballots: [
      { member: 1, grades: { "10": 1 } },
      { member: 2, grades: { "10": 1 } },
      { member: 3, grades: { "10": -1 } },
      { member: 4, grades: { "10": -1 } },
    ],
  });
  const alt10 = r.alternatives.find((a) => a.id === 10);
  const alt11 = r.alternatives.find((a) => a.id === 11);
  assert.deepEqual([alt10?.positive, alt10?.negative, alt10?.eligible], [2, 2, false]);
  assert.deepEqual([alt11?.positive, alt11?.negative, alt11?.eligible], [0, 0, false]);
  assert.equal(r.winner, null);
});

test("a custom majority: 2 of 3 is not above 2/3 but 3 of 4 is", () => {
  const policy = { majority: 2 / 3 };
  const grades = (g: number[]) => g.map((v, i) => ({ member: i + 1, grades: { "10": v } }));
  const twoOfThree = run({ members: members([1, 2, 3]), ballots: grades([1, 1, -1]), policy });
  assert.equal(twoOfThree.winner, null);
  const threeOfFour = run({
    members: members([1, 2, 3, 4]),
    ballots: grades([1, 1, 1, -1]),
    policy,
  });
  assert.equal(threeOfFour.winner, 10);
});

test("an alternative that ties the status quo in rank is not eligible", () => {
  // 10: one approval, one disapproval; 11 beats both 10 and the status quo, which tie.
  const r = tally({
    members: members([1, 2, 3]),
    question: { alternatives: [10, 11] },
    ballots: [
      { member: 1, grades: { "10": 1, "11": 2 } },
      { member: 2, grades: { "11": 1 } },
      { member: 3, grades: { "10": -1, "11": 1 } },
    ],
  });
  assert.equal(r.winner, 11);
  assert.deepEqual(
    r.alternatives.map((a) => [a.id, a.rank, a.positive, a.negative, a.eligible]),
    [
      [11, 1, 3, 0, true],
      [10, 2, 1, 1, false],
    ],
  );
  assert.equal(r.statusQuoRank, 2);
});

test("approved by a majority but not ranked above the status quo: not eligible", () => {
  // A Condorcet cycle X > SQ > Y > X, each link 2:1, so all three share rank 1.
  const r = tally({
    members: members([1, 2, 3]),
    question: { alternatives: [10, 11] },
    ballots: [
      { member: 1, grades: { "10": 1, "11": -1 } },
      { member: 2, grades: { "10": -2, "11": -1 } },
      { member: 3, grades: { "10": 1, "11": 2 } },
    ],
  });
  assert.deepEqual(
    r.alternatives.map((a) => [a.id, a.rank, a.positive, a.negative, a.eligible]),
    [
      [10, 1, 2, 1, false],
      [11, 1, 1, 2, false],
    ],
  );
  assert.equal(r.statusQuoRank, 1);
  assert.equal(r.winner, null);
});

test("equal ranks: alternatives sharing a rank are listed by id, the lower id wins", () => {
  const r = tally({
    members: members([1, 2]),
    question: { alternatives: [12, 11, 10] },
    ballots: [
      { member: 1, grades: { "12": 2, "11": 2, "10": 1 } },
      { member: 2, grades: { "12": 1, "11": 1, "10": -1 } },
    ],
  });
  assert.deepEqual(
    r.alternatives.map((a) => [a.id, a.rank, a.eligible]),
    [
      [11, 1, true],
      [12, 1, true],
      [10, 2, false],
    ],
  );
  assert.equal(r.statusQuoRank, 2, "10 and the status quo tie (one approval, one disapproval)");
  assert.equal(r.winner, 11);
});

test("no ballots at all: everything ties with the status quo and nobody wins", () => {
  const r = run({ members: members([1, 2]) });
  assert.deepEqual(
    r.alternatives.map((a) => [a.id, a.rank]),
    [
      [10, 1],
      [11, 1],
    ],
  );
  assert.equal(r.statusQuoRank, 1);
  assert.equal(r.winner, null);
});

/** Members 1..total voting by rankings: grade = (number of candidates) - position, all positive. */
function rankingInput(groups: [number, string][]): TallyInput {
  const k = groups[0]![1].length;
  const input: TallyInput = {
    members: [],
    question: { alternatives: Array.from({ length: k }, (_, i) => i + 1) },
    ballots: [],
  };
  let id = 1;
  for (const [count, order] of groups) {
    for (let i = 0; i < count; i++, id++) {
      input.members.push({ id, village: "v" });
      const grades: Record<string, number> = {};
      [...order].forEach((letter, pos) => {
        grades[String(letter.charCodeAt(0) - 64)] = k - pos;
      });
      input.ballots?.push({ member: id, grades });
    }
  }
  return input;
}

/** "E1 A2 ..." : letter and rank of each alternative, in output order. */
const ranking = (r: TallyResult): string =>
  r.alternatives.map((a) => `${String.fromCharCode(64 + a.id)}${a.rank}`).join(" ");

test("Schulze: the 45-voter example of Wikipedia gives E > A > C > B > D", () => {
  const r = tally(
    rankingInput([
      [5, "ACBED"],
      [5, "ADECB"],
      [8, "BEDAC"],
      [3, "CABED"],
      [7, "CAEBD"],
      [2, "CBADE"],
      [7, "DCEBA"],
      [8, "EBADC"],
    ]),
  );
  assert.equal(ranking(r), "E1 A2 C3 B4 D5");
  assert.equal(r.statusQuoRank, 6);
  assert.equal(r.winner, 5);
  assert.ok(r.alternatives.every((a) => a.eligible && a.positive === 45 && a.negative === 0));
});

test("Schulze: example 2 of Schulze (30 voters, 4 candidates) gives D > A > C > B", () => {
  const r = tally(
    rankingInput([
      [5, "ACBD"],
      [2, "ACDB"],
      [3, "ADCB"],
      [4, "BACD"],
      [3, "CBDA"],
      [3, "CDBA"],
      [1, "DACB"],
      [5, "DBAC"],
      [4, "DCBA"],
    ]),
  );
  assert.equal(ranking(r), "D1 A2 C3 B4");
  assert.equal(r.winner, 4);
});

test("Schulze: example 3 of Schulze (30 voters, 5 candidates) gives B > A > D > E > C", () => {
  const r = tally(
    rankingInput([
      [3, "ABDEC"],
      [5, "ADEBC"],
      [1, "ADECB"],
      [2, "BADEC"],
      [2, "BDECA"],
      [4, "CABDE"],
      [6, "CBADE"],
      [2, "DBECA"],
      [5, "DECAB"],
    ]),
  );
  assert.equal(ranking(r), "B1 A2 D3 E4 C5");
  assert.equal(r.winner, 2);
});

test("Schulze: example 4 of Schulze (9 voters) is a tie of B and D, then A and C", () => {
  const r = tally(
    rankingInput([
      [3, "ABCD"],
      [2, "DABC"],
      [2, "DBCA"],
      [2, "CBDA"],
    ]),
  );
  assert.equal(ranking(r), "B1 D1 A2 C2");
  assert.equal(r.statusQuoRank, 3);
  assert.equal(r.winner, 2, "tie broken by lower id");
});

test("Schulze: equal winning weights are decided by the smaller losing weight", () => {
  // d[A][B]=6:3, d[B][C]=6:4, d[C][A]=6:5 — a cycle that winning votes alone leave tied.
  const groups: [number, [number, number, number]][] = [
    [3, [3, 2, 1]],
    [3, [1, 1, 3]],
    [1, [2, 1, 2]],
    [2, [3, 1, 1]],
    [3, [1, 3, 2]],
  ];
  const input: TallyInput = { members: [], question: { alternatives: [1, 2, 3] }, ballots: [] };
  let id = 1;
  for (const [count, [a, b, c]] of groups) {
    for (let i = 0; i < count; i++, id++) {
      input.members.push({ id, village: "v" });
      input.ballots?.push({ member: id, grades: { "1": a, "2": b, "3": c } });
    }
  }
  const r = tally(input);
  assert.equal(ranking(r), "A1 B2 C3");
  assert.equal(r.winner, 1);
});

test("Schulze: among paths of equal winning weight the one with smaller losing weight counts", () => {
  // A→B 9:0, A→C 9:0, B→D 5:4, C→D 5:1, D→A 5:2: the strongest path A→D is A→C→D (5:1), which
  // beats D→A (5:2); taking A→B→D (5:4) instead would let D beat A.
  const [A, B, C, D] = [0, 1, 2, 3];
  const d = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const set = (x: number, y: number, xy: number, yx: number) => {
    d[x]![y] = xy;
    d[y]![x] = yx;
  };
  set(A, B, 9, 0);
  set(A, C, 9, 0);
  set(B, D, 5, 4);
  set(C, D, 5, 1);
  set(D, A, 5, 2);
  const ranks = schulzeRanks(Float64Array.from(d.flat()), 4);
  assert.deepEqual([...ranks], [1, 4, 2, 3]);
  assert.deepEqual([...ranks], referenceRanks(d));
});

test("delegated weight counts in the pairwise comparison", () => {
  // Without delegation 11 wins 2:1; member 1 carries two delegations, so 10 wins 3:2.
  const r = tally({
    members: members([1, 2, 3, 4, 5]),
    delegations: [tambon(4, 1), tambon(5, 1)],
    question: { alternatives: [10, 11] },
    ballots: [
      { member: 1, grades: { "10": 2, "11": 1 } },
      { member: 2, grades: { "10": 1, "11": 2 } },
      { member: 3, grades: { "10": 1, "11": 2 } },
    ],
  });
  assert.equal(r.winner, 10);
  assert.deepEqual(
    r.alternatives.map((a) => [a.id, a.rank, a.positive]),
    [
      [10, 1, 5],
      [11, 2, 5],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// Input validation

test("invalid input is rejected with a message naming the field", () => {
  rejects([], /^input must be a JSON object, not an array$/);
  rejects({ ...base(), members: {} }, /^members must be an array$/);
  rejects(
    { ...base(), members: [{ id: "1", village: "v" }] },
    /^members\[0\]\.id must be a non-negative integer/,
  );
  rejects({ ...base(), members: [{ id: 1.5, village: "v" }] }, /^members\[0\]\.id/);
  rejects(
    { ...base(), members: [{ id: 1, village: null }] },
    /^members\[0\]\.village must be a string, not null$/,
  );
  rejects(
    { ...base(), members: [{ id: 1, village: ["v"] }] },
    /^members\[0\]\.village must be a string, not an array$/,
  );
  rejects(
    { ...base(), members: [...members([1, 2, 3]), { id: 2, village: "x" }] },
    /^members\[3\]\.id: duplicate member id 2 \(also members\[1\]\)$/,
  );
  rejects(
    {
      ...base(),
      delegations: [tambon(1, 2), tambon(2, 1), { truster: 1, trustee: 2, scope: "village:1" }],
    },
    /^delegations\[2\]\.scope must be tambon, area or question, not "village:1"$/,
  );
  rejects(
    { ...base(), delegations: [{ truster: 1, scope: "tambon" }] },
    /^delegations\[0\]\.trustee must be/,
  );
  rejects(
    { ...base(), delegations: [area(1, 2), tambon(1, 2), area(1, null)] },
    /^delegations\[2\]: member 1 has more than one delegation with scope area$/,
  );
  rejects(
    { ...base(), delegations: [question(99, 2), question(99, 1)] },
    /^delegations\[1\]: member 99 has more than one delegation with scope question$/,
  );
  rejects(
    { ...base(), question: { alternatives: [] } },
    /^question\.alternatives must be a non-empty array/,
  );
  rejects(
    { ...base(), question: { alternatives: [10, 10] } },
    /^question\.alternatives\[1\]: duplicate alternative 10$/,
  );
  rejects(
    { ...base(), ballots: [{ member: 1, grades: { "10": 1.5 } }] },
    /^ballots\[0\]\.grades\["10"\] must be an integer/,
  );
  rejects(
    { ...base(), ballots: [{ member: 1, grades: { "10": "1" } }] },
    /^ballots\[0\]\.grades\["10"\] must be an integer/,
  );
  rejects(
    { ...base(), ballots: [{ member: 1, grades: { "12": 1 } }] },
    /^ballots\[0\]\.grades: "12" is not an alternative/,
  );
  rejects(
    { ...base(), ballots: [{ member: 1, grades: [1] }] },
    /^ballots\[0\]\.grades must be an object/,
  );
  rejects(
    { ...base(), ballots: [yes(1), yes(2), yes(1)] },
    /^ballots\[2\]: member 1 has more than one ballot$/,
  );
  rejects(
    { ...base(), policy: { majority: 1.5 } },
    /^policy\.majority must be a number from 0 to 1/,
  );
  rejects(
    { ...base(), policy: { maxWeight: 0 } },
    /^policy\.maxWeight must be a positive integer or null/,
  );
  rejects(
    { ...base(), policy: { villageQuorum: {} } },
    /^policy\.villageQuorum\.minPerVillage must be/,
  );
  rejects(
    { ...base(), policy: { villageQuorum: { minPerVillage: 1, villagesFraction: 2 } } },
    /^policy\.villageQuorum\.villagesFraction must be a number from 0 to 1/,
  );
});

test("invalid JSON is a TallyInputError with a one-line message", () => {
  assert.throws(
    () => tallyJson('{ "members": [\n'),
    (err: unknown) =>
      err instanceof TallyInputError &&
      /^invalid JSON: /.test(err.message) &&
      !err.message.includes("\n"),
  );
});

test("policy may be absent, null or partial", () => {
  const input = { members: members([1]), question: { alternatives: [10] }, ballots: [yes(1)] };
  const plain = tallyJson(JSON.stringify(input));
  assert.equal(tallyJson(JSON.stringify({ ...input, policy: null })), plain);
  assert.equal(tallyJson(JSON.stringify({ ...input, policy: {} })), plain);
  assert.equal(
    tallyJson(JSON.stringify({ ...input, policy: { maxWeight: null, villageQuorum: null } })),
    plain,
  );
  assert.equal(
    tallyJson(JSON.stringify({ ...input, policy: { majority: 0.5, quorum: 0, maxWeight: null } })),
    plain,
  );
});

test("scopes written as in the spec's terms apply only to their own area or question", () => {
  const scoped = (truster: number, trustee: number | null, scope: string) =>
    ({ truster, trustee, scope }) as TallyDelegationInput;
  const q = { id: 7, area: "health", alternatives: ALTS };
  // 1 → 2 for this area; 1's delegation for another area is ignored, so 3 still gets nothing.
  const r = tally({
    members: members([1, 2, 3]),
    delegations: [scoped(1, 2, "area:health"), scoped(1, 3, "area:roads")],
    question: q,
    ballots: [yes(2), yes(3)],
  });
  assert.deepEqual(r.weights, { "2": 2, "3": 1 });
  // "question:7" beats the area one; "question:8" is another question's and is ignored.
  const r2 = tally({
    members: members([1, 2, 3]),
    delegations: [
      scoped(1, 2, "area:health"),
      scoped(1, 3, "question:7"),
      scoped(2, 3, "question:8"),
    ],
    question: q,
    ballots: [yes(2), yes(3)],
  });
  assert.deepEqual(r2.weights, { "2": 1, "3": 2 });
  // A question without an id: "question:<anything>" applies.
  const r3 = tally({
    members: members([1, 2, 3]),
    delegations: [scoped(1, 2, "tambon"), scoped(1, 3, "question:7")],
    question: { area: "health", alternatives: ALTS },
    ballots: [yes(2), yes(3)],
  });
  assert.deepEqual(r3.weights, { "2": 1, "3": 2 });
  // A numeric area matches its string; an area delegation never applies to a question without area.
  const numeric = tally({
    members: members([1, 2]),
    delegations: [scoped(1, 2, "area:5")],
    question: { area: 5, alternatives: ALTS },
    ballots: [yes(2)],
  });
  assert.deepEqual(numeric.weights, { "2": 2 });
  const noArea = tally({
    members: members([1, 2]),
    delegations: [scoped(1, 2, "area:undefined")],
    question: { alternatives: ALTS },
    ballots: [yes(2)],
  });
  assert.deepEqual(noArea.weights, { "2": 1 });
  // Same bytes as the plain scope names when the scoped ones apply.
  const plain = tallyJson(
    JSON.stringify({
      members: members([1, 2, 3]),
      delegations: [area(1, 2), question(3, 2)],
      question: q,
      ballots: [yes(2)],
    }),
  );
  assert.equal(
    tallyJson(
      JSON.stringify({
        members: members([1, 2, 3]),
        delegations: [scoped(1, 2, "area:health"), scoped(3, 2, "question:7")],
        question: q,
        ballots: [yes(2)],
      }),
    ),
    plain,
  );
});

test("two applicable delegations at one level are an error, whichever way they are written", () => {
  const scoped = (truster: number, trustee: number | null, scope: string) => ({
    truster,
    trustee,
    scope,
  });
  const q = { id: 7, area: "health", alternatives: [10, 11] };
  rejects(
    { ...base(), question: q, delegations: [area(1, 2), scoped(1, null, "area:health")] },
    /^delegations\[1\]: member 1 has more than one delegation with scope area$/,
  );
  rejects(
    { ...base(), question: q, delegations: [scoped(1, 2, "question:7"), question(1, null)] },
    /^delegations\[1\]: member 1 has more than one delegation with scope question$/,
  );
  // One that does not apply is no second delegation.
  const r = tally({
    ...base(),
    question: q,
    delegations: [area(1, 2), scoped(1, null, "area:roads")] as TallyDelegationInput[],
    ballots: [yes(2)],
  } as TallyInput);
  assert.deepEqual(r.weights, { "2": 2 });
});

test("null majority and quorum mean the defaults; villages may be numbers or missing", () => {
  const input = { members: members([1]), question: { alternatives: [10] }, ballots: [yes(1)] };
  const plain = tallyJson(JSON.stringify(input));
  assert.equal(
    tallyJson(JSON.stringify({ ...input, policy: { majority: null, quorum: null } })),
    plain,
  );
  const quorum = { villageQuorum: { minPerVillage: 1 } };
  const withStrings = tallyJson(
    JSON.stringify({
      members: [
        { id: 1, village: "91050201" },
        { id: 2, village: "" },
      ],
      question: { alternatives: [10] },
      ballots: [yes(1)],
      policy: quorum,
    }),
  );
  const lenient = tallyJson(
    JSON.stringify({
      members: [{ id: 1, village: 91050201 }, { id: 2 }],
      question: { alternatives: [10] },
      ballots: [yes(1)],
      policy: quorum,
    }),
  );
  assert.equal(lenient, withStrings);
  assert.match(lenient, /"village":""/, 'the missing village is the village named ""');
});

// ---------------------------------------------------------------------------------------------
// Output bytes

test("the spec's example shape: compact JSON, one line, newline at the end", () => {
  const text = tallyJson(
    JSON.stringify({
      members: members([1, 2, 3]),
      delegations: [tambon(1, 2), area(3, null)],
      question: { area: "health", alternatives: [10, 11] },
      ballots: [{ member: 2, grades: { "10": 2, "11": -1 } }],
      policy: { majority: 0.5, quorum: 0, maxWeight: null, villageQuorum: null },
    }),
  );
  assert.equal(
    text,
    '{"voters":1,"weightCounted":2,"weightLost":0,"alternatives":[' +
      '{"id":10,"positive":2,"negative":0,"rank":1,"eligible":true},' +
      '{"id":11,"positive":0,"negative":2,"rank":3,"eligible":false}],' +
      '"statusQuoRank":2,"winner":10,"quorum":{"met":true,"failed":[]},' +
      '"weights":{"2":2},"chains":{"1":[1,2]}}\n',
  );
});

test("ids that agree in their low 32 bits are still different members", () => {
  const big = 2 ** 32 + 5;
  const r = run({
    members: members([big, 7, 8]),
    delegations: [tambon(7, 5), tambon(8, big)],
    ballots: [yes(big), yes(5)],
  });
  assert.equal(r.voters, 1);
  assert.equal(r.weightLost, 1, "member 5 is not a member: 7's vote is lost");
  assert.deepEqual(r.weights, { [String(big)]: 2 });
  assert.deepEqual(r.chains, { "8": [8, big] });
});

test("a non-member id sharing its low 32 bits with many members is found to be no member", () => {
  const ids = Array.from({ length: 600 }, (_, k) => (k + 1) * 2 ** 32 + 5);
  const r = run({
    members: [...members(ids), ...members([7])],
    delegations: [tambon(7, 5)],
    ballots: ids.map(yes),
  });
  assert.equal(r.weightLost, 1);
  assert.equal(r.weightCounted, 600);
});

test("an id of 2^32 or more is no member when all members' ids are smaller", () => {
  // Sparse member ids (looked up by hash) and outsiders sharing a member's low 32 bits.
  const outsiders = Array.from({ length: 1000 }, (_, k) => (k + 1) * 2 ** 32 + 100_000);
  const r = run({
    members: members([1, 100_000]),
    delegations: [tambon(1, outsiders[319]!)],
    ballots: outsiders.map(yes),
  });
  assert.equal(r.voters, 0, "ballots of non-members do not count");
  assert.equal(r.weightCounted, 0);
  assert.equal(r.weightLost, 1, "a chain to a non-member is lost");
  assert.deepEqual(r.weights, {});
  assert.deepEqual(r.chains, {});
  assert.equal(r.winner, null);
});

test("weights and chains are keyed in ascending numeric id order", () => {
  const r = tallyJson(
    JSON.stringify({
      members: members([100, 9, 20, 3_000_000_000, 1]),
      delegations: [tambon(3_000_000_000, 9), tambon(100, 9), tambon(1, 20)],
      question: { alternatives: [10] },
      ballots: [yes(20), yes(9)],
    }),
  );
  assert.match(
    r,
    /"weights":\{"9":3,"20":2\},"chains":\{"1":\[1,20\],"100":\[100,9\],"3000000000":\[3000000000,9\]\}/,
  );
});

test("tallyJson gives the same bytes as JSON.stringify(tally()), also with a cap and --summary", () => {
  const input: TallyInput = {
    members: members([5, 1, 4, 2, 3]),
    delegations: [tambon(1, 2), tambon(3, 2), tambon(4, 3)],
    question: { alternatives: [10, 11] },
    ballots: [yes(2), { member: 5, grades: { "11": 1 } }],
    policy: { maxWeight: 2, villageQuorum: { minPerVillage: 3 } },
  };
  for (const summary of [false, true]) {
    assert.equal(
      tallyJson(JSON.stringify(input), { summary }),
      `${JSON.stringify(tally(input, { summary }))}\n`,
    );
  }
  const summary = JSON.parse(tallyJson(JSON.stringify(input), { summary: true })) as TallyResult;
  assert.equal(summary.weights, undefined);
  assert.equal(summary.chains, undefined);
  assert.equal(summary.capped, undefined);
  assert.equal(summary.weightCapped, 2);
});

// ---------------------------------------------------------------------------------------------
// Properties

const POOL = 14; // ids 1..POOL; some of them are not members
const ALT_IDS = [1, 2, 3];

const scenarioArb = fc
  .record({
    memberMask: fc.array(fc.boolean(), { minLength: POOL, maxLength: POOL }),
    villages: fc.array(fc.constantFrom("A", "B", "C"), { minLength: POOL, maxLength: POOL }),
    delegations: fc.uniqueArray(
      fc.record({
        truster: fc.integer({ min: 1, max: POOL }),
        trustee: fc.option(fc.integer({ min: 1, max: POOL }), { freq: 6 }),
        scope: fc.constantFrom("tambon" as const, "area" as const, "question" as const),
      }),
      { selector: (d) => `${d.truster}/${d.scope}`, maxLength: 30 },
    ),
    ballots: fc.uniqueArray(
      fc.record({
        member: fc.integer({ min: 1, max: POOL }),
        grades: fc.array(fc.option(fc.integer({ min: -2, max: 2 })), {
          minLength: 3,
          maxLength: 3,
        }),
      }),
      { selector: (b) => b.member, maxLength: POOL },
    ),
    maxWeight: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 3 }),
    villageQuorum: fc.option(
      fc.record({
        minPerVillage: fc.integer({ min: 0, max: 2 }),
        villagesFraction: fc.constantFrom(0.5, 1),
      }),
    ),
  })
  .map(({ memberMask, villages, delegations, ballots, maxWeight, villageQuorum }): TallyInput => {
    const ids: number[] = [];
    memberMask.forEach((isMember, i) => isMember && ids.push(i + 1));
    return {
      members: ids.map((id) => ({ id, village: villages[id - 1]! })),
      delegations,
      question: { alternatives: ALT_IDS },
      ballots: ballots.map((b) => {
        const grades: Record<string, number> = {};
        b.grades.forEach((g, j) => {
          if (g !== null) grades[String(ALT_IDS[j])] = g;
        });
        return { member: b.member, grades };
      }),
      policy: { maxWeight, villageQuorum },
    };
  });

const uncapped = (input: TallyInput): TallyInput => ({
  ...input,
  policy: { ...input.policy, maxWeight: null },
});

/** The applicable trustee of a member: undefined = no applicable delegation, null = blocked. */
function applicable(input: TallyInput, member: number): number | null | undefined {
  for (const scope of ["question", "area", "tambon"] as const) {
    const d = input.delegations?.find((x) => x.truster === member && x.scope === scope);
    if (d) return d.trustee;
  }
  return undefined;
}

/** A direct, unoptimised reading of the delegation rules. */
function referenceChains(input: TallyInput) {
  const isMember = new Set(input.members.map((m) => m.id));
  const voters = new Set(
    (input.ballots ?? []).map((b) => b.member).filter((id) => isMember.has(id)),
  );
  const chains = new Map<number, number[]>();
  let lost = 0;
  for (const { id } of input.members) {
    if (voters.has(id)) continue;
    let next = applicable(input, id);
    if (next === undefined || next === null) continue;
    const path = [id];
    const seen = new Set([id]);
    for (;;) {
      if (next === undefined || next === null || !isMember.has(next) || seen.has(next)) {
        lost++;
        break;
      }
      path.push(next);
      if (voters.has(next)) {
        chains.set(id, path);
        break;
      }
      seen.add(next);
      next = applicable(input, next);
    }
  }
  const weights = new Map<number, number>([...voters].map((v) => [v, 1]));
  for (const path of chains.values()) {
    const v = path[path.length - 1]!;
    weights.set(v, (weights.get(v) ?? 0) + 1);
  }
  return { voters, chains, weights, lost };
}

/** Schulze by enumerating all simple paths (no Floyd–Warshall), on (win, lose) strengths. */
function referenceRanks(d: number[][]): number[] {
  const k = d.length;
  type S = [number, number] | null;
  const stronger = (a: S, b: S) =>
    a !== null && (b === null || a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]));
  const link = (x: number, y: number): S => (d[x]![y]! > d[y]![x]! ? [d[x]![y]!, d[y]![x]!] : null);
  const best = (x: number, y: number): S => {
    let result: S = null;
    const walk = (at: number, visited: Set<number>, weakest: S) => {
      for (let z = 0; z < k; z++) {
        if (visited.has(z)) continue;
        const l = link(at, z);
        if (l === null) continue;
        const w = weakest === null || stronger(weakest, l) ? l : weakest;
        if (z === y) {
          if (stronger(w, result)) result = w;
        } else {
          walk(z, new Set([...visited, z]), w);
        }
      }
    };
    walk(x, new Set([x]), null);
    return result;
  };
  const p = d.map((_, x) => d.map((__, y) => (x === y ? null : best(x, y))));
  const rank = new Array<number>(k).fill(0);
  for (let round = 1; rank.includes(0); round++) {
    const open = rank.map((r, i) => (r === 0 ? i : -1)).filter((i) => i >= 0);
    const top = open.filter((x) => !open.some((y) => y !== x && stronger(p[y]![x]!, p[x]![y]!)));
    for (const x of top) rank[x] = round;
  }
  return rank;
}

test("property: the count matches a direct reading of the rules", () => {
  fc.assert(
    fc.property(scenarioArb, (raw) => {
      const input = uncapped(raw);
      const r = tally(input);
      const ref = referenceChains(input);
      assert.equal(r.voters, ref.voters.size);
      assert.equal(r.weightLost, ref.lost);
      assert.deepEqual(r.chains, Object.fromEntries(ref.chains));
      assert.deepEqual(r.weights, Object.fromEntries(ref.weights));
      // Ballots → positive/negative and pairwise d (status quo last, grade 0) → Schulze ranks.
      const k = ALT_IDS.length;
      const d = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
      const positive = new Array<number>(k).fill(0);
      const negative = new Array<number>(k).fill(0);
      for (const b of input.ballots ?? []) {
        const w = ref.weights.get(b.member);
        if (w === undefined) continue;
        const g = [...ALT_IDS.map((a) => b.grades[String(a)] ?? 0), 0];
        g.forEach((gx, x) => {
          if (x < k && gx > 0) positive[x]! += w;
          if (x < k && gx < 0) negative[x]! += w;
          g.forEach((gy, y) => {
            if (gx > gy) d[x]![y]! += w;
          });
        });
      }
      const rank = referenceRanks(d);
      assert.equal(r.statusQuoRank, rank[k]);
      for (const [x, id] of ALT_IDS.entries()) {
        const alt = r.alternatives.find((a) => a.id === id);
        const eligible =
          positive[x]! + negative[x]! > 0 &&
          positive[x]! / (positive[x]! + negative[x]!) > 0.5 &&
          rank[x]! < rank[k]!;
        assert.deepEqual(alt, {
          id,
          positive: positive[x],
          negative: negative[x],
          rank: rank[x],
          eligible,
        });
      }
      // Village quorum: direct voters per village.
      const vq = input.policy?.villageQuorum;
      const failed: unknown[] = [];
      if (vq) {
        const names = [...new Set(input.members.map((m) => m.village))].sort();
        const short = names
          .map((village) => {
            const count = input.members.filter(
              (m) => m.village === village && ref.voters.has(m.id),
            ).length;
            return { village, voters: count, missing: vq.minPerVillage - count };
          })
          .filter((v) => v.missing > 0);
        const required = Math.ceil((vq.villagesFraction ?? 1) * names.length);
        const met = names.length - short.length;
        if (met < required) {
          failed.push({
            kind: "villageQuorum",
            minPerVillage: vq.minPerVillage,
            villagesRequired: required,
            villagesMet: met,
            missing: required - met,
            villages: short,
          });
        }
      }
      assert.deepEqual(r.quorum, { met: failed.length === 0, failed });
      const winner = r.alternatives
        .filter((a) => a.eligible)
        .sort((a, b) => a.rank - b.rank || a.id - b.id)[0];
      assert.equal(r.winner, failed.length === 0 ? (winner?.id ?? null) : null);
    }),
    { numRuns: 300 },
  );
});

test("property: counted + lost (+ capped) = members with voting right who delegate or vote", () => {
  fc.assert(
    fc.property(scenarioArb, (input) => {
      const isMember = new Set(input.members.map((m) => m.id));
      const voted = new Set((input.ballots ?? []).map((b) => b.member));
      let active = 0;
      for (const { id } of input.members) {
        const t = applicable(input, id);
        if (voted.has(id) || (t !== undefined && t !== null)) active++;
      }
      const r = tally(input);
      assert.equal(r.weightCounted + r.weightLost + (r.weightCapped ?? 0), active);
      assert.equal(r.voters, [...voted].filter((id) => isMember.has(id)).length);
    }),
    { numRuns: 300 },
  );
});

test("property: every member's vote is counted at most once", () => {
  fc.assert(
    fc.property(scenarioArb, (raw) => {
      const r = tally(uncapped(raw));
      const weights = Object.values(r.weights ?? {});
      const chains = Object.entries(r.chains ?? {});
      assert.equal(
        weights.reduce((s, w) => s + w, 0),
        r.voters + chains.length,
      );
      assert.equal(r.weightCounted, r.voters + chains.length);
      const voters = new Set(Object.keys(r.weights ?? {}).map(Number));
      for (const [member, path] of chains) {
        assert.equal(path[0], Number(member));
        assert.ok(voters.has(path[path.length - 1]!), "a chain ends at a direct voter");
        assert.equal(new Set(path).size, path.length, "a chain visits nobody twice");
        assert.ok(
          path.slice(0, -1).every((id) => !voters.has(id)),
          "a chain stops at the first voter",
        );
      }
    }),
    { numRuns: 300 },
  );
});

test("property: with a cap, no voter counts more than maxWeight and the excess is reported", () => {
  fc.assert(
    fc.property(scenarioArb, fc.integer({ min: 1, max: 3 }), (raw, maxWeight) => {
      const capped = tally({ ...raw, policy: { ...raw.policy, maxWeight } });
      const plain = tally(uncapped(raw));
      for (const [id, w] of Object.entries(plain.weights ?? {})) {
        assert.equal(capped.weights?.[id], Math.min(w, maxWeight));
        assert.equal(capped.capped?.[id], w > maxWeight ? w - maxWeight : undefined);
      }
      assert.equal(capped.weightCounted + (capped.weightCapped ?? 0), plain.weightCounted);
      assert.deepEqual(capped.chains, plain.chains);
    }),
    { numRuns: 200 },
  );
});

test("property: turning a non-voter's delegation into a loop never increases anyone's weight", () => {
  fc.assert(
    fc.property(scenarioArb, fc.nat(), fc.boolean(), (raw, pick, selfLoop) => {
      const input = uncapped(raw);
      const voted = new Set((input.ballots ?? []).map((b) => b.member));
      const candidates = input.members.map((m) => m.id).filter((id) => !voted.has(id));
      if (candidates.length === 0) return;
      const x = candidates[pick % candidates.length]!;
      // A loop through x: x → x, or x → someone whose applicable delegation points at x.
      const back = input.members.find(
        (m) => m.id !== x && !voted.has(m.id) && applicable(input, m.id) === x,
      );
      const target = selfLoop || back === undefined ? x : back.id;
      const changed: TallyInput = {
        ...input,
        delegations: [
          ...(input.delegations ?? []).filter((d) => d.truster !== x),
          { truster: x, trustee: target, scope: "question" },
        ],
      };
      const before = tally(input);
      const after = tally(changed);
      for (const [id, w] of Object.entries(after.weights ?? {})) {
        assert.ok(
          w <= (before.weights?.[id] ?? 0),
          `weight of ${id} grew from ${before.weights?.[id]} to ${w}`,
        );
      }
      assert.ok(after.weightCounted <= before.weightCounted);
      assert.equal(after.chains?.[String(x)], undefined, "x's own vote is lost in the loop");
    }),
    { numRuns: 300 },
  );
});

/** Deterministic Fisher–Yates shuffle. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test("property: shuffling the input arrays gives identical output bytes", () => {
  fc.assert(
    fc.property(scenarioArb, fc.integer(), (input, seed) => {
      const again: TallyInput = {
        ...input,
        members: shuffled(input.members, seed),
        delegations: shuffled(input.delegations ?? [], seed + 1),
        question: { alternatives: shuffled(ALT_IDS, seed + 2) },
        ballots: shuffled(input.ballots ?? [], seed + 3),
      };
      assert.equal(tallyJson(JSON.stringify(again)), tallyJson(JSON.stringify(input)));
    }),
    { numRuns: 200 },
  );
});

test("property: renaming ids monotonically (sparse or above 2^32) renames the result only", () => {
  const renamers = [(id: number) => id * 7919 + 1_000_003, (id: number) => 2 ** 40 + id * 2 ** 20];
  fc.assert(
    fc.property(scenarioArb, fc.constantFrom(0, 1), (input, which) => {
      const f = renamers[which]!;
      const renamed: TallyInput = {
        ...input,
        members: input.members.map((m) => ({ ...m, id: f(m.id) })),
        delegations: (input.delegations ?? []).map((d) => ({
          ...d,
          truster: f(d.truster),
          trustee: d.trustee === null ? null : f(d.trustee),
        })),
        ballots: (input.ballots ?? []).map((b) => ({ ...b, member: f(b.member) })),
      };
      const r = tally(input);
      const expected = {
        ...r,
        weights: Object.fromEntries(
          Object.entries(r.weights ?? {}).map(([id, w]) => [f(Number(id)), w]),
        ),
        chains: Object.fromEntries(
          Object.entries(r.chains ?? {}).map(([id, p]) => [f(Number(id)), p.map(f)]),
        ),
        ...(r.capped
          ? {
              capped: Object.fromEntries(
                Object.entries(r.capped).map(([id, w]) => [f(Number(id)), w]),
              ),
            }
          : {}),
      };
      assert.equal(tallyJson(JSON.stringify(renamed)), `${JSON.stringify(expected)}\n`);
    }),
    { numRuns: 200 },
  );
});
