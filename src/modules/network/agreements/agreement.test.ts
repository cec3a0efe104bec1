import { test } from "node:test";
import assert from "node:assert/strict";
import { checkAgreement, effectiveStatus, isPublished } from "./agreement.ts";

test("a signed or active agreement past its end date shows as expired", () => {
  assert.equal(
    effectiveStatus({ status: "active", endsOn: "2024-01-01" }, "2024-01-02"),
    "expired",
  );
  assert.equal(
    effectiveStatus({ status: "signed", endsOn: "2024-01-01" }, "2024-01-02"),
    "expired",
  );
  assert.equal(effectiveStatus({ status: "active", endsOn: "2024-01-01" }, "2024-01-01"), "active");
  assert.equal(effectiveStatus({ status: "active", endsOn: null }, "2099-01-01"), "active");
  assert.equal(effectiveStatus({ status: "ended", endsOn: "2020-01-01" }, "2024-01-01"), "ended");
  assert.equal(effectiveStatus({ status: "draft", endsOn: "2020-01-01" }, "2024-01-01"), "draft");
});

test("an agreement leaves the draft status only when signed on a date, by two parties at least", () => {
  const base = { signedOn: null, startsOn: null, endsOn: null, partyCount: 0 };
  assert.deepEqual(checkAgreement({ ...base, status: "draft" }), {});
  assert.deepEqual(checkAgreement({ ...base, status: "signed" }), {
    signedOn: "err.signedOnNeeded",
    status: "err.partiesNeeded",
  });
  assert.deepEqual(
    checkAgreement({ ...base, status: "active", signedOn: "2024-01-01", partyCount: 2 }),
    {},
  );
  assert.deepEqual(
    checkAgreement({ ...base, status: "draft", startsOn: "2024-05-01", endsOn: "2024-04-30" }),
    { endsOn: "err.endsBeforeStart" },
  );
});

test("drafts are for staff only", () => {
  assert.equal(isPublished("draft"), false);
  for (const s of ["signed", "active", "expired", "ended"] as const)
    assert.equal(isPublished(s), true);
});
