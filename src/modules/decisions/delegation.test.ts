import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applicableTrustee,
  applicableTrustees,
  previewPath,
  reverseGraph,
  trustersOf,
  type DelegationRow,
} from "./delegation.ts";

const Q = { id: 7, areaId: 3 };
const tambon = (trusterId: number, trusteeId: number | null): DelegationRow => ({
  trusterId,
  trusteeId,
  scope: "tambon",
  areaId: null,
  questionId: null,
});
const area = (trusterId: number, trusteeId: number | null, areaId = 3): DelegationRow => ({
  trusterId,
  trusteeId,
  scope: "area",
  areaId,
  questionId: null,
});
const question = (trusterId: number, trusteeId: number | null, questionId = 7): DelegationRow => ({
  trusterId,
  trusteeId,
  scope: "question",
  areaId: null,
  questionId,
});
const everyone = () => true;

test("the map of applicable delegations follows question > area > tambon, blocks included", () => {
  const rows = [
    question(1, 4),
    tambon(1, 2),
    area(1, 3),
    area(2, null),
    tambon(2, 5),
    area(3, 9, 99),
    tambon(3, 6),
    question(4, 8, 99),
  ];
  const map = applicableTrustees(rows, Q);
  assert.deepEqual(
    [...map.entries()].sort((a, b) => a[0] - b[0]),
    [
      [1, 4],
      [2, null],
      [3, 6],
    ],
  );
  for (const m of [1, 2, 3, 4]) assert.equal(map.get(m) ?? null, applicableTrustee(rows, m, Q));
});

test("who delegates to me stops at members who voted themselves", () => {
  // A(1) → B(2) → me(3); B voted: neither A nor B reaches me.
  const map = applicableTrustees([tambon(1, 2), tambon(2, 3)], Q);
  const graph = reverseGraph(map, everyone);
  assert.deepEqual(trustersOf(graph, 3, new Set([2])), []);
  // Nobody voted yet: both reach me, A through B.
  assert.deepEqual(trustersOf(graph, 3, new Set()), [
    { id: 2, via: [] },
    { id: 1, via: [2] },
  ]);
  // Only A voted: B still reaches me, A does not.
  assert.deepEqual(trustersOf(graph, 3, new Set([1])), [{ id: 2, via: [] }]);
});

test("who delegates to me skips members without voting right, and loops end", () => {
  // 4 → 2 → 3, but 2 has no voting right: 4's chain is lost at 2 and reaches nobody.
  const map = applicableTrustees([tambon(1, 3), tambon(2, 3), tambon(4, 2), tambon(3, 4)], Q);
  const graph = reverseGraph(map, (id) => id !== 2);
  assert.deepEqual(trustersOf(graph, 3, new Set()), [{ id: 1, via: [] }]);
  // A loop 5 ⇄ 6: 6 reaches 5 once, and the walk ends.
  const loop = reverseGraph(applicableTrustees([tambon(5, 6), tambon(6, 5)], Q), everyone);
  assert.deepEqual(trustersOf(loop, 5, new Set()), [{ id: 6, via: [] }]);
});

test("the preview walks the map: reaches a voter, loops, or stops at someone without right", () => {
  const map = applicableTrustees([tambon(1, 2), tambon(2, 3), tambon(4, 5), tambon(5, 4)], Q);
  assert.deepEqual(previewPath(map, 1, new Set([3]), everyone), {
    path: [1, 2, 3],
    end: "reaches-voter",
  });
  assert.deepEqual(previewPath(map, 4, new Set(), everyone).end, "loop");
  assert.deepEqual(previewPath(map, 1, new Set(), (id) => id !== 2).end, "no-right");
  assert.deepEqual(previewPath(map, 9, new Set(), everyone).end, "none");
});

test("the one-pass map agrees with asking member by member", () => {
  const n = 3_000;
  const rows: DelegationRow[] = [];
  for (let m = 2; m <= n; m++) rows.push(tambon(m, Math.floor(m / 2)));
  for (let m = 2; m <= n; m += 7) rows.push(area(m, m % 5 === 0 ? null : m - 1));
  for (let m = 3; m <= n; m += 11) rows.push(area(m, 1, 4));
  for (let m = 4; m <= n; m += 13) rows.push(question(m, m % 3 === 0 ? null : m + 1));
  for (const q of [Q, { id: 8, areaId: 4 }, { id: 9, areaId: 99 }]) {
    const map = applicableTrustees(rows, q);
    for (let m = 1; m <= n; m++) {
      const one = applicableTrustee(rows, m, q);
      assert.equal(map.get(m) ?? null, one ?? null, `member ${m}, question ${q.id}`);
    }
  }
});
