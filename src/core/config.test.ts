import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, loadConfig, parseDotEnv } from "./config.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "tambon-cfg-"));

test("defaults: port 3000, embedded database, ./data", () => {
  const d = dir();
  const c = loadConfig({ TAMBON_DATA_DIR: d }, d);
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, null);
  assert.equal(c.dataDir, d);
  assert.equal(
    c.secret,
    readFileSync(path.join(d, "secret.key"), "utf8").trim(),
    "secret kept in the data dir",
  );
  assert.equal(
    loadConfig({ TAMBON_DATA_DIR: d }, d).secret,
    c.secret,
    "the same secret on the next start",
  );
});

test("bad values stop the start with one line naming the variable", () => {
  const d = dir();
  const bad = (env: Record<string, string>) => {
    try {
      loadConfig({ TAMBON_DATA_DIR: d, ...env }, d);
      return "no error";
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      return e.message;
    }
  };
  assert.match(bad({ PORT: "abc" }), /^PORT: /);
  assert.match(bad({ PORT: "70000" }), /^PORT: .*65535/);
  assert.match(bad({ DATABASE_URL: "mysql://x" }), /^DATABASE_URL: .*postgres/);
  assert.match(bad({ TAMBON_SECRET: "short" }), /^TAMBON_SECRET: /);
  assert.match(bad({ LOG_LEVEL: "loud" }), /^LOG_LEVEL: /);
  for (const m of [bad({ PORT: "abc" })]) assert.ok(!m.includes("\n"));
});

test(".env lines are parsed with comments and quotes", () => {
  assert.deepEqual(parseDotEnv("# c\nPORT=4000\nHOST='0.0.0.0'\n\nX = \"a b\"\nnot a line"), {
    PORT: "4000",
    HOST: "0.0.0.0",
    X: "a b",
  });
});

test("client addresses from X-Forwarded-For are believed only when TRUST_PROXY says so", () => {
  const d = dir();
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d }, d).trustProxy, false);
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d, TRUST_PROXY: "true" }, d).trustProxy, true);
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d, TRUST_PROXY: "1" }, d).trustProxy, 1);
  assert.equal(
    loadConfig({ TAMBON_DATA_DIR: d, TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }, d).trustProxy,
    "127.0.0.1,10.0.0.0/8",
  );
  assert.throws(
    () => loadConfig({ TAMBON_DATA_DIR: d, TRUST_PROXY: "yes please" }, d),
    (e: unknown) => e instanceof ConfigError && /^TRUST_PROXY: /.test(e.message),
  );
});
