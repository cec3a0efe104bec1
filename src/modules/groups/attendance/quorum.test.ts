import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { addArrivals, checkQuorum, notCountedReason, type RepTerm } from "./quorum.ts";

const DAY = "2026-03-10";
const villages = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

/** `perVillage` representatives per village, user ids 100·village + k, terms covering DAY. */
function terms(n: number, perVillage: number, over: Partial<RepTerm> = {}): RepTerm[] {
  const out: RepTerm[] = [];
  for (let v = 1; v <= n; v++)
    for (let k = 0; k < perVillage; k++)
      out.push({ userId: 100 * v + k, villageId: v, startOn: "2025-01-01", endOn: null, ...over });
  return out;
}

const present = (ts: RepTerm[]) => ts.map((t) => ({ userId: t.userId }));

/** The quorum on DAY of villages 1…n that need 5 representatives each (all of `ts` present). */
const fivePerVillage = (
  n: number,
  ts: RepTerm[],
  attendees: Parameters<typeof checkQuorum>[0]["attendees"] = present(ts),
) => checkQuorum({ villages: villages(n), minPerVillage: 5, terms: ts, attendees, onDate: DAY });

test("18 villages with 5 representatives each present: the quorum holds", () => {
  const ts = terms(18, 5);
  const r = fivePerVillage(18, ts);
  assert.equal(r.met, true);
  assert.equal(r.villagesMet, 18);
  assert.equal(r.villagesRequired, 18);
  assert.equal(r.shortBy, 0);
  assert.deepEqual(r.villagesShortOfReps, []);
});

test("one representative missing in one village breaks a quorum of every village", () => {
  const ts = terms(18, 5);
  const r = fivePerVillage(18, ts, present(ts).slice(1));
  assert.equal(r.met, false);
  assert.equal(r.villagesMet, 17);
  assert.equal(r.shortBy, 1);
  assert.deepEqual(
    r.villages.filter((v) => !v.met).map((v) => [v.villageId, v.present]),
    [[1, 4]],
  );
});

test("a village with no representatives can never be counted and is flagged", () => {
  const ts = terms(3, 5).filter((t) => t.villageId !== 2);
  const r = fivePerVillage(3, ts);
  assert.equal(r.met, false);
  assert.deepEqual(r.villagesShortOfReps, [2]);
  assert.equal(r.villages[1]!.representatives, 0);
  assert.equal(r.shortBy, 5);
});

test("representatives whose term ended before, or starts after, the meeting day do not count", () => {
  const ended = terms(1, 5, { endOn: "2026-03-09" });
  const later = terms(1, 5, { startOn: "2026-03-11" }).map((t) => ({
    ...t,
    userId: t.userId + 50,
  }));
  const r = fivePerVillage(1, [...ended, ...later]);
  assert.equal(r.met, false);
  assert.equal(r.villages[0]!.present, 0);
  assert.equal(r.villages[0]!.representatives, 0);
});

test("a term ending on the meeting day still counts (both ends included)", () => {
  const ts = terms(1, 5, { endOn: DAY });
  const r = fivePerVillage(1, ts);
  assert.equal(r.met, true);
});

test("a person signed in twice counts once", () => {
  const ts = terms(1, 5);
  const attendees = [
    ...present(ts.slice(0, 4)),
    { userId: ts[0]!.userId },
    { userId: ts[0]!.userId },
  ];
  const r = fivePerVillage(1, ts, attendees);
  assert.equal(r.villages[0]!.present, 4);
  assert.equal(r.met, false);
});

test("people without an account and members who are not representatives do not count", () => {
  const ts = terms(1, 5);
  const attendees = [
    ...present(ts.slice(0, 4)),
    { userId: null },
    { userId: null },
    { userId: 999 }, // a member without a term
  ];
  const r = fivePerVillage(1, ts, attendees);
  assert.equal(r.villages[0]!.present, 4);
  assert.equal(r.met, false);
});

test("a representative counts for the village of their term only", () => {
  const ts = terms(2, 1);
  const r = checkQuorum({
    villages: villages(2),
    minPerVillage: 1,
    terms: ts,
    attendees: [{ userId: ts[0]!.userId }],
    onDate: DAY,
  });
  assert.deepEqual(
    r.villages.map((v) => v.present),
    [1, 0],
  );
});

test("a share of the villages: two thirds of 18 villages means 12", () => {
  const ts = terms(18, 5);
  const twelve = ts.filter((t) => t.villageId <= 12);
  const base = { villages: villages(18), minPerVillage: 5, villagesFraction: 2 / 3, terms: ts };
  const ok = checkQuorum({ ...base, attendees: present(twelve), onDate: DAY });
  assert.equal(ok.villagesRequired, 12);
  assert.equal(ok.met, true);
  const short = checkQuorum({ ...base, attendees: present(twelve).slice(2), onDate: DAY });
  assert.equal(short.met, false);
  assert.equal(short.shortBy, 2, "the cheapest way back is the village missing two");
});

test("villages outside the meeting's scope are ignored", () => {
  const ts = terms(3, 2);
  const r = checkQuorum({
    villages: [{ id: 1 }, { id: 3 }],
    minPerVillage: 2,
    terms: ts,
    attendees: present(ts.filter((t) => t.villageId !== 2)),
    onDate: DAY,
  });
  assert.equal(r.villagesTotal, 2);
  assert.equal(r.met, true);
});

test("without villages there is no quorum; a minimum of zero is met by every village", () => {
  assert.equal(
    checkQuorum({ villages: [], minPerVillage: 5, terms: [], attendees: [], onDate: DAY }).met,
    false,
  );
  const zero = checkQuorum({
    villages: villages(2),
    minPerVillage: 0,
    terms: [],
    attendees: [],
    onDate: DAY,
  });
  assert.equal(zero.met, true);
  assert.deepEqual(zero.villagesShortOfReps, []);
});

test("overlapping terms of one person in two villages count for the earlier term only", () => {
  const ts: RepTerm[] = [
    { userId: 7, villageId: 2, startOn: "2025-06-01", endOn: null },
    { userId: 7, villageId: 1, startOn: "2024-01-01", endOn: null },
  ];
  const r = checkQuorum({
    villages: villages(2),
    minPerVillage: 1,
    terms: ts,
    attendees: [{ userId: 7 }],
    onDate: DAY,
  });
  assert.deepEqual(
    r.villages.map((v) => v.present),
    [1, 0],
  );
});

test("adding arrivals one by one gives the same quorum as counting everyone afresh", () => {
  const term = fc.record({
    userId: fc.integer({ min: 1, max: 25 }),
    villageId: fc.integer({ min: 1, max: 6 }),
    startOn: fc.constantFrom("2025-01-01", "2026-03-10", "2026-03-11"),
    endOn: fc.constantFrom(null, "2026-03-09", "2026-03-10", "2027-01-01"),
  });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom(null, 0.5, 2 / 3, 1),
      fc.array(term, { maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 60 }),
      (nVillages, min, fraction, terms, arrivals) => {
        const base = {
          villages: villages(nVillages),
          minPerVillage: min,
          villagesFraction: fraction,
          terms,
          onDate: DAY,
        };
        let q = checkQuorum({ ...base, attendees: [] });
        const present = new Set<number>();
        const scope = new Set(base.villages.map((v) => v.id));
        const ordered = [...terms].sort((a, b) => a.startOn.localeCompare(b.startOn));
        for (const userId of arrivals) {
          if (present.has(userId)) continue;
          present.add(userId);
          const t = ordered.find(
            (x) =>
              x.userId === userId &&
              scope.has(x.villageId) &&
              x.startOn <= DAY &&
              (x.endOn === null || DAY <= x.endOn),
          );
          q = addArrivals(q, t ? [{ userId, villageId: t.villageId }] : []);
        }
        const full = checkQuorum({ ...base, attendees: arrivals.map((userId) => ({ userId })) });
        assert.deepEqual(q, full);
      },
    ),
    { numRuns: 300 },
  );
});

test("a walk-in recorded as a representative is told why they do not count", () => {
  const ts = terms(2, 1);
  const all = villages(2);
  const rep = ts[0]!;
  const as = (userId: number | null, villageId: number | null) => ({
    userId,
    villageId,
    role: "village_rep",
  });
  assert.equal(notCountedReason(as(rep.userId, rep.villageId), ts, all, DAY), null);
  assert.equal(notCountedReason(as(null, rep.villageId), ts, all, DAY), "noAccount");
  assert.equal(notCountedReason(as(999, rep.villageId), ts, all, DAY), "noTerm");
  assert.equal(notCountedReason(as(rep.userId, ts[1]!.villageId), ts, all, DAY), "otherVillage");
  assert.equal(
    notCountedReason(as(rep.userId, rep.villageId), ts, all.slice(1), DAY),
    "notInvited",
  );
  assert.equal(notCountedReason({ ...as(null, null), role: "member" }, ts, all, DAY), null);
  // The quorum agrees: the one with a term counts, the walk-in without an account does not.
  const r = checkQuorum({
    villages: all,
    minPerVillage: 1,
    terms: ts,
    attendees: [{ userId: rep.userId }, { userId: null }],
    onDate: DAY,
  });
  assert.equal(r.villages.find((v) => v.villageId === rep.villageId)!.present, 1);
});
