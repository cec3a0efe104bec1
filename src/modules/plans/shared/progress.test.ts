import { test } from "node:test";
import assert from "node:assert/strict";
import { progressById, rolledUpProgress, type ProgressNode } from "./progress.ts";

const leaf = (id: number, progress: number, weight = 1, cancelled = false): ProgressNode => ({
  id,
  progress,
  weight,
  rollup: "average",
  cancelled,
  children: [],
});

test("a project without sub-projects shows its own progress", () => {
  assert.equal(rolledUpProgress(leaf(1, 40)), 40);
  assert.equal(rolledUpProgress(leaf(1, 140)), 100);
});

test("averaged: the plain mean of the sub-projects, whatever the parent's own", () => {
  const p: ProgressNode = { ...leaf(1, 0), children: [leaf(2, 100), leaf(3, 50), leaf(4, 0)] };
  assert.equal(rolledUpProgress(p), 50);
});

test("weighted: a heavy sub-project counts more", () => {
  const p: ProgressNode = {
    ...leaf(1, 0),
    rollup: "weighted",
    children: [leaf(2, 100, 3), leaf(3, 0, 1)],
  };
  assert.equal(rolledUpProgress(p), 75);
  assert.equal(rolledUpProgress({ ...p, rollup: "average" }), 50);
});

test("cancelled sub-projects do not count; all cancelled or zero weights fall back to own", () => {
  const p: ProgressNode = { ...leaf(1, 10), children: [leaf(2, 100), leaf(3, 0, 1, true)] };
  assert.equal(rolledUpProgress(p), 100);
  assert.equal(rolledUpProgress({ ...p, children: [leaf(3, 0, 1, true)] }), 10);
  const zero: ProgressNode = { ...leaf(1, 20), rollup: "weighted", children: [leaf(2, 90, 0)] };
  assert.equal(rolledUpProgress(zero), 20);
});

test("roll-up goes through grandchildren", () => {
  const grand: ProgressNode = { ...leaf(2, 0), children: [leaf(3, 100), leaf(4, 0)] };
  const root: ProgressNode = { ...leaf(1, 0), children: [grand, leaf(5, 100)] };
  assert.equal(rolledUpProgress(root), 75);
});

test("flat rows: trees built by parent, a loop leaves rows as roots", () => {
  const row = (id: number, parentId: number | null, progress: number) => ({
    id,
    parentId,
    progress,
    weight: 1,
    rollup: "average" as const,
    status: "in_progress",
  });
  const shown = progressById([row(1, null, 0), row(2, 1, 80), row(3, 1, 40), row(9, 99, 30)]);
  assert.equal(shown.get(1), 60);
  assert.equal(shown.get(9), 30);
  const loop = progressById([row(1, 2, 10), row(2, 1, 30)]);
  assert.ok(loop.get(1) !== undefined && loop.get(2) !== undefined);
});
