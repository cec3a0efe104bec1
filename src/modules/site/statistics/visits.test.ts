import { test } from "node:test";
import assert from "node:assert/strict";
import { VisitCounter, isBot, thaiDay } from "./visits.ts";

test("a visitor is counted once a day; page views every time", () => {
  const c = new VisitCounter();
  const at = new Date("2026-01-10T05:00:00Z");
  c.record(1, "/t/a", "10.0.0.1", "Firefox", at);
  c.record(1, "/t/a/news?page=2", "10.0.0.1", "Firefox", at);
  c.record(1, "/t/a", "10.0.0.1", "Chrome", at);
  c.record(2, "/t/b", "10.0.0.1", "Firefox", at);
  assert.deepEqual(c.unsaved(1, "2026-01-10"), { visitors: 2, views: 3 });
  assert.deepEqual(c.unsaved(2, "2026-01-10"), { visitors: 1, views: 1 });
  c.record(1, "/t/a", "10.0.0.1", "Firefox", new Date("2026-01-11T05:00:00Z"));
  assert.deepEqual(c.unsaved(1, "2026-01-11"), { visitors: 1, views: 1 }, "a new day, a new salt");
});

test("days are Thai days, and robots are recognised", () => {
  assert.equal(thaiDay(new Date("2026-01-10T18:30:00Z")), "2026-01-11");
  assert.ok(isBot("Mozilla/5.0 (compatible; Googlebot/2.1)"));
  assert.ok(isBot("facebookexternalhit/1.1"));
  assert.ok(isBot(undefined));
  assert.ok(!isBot("Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile Safari/537.36"));
});
