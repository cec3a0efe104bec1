import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, loadConfig, parseDotEnv } from "./config.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "tambon-cfg-"));

/** The one-line message a start with these variables stops with ("no error" when it starts). */
const refusal = (d: string) => (env: Record<string, string>) => {
  try {
    loadConfig({ TAMBON_DATA_DIR: d, ...env }, d);
    return "no error";
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.ok(!e.message.includes("\n"));
    return e.message;
  }
};

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
  const bad = refusal(dir());
  assert.match(bad({ PORT: "abc" }), /^PORT: /);
  assert.match(bad({ PORT: "70000" }), /^PORT: .*65535/);
  assert.match(bad({ DATABASE_URL: "mysql://x" }), /^DATABASE_URL: .*postgres/);
  assert.match(bad({ TAMBON_SECRET: "short" }), /^TAMBON_SECRET: /);
  assert.match(bad({ LOG_LEVEL: "loud" }), /^LOG_LEVEL: /);
  assert.match(bad({ SMTP_FROM: "not an address" }), /^SMTP_FROM: /);
  assert.match(bad({ SMTP_FROM: "a@b\r\nBcc: c@d" }), /^SMTP_FROM: /);
  for (const m of [bad({ PORT: "abc" })]) assert.ok(!m.includes("\n"));
});

test("e-mail is sent from SMTP_FROM, a plain or a named address (Thai names too)", () => {
  const d = dir();
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d }, d).smtpFrom, "tambon@localhost");
  for (const from of ["tambon@example.org", "อบต.ละงู <tambon@la-ngu.go.th>"])
    assert.equal(loadConfig({ TAMBON_DATA_DIR: d, SMTP_FROM: from }, d).smtpFrom, from);
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

test("PUBLIC_URL is an http(s) address without a path; HSTS_MAX_AGE a number of seconds", () => {
  const d = dir();
  const load = (env: Record<string, string>) => loadConfig({ TAMBON_DATA_DIR: d, ...env }, d);
  assert.equal(load({}).publicUrl, null);
  assert.equal(load({}).hstsMaxAge, null);
  assert.equal(
    load({ PUBLIC_URL: "https://Tambon.Example.org/" }).publicUrl,
    "https://tambon.example.org",
  );
  assert.equal(load({ PUBLIC_URL: "http://10.0.0.5:8080" }).publicUrl, "http://10.0.0.5:8080");
  assert.equal(load({ HSTS_MAX_AGE: "31536000" }).hstsMaxAge, 31536000);
  const bad = (env: Record<string, string>) =>
    assert.throws(
      () => load(env),
      (e: unknown) =>
        e instanceof ConfigError && !e.message.includes("\n") && /^[A-Z_]+: /.test(e.message),
      JSON.stringify(env),
    );
  for (const url of [
    "tambon.example.org",
    "ftp://tambon.example.org",
    "https://tambon.example.org/path",
    "https://tambon.example.org/?x=1",
    "https://user:pw@tambon.example.org",
    "https://tambon.example.org/#top",
  ])
    bad({ PUBLIC_URL: url });
  assert.throws(() => load({ PUBLIC_URL: "/x" }), /PUBLIC_URL: must be an http/);
  bad({ HSTS_MAX_AGE: "a year" });
  bad({ HSTS_MAX_AGE: "-1" });
  assert.throws(
    () => load({ PUBLIC_URL: "http://tambon.example.org", HSTS_MAX_AGE: "600" }),
    /HSTS_MAX_AGE: .*https/,
  );
});

test("CHROMIUM_PATH, TAMBON_PASSWORD_COST and TAMBON_METRICS_TOKEN are checked at start", () => {
  const d = dir();
  const bad = refusal(d);
  assert.match(bad({ CHROMIUM_PATH: path.join(d, "no-chromium") }), /^CHROMIUM_PATH: /);
  assert.equal(bad({ CHROMIUM_PATH: process.execPath }), "no error");
  assert.match(bad({ TAMBON_PASSWORD_COST: "9" }), /^TAMBON_PASSWORD_COST: .*10 and 20/);
  assert.match(bad({ TAMBON_PASSWORD_COST: "high" }), /^TAMBON_PASSWORD_COST: /);
  assert.match(bad({ TAMBON_METRICS_TOKEN: "short" }), /^TAMBON_METRICS_TOKEN: /);
  assert.match(bad({ TAMBON_METRICS_TOKEN: "a b".repeat(10) }), /^TAMBON_METRICS_TOKEN: /);
  const token = "0123456789abcdef0123456789abcdef";
  assert.equal(
    loadConfig({ TAMBON_DATA_DIR: d, TAMBON_METRICS_TOKEN: token }, d).metricsToken,
    token,
  );
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d }, d).metricsToken, null);
});

test("LINE_API_URL is LINE's own address unless set to another http(s) address without a path", () => {
  const d = dir();
  assert.equal(loadConfig({ TAMBON_DATA_DIR: d }, d).lineApiUrl, "https://api.line.me");
  assert.equal(
    loadConfig({ TAMBON_DATA_DIR: d, LINE_API_URL: "http://127.0.0.1:4010/" }, d).lineApiUrl,
    "http://127.0.0.1:4010",
  );
  assert.throws(
    () => loadConfig({ TAMBON_DATA_DIR: d, LINE_API_URL: "https://api.line.me/v2/bot" }, d),
    (e: unknown) => e instanceof ConfigError && /^LINE_API_URL: /.test((e as Error).message),
  );
});
