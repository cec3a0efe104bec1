import { test } from "node:test";
import assert from "node:assert/strict";
import { parseChange } from "./notify.ts";

test("an announcement names the tambon (or none) and the action; anything else is ignored", () => {
  assert.deepEqual(parseChange("12|news.create"), { tambonId: 12, action: "news.create" });
  assert.deepEqual(parseChange("|session.login"), { tambonId: null, action: "session.login" });
  assert.deepEqual(parseChange("3|a|b"), { tambonId: 3, action: "a|b" });
  for (const bad of ["", "news.create", "x|news.create", "-1|a", "0|a", "1.5|a", "7|"])
    assert.equal(parseChange(bad), null, bad);
});
