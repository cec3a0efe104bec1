import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { fields, parseForm } from "./forms.ts";
import { core } from "./i18n/messages.ts";

const form = z.object({
  id: fields.optionalId(),
  share: fields.optionalFraction(),
  at: fields.optionalDateTime(),
  on: fields.optionalDate(),
  count: fields.optionalInt(0, 100_000),
  ticked: fields.checkbox(),
});

test("optional fields: absent, empty or spaces are null, a checkbox left out is unticked", () => {
  const r = parseForm(form, { id: "  ", share: "", on: " " });
  assert.deepEqual(r, {
    ok: true,
    value: { id: null, share: null, at: null, on: null, count: null, ticked: false },
  });
});

test("optional fields read what a form sends", () => {
  const r = parseForm(form, {
    id: " 42 ",
    share: "0.5",
    at: "2026-12-07T09:30",
    on: "2026-02-28",
    count: "๑,๒๓๔",
    ticked: "on",
  });
  assert.ok(r.ok);
  assert.equal(r.value.id, 42);
  assert.equal(r.value.share, 0.5);
  assert.equal(r.value.at?.toISOString(), "2026-12-07T02:30:00.000Z");
  assert.equal(r.value.on, "2026-02-28");
  assert.equal(r.value.count, 1234);
  assert.equal(r.value.ticked, true);
});

test("an id too long for the database, a share above one and an impossible day are field errors", () => {
  const r = parseForm(form, {
    id: "9999999999",
    share: "1.5",
    at: "2026-13-40T25:00",
    on: "2567-02-30",
    count: "-3",
  });
  assert.equal(r.ok, false);
  assert.ok(!r.ok);
  assert.equal(r.errors.id?.key, "err.number");
  assert.deepEqual(r.errors.share, { key: "err.range", vars: { min: 0, max: 1 } });
  assert.equal(r.errors.at?.key, "err.date");
  assert.equal(r.errors.on?.key, "err.date");
  assert.equal(r.errors.count?.key, "err.number");
});

test("a day must exist: 30 February is refused, 29 February of a leap year is taken", () => {
  const day = z.object({ on: fields.date() });
  assert.deepEqual(parseForm(day, { on: "2028-02-29" }), { ok: true, value: { on: "2028-02-29" } });
  for (const on of ["2027-02-29", "2026-02-30", "2026-13-01", "0000-00-00", "1/2/2026"]) {
    const r = parseForm(day, { on });
    assert.ok(!r.ok, on);
    assert.equal(r.errors.on?.key, "err.date", on);
  }
  const empty = parseForm(day, { on: " " });
  assert.ok(!empty.ok);
  assert.equal(empty.errors.on?.key, "err.required");
});

test("a one-line text field refuses line breaks and control characters; a text box keeps lines", () => {
  const one = z.object({ name: fields.text(200), alias: fields.optionalText(200) });
  for (const bad of ["สมชาย\nใจดี", "สมชาย\rใจดี", "สมชาย\tใจดี", "a\u0000b", "a\u2028b"]) {
    const named = parseForm(one, { name: bad });
    assert.equal(!named.ok && named.errors.name?.key, "err.oneLine", JSON.stringify(bad));
    const aliased = parseForm(one, { name: "สมชาย", alias: bad });
    assert.equal(!aliased.ok && aliased.errors.alias?.key, "err.oneLine", JSON.stringify(bad));
  }
  assert.deepEqual(parseForm(one, { name: " สมชาย ใจดี\n", alias: "" }), {
    ok: true,
    value: { name: "สมชาย ใจดี", alias: "" },
  });
  const box = z.object({
    note: fields.text(2000),
    more: fields.optionalText(4000),
    short: fields.text(200, { multiline: true }),
    url: fields.text(500, { multiline: false }),
  });
  const lines = "บรรทัดหนึ่ง\r\nบรรทัดสอง";
  const r = parseForm(box, { note: lines, more: lines, short: lines, url: "https://x.example" });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.note, lines);
  assert.equal(parseForm(box, { ...r.value, url: "a\nb" }).ok, false);
  // The error reads in both languages, as the other field errors do.
  assert.match(core.t("th")("err.oneLine"), /บรรทัดเดียว/);
  assert.match(core.t("en")("err.oneLine"), /one line/);
});
