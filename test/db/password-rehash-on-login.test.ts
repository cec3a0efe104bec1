import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { DB_KINDS, openTestDatabase } from "../helpers/db.ts";
import { users } from "../../src/core/db/schema.ts";
import { hashPassword, verifyPassword } from "../../src/core/auth/password.ts";
import { logIn } from "../../src/core/commands/accounts.ts";

/** Runs `work` as a production process would: NODE_ENV=production, no cost set. */
async function asProduction<T>(work: () => Promise<T>): Promise<T> {
  const { NODE_ENV, TAMBON_PASSWORD_COST } = process.env;
  process.env.NODE_ENV = "production";
  delete process.env.TAMBON_PASSWORD_COST;
  try {
    return await work();
  } finally {
    if (NODE_ENV === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = NODE_ENV;
    if (TAMBON_PASSWORD_COST === undefined) delete process.env.TAMBON_PASSWORD_COST;
    else process.env.TAMBON_PASSWORD_COST = TAMBON_PASSWORD_COST;
  }
}

for (const kind of DB_KINDS) {
  test(`${kind}: a login with a hash of 2^14 stores the password again at N=2^17, r=8, p=1`, async () => {
    const database = await openTestDatabase(kind);
    try {
      const { db } = database;
      const given = process.env.TAMBON_PASSWORD_COST;
      process.env.TAMBON_PASSWORD_COST = "14";
      const old = await hashPassword("รหัสเดิมของฉัน").finally(() => {
        if (given === undefined) delete process.env.TAMBON_PASSWORD_COST;
        else process.env.TAMBON_PASSWORD_COST = given;
      });
      assert.match(old, /^scrypt\$16384\$8\$1\$/);
      const [user] = await db
        .insert(users)
        .values({ name: "สมศรี ใจดี", username: "somsri", passwordHash: old })
        .returning({ id: users.id });
      const storedHash = async () =>
        (await db.select().from(users).where(eq(users.id, user!.id)))[0]!.passwordHash!;

      await asProduction(async () => {
        assert.equal(await logIn(db, "somsri", "รหัสผิด", "test"), null);
        assert.equal(await storedHash(), old, "a wrong password changes nothing");

        assert.ok(await logIn(db, "somsri", "รหัสเดิมของฉัน", "test"));
        const now = await storedHash();
        assert.match(now, /^scrypt\$131072\$8\$1\$/, "today's parameters");
        assert.equal(await verifyPassword("รหัสเดิมของฉัน", now), true);

        assert.ok(await logIn(db, "somsri", "รหัสเดิมของฉัน", "test"), "the new hash logs in");
        assert.equal(await storedHash(), now, "a hash with today's parameters is kept");
      });
    } finally {
      await database.drop();
    }
  });
}
