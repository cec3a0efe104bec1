import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliError } from "../cli.ts";
import { LOCK_FILE, lockDataDir } from "./data-dir-lock.ts";

const folder = () => mkdtempSync(path.join(tmpdir(), "tambon-lock-"));

test("the lock names this process while held and is gone once released", () => {
  const dir = folder();
  try {
    const lock = lockDataDir(dir, "migrate");
    const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"));
    assert.equal(owner.pid, process.pid);
    assert.equal(owner.command, "migrate");
    // Opened twice in one process (a command may): the lock stays until both are released.
    const again = lockDataDir(dir, "migrate");
    lock.release();
    assert.ok(existsSync(path.join(dir, LOCK_FILE)));
    again.release();
    again.release();
    assert.equal(existsSync(path.join(dir, LOCK_FILE)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a lock held by a live process is refused with one line naming its pid", async () => {
  const dir = folder();
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  try {
    await new Promise((resolve) => other.once("spawn", resolve));
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: other.pid, started: null, command: "serve" }),
    );
    assert.throws(
      () => lockDataDir(dir, "migrate"),
      (err: Error) =>
        err instanceof CliError &&
        err.code === 1 &&
        !err.message.includes("\n") &&
        err.message.includes(`in use by process ${other.pid} (tambon serve)`) &&
        /[\u0E00-\u0E7F]/.test(err.message),
    );
    assert.equal(
      JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid,
      other.pid,
      "the holder's lock is left as it was",
    );
  } finally {
    other.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a lock left by a dead process, a reused pid or a torn write is taken over", () => {
  const dir = folder();
  const file = path.join(dir, LOCK_FILE);
  try {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    // A pid that runs now but started at another time is another process than the holder.
    const reused = { pid: process.ppid, started: "1", command: "serve" };
    for (const left of [
      JSON.stringify({ pid: dead, started: null }),
      JSON.stringify(reused),
      '{"pid":',
    ]) {
      writeFileSync(file, left);
      const lock = lockDataDir(dir, "migrate");
      assert.equal(JSON.parse(readFileSync(file, "utf8")).pid, process.pid, left);
      lock.release();
      assert.equal(existsSync(file), false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
