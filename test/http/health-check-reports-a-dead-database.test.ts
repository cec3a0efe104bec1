import { test } from "node:test";
import assert from "node:assert/strict";
import { startTestApp } from "../helpers/app.ts";

test("the health check answers 503 in JSON when the database is gone", async () => {
  const t = await startTestApp("pglite");
  try {
    const up = await t.app.inject("/healthz");
    assert.equal(up.statusCode, 200);
    assert.deepEqual(up.json(), { ok: true, db: "pglite" });
    await t.database.close();
    const down = await t.app.inject("/healthz");
    assert.equal(down.statusCode, 503);
    assert.deepEqual(down.json(), { ok: false, db: "pglite" });
    assert.equal(down.headers["cache-control"], "no-store");
  } finally {
    await t.app.close();
  }
});
