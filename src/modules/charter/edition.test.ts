import { test } from "node:test";
import assert from "node:assert/strict";
import {
  asOfDay,
  isFrozen,
  isOpenForComments,
  progressCounts,
  ratingSummary,
  resolutionAdopts,
  reviewDueOn,
  reviewState,
  voteAdopts,
  type Progress,
} from "./edition.ts";

test("only an adopted edition is frozen; comments are open while drafting and in hearing", () => {
  assert.ok(isFrozen("adopted"));
  assert.ok(!isFrozen("draft"));
  assert.ok(!isFrozen("hearing"));
  assert.ok(isOpenForComments("draft") && isOpenForComments("hearing"));
  assert.ok(!isOpenForComments("adopted"));
});

test("a vote adopts only when closed, quorate and won by the edition's alternative", () => {
  const closed = (winner: number | null, met: boolean) => ({
    phase: "closed",
    result: { winner, quorum: { met } },
  });
  assert.deepEqual(voteAdopts(closed(7, true), 7), { ok: true });
  assert.deepEqual(voteAdopts(closed(null, false), 7), { ok: false, reason: "noQuorum" });
  assert.deepEqual(voteAdopts(closed(null, true), 7), { ok: false, reason: "lost" });
  assert.deepEqual(voteAdopts(closed(8, true), 7), { ok: false, reason: "lost" });
  assert.deepEqual(voteAdopts({ phase: "voting", result: null }, 7), {
    ok: false,
    reason: "notClosed",
  });
  assert.deepEqual(voteAdopts({ phase: "cancelled", result: null }, 7), {
    ok: false,
    reason: "notClosed",
  });
  assert.deepEqual(voteAdopts(undefined, 7), { ok: false, reason: "missing" });
});

test("a resolution adopts only when an assembly adopted it with its quorum and it is about this edition", () => {
  const edition = {
    id: 7,
    number: 2,
    yearBe: 2568,
    versionOn: "2025-08-01",
    adoptedOtherEdition: false,
  };
  const r = {
    outcome: "adopted",
    quorumMet: true as boolean | null,
    meetingKind: "village_assembly",
    correctedById: null as number | null,
    decidedOn: "2025-08-20",
    links: [{ targetType: "charter_edition", targetId: 7 }],
    agendaItemTh: null as string | null,
    agendaItemEn: null as string | null,
  };
  assert.deepEqual(resolutionAdopts(r, edition), { ok: true });
  assert.deepEqual(resolutionAdopts({ ...r, quorumMet: false }, edition), {
    ok: false,
    reason: "noQuorum",
  });
  assert.deepEqual(resolutionAdopts({ ...r, quorumMet: null }, edition), {
    ok: false,
    reason: "noQuorum",
  });
  assert.deepEqual(resolutionAdopts({ ...r, outcome: "rejected" }, edition), {
    ok: false,
    reason: "notAdopted",
  });
  assert.deepEqual(resolutionAdopts({ ...r, meetingKind: "working_group" }, edition), {
    ok: false,
    reason: "notAssembly",
  });
  assert.deepEqual(resolutionAdopts({ ...r, correctedById: 5 }, edition), {
    ok: false,
    reason: "corrected",
  });
  assert.deepEqual(resolutionAdopts(undefined, edition), { ok: false, reason: "missing" });

  // A quorate resolution about something else does not adopt the edition.
  const unrelated = { ...r, links: [], agendaItemTh: "งบประมาณกองทุนหลักประกันสุขภาพ ปี 2568" };
  assert.deepEqual(resolutionAdopts(unrelated, edition), { ok: false, reason: "notAbout" });
  const other = { ...r, links: [{ targetType: "charter_edition", targetId: 8 }] };
  assert.deepEqual(resolutionAdopts(other, edition), { ok: false, reason: "notAbout" });
  assert.deepEqual(
    resolutionAdopts({ ...r, links: [{ targetType: "work_group", targetId: 7 }] }, edition),
    { ok: false, reason: "notAbout" },
  );
  // An agenda item naming the edition (number and year, Thai or Arabic digits) is enough.
  for (const title of [
    "รับรองธรรมนูญสุขภาพตำบลละงู ฉบับที่ 2 พ.ศ. 2568",
    "รับรองธรรมนูญสุขภาพ ฉบับที่ ๒ พ.ศ. ๒๕๖๘",
    "ธรรมนูญฯ ฉบับที่ 2/2568",
  ])
    assert.deepEqual(resolutionAdopts({ ...r, links: [], agendaItemTh: title }, edition), {
      ok: true,
    });
  assert.deepEqual(
    resolutionAdopts(
      { ...r, links: [], agendaItemEn: "Adopt the charter, Edition 2 (2025)" },
      edition,
    ),
    { ok: true },
  );
  for (const title of ["ฉบับที่ 1 พ.ศ. 2568", "ฉบับที่ 2 พ.ศ. 2567", "ฉบับที่ 12 พ.ศ. 2568"])
    assert.equal(resolutionAdopts({ ...r, links: [], agendaItemTh: title }, edition).ok, false);
  // Decided before the current text was saved, or already used for another edition.
  assert.deepEqual(resolutionAdopts({ ...r, decidedOn: "2025-07-31" }, edition), {
    ok: false,
    reason: "beforeVersion",
  });
  assert.deepEqual(resolutionAdopts(r, { ...edition, adoptedOtherEdition: true }), {
    ok: false,
    reason: "usedElsewhere",
  });
});

test("the review falls due whole years after adoption and is flagged when near", () => {
  assert.equal(reviewDueOn("2025-03-15", 5), "2030-03-15");
  assert.equal(reviewDueOn("2024-02-29", 1), "2025-02-28");
  assert.deepEqual(reviewState("2030-03-15", "2030-03-20"), { state: "overdue", days: -5 });
  assert.deepEqual(reviewState("2030-03-15", "2030-01-01"), { state: "soon", days: 73 });
  assert.equal(reviewState("2030-03-15", "2026-01-01").state, "ok");
});

test("clauses without a status count as not started; ratings give a support score", () => {
  const status = new Map<number, Progress>([
    [1, "done"],
    [2, "in_progress"],
    [9, "done"],
  ]);
  assert.deepEqual(progressCounts([1, 2, 3, 4], status), {
    not_started: 2,
    in_progress: 1,
    done: 1,
    needs_revision: 0,
  });
  assert.deepEqual(ratingSummary(["must", "must", "should", "must_not"]), {
    must: 2,
    should: 1,
    should_not: 0,
    must_not: 1,
    score: 3,
  });
});

test("a hearing past its last day is over at once, whatever the scheduler did", () => {
  const heard = { status: "hearing" as const, hearingEndsOn: "2026-03-31" };
  assert.equal(asOfDay(heard, "2026-03-31").status, "hearing", "open on its last day");
  assert.equal(asOfDay(heard, "2026-04-01").status, "draft", "closed the day after");
  assert.equal(
    asOfDay({ status: "hearing" as const, hearingEndsOn: null }, "2030-01-01").status,
    "hearing",
  );
  assert.equal(
    asOfDay({ status: "adopted" as const, hearingEndsOn: "2020-01-01" }, "2026-04-01").status,
    "adopted",
  );
});
