import { test } from "node:test";
import assert from "node:assert/strict";
import { sha256 } from "./hash-chain.ts";
import {
  findReceipt,
  normalizeReceipt,
  receiptAgain,
  receiptFor,
  receiptHash,
  secretEntries,
} from "./secret-ballots.ts";

const SECRET = "test-secret-test-secret-test-secret-0123";
const ballot = {
  tambonId: 1,
  questionId: 7,
  userId: 42,
  castAt: new Date("2026-03-10T03:04:05.678Z"),
};

test("a receipt code is 20 letters of one case in groups of four, the same for the same ballot", () => {
  const code = receiptFor(SECRET, ballot);
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  assert.equal(receiptFor(SECRET, ballot), code);
  assert.notEqual(receiptFor(SECRET, { ...ballot, userId: 43 }), code);
  assert.notEqual(receiptFor("another-secret-another-secret-0000", ballot), code);
  assert.notEqual(
    receiptFor(SECRET, { ...ballot, castAt: new Date(ballot.castAt.getTime() + 1) }),
    code,
  );
});

test("a receipt is found however it is typed: case, spaces, dashes, O for 0", () => {
  const code = receiptFor(SECRET, ballot);
  const entries = secretEntries(
    [{ member: 42, receiptHash: receiptHash(code), grades: { "3": 1 } }],
    {
      "42": 2,
    },
  );
  for (const typed of [
    code,
    code.toLowerCase(),
    code.replace(/-/g, ""),
    ` ${code.replace(/-/g, " ")} `,
    code.replace(/0/g, "O").replace(/1/g, "l"),
  ])
    assert.deepEqual(findReceipt(entries, typed), { grades: { "3": 1 }, weight: 2 }, typed);
  assert.equal(findReceipt(entries, code.slice(0, -1) + (code.endsWith("Z") ? "Y" : "Z")), null);
  assert.equal(normalizeReceipt("ab-cd ef"), "ABCDEF");
});

test("a code of the older kind is still found exactly as it was given", () => {
  const old = "aB3-xY_9zQ1w";
  const entries = secretEntries([{ member: 1, receiptHash: sha256(old), grades: { "5": -1 } }], {
    "1": 1,
  });
  assert.deepEqual(findReceipt(entries, old), { grades: { "5": -1 }, weight: 1 });
});

test("the voter's code again: only while it is the one whose hash is kept", () => {
  const code = receiptFor(SECRET, ballot);
  const row = { ...ballot, updatedAt: ballot.castAt, receiptHash: receiptHash(code) };
  assert.equal(receiptAgain(SECRET, row), code);
  assert.equal(receiptAgain(SECRET, { ...row, updatedAt: new Date() }), null, "cast again");
  assert.equal(receiptAgain(SECRET, { ...row, receiptHash: sha256("random") }), null, "older kind");
  assert.equal(receiptAgain(SECRET, { ...row, receiptHash: null }), null, "public ballot");
});
