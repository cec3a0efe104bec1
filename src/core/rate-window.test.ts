import { test } from "node:test";
import assert from "node:assert/strict";
import { FixedWindowLimiter } from "./rate-window.ts";

test("a key gets max tries per window, then waits for the next window", () => {
  const l = new FixedWindowLimiter(3, 1000);
  const t0 = 1_000_000;
  assert.deepEqual(
    [1, 2, 3, 4].map(() => l.hit("a", t0)),
    [true, true, true, false],
  );
  assert.equal(l.hit("b", t0), true, "another key has its own window");
  assert.equal(l.hit("a", t0 + 999), false);
  assert.equal(l.hit("a", t0 + 1000), true, "a new window");
});

test("the table of keys stays bounded", () => {
  const l = new FixedWindowLimiter(1, 60_000, 100);
  for (let i = 0; i < 1000; i++) assert.equal(l.hit(`k${i}`, 5), true);
  assert.ok((l as unknown as { windows: Map<string, unknown> }).windows.size <= 100);
});
