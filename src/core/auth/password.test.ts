import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

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

test("scrypt cost is memory-hard (N of at least 2^14)", async () => {
  const n = Number((await hashPassword("password1")).split("$")[1]);
  assert.ok(n >= 2 ** 14, `N=${n}`);
});

test("password rules count Thai characters, not bytes", () => {
  assert.equal(passwordProblem("1234567"), "password.tooShort");
  assert.equal(passwordProblem("กขคงจฉชซ"), null);
  assert.equal(passwordProblem("x".repeat(201)), "password.tooLong");
});
