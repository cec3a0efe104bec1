import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../config.ts";

test("daily backups are off unless TAMBON_BACKUP_DAILY=1, and keep 7 unless told", () => {
  const d = mkdtempSync(path.join(tmpdir(), "tambon-backup-config-"));
  const load = (env: Record<string, string>) => loadConfig({ TAMBON_DATA_DIR: d, ...env }, d);
  assert.equal(load({}).dailyBackups, null);
  assert.equal(load({ TAMBON_BACKUP_DAILY: "0", TAMBON_BACKUP_KEEP: "3" }).dailyBackups, null);
  assert.deepEqual(load({ TAMBON_BACKUP_DAILY: "1" }).dailyBackups, { keep: 7 });
  assert.deepEqual(load({ TAMBON_BACKUP_DAILY: "true", TAMBON_BACKUP_KEEP: "30" }).dailyBackups, {
    keep: 30,
  });
  for (const [env, message] of [
    [{ TAMBON_BACKUP_DAILY: "yes" }, /^TAMBON_BACKUP_DAILY: must be 1 \(on\) or 0 \(off\)$/],
    [{ TAMBON_BACKUP_KEEP: "0" }, /^TAMBON_BACKUP_KEEP: .*between 1 and 366$/],
    [{ TAMBON_BACKUP_KEEP: "seven" }, /^TAMBON_BACKUP_KEEP: /],
  ] as const)
    assert.throws(
      () => load(env),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
});
