import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSnapshots } from "./diff.ts";
import type { SnapshotProject } from "../shared/kinds.ts";

const p = (id: number, budgets: Record<string, number>): SnapshotProject => ({
  id,
  seq: id,
  title: `โครงการ ${id}`,
  status: "in_plan",
  areaId: 1,
  strategyId: null,
  budgets,
});
const snap = (...projects: SnapshotProject[]) => ({ takenAt: "2024-01-01", projects });

test("projects added, removed and with a changed budget are told apart", () => {
  const d = diffSnapshots(
    snap(p(1, { 2567: 100_000 }), p(2, { 2567: 50_000 }), p(3, { 2568: 10 })),
    snap(p(1, { 2567: 100_000 }), p(2, { 2567: 40_000, 2568: 10_000 }), p(4, { 2569: 5 })),
  );
  assert.deepEqual(
    d.added.map((x) => x.id),
    [4],
  );
  assert.deepEqual(
    d.removed.map((x) => x.id),
    [3],
  );
  assert.equal(d.budgetChanged.length, 1);
  const c = d.budgetChanged[0]!;
  assert.equal(c.project.id, 2);
  assert.equal(c.before, 50_000);
  assert.equal(c.after, 50_000);
  assert.deepEqual(c.years, [
    { year: 2567, before: 50_000, after: 40_000 },
    { year: 2568, before: 0, after: 10_000 },
  ]);
});

test("the first edition against nothing: every project is added; same snapshots differ in nothing", () => {
  const s = snap(p(1, { 2567: 1 }), p(2, {}));
  assert.equal(diffSnapshots(null, s).added.length, 2);
  const same = diffSnapshots(s, s);
  assert.equal(same.added.length + same.removed.length + same.budgetChanged.length, 0);
  // 0.1 + 0.2 against 0.3: equal to the satang.
  assert.equal(
    diffSnapshots(snap(p(1, { 2567: 0.1 + 0.2 })), snap(p(1, { 2567: 0.3 }))).budgetChanged.length,
    0,
  );
});
