import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/tambon.js");
type Env = Record<string, string>;
type Figures = Record<string, string | number>;

const MB = 1024 * 1024;
const PORT = 3197;
const base = `http://127.0.0.1:${PORT}`;

function tambon(args: string[], env: Env) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tambon ${args.join(" ")} failed: ${r.stderr}`);
}

async function waitFor(url: string, child: ChildProcess, limitMs = 60_000) {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from ${url}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

/** A value of /proc/<pid>/status in KiB (VmRSS: now, VmHWM: peak since the last reset). */
function memKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
    readFileSync(`/proc/${pid}/status`, "utf8"),
  );
  if (!m) throw new Error(`no ${field} for ${pid}`);
  return Number(m[1]);
}

/** Starts the peak (VmHWM) over from the current resident size. */
function resetPeak(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

/** A signed-in member of La-ngu with the CSRF cookie and token of the corner's form. */
async function member(): Promise<{ cookie: string; token: string }> {
  const cookieOf = (res: Response, name: string) =>
    (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? "").split(";")[0]!;
  const page = await fetch(`${base}/login`);
  const csrf = cookieOf(page, "tcsrf");
  const loginToken = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrf, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: loginToken,
      identifier: "langu-member",
      password: "tambon-demo",
    }).toString(),
  });
  const sid = cookieOf(res, "tsid");
  if (!sid) throw new Error(`login failed: ${res.status}`);
  const cookie = `${csrf}; ${sid}`;
  const corner = await fetch(`${base}/t/la-ngu/corner`, { headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await corner.text())?.[1];
  if (!token) throw new Error("no corner form");
  return { cookie, token };
}

/**
 * Posts a corner form with `files` files of `bytes` each (bytes that are not a photo, so the
 * figure is the upload's reading, not image decoding), streamed from one buffer so the sender
 * holds no more than one file. Without `declareLength` the body is sent chunked. Resolves with the
 * status of the answer.
 */
function postFiles(
  who: { cookie: string; token: string },
  files: number,
  bytes: number,
  declareLength: boolean,
): Promise<number> {
  const boundary = "----tambonbench";
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${who.token}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="title"\r\n\r\nbench\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="body"\r\n\r\nbench\r\n`,
  );
  const fileHead = (i: number) =>
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="photos"; filename="p${i}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
    );
  const data = Buffer.alloc(bytes, 0x5a);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length =
    head.length +
    Array.from({ length: files }, (_, i) => fileHead(i).length + bytes + 2).reduce(
      (a, b) => a + b,
      0,
    ) +
    tail.length;
  return new Promise((resolve, reject) => {
    let status: number | null = null;
    const req = request(`${base}/t/la-ngu/corner`, {
      method: "POST",
      headers: {
        cookie: who.cookie,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(declareLength ? { "content-length": String(length) } : {}),
      },
    });
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on("end", () => resolve(status!));
    });
    req.on("error", (e) => {
      // The server may answer and close before the whole body is sent.
      if (status !== null) resolve(status);
      else if ((e as NodeJS.ErrnoException).code === "EPIPE" || /reset/i.test(e.message))
        setTimeout(() => (status !== null ? resolve(status) : reject(e)), 500);
      else reject(e);
    });
    const write = (b: Buffer) =>
      new Promise<void>((ok) => (req.write(b) ? ok() : req.once("drain", ok)));
    void (async () => {
      await write(head);
      for (let i = 0; i < files && !req.destroyed && status === null; i++) {
        await write(fileHead(i));
        await write(data);
        await write(Buffer.from("\r\n"));
      }
      if (!req.destroyed) req.end(tail);
    })().catch(() => {});
  });
}

/**
 * The server's peak resident memory while it answers one request, less its resident memory just
 * before (a fresh server for each request, so one request's garbage does not hide the next's).
 */
async function peakGrowth(
  env: Env,
  send: (who: { cookie: string; token: string }) => Promise<number>,
): Promise<{ mb: number; status: number }> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    const who = await member();
    await new Promise((r) => setTimeout(r, 1000));
    const pid = child.pid!;
    resetPeak(pid);
    const before = memKiB(pid, "VmRSS");
    const status = await send(who);
    const peak = memKiB(pid, "VmHWM");
    return { mb: Math.round((peak - before) / 1024), status };
  } finally {
    await stop(child);
  }
}

/** The median of three runs (each on a fresh server): peak growth in MB and the status. */
async function median3(
  env: Env,
  send: (who: { cookie: string; token: string }) => Promise<number>,
): Promise<string> {
  const runs: { mb: number; status: number }[] = [];
  for (let i = 0; i < 3; i++) runs.push(await peakGrowth(env, send));
  runs.sort((a, b) => a.mb - b.mb);
  return `${runs[1]!.mb} (${runs.map((r) => r.mb).join(", ")}) / ${runs[1]!.status}`;
}

/** Peak memory of the corner form: within its limit, and with 20 files of 15 MB. */
export async function benchUploads(): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-upload-bench-"));
  const env: Env = {
    TAMBON_DATA_DIR: dir,
    PORT: String(PORT),
    TAMBON_PASSWORD_COST: "14",
    NODE_ENV: "test",
  };
  try {
    tambon(["demo"], env);
    const label = "peak RSS growth, MB: median (runs) / status";
    return {
      [`corner, 4 × 15 MB (within the limit): ${label}`]: await median3(env, (who) =>
        postFiles(who, 4, 15 * MB, true),
      ),
      [`corner, 20 × 15 MB with Content-Length: ${label}`]: await median3(env, (who) =>
        postFiles(who, 20, 15 * MB, true),
      ),
      [`corner, 20 × 15 MB chunked: ${label}`]: await median3(env, (who) =>
        postFiles(who, 20, 15 * MB, false),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
