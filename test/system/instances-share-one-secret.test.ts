/*
 * Every instance on one database must hold the same TAMBON_SECRET (CSRF tokens, sessions, receipt
 * codes and the key of the kept LINE tokens derive from it). The first start keeps a fingerprint
 * of it in the database, never the secret; an instance with another secret refuses to start with
 * one line and exit code 2.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, writePgliteDataDir } from "../helpers/db.ts";
import { openDatabase } from "../../src/core/db/index.ts";
import { CliError } from "../../src/core/cli.ts";
import { checkSharedSecret, secretFingerprint } from "../../src/core/shared-secret.ts";

const SECRET_A = "a-secret-of-the-first-instance-0123456789";
const SECRET_B = "b-secret-of-another-instance-9876543210";

for (const kind of DB_KINDS) {
  describe(`one secret for every instance, on ${kind}`, () => {
    test("the first start keeps the fingerprint; the same secret starts again, another is refused", async () => {
      const database = await openTestDatabase(kind);
      try {
        await checkSharedSecret(database, SECRET_A);
        await checkSharedSecret(database, SECRET_A);
        // Plain objects, whichever driver answered.
        const facts = async () =>
          (
            await database.rows<Record<string, unknown>>(
              sql`select name, value from installation_facts`,
            )
          ).map((r) => ({ ...r }));
        const rows = await facts();
        assert.deepEqual(rows, [
          { name: "secret-fingerprint", value: secretFingerprint(SECRET_A) },
        ]);
        assert.ok(!JSON.stringify(rows).includes(SECRET_A), "the secret itself is not stored");
        await assert.rejects(
          checkSharedSecret(database, SECRET_B),
          (err: unknown) =>
            err instanceof CliError &&
            err.code === 2 &&
            !err.message.includes("\n") &&
            /^TAMBON_SECRET: not the secret this database was started with/.test(err.message) &&
            !err.message.includes(SECRET_A) &&
            !err.message.includes(SECRET_B),
        );
        assert.deepEqual(await facts(), rows, "the first one is kept");
      } finally {
        await database.drop();
      }
    });
  });
}

test("tambon serve with another secret than its database's stops with one line, exit code 2", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-secret-"));
  await writePgliteDataDir(path.join(dir, "pglite"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite") });
  try {
    await checkSharedSecret(database, SECRET_A);
  } finally {
    await database.close();
  }
  const bin = path.resolve(import.meta.dirname, "../../bin/tambon.js");
  const r = spawnSync(process.execPath, [bin, "serve"], {
    env: {
      ...process.env,
      TAMBON_DATA_DIR: dir,
      TAMBON_SECRET: SECRET_B,
      TAMBON_PASSWORD_COST: "10",
      LOG_LEVEL: "warn",
      PORT: "1",
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /^tambon: TAMBON_SECRET: not the secret this database was started with/);
});
