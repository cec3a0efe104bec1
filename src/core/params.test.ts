import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { FastifyRequest } from "fastify";
import { HttpError } from "./errors.ts";
import {
  MAX_ID,
  MAX_PAGE,
  hasNul,
  isDay,
  parseDay,
  parseId,
  parseIds,
  pageOf,
  parseIdSlug,
  queryOf,
  parsePage,
  parseQuery,
  parseSearch,
  requireId,
  requireIdSlug,
} from "./params.ts";

const status = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return err.status;
    throw err;
  }
  return null;
};

test("an id is plain decimal digits up to the largest integer column value", () => {
  assert.equal(parseId("1"), 1);
  assert.equal(parseId("16"), 16);
  assert.equal(parseId(String(MAX_ID)), MAX_ID);
  assert.equal(parseId(42), 42);
  for (const bad of [
    "0x10",
    "1.5",
    "1e3",
    "1e309",
    "-1",
    "0",
    "01",
    "+1",
    " 1",
    "1 ",
    "",
    "๑",
    "١",
    "Infinity",
    "NaN",
    "2147483648",
    "99999999999",
    "1\u0000",
  ])
    assert.equal(parseId(bad), null, JSON.stringify(bad));
  for (const bad of [undefined, null, 0, -1, 1.5, 2 ** 31, Number.NaN, ["1"], { id: 1 }])
    assert.equal(parseId(bad), null, String(bad));
});

test("any string is an id exactly when it is the decimal form of 1 … 2147483647", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const id = parseId(s);
      if (id === null) return !/^[1-9][0-9]*$/.test(s) || Number(s) > MAX_ID;
      return String(id) === s && id >= 1 && id <= MAX_ID;
    }),
  );
  fc.assert(fc.property(fc.integer({ min: 1, max: MAX_ID }), (n) => parseId(String(n)) === n));
});

test("a URL id that is not one is a page that does not exist", () => {
  assert.equal(requireId("7"), 7);
  assert.equal(
    status(() => requireId("0x10")),
    404,
  );
  assert.equal(
    status(() => requireId("2147483648")),
    404,
  );
  assert.equal(
    status(() => requireId(undefined)),
    404,
  );
});

test("the ids of a group of checkboxes are kept once each; what is no id is left out", () => {
  assert.deepEqual(
    parseIds([
      "3",
      "2147483648",
      "1",
      "3",
      "1.5",
      "-1",
      "1e999",
      "9999999999999999999",
      "",
      "0x10",
    ]),
    [3, 1],
  );
  assert.deepEqual(parseIds([String(MAX_ID)]), [MAX_ID]);
  assert.deepEqual(parseIds([]), []);
});

test("an id-slug URL part keeps the id and ignores the slug", () => {
  assert.equal(parseIdSlug("12-ข่าวประชาสัมพันธ์"), 12);
  assert.equal(parseIdSlug("12"), 12);
  assert.equal(parseIdSlug("12-"), 12);
  for (const bad of ["x12", "012-a", "0x10-a", "1.5-a", "12x", "-12", "99999999999-a", ""])
    assert.equal(parseIdSlug(bad), null, bad);
  assert.equal(requireIdSlug("3-a"), 3);
  assert.equal(
    status(() => requireIdSlug("1e3-a")),
    404,
  );
});

test("a page number that is not one shows the first page", () => {
  assert.equal(parsePage(undefined), 1);
  assert.equal(parsePage(""), 1);
  assert.equal(parsePage("3"), 3);
  assert.equal(parsePage(String(MAX_PAGE)), MAX_PAGE);
  for (const bad of [
    "1e308",
    "1.5",
    "-2",
    "0",
    "0x10",
    "abc",
    String(MAX_PAGE + 1),
    "9".repeat(40),
  ])
    assert.equal(parsePage(bad), 1, bad);
  fc.assert(
    fc.property(fc.string(), (s) => {
      const p = parsePage(s);
      return Number.isInteger(p) && p >= 1 && p <= MAX_PAGE;
    }),
  );
});

test("a day is a real calendar date written YYYY-MM-DD", () => {
  for (const good of ["2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01", "0001-01-01"])
    assert.ok(isDay(good), good);
  for (const bad of [
    "2023-02-29",
    "1900-02-29",
    "2024-02-30",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "0000-01-01",
    "2024-1-1",
    "24-01-01",
    "2024-01-01T00:00",
    " 2024-01-01",
    "275760-09-14",
    "๒๕๖๗-๐๑-๐๑",
  ])
    assert.ok(!isDay(bad), bad);
  // Every day of every month of a leap and a common year, checked against the calendar.
  for (const year of [2023, 2024])
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
      assert.ok(isDay(new Date(t).toISOString().slice(0, 10)));
});

test("a date parameter is absent, a day, or a 400 page", () => {
  assert.equal(parseDay(undefined), null);
  assert.equal(parseDay(""), null);
  assert.equal(parseDay("2025-03-31"), "2025-03-31");
  assert.equal(
    status(() => parseDay("2025-02-30")),
    400,
  );
  assert.equal(
    status(() => parseDay("yesterday")),
    400,
  );
});

test("search words are trimmed, and too many answer 422 rather than being cut", () => {
  assert.equal(parseSearch(undefined), "");
  assert.equal(parseSearch("  ประชุม  "), "ประชุม");
  assert.equal(parseSearch("x".repeat(200)), "x".repeat(200));
  assert.equal(
    status(() => parseSearch("x".repeat(201))),
    422,
  );
  assert.equal(
    status(() => parseSearch("x".repeat(3000))),
    422,
  );
  assert.equal(
    status(() => parseSearch("abc", 2)),
    422,
  );
});

test("NUL is found in strings, lists, objects and multipart parts", () => {
  assert.ok(!hasNul({ a: "x", b: ["y", "z"] }));
  assert.ok(hasNul("a\u0000b"));
  assert.ok(hasNul({ a: ["x", "y\u0000"] }));
  assert.ok(hasNul({ "a\u0000": "x" }));
  assert.ok(hasNul({ f: { type: "field", fieldname: "f", value: "\u0000" } }));
  assert.ok(hasNul({ f: { type: "file", fieldname: "f", filename: "a\u0000.png" } }));
  assert.ok(!hasNul({ f: { type: "file", fieldname: "f", filename: "a.png" } }));
  assert.ok(!hasNul(Buffer.from([0, 0, 0])), "file contents are not text");
  // A multipart part refers back to the whole body: no endless walk.
  const body: Record<string, unknown> = {};
  body.f = { type: "field", fieldname: "f", value: "ok", fields: body };
  assert.ok(!hasNul(body));
});

test("the query keeps one string per name", () => {
  const q = parseQuery("page=1&page=2&q=%E0%B8%81+x&bad=%zz&__proto__=1");
  assert.equal(q.page, "2");
  assert.equal(q.q, "ก x");
  assert.equal(q.bad, "%zz");
  assert.equal(q.__proto__, "1");
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual({ ...parseQuery("") }, {});
});

test("a request's query and page number are read the same way by every route", () => {
  const req = (query: string) => ({ query: parseQuery(query) }) as unknown as FastifyRequest;
  assert.equal(queryOf(req("status=all&status=inactive")).status, "inactive");
  assert.equal(queryOf({ query: undefined } as unknown as FastifyRequest).q, undefined);
  assert.equal(pageOf(req("page=3")), 3);
  for (const bad of ["page=0", "page=1.5", "page=-2", "page=x", "", `page=${MAX_PAGE + 1}`])
    assert.equal(pageOf(req(bad)), 1, bad);
});
