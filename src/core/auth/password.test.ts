import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import {
  hashPassword,
  isTestRun,
  needsRehash,
  passwordCost,
  passwordCostProblem,
  passwordProblem,
  verifyPassword,
} from "./password.ts";

test("passwords are hashed with salted scrypt and verified", async () => {
  const a = await hashPassword("ละงูน่าอยู่2568");
  const b = await hashPassword("ละงูน่าอยู่2568");
  assert.match(a, /^scrypt\$\d+\$8\$1\$/);
  assert.notEqual(a, b, "each hash has its own salt");
  assert.ok(!a.includes("ละงู"));
  assert.equal(await verifyPassword("ละงูน่าอยู่2568", a), true);
  assert.equal(await verifyPassword("ละงูน่าอยู่2569", a), false);
  assert.equal(await verifyPassword("x", null), false);
  assert.equal(await verifyPassword("x", "md5$abc"), false);
});

test("scrypt cost is memory-hard (N of at least 2^10 in a test run, 2^17 otherwise)", async () => {
  const n = Number((await hashPassword("password1")).split("$")[1]);
  assert.ok(n >= 2 ** 10, `N=${n}`);
});

test("outside a test run the cost never goes below OWASP's floor of 2^17", () => {
  const production = { NODE_ENV: "production" };
  assert.equal(passwordCost(production), 17, "the default");
  assert.equal(passwordCost({}), 17, "no NODE_ENV and no test run");
  for (const value of ["14", "16", "1", "0", "-17", "17.5", "21", "fast", ""])
    assert.equal(passwordCost({ ...production, TAMBON_PASSWORD_COST: value }), 17, value);
  assert.equal(passwordCost({ ...production, TAMBON_PASSWORD_COST: "18" }), 18, "may raise it");
  assert.equal(passwordCost({ TAMBON_PASSWORD_COST: "20" }), 20);
  // NODE_ENV=production wins over a test flag: a production start never hashes weakly.
  const flagged = { NODE_ENV: "production", TAMBON_TEST_RUN_ID: "r1", TAMBON_PASSWORD_COST: "14" };
  assert.equal(isTestRun(flagged), false);
  assert.equal(passwordCost(flagged), 17);
  assert.match(passwordCostProblem("16", production)!, /from 17 to 20.*test runs only/);
  assert.equal(passwordCostProblem("17", production), null);
  assert.equal(passwordCostProblem("20", {}), null);
});

test("a test run may lower the cost to 2^10 and no further", () => {
  for (const env of [{ NODE_ENV: "test" }, { TAMBON_TEST_RUN_ID: "r1" }]) {
    assert.equal(isTestRun(env), true);
    for (const [value, cost] of [
      ["10", 10],
      ["14", 14],
      ["16", 16],
      ["18", 18],
      ["9", 17],
      ["-14", 17],
      ["14.5", 17],
      ["21", 17],
      ["fast", 17],
      ["", 17],
    ] as const)
      assert.equal(passwordCost({ ...env, TAMBON_PASSWORD_COST: value }), cost, value);
    assert.equal(passwordCostProblem("10", env), null);
    assert.match(passwordCostProblem("9", env)!, /from 10 to 20/);
  }
});

test("a hash made with weaker parameters than today's needs rehashing; a stronger one does not", () => {
  const hash = (n: number, r = 8) => `scrypt$${n}$${r}$1$c2FsdA$a2V5`;
  const env = process.env.TAMBON_PASSWORD_COST;
  try {
    process.env.TAMBON_PASSWORD_COST = "15"; // this process is a test run
    assert.equal(needsRehash(hash(2 ** 14)), true);
    assert.equal(needsRehash(hash(2 ** 15, 4)), true, "a smaller r");
    assert.equal(needsRehash(hash(2 ** 15)), false);
    assert.equal(needsRehash(hash(2 ** 17)), false, "a stronger hash is kept");
    assert.equal(needsRehash("md5$abc"), false, "not ours: nothing to rehash");
    assert.equal(needsRehash(hash(2 ** 21)), false, "beyond the ceiling: refused, not rehashed");
  } finally {
    if (env === undefined) delete process.env.TAMBON_PASSWORD_COST;
    else process.env.TAMBON_PASSWORD_COST = env;
  }
});

test("a stored hash asking for more memory than the ceiling is refused", async () => {
  const made = await hashPassword("password1");
  const [, , r, p, salt, key] = made.split("$");
  for (const n of [2 ** 21, 3 * 2 ** 14, 1, 0])
    assert.equal(await verifyPassword("password1", `scrypt$${n}$${r}$${p}$${salt}$${key}`), false);
  assert.equal(await verifyPassword("password1", made), true);
});

test("password rules count Thai characters, not bytes", () => {
  assert.equal(passwordProblem("1234567"), "password.tooShort");
  assert.equal(passwordProblem("กขคงจฉชซ"), null);
  assert.equal(passwordProblem("x".repeat(201)), "password.tooLong");
});

test("a start outside a test run refuses a password cost below 17 in one line", () => {
  const d = mkdtempSync(path.join(tmpdir(), "tambon-cost-"));
  const start = (env: Record<string, string>) => {
    try {
      loadConfig({ TAMBON_DATA_DIR: d, ...env }, d);
      return "started";
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      return e.message;
    }
  };
  const refused = /^TAMBON_PASSWORD_COST: at least 17 \(OWASP's floor\); lower only in a test run/;
  assert.match(start({ TAMBON_PASSWORD_COST: "14", NODE_ENV: "production" }), refused);
  assert.match(start({ TAMBON_PASSWORD_COST: "16" }), refused);
  assert.match(
    start({ TAMBON_PASSWORD_COST: "14", NODE_ENV: "production", TAMBON_TEST_RUN_ID: "r1" }),
    refused,
  );
  assert.equal(start({ TAMBON_PASSWORD_COST: "17", NODE_ENV: "production" }), "started");
  assert.equal(start({ TAMBON_PASSWORD_COST: "14", TAMBON_TEST_RUN_ID: "r1" }), "started");
  assert.equal(start({ TAMBON_PASSWORD_COST: "14", NODE_ENV: "test" }), "started");
});
