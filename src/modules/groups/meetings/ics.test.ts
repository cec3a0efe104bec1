import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeText, foldLine, renderCalendar, utcStamp } from "./ics.ts";

test("TEXT values escape backslash, semicolon, comma and line breaks", () => {
  assert.equal(escapeText("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
});

test("times are UTC with a Z", () => {
  assert.equal(utcStamp(new Date("2026-01-15T09:30:00+07:00")), "20260115T023000Z");
});

test("lines fold at 75 octets without splitting a Thai character", () => {
  const line = "SUMMARY:" + "ประชุมตัวแทนหมู่บ้าน".repeat(6);
  const folded = foldLine(line);
  const parts = folded.split("\r\n");
  assert.ok(parts.length > 1);
  for (const [i, p] of parts.entries()) {
    assert.ok(Buffer.byteLength(p, "utf8") <= 75, `part ${i} has ${Buffer.byteLength(p)} octets`);
    if (i > 0) assert.ok(p.startsWith(" "));
    assert.ok(!p.includes("\uFFFD"));
  }
  assert.equal(parts.map((p, i) => (i ? p.slice(1) : p)).join(""), line);
  assert.equal(foldLine("SHORT:x"), "SHORT:x");
});

test("a calendar has CRLF endings, one VEVENT per meeting with UID, DTSTAMP and DTSTART", () => {
  const ics = renderCalendar({
    name: "อบต.ละงู",
    events: [
      {
        uid: "meeting-7@la-ngu.tambon",
        start: new Date("2026-01-15T09:00:00+07:00"),
        end: new Date("2026-01-15T12:00:00+07:00"),
        summary: "ประชุมตัวแทน 18 หมู่บ้าน, ครั้งที่ 1",
        location: "หอประชุม อบต.; ชั้น 2",
        description: "วาระ 1\nวาระ 2",
        url: "https://example.org/t/la-ngu/meetings/7",
        status: "CONFIRMED",
        sequence: 2,
        stamp: new Date("2026-01-01T00:00:00Z"),
        categories: ["village_assembly"],
      },
      {
        uid: "meeting-8@la-ngu.tambon",
        start: new Date("2026-02-01T01:00:00Z"),
        summary: "x",
        status: "CANCELLED",
        stamp: new Date("2026-01-01T00:00:00Z"),
      },
    ],
  });
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  assert.ok(!/[^\r]\n/.test(ics), "every line break is CRLF");
  const unfolded = ics.replace(/\r\n /g, "");
  assert.match(unfolded, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
  assert.equal(unfolded.match(/BEGIN:VEVENT/g)?.length, 2);
  assert.match(unfolded, /\r\nUID:meeting-7@la-ngu.tambon\r\n/);
  assert.match(unfolded, /\r\nDTSTART:20260115T020000Z\r\nDTEND:20260115T050000Z\r\n/);
  assert.match(unfolded, /\r\nSUMMARY:ประชุมตัวแทน 18 หมู่บ้าน\\, ครั้งที่ 1\r\n/);
  assert.match(unfolded, /\r\nLOCATION:หอประชุม อบต.\\; ชั้น 2\r\n/);
  assert.match(unfolded, /\r\nDESCRIPTION:วาระ 1\\nวาระ 2\r\n/);
  assert.match(unfolded, /\r\nSEQUENCE:2\r\n/);
  assert.match(unfolded, /\r\nSTATUS:CANCELLED\r\n/);
  for (const line of ics.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
});
