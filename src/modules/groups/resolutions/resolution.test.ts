import { test } from "node:test";
import assert from "node:assert/strict";
import { countVotes, decideOutcome } from "./resolution.ts";
import { namesFromList, nameKey } from "../meetings/meeting.ts";

test("consensus adopts; a vote adopts only with more for than against", () => {
  assert.equal(decideOutcome("consensus", null), "adopted");
  assert.equal(decideOutcome("show_of_hands", { for: 50, against: 10, abstain: 30 }), "adopted");
  assert.equal(decideOutcome("show_of_hands", { for: 10, against: 10, abstain: 70 }), "rejected");
  assert.equal(decideOutcome("show_of_hands", { for: 0, against: 0, abstain: 5 }), "rejected");
  assert.equal(decideOutcome("individual_votes", null), "rejected");
});

test("individual votes are counted per choice", () => {
  const c = countVotes([
    { choice: "for" },
    { choice: "for" },
    { choice: "abstain" },
    { choice: "against" },
  ]);
  assert.deepEqual(c, { for: 2, against: 1, abstain: 1 });
  assert.equal(decideOutcome("individual_votes", c), "adopted");
});

test("a pasted sign-in list gives one name per line, numbering and repeats dropped", () => {
  assert.deepEqual(namesFromList("1. สมชาย  ใจดี\n2) มาลี รักถิ่น\n\n- อารีย์\nสมชาย ใจดี\r\n"), [
    "สมชาย ใจดี",
    "มาลี รักถิ่น",
    "อารีย์",
  ]);
  assert.equal(nameKey("  Somchai   JAIDEE "), "somchai jaidee");
});
