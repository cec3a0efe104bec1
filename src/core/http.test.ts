import { test } from "node:test";
import assert from "node:assert/strict";
import { isSafePath, safeNext } from "./http.ts";

test("redirect targets stay on this site", () => {
  for (const ok of ["/", "/t/la-ngu", "/t/la-ngu/search?q=สุขภาพ ชุมชน", "/admin?x=//y"]) {
    assert.equal(isSafePath(ok), true, ok);
    assert.equal(safeNext(ok), ok);
  }
  for (const bad of [
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example\t",
    "https://evil.example",
    "evil.example",
    "javascript:alert(1)",
    "",
  ]) {
    assert.equal(isSafePath(bad), false, JSON.stringify(bad));
    assert.equal(safeNext(bad, "/home"), "/home");
  }
  assert.equal(safeNext(undefined), "/");
  assert.equal(safeNext(["/a"]), "/");
});
