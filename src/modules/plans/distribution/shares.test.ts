import { test } from "node:test";
import assert from "node:assert/strict";
import { counted, distribute, gini, shareOut, splitByWeight, type VillageHeads } from "./shares.ts";

const close = (actual: number | null, expected: number, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) < eps,
    `expected ${expected}, got ${actual}`,
  );

test("Gini: equal shares are 0, everything to one of n is (n − 1)/n", () => {
  close(gini([5, 5, 5, 5]), 0);
  close(gini([0, 0, 0, 12]), 3 / 4);
  close(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 7]), 9 / 10);
  close(gini([3]), 0);
});

test("Gini: the textbook incomes 1 … 5 give 4/15, and order does not matter", () => {
  close(gini([1, 2, 3, 4, 5]), 4 / 15);
  close(gini([5, 3, 1, 4, 2]), 4 / 15);
  // Two people, one with three times the other: |1 − 3| · 2 / (2 · 4 · 2) = 0.25.
  close(gini([1, 3]), 0.25);
});

test("Gini: nothing to share, or no values, has no index", () => {
  assert.equal(gini([]), null);
  assert.equal(gini([0, 0, 0]), null);
});

test("a split by weight keeps every satang and follows the weights", () => {
  assert.deepEqual(splitByWeight(100, [1, 1, 1]), [33.34, 33.33, 33.33]);
  assert.deepEqual(splitByWeight(1000, [300, 100]), [750, 250]);
  assert.deepEqual(splitByWeight(10, [0, 0]), [5, 5]);
  const parts = splitByWeight(123456.78, [17, 4, 9, 1, 33]);
  assert.equal(Math.round(parts.reduce((a, b) => a + b, 0) * 100), 12345678);
});

const villages: VillageHeads[] = [
  { villageId: 1, people: 600, households: 200 },
  { villageId: 2, people: 300, households: 100 },
  { villageId: 3, people: 100, households: 25 },
];

test("a project for the whole tambon is shared by population", () => {
  const shares = shareOut(100_000, { villageIds: [], wholeTambon: true }, villages);
  assert.deepEqual(
    [...shares],
    [
      [1, 60_000],
      [2, 30_000],
      [3, 10_000],
    ],
  );
});

test("a project naming villages is shared among those only, by their population", () => {
  const shares = shareOut(40_000, { villageIds: [2, 3], wholeTambon: false }, villages);
  assert.deepEqual(
    [...shares],
    [
      [2, 30_000],
      [3, 10_000],
    ],
  );
});

test("when a covered village's population is unknown the share is equal", () => {
  const some = [villages[0]!, { villageId: 2, people: null, households: null }];
  const shares = shareOut(1_000, { villageIds: [1, 2], wholeTambon: false }, some);
  assert.deepEqual(
    [...shares],
    [
      [1, 500],
      [2, 500],
    ],
  );
});

test("the distribution of a year: per head, per household, by area, villages with nothing flagged", () => {
  const d = distribute([2568], [1, 2, 3], () => villages, [
    { id: 10, areaId: 7, villageIds: [1], wholeTambon: false, byYear: new Map([[2568, 6_000]]) },
    {
      id: 11,
      areaId: null,
      villageIds: [1, 2],
      wholeTambon: false,
      byYear: new Map([[2568, 900]]),
    },
    { id: 12, areaId: 7, villageIds: [3], wholeTambon: false, byYear: new Map([[2569, 500]]) },
  ]);
  const [v1, v2, v3] = d.villages;
  assert.equal(v1!.budget, 6_600);
  assert.equal(v1!.perHead, 11);
  assert.equal(v1!.perHousehold, 33);
  assert.equal(v1!.byArea.get(7), 6_000);
  assert.equal(v1!.byArea.get(0), 600);
  assert.equal(v1!.projects, 2);
  assert.equal(v2!.budget, 300);
  assert.equal(v2!.perHead, 1);
  assert.equal(v3!.budget, 0);
  assert.deepEqual(d.nothing, [3]);
  assert.deepEqual(d.noOwnProject, [3]);
  assert.equal(d.total, 6_900);
  // Per head 11, 1, 0: Σ(2i − n − 1)xᵢ / (n Σx) = (−2·0 + 0·1 + 2·11) / (3 · 12).
  close(d.gini, 22 / 36);
});

test("several years together add up, and only screened or later, unmerged projects count", () => {
  const d = distribute([2568, 2569], [1, 2, 3], () => villages, [
    {
      id: 1,
      areaId: null,
      villageIds: [],
      wholeTambon: true,
      byYear: new Map([
        [2568, 1_000],
        [2569, 1_000],
      ]),
    },
  ]);
  assert.deepEqual(
    d.villages.map((v) => v.budget),
    [1_200, 600, 200],
  );
  close(d.gini, 0);
  assert.deepEqual(d.nothing, []);
  assert.deepEqual(d.noOwnProject, [1, 2, 3]);
  assert.equal(counted({ status: "in_plan", mergedIntoId: null }), true);
  assert.equal(counted({ status: "proposed", mergedIntoId: null }), false);
  assert.equal(counted({ status: "cancelled", mergedIntoId: null }), false);
  assert.equal(counted({ status: "done", mergedIntoId: 4 }), false);
});
