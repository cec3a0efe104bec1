import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, passwordCost, passwordProblem, verifyPassword } from "./password.ts";

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

test("TAMBON_PASSWORD_COST may lower the cost to the floor of 2^14 but never below it", async () => {
  const given = process.env.TAMBON_PASSWORD_COST;
  try {
    for (const [value, cost] of [
      ["14", 14],
      ["18", 18],
      ["13", 16],
      ["1", 16],
      ["0", 16],
      ["-14", 16],
      ["14.5", 16],
      ["21", 16],
      ["fast", 16],
      ["", 16],
    ] as const) {
      process.env.TAMBON_PASSWORD_COST = value;
      assert.equal(passwordCost(), cost, `TAMBON_PASSWORD_COST=${JSON.stringify(value)}`);
    }
    delete process.env.TAMBON_PASSWORD_COST;
    assert.equal(passwordCost(), 16, "the default");
    process.env.TAMBON_PASSWORD_COST = "10";
    const n = Number((await hashPassword("password1")).split("$")[1]);
    assert.equal(n, 2 ** 16, "a hash made while a too-low cost is set uses the default");
  } finally {
    if (given === undefined) delete process.env.TAMBON_PASSWORD_COST;
    else process.env.TAMBON_PASSWORD_COST = given;
  }
});

test("password rules count Thai characters, not bytes", () => {
  assert.equal(passwordProblem("1234567"), "password.tooShort");
  assert.equal(passwordProblem("กขคงจฉชซ"), null);
  assert.equal(passwordProblem("x".repeat(201)), "password.tooLong");
});
