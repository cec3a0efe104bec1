import { test } from "node:test";
import assert from "node:assert/strict";
import { indicatorStatus, indicatorTrend } from "./status.ts";

/** Asserts the status of each value against one target, the values listed under their status. */
function assertStatuses(
  direction: "up" | "down",
  target: number,
  byStatus: Record<"green" | "amber" | "red", number[]>,
) {
  for (const [status, values] of Object.entries(byStatus))
    for (const value of values)
      assert.equal(indicatorStatus({ direction, value, target }), status, `${value}`);
}

test("up is better: green at or above the target, amber within 10 % below, red further below", () => {
  assertStatuses("up", 80, { green: [80, 95], amber: [72, 79.9], red: [71.9, 10] });
});

test("down is better: green at or below the target, amber within 10 % above, red further above", () => {
  assertStatuses("down", 20, { green: [20, 3], amber: [22], red: [22.1, 40] });
});

test("the amber band can be set, and a target of 0 measures the band from the baseline", () => {
  assert.equal(indicatorStatus({ direction: "up", value: 70, target: 80, band: 0.2 }), "amber");
  assert.equal(indicatorStatus({ direction: "up", value: 70, target: 80, band: 0 }), "red");
  const zero = (value: number) =>
    indicatorStatus({ direction: "down", value, target: 0, baseline: 30 });
  assert.equal(zero(0), "green");
  assert.equal(zero(3), "amber");
  assert.equal(zero(4), "red");
  // Without a baseline, anything above a target of 0 is red.
  assert.equal(indicatorStatus({ direction: "down", value: 1, target: 0 }), "red");
});

test("no target or no value is grey", () => {
  assert.equal(indicatorStatus({ direction: "up", value: 5, target: null }), "grey");
  assert.equal(indicatorStatus({ direction: "up", value: null, target: 5 }), "grey");
  assert.equal(indicatorStatus({ direction: "down", value: undefined, target: undefined }), "grey");
  assert.equal(indicatorStatus({ direction: "up", value: Number.NaN, target: 5 }), "grey");
});

test("the trend compares the last two values and says whether that is the better way", () => {
  assert.equal(indicatorTrend("up", [50, 60, 70]), "improving");
  assert.equal(indicatorTrend("up", [70, 60]), "worsening");
  assert.equal(indicatorTrend("down", [30, 25]), "improving");
  assert.equal(indicatorTrend("down", [25, 30]), "worsening");
  assert.equal(indicatorTrend("up", [100, 100.5]), "steady");
  assert.equal(indicatorTrend("up", [0, 0]), "steady");
  assert.equal(indicatorTrend("up", [0, 1]), "improving");
  assert.equal(indicatorTrend("up", [42]), "none");
  assert.equal(indicatorTrend("down", []), "none");
});
