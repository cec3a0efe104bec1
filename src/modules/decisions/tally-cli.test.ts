import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { TALLY_MAX_BYTES, runTallyCommand } from "./tally-cli.ts";
import type { TallyResult } from "./tally-types.ts";

const INPUT = {
  members: [
    { id: 1, village: "91050201" },
    { id: 2, village: "91050201" },
    { id: 3, village: "91050202" },
  ],
  delegations: [
    { truster: 1, trustee: 2, scope: "tambon" },
    { truster: 3, trustee: null, scope: "area" },
  ],
  question: { area: "health", alternatives: [10, 11] },
  ballots: [{ member: 2, grades: { "10": 2, "11": -1 } }],
  policy: { majority: 0.5, quorum: 0, maxWeight: null, villageQuorum: null },
};

const EXPECTED =
  '{"voters":1,"weightCounted":2,"weightLost":0,"alternatives":[' +
  '{"id":10,"positive":2,"negative":0,"rank":1,"eligible":true},' +
  '{"id":11,"positive":0,"negative":2,"rank":3,"eligible":false}],' +
  '"statusQuoRank":2,"winner":10,"quorum":{"met":true,"failed":[]},' +
  '"weights":{"2":2},"chains":{"1":[1,2]}}\n';

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[], stdinText = "") {
  const stdout = collector();
  const stderr = collector();
  const code = await runTallyCommand(args, {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function withFile(text: string, body: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "tally-cli-"));
  try {
    const file = join(dir, "input.json");
    await writeFile(file, text);
    await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("tally FILE prints the result JSON", async () => {
  await withFile(JSON.stringify(INPUT, null, 2), async (file) => {
    const r = await run([file]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, EXPECTED);
  });
});

test("tally - reads standard input", async () => {
  const r = await run(["-"], JSON.stringify(INPUT));
  assert.equal(r.code, 0);
  assert.equal(r.stdout, EXPECTED);
});

test("a UTF-8 byte order mark at the start is accepted", async () => {
  const r = await run(["-"], `\ufeff${JSON.stringify(INPUT)}`);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, EXPECTED);
});

test("--summary leaves out weights and chains", async () => {
  const r = await run(["--summary", "-"], JSON.stringify(INPUT));
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout) as TallyResult;
  assert.deepEqual(Object.keys(out), [
    "voters",
    "weightCounted",
    "weightLost",
    "alternatives",
    "statusQuoRank",
    "winner",
    "quorum",
  ]);
  assert.equal(out.winner, 10);
  assert.ok(r.stdout.endsWith("}\n"));
});

test("bad JSON: non-zero exit, one line on stderr, nothing on stdout", async () => {
  const r = await run(["-"], '{"members": [');
  assert.notEqual(r.code, 0);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^tambon tally: invalid JSON: [^\n]+\n$/);
});

test("invalid input: the reason names the field", async () => {
  const bad = { ...INPUT, delegations: [{ truster: 1, trustee: 2, scope: "village" }] };
  await withFile(JSON.stringify(bad), async (file) => {
    const r = await run([file]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      'tambon tally: delegations[0].scope must be tambon, area or question, not "village"\n',
    );
  });
});

test("input that is not UTF-8 is refused on one line, never counted", async () => {
  const dir = await mkdtemp(join(tmpdir(), "tally-cli-"));
  try {
    const file = join(dir, "latin1.json");
    const text = JSON.stringify({ ...INPUT, members: [{ id: 1, village: "\u00ff" }] });
    await writeFile(file, Buffer.from(text, "latin1"));
    const r = await run([file]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, "tambon tally: the input is not UTF-8 text\n");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a missing file is reported on one line", async () => {
  const r = await run([join(tmpdir(), "no-such-dir-for-tally", "x.json")]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^tambon tally: cannot read .*x\.json: [^\n]*ENOENT[^\n]*\n$/);
});

test("input beyond the size limit stops with one line, also from a stream that never ends", async () => {
  const MiB = 1024 * 1024;
  const endless = new Readable({
    read() {
      this.push(Buffer.alloc(64 * 1024, 0x20));
    },
  });
  const stdout = collector();
  const stderr = collector();
  const code = await runTallyCommand(["-"], {
    stdin: endless,
    stdout: stdout.stream,
    stderr: stderr.stream,
    maxBytes: MiB,
  });
  assert.equal(code, 1);
  assert.equal(stdout.text(), "");
  assert.equal(
    stderr.text(),
    "tambon tally: standard input is larger than 1 MiB, too large to count\n",
  );
  if (process.platform === "linux") {
    const zero = await runTallyCommand(["/dev/zero"], {
      stdin: Readable.from([]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      maxBytes: MiB,
    });
    assert.equal(zero, 1);
    assert.match(stderr.text(), /\/dev\/zero is larger than 1 MiB, too large to count\n$/);
  }
  // A file within the limit is counted; the limit is far above a 10-million-member list.
  await withFile(JSON.stringify(INPUT), async (file) => {
    const r = await runTallyCommand([file], {
      stdin: Readable.from([]),
      stdout: collector().stream,
      stderr: collector().stream,
      maxBytes: Buffer.byteLength(JSON.stringify(INPUT)),
    });
    assert.equal(r, 0);
  });
  const member = Buffer.byteLength('{"id":10000000,"village":"91050201"},');
  assert.ok(TALLY_MAX_BYTES > 10_000_000 * member);
});

test("usage errors exit 2: no FILE, unknown option, two files", async () => {
  for (const args of [[], ["--verbose", "-"], ["a.json", "b.json"]]) {
    const r = await run(args);
    assert.equal(r.code, 2, `args ${args.join(" ")}`);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr.split("\n").length, 2, "one line");
  }
});

test("--help prints usage and exits 0", async () => {
  const r = await run(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: tambon tally \[--summary\] FILE\|-/);
  assert.equal(r.stderr, "");
});

test("large output is streamed completely", async () => {
  const n = 50_000;
  const input = {
    members: Array.from({ length: n }, (_, i) => ({ id: i + 1, village: `v${i % 7}` })),
    delegations: Array.from({ length: n - 1 }, (_, i) => ({
      truster: i + 2,
      trustee: 1,
      scope: "tambon",
    })),
    question: { alternatives: [1] },
    ballots: [{ member: 1, grades: { "1": 1 } }],
  };
  const r = await run(["-"], JSON.stringify(input));
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout) as TallyResult;
  assert.deepEqual(out.weights, { "1": n });
  assert.equal(Object.keys(out.chains ?? {}).length, n - 1);
  assert.deepEqual(out.chains?.[String(n)], [n, 1]);
});

test("a failing stdout gives exit 1 and one line on stderr", async () => {
  const stderr = collector();
  const stdout = new Writable({
    write(_chunk, _encoding, done) {
      done(new Error("write EPIPE"));
    },
  });
  const code = await runTallyCommand(["-"], {
    stdin: Readable.from([Buffer.from(JSON.stringify(INPUT))]),
    stdout,
    stderr: stderr.stream,
  });
  assert.equal(code, 1);
  assert.equal(stderr.text(), "tambon tally: cannot write the result: write EPIPE\n");
});
