import { test } from "node:test";
import assert from "node:assert/strict";
import { oneOf } from "./one-of.ts";

test("a word of the list passes; anything else, or no string at all, does not", () => {
  const isAnswer = oneOf(["accept", "decline"] as const);
  assert.equal(isAnswer("accept"), true);
  assert.equal(isAnswer("decline"), true);
  assert.equal(isAnswer("Accept"), false);
  assert.equal(isAnswer(""), false);
  assert.equal(isAnswer(undefined), false);
  assert.equal(isAnswer(["accept"]), false);
});
