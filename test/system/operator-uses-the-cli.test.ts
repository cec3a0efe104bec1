import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { COMMANDS } from "../../src/cli/commands.ts";
import { writePgliteDataDir } from "../helpers/db.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/tambon.js");
const baseEnv = { ...process.env, TAMBON_PASSWORD_COST: "10", LOG_LEVEL: "warn" };
/**
 * Node's flags for each command: WebAssembly compiled once, by V8's baseline compiler only. A
 * command opens PGlite for a second or two, too short for the optimising compiler's work on
 * PGlite's WebAssembly to pay back; without it a command that opens the database takes about half
 * the CPU time. What runs is the same code.
 */
const NODE_FLAGS = ["--liftoff-only"];

function tambon(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [...NODE_FLAGS, bin, ...args], {
    env: { ...baseEnv, ...env },
    encoding: "utf8",
    input,
  });
}

/** A command that must answer without starting anything: stopped after a minute. */
function tambonQuick(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...NODE_FLAGS, bin, ...args], {
    env: { ...baseEnv, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const THAI = /[\u0E00-\u0E7F]/;

/**
 * A data folder whose PGlite is a copy of the run's migrated database (with the demo when asked),
 * as `tambon migrate` / `tambon demo` leave it: only the first journey below creates one from
 * nothing, as a new operator does; the others start where it ends.
 */
async function dataDir(opts: { demo?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-cli-"));
  await writePgliteDataDir(path.join(dir, "pglite"), opts);
  return dir;
}

test("every command's --help and -h print its help in Thai and English and do nothing else", () => {
  // A data folder that must not come into being, and a PostgreSQL URL nothing answers on: a
  // command that opened a database or wrote its secret would leave the folder or fail.
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "tambon-cli-")), "data");
  const env = { TAMBON_DATA_DIR: dir, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
  assert.ok(COMMANDS.length >= 7);
  for (const c of COMMANDS) {
    for (const args of [
      [c.name, "--help"],
      [c.name, "-h"],
      ["help", c.name],
    ]) {
      const r = tambonQuick(args, env);
      const what = `tambon ${args.join(" ")}`;
      assert.equal(r.status, 0, `${what}: ${r.stderr}`);
      assert.equal(r.stderr, "", what);
      assert.match(r.stdout, new RegExp(`^tambon ${c.name} — `), what);
      assert.match(r.stdout, /ใช้งาน \/ usage:/, what);
      assert.match(r.stdout, THAI, what);
      assert.match(r.stdout, /-h, --help +แสดงวิธีใช้นี้ \/ show this help/, what);
      for (const option of Object.keys(c.options))
        assert.match(r.stdout, new RegExp(`--${option}\\b`), `${what} names --${option}`);
    }
  }
  const migrate = tambonQuick(["migrate", "--help"], { TAMBON_DATA_DIR: dir });
  assert.equal(migrate.status, 0);
  assert.doesNotMatch(migrate.stdout, /migrations applied/);
  assert.equal(existsSync(dir), false, "no command's help created the data folder");
  const tallyHelp = tambonQuick(["tally", "--help"]).stdout;
  assert.match(tallyHelp, /tambon tally --verify FILE/);
  assert.match(tallyHelp, /นับคะแนน/);
  assert.match(tallyHelp, /Counts the votes/);
});

test("--version prints the version of package.json", () => {
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  for (const flag of ["--version", "-v"]) {
    const r = tambonQuick([flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `tambon ${version}\n`);
  }
});

test("an unknown option or a wrong number of arguments exits 2 with one line on standard error", () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "tambon-cli-")), "data");
  const env = { TAMBON_DATA_DIR: dir };
  for (const c of COMMANDS) {
    const r = tambonQuick([c.name, "--no-such-option"], env);
    const what = `tambon ${c.name} --no-such-option`;
    assert.equal(r.status, 2, `${what}: ${r.stderr}`);
    assert.equal(r.stdout, "", what);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^tambon: ${c.name}: unknown option --no-such-option`));
  }
  const global = tambonQuick(["--no-such-option"], env);
  assert.equal(global.status, 2);
  assert.equal(
    global.stderr,
    "tambon: unknown option --no-such-option / ไม่รู้จักตัวเลือกนี้; see tambon --help\n",
  );
  const missingFile = tambonQuick(["tally"], env);
  assert.equal(missingFile.status, 2);
  assert.match(missingFile.stderr, /^tambon: tally: missing FILE\|- .*\n$/);
  const extra = tambonQuick(["migrate", "now"], env);
  assert.equal(extra.status, 2);
  assert.match(extra.stderr, /^tambon: migrate: unexpected argument "now"/);
  const noValue = tambonQuick(["export-question", "1", "--tambon"], env);
  assert.equal(noValue.status, 2);
  assert.equal(noValue.stderr.trim().split("\n").length, 1, noValue.stderr);
  const unknownHelp = tambonQuick(["help", "frobnicate"], env);
  assert.equal(unknownHelp.status, 2);
  assert.match(unknownHelp.stderr, /unknown command "frobnicate"/);
  assert.equal(existsSync(dir), false, "nothing ran");
});

test("help is in Thai and English; a wrong command exits non-zero with one line", () => {
  const help = tambon(["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /เปิดเว็บเซิร์ฟเวอร์ \/ start the web server/);
  for (const cmd of ["serve", "migrate", "demo", "create-admin", "tally"])
    assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`));
  const wrong = tambon(["frobnicate"]);
  assert.equal(wrong.status, 2);
  assert.equal(wrong.stderr.trim().split("\n").length, 1);
  assert.match(wrong.stderr, /unknown command "frobnicate"/);
  const bare = tambon([]);
  assert.equal(bare.status, 2, "no command is a usage error");
  assert.equal(
    bare.stderr,
    "tambon: no command given / ไม่ได้ระบุคำสั่ง; see tambon --help\n",
    "one line says why",
  );
  assert.match(bare.stdout, /usage: tambon <command>/, "the commands are listed");
});

test("a bad environment value stops with one line naming the variable", () => {
  const r = tambon(["migrate"], {
    PORT: "eighty",
    TAMBON_DATA_DIR: mkdtempSync(path.join(tmpdir(), "tambon-cli-")),
  });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), "tambon: PORT: PORT must be a number");
});

test("a database that cannot be reached stops with one line saying why, not the query", () => {
  // A refused command leaves nothing behind: no data folder, no secret.key in it.
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "tambon-cli-")), "data");
  const r = tambonQuick(["migrate"], {
    DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    TAMBON_DATA_DIR: dir,
  });
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    "tambon: cannot open the database (PostgreSQL at DATABASE_URL): connect ECONNREFUSED 127.0.0.1:1\n",
  );
  assert.equal(existsSync(dir), false, "the data folder was not created");
  // Nor does a backup refused for want of a database to back up.
  const backup = tambonQuick(["backup", path.join(path.dirname(dir), "b.tar.gz")], {
    TAMBON_DATA_DIR: dir,
  });
  assert.equal(backup.status, 1, backup.stderr);
  assert.match(backup.stderr, /^tambon: no database in /);
  assert.equal(existsSync(path.join(dir, "secret.key")), false, "no secret.key was written");
  assert.equal(existsSync(dir), false, "the data folder was not created");
});

test(
  "a data folder that cannot be made (under /proc) stops at once with one line naming it",
  {
    skip: process.platform !== "linux",
  },
  () => {
    // Node 20's recursive mkdir loops for ever on ENOENT from a folder whose parent exists.
    const r = spawnSync(process.execPath, [...NODE_FLAGS, bin, "migrate"], {
      env: { ...baseEnv, TAMBON_DATA_DIR: "/proc/tambon-data" },
      encoding: "utf8",
      timeout: 20_000,
    });
    assert.equal(r.status, 1, `exit ${r.status} (${r.signal ?? "no signal"}): ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^tambon: cannot create the folder \/proc\/tambon-data: ENOENT/);
    assert.doesNotMatch(r.stderr, /\bat \S+:\d+/, "no stack trace");
    // A restore into PostgreSQL makes its work folder in the data folder before it connects.
    const archive = path.join(mkdtempSync(path.join(tmpdir(), "tambon-cli-")), "a.tar.gz");
    writeFileSync(archive, "not an archive");
    const restore = spawnSync(process.execPath, [...NODE_FLAGS, bin, "restore", archive], {
      env: {
        ...baseEnv,
        TAMBON_DATA_DIR: "/proc/tambon-data",
        DATABASE_URL: "postgres://127.0.0.1:1/none",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    assert.equal(restore.status, 1, `exit ${restore.status} (${restore.signal ?? "no signal"})`);
    assert.equal(restore.stderr.trim().split("\n").length, 1, restore.stderr);
    assert.match(restore.stderr, /^tambon: cannot create the folder \/proc\/tambon-data: ENOENT/);
  },
);

test("migrate, demo (idempotent) and create-admin on an embedded database", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-cli-"));
  const env = { TAMBON_DATA_DIR: dir };
  assert.equal(tambon(["migrate"], env).status, 0);
  const demo = tambon(["demo"], env);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /ละงู loaded/);
  const again = tambon(["demo"], env);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /ละงู already present/);
  const missing = tambon(["create-admin", "--name", "ผู้ดูแล"], env);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--username, --phone or --email/);
  const noPassword = tambon(["create-admin", "--name", "ผู้ดูแล", "--username", "boss"], env);
  assert.equal(noPassword.status, 2);
  assert.match(noPassword.stderr, /TAMBON_ADMIN_PASSWORD/);
  const weak = tambon(
    ["create-admin", "--name", "ผู้ดูแล", "--username", "boss", "--password-stdin"],
    env,
    "short\n",
  );
  assert.equal(weak.status, 2);
  const made = tambon(
    ["create-admin", "--name", "ผู้ดูแล", "--username", "boss", "--password-stdin"],
    env,
    "long-enough-password\n",
  );
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /created network administrator #\d+ \(boss\)/);
  const dup = tambon(["create-admin", "--name", "อีกคน", "--username", "boss"], {
    ...env,
    TAMBON_ADMIN_PASSWORD: "long-enough-password",
  });
  assert.equal(dup.status, 1);
  assert.match(dup.stderr, /exists/);
  const badFlag = tambon(["create-admin", "--nme", "x"], env);
  assert.equal(badFlag.status, 2);
  // A name the web would refuse (too long, or two lines) is refused in one line.
  for (const name of ["ก".repeat(121), "สมชาย\nใจดี"]) {
    const refused = tambon(
      ["create-admin", "--name", name, "--username", "refused", "--password-stdin"],
      env,
      "long-enough-password\n",
    );
    assert.equal(refused.status, 2, refused.stderr);
    assert.equal(refused.stderr.trim().split("\n").length, 1, refused.stderr);
  }
});

test("export-question writes a closed question that tally --verify recounts; tampering is caught", async () => {
  const dir = await dataDir({ demo: true });
  const env = { TAMBON_DATA_DIR: dir };
  const exported = tambon(["export-question", "1", "--tambon", "la-ngu"], env);
  assert.equal(exported.status, 0, exported.stderr);
  const data = JSON.parse(exported.stdout);
  assert.equal(data.format, "tambon-question-export/1");
  const file = path.join(dir, "q1.json");
  writeFileSync(file, exported.stdout);
  const ok = tambon(["tally", "--verify", file]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(
    ok.stdout,
    new RegExp(`^verified: question 1, winner \\S+, final hash ${data.chainHash}`),
  );
  data.input.ballots[0].grades = Object.fromEntries(
    Object.keys(data.input.ballots[0].grades).map((k) => [k, -2]),
  );
  writeFileSync(file, JSON.stringify(data));
  const bad = tambon(["tally", "--verify", file]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /the input does not match its hash/);
  assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
  const open = tambon(["export-question", "2", "--tambon", "la-ngu"], env);
  assert.equal(open.status, 1, "a question still open cannot be exported");
  assert.match(open.stderr, /not closed/);
  assert.equal(tambon(["export-question", "x"], env).status, 2);
  for (const id of ["99999999999", "999999"]) {
    const none = tambon(["export-question", id, "--tambon", "la-ngu"], env);
    assert.equal(none.status, 1);
    assert.equal(none.stderr, `tambon export-question: no question ${id} in this tambon\n`);
  }
  const tick = tambon(["tick"], env);
  assert.equal(tick.status, 0, tick.stderr);
  assert.match(tick.stdout, /^moved \d+ question\(s\)/);
});

test("tally reads a file or standard input and prints the count as JSON", () => {
  const input = {
    members: [
      { id: 1, village: "91050201" },
      { id: 2, village: "91050201" },
      { id: 3, village: "91050202" },
    ],
    delegations: [{ truster: 1, trustee: 2, scope: "tambon" }],
    question: { area: "health", alternatives: [10] },
    ballots: [
      { member: 2, grades: { "10": 1 } },
      { member: 3, grades: { "10": -1 } },
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tambon-cli-")), "q.json");
  writeFileSync(file, JSON.stringify(input));
  const fromFile = tambon(["tally", file]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  const out = JSON.parse(fromFile.stdout);
  assert.equal(out.winner, 10);
  assert.deepEqual(out.weights, { "2": 2, "3": 1 });
  assert.deepEqual(out.chains, { "1": [1, 2] });
  const summary = tambon(["tally", "--summary", file]);
  assert.equal(summary.status, 0, summary.stderr);
  const counted = JSON.parse(summary.stdout);
  assert.equal(counted.winner, 10);
  assert.equal(counted.weights, undefined, "--summary leaves out the weights");
  assert.equal(counted.chains, undefined, "--summary leaves out the chains");
  const both = tambon(["tally", "--summary", "--verify", file]);
  assert.equal(both.status, 2);
  assert.equal(both.stderr.trim().split("\n").length, 1);
  const fromStdin = tambon(["tally", "-"], {}, JSON.stringify(input));
  assert.equal(fromStdin.stdout, fromFile.stdout, "same bytes");
  const bad = tambon(["tally", "-"], {}, "{not json");
  assert.notEqual(bad.status, 0);
  assert.equal(bad.stderr.trim().split("\n").length, 1);
  // A tally input is no export: --verify says so in one line, never a TypeError.
  const notExport = tambon(["tally", "--verify", file]);
  assert.equal(notExport.status, 1);
  assert.equal(notExport.stderr.trim().split("\n").length, 1, notExport.stderr);
  assert.match(notExport.stderr, /is not a file written by tambon export-question/);
});

/** Starts `tambon serve` on a random port and waits until /healthz answers. */
async function startServe(args: string[], env: Record<string, string>) {
  // A port the system has just handed out and taken back, so test files running at the same time
  // never pick the same one.
  const port = await new Promise<string>((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(String(free)));
    });
  });
  const child = spawn(process.execPath, [...NODE_FLAGS, bin, "serve", ...args], {
    env: { ...baseEnv, ...env, PORT: port },
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    out: "",
    health: null as { db?: string } | null,
    stop: () => (child.kill("SIGTERM"), exited),
  };
  child.stdout.on("data", (d) => (server.out += d));
  child.stderr.on("data", (d) => (server.out += d));
  for (let i = 0; i < 1200 && !server.health; i++) {
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.status === 200) server.health = (await res.json()) as { db?: string };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return server;
}

test("serve answers, then shuts down gracefully on SIGTERM", async () => {
  const dir = await dataDir();
  const server = await startServe([], { TAMBON_DATA_DIR: dir, LOG_LEVEL: "info" });
  let code: number | null;
  try {
    assert.equal(server.health?.db, "pglite", `server did not answer: ${server.out}`);
    assert.match(server.out, new RegExp(`http://localhost:${server.port}`));
    assert.match(
      server.out,
      /\{"level":30,"time":\d+,.*"msg":"Server listening at http/,
      "structured JSON logs",
    );
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0);
  assert.match(server.out, /shutting down/);
});

test("commands are refused the embedded database a server holds; a dead holder's lock is taken over", async () => {
  const dir = await dataDir();
  const env = { TAMBON_DATA_DIR: dir };
  const lock = path.join(dir, "pglite.lock");
  const server = await startServe([], env);
  let code: number | null;
  try {
    assert.ok(server.health, `server did not answer: ${server.out}`);
    assert.equal(JSON.parse(readFileSync(lock, "utf8")).pid, server.pid);
    for (const args of [
      ["migrate"],
      ["export-question", "1", "--tambon", "la-ngu"],
      ["create-admin", "--name", "ผู้ดูแล", "--username", "second", "--password-stdin"],
    ]) {
      const r = tambon(args, env, "รหัสผ่านที่ยาวพอสมควร\n");
      const what = `tambon ${args[0]} beside a server`;
      assert.equal(r.status, 1, `${what}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: one line`);
      assert.match(r.stderr, new RegExp(`in use by process ${server.pid}\\b.*ให้หยุดโปรเซสนั้นก่อน`));
    }
    assert.equal(
      (await fetch(`${server.url}/healthz`)).status,
      200,
      "the server still answers after the refusals",
    );
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0);
  assert.equal(existsSync(lock), false, "the server removed its lock when it stopped");
  // A lock left by a process that no longer runs (killed, power cut) does not lock anyone out.
  const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
  writeFileSync(lock, JSON.stringify({ pid: gone, started: null, command: "serve" }));
  const migrated = tambon(["migrate"], env);
  assert.equal(migrated.status, 0, migrated.stderr);
  assert.equal(existsSync(lock), false, "the command took the lock over and removed it at its end");
});

test("npm start never brings the demo into a deployment whose administrator was created", async () => {
  const dir = await dataDir();
  const env = { TAMBON_DATA_DIR: dir };
  assert.equal(tambon(["migrate"], env).status, 0);
  const made = tambon(
    ["create-admin", "--name", "ผู้ดูแลจริง", "--username", "admin", "--password-stdin"],
    env,
    "รหัสผ่านที่ยาวพอสมควร\n",
  );
  assert.equal(made.status, 0, made.stderr);
  const server = await startServe(["--demo-on-first-start"], env);
  let code: number | null;
  try {
    assert.ok(server.health, `server did not answer: ${server.out}`);
    assert.equal((await fetch(`${server.url}/t/la-ngu`)).status, 404, "no demo tambon");
    assert.doesNotMatch(server.out, /tambon-demo|loading the demo/);
  } finally {
    code = await server.stop();
  }
  assert.equal(code, 0);
});
