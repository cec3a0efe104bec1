import { test } from "node:test";
import assert from "node:assert/strict";
import { cacheUrl } from "../../../core/app.ts";
import { communityModule } from "../module.ts";

const declared = new Map(Object.entries(communityModule.cacheQuery ?? {}));

test("the public figures are cached under their path whatever query they carry", () => {
  assert.equal(cacheUrl("/t/la-ngu/community?fbclid=x&n=7", declared), "/t/la-ngu/community");
  assert.equal(
    cacheUrl("/t/la-ngu/community/villages/3?utm_source=line", declared),
    "/t/la-ngu/community/villages/3",
  );
});

test("other community pages keep their query in the key", () => {
  assert.equal(
    cacheUrl("/t/la-ngu/community/villages/3/x?a=1", declared),
    "/t/la-ngu/community/villages/3/x?a=1",
  );
  assert.equal(
    cacheUrl("/t/la-ngu/community/collect?a=1", declared),
    "/t/la-ngu/community/collect?a=1",
  );
});
