import { test } from "node:test";
import assert from "node:assert/strict";
import {
  afterHostAnswer,
  afterRequesterAnswer,
  canRecordVisit,
  hostAnswers,
  requesterAnswers,
} from "./visit.ts";

test("the host accepts, proposes another date or declines an open request", () => {
  assert.equal(afterHostAnswer("requested", "accept"), "accepted");
  assert.equal(afterHostAnswer("requested", "propose"), "proposed");
  assert.equal(afterHostAnswer("requested", "decline"), "declined");
  assert.equal(afterHostAnswer("proposed", "accept"), "accepted");
  assert.equal(afterHostAnswer("accepted", "propose"), "proposed");
  assert.equal(afterHostAnswer("accepted", "accept"), null);
  for (const closed of ["declined", "withdrawn", "done"] as const)
    assert.deepEqual(hostAnswers(closed), [], closed);
});

test("the requester only accepts a proposed date or withdraws", () => {
  assert.equal(afterRequesterAnswer("proposed", "accept_proposal"), "accepted");
  assert.equal(afterRequesterAnswer("requested", "accept_proposal"), null);
  assert.equal(afterRequesterAnswer("accepted", "withdraw"), "withdrawn");
  assert.equal(afterRequesterAnswer("done", "withdraw"), null);
  assert.deepEqual(requesterAnswers("proposed"), ["accept_proposal", "withdraw"]);
  assert.deepEqual(requesterAnswers("declined"), []);
});

test("only an accepted visit is recorded as done", () => {
  assert.equal(canRecordVisit("accepted"), true);
  assert.equal(canRecordVisit("requested"), false);
  assert.equal(canRecordVisit("proposed"), false);
});
