import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import autocannon from "autocannon";
import sharp from "sharp";
import { and, eq, gt, sql } from "drizzle-orm";
import { openDatabase } from "../src/core/db/index.ts";
import { roleGrants, tambons, users } from "../src/core/db/schema.ts";
import { loadActor } from "../src/core/auth/session.ts";
import type { Actor } from "../src/core/roles.ts";
import { savePage } from "../src/modules/site/pages/commands.ts";
import { indexNews, saveNews } from "../src/modules/site/news/commands.ts";
import { siteNews } from "../src/modules/site/news/schema.ts";
import { addPhotos, saveAlbum } from "../src/modules/site/galleries/commands.ts";
import { newKey, preparePhoto, type PreparedPhoto } from "../src/modules/site/shared/media.ts";
import { installModules } from "../src/core/install.ts";
import { modules } from "../src/modules/index.ts";
import { chromiumPath } from "../src/core/pdf.ts";

// The site's commands are called without building the app: install the modules' access rules.
installModules(modules);

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/tambon.js");
type Env = Record<string, string>;
type Figures = Record<string, string | number>;

/** Real Thai prose (the article of seed 000), cut into paragraphs for the bench's news items. */
const PARAGRAPHS = readFileSync(path.join(root, "../shared/seeds/000_75d50941c4b4db75.txt"), "utf8")
  .split(/\n\s*\n/)
  .map((p) => p.replace(/\s+/g, " ").trim())
  .filter((p) => p.length > 80);
const WORDS = [
  "ชุมชน",
  "สุขภาพ",
  "เครือข่าย",
  "พัฒนา",
  "เมืองน่าอยู่",
  "ภาคี",
  "ท้องถิ่น",
  "เรียนรู้",
  "เศรษฐกิจ",
  "ประชาชน",
  "หมู่บ้าน",
  "ตำบล",
];
const HEADLINES = [
  "เวทีประชาคมหมู่บ้านเรื่องแผนพัฒนาสุขภาพ",
  "อบต.ร่วมกับ รพ.สต. ตรวจคัดกรองผู้สูงอายุ",
  "ประกาศรับฟังความคิดเห็นร่างธรรมนูญสุขภาพ",
  "รณรงค์กำจัดลูกน้ำยุงลายป้องกันไข้เลือดออก",
  "ประกาศผลการจัดซื้อจัดจ้างซ่อมแซมถนน",
  "โครงการคัดแยกขยะในโรงเรียนและตลาดชุมชน",
  "อบรมเกษตรอินทรีย์ให้กลุ่มเกษตรกร",
  "ซ่อมท่อประปาหมู่บ้านแล้วเสร็จ",
];

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

/** The bench content in La-ngu: 200 news, 20 pages, 10 albums of 17 photos. */
async function seedContent(env: Env) {
  const database = await openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL }
      : { dataDir: path.join(env.TAMBON_DATA_DIR!, "pglite") },
  );
  const db = database.db;
  const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
  const [editor] = await db.select().from(users).where(eq(users.username, "langu-editor"));
  const roles = await db.select().from(roleGrants).where(eq(roleGrants.userId, editor!.id));
  const actor: Actor = {
    user: { id: editor!.id, name: editor!.name, isNetworkAdmin: false, lang: "th" },
    roles: new Map([[tb!.id, new Set(roles.map((r) => r.role as "editor"))]]),
    memberOf: new Set([tb!.id]),
  };
  void loadActor;
  const photos: PreparedPhoto[] = [];
  for (let i = 0; i < 17; i++) {
    const data = await sharp({
      create: {
        width: 1280,
        height: 960,
        channels: 3,
        background: { r: 20 + i * 12, g: 120, b: 200 - i * 9 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    const stored = await preparePhoto({
      filename: `p${i}.jpg`,
      data,
      truncated: false,
    });
    if (!stored.ok) throw new Error("photo");
    photos.push(stored.value);
  }
  const albums: number[] = [];
  for (let a = 0; a < 10; a++) {
    const r = await saveAlbum(db, actor, tb!.id, { title: `อัลบั้มกิจกรรม ${a + 1}`, published: "1" });
    if (!r.ok) throw new Error("album");
    albums.push(r.value.id);
    // Each album keeps its own copies, under their own names.
    const copies = photos.map((p) => ({ ...p, file: newKey() }));
    await addPhotos(db, actor, tb!.id, r.value.id, copies);
  }
  for (let p = 0; p < 20; p++) {
    const body = Array.from({ length: 30 }, (_, k) => WORDS[(p + k) % WORDS.length]).join(" ");
    const r = await savePage(db, actor, tb!.id, {
      titleTh: `หน้าข้อมูลที่ ${p + 1}`,
      bodyMd: body,
      published: "1",
    });
    if (!r.ok) throw new Error("page");
  }
  let newsId = 0;
  for (let n = 0; n < 200; n++) {
    const paras = [0, 1, 2].map((k) => PARAGRAPHS[(n * 3 + k) % PARAGRAPHS.length]!);
    const r = await saveNews(
      db,
      actor,
      tb!.id,
      {
        title: `${HEADLINES[n % HEADLINES.length]} ครั้งที่ ${n + 1}`,
        summary: paras[0]!.slice(0, 160),
        bodyMd: paras.join("\n\n"),
        status: "published",
        albumId: n % 20 === 0 ? String(albums[n % 10]) : "",
      },
      undefined,
      n < 10 ? { ...photos[n]!, file: newKey() } : undefined,
    );
    if (!r.ok) throw new Error(`news ${JSON.stringify(r.errors)}`);
    newsId = r.value.id;
  }
  // SITE_NEWS=20000: the tambon grown to that many news, copies of the 200 above with their
  // prose (set-wise), each put into the search as saving it does, then the planner's statistics.
  const more = Number(process.env.SITE_NEWS ?? 200) - 200;
  if (more > 0) {
    await database.rows(sql`
      insert into site_news (tambon_id, category_id, slug, title, summary, body_md, body_html,
        status, publish_at, author_id)
      select n.tambon_id, n.category_id, n.slug || '-' || g, n.title || ' (' || g || ')',
        n.summary, n.body_md, n.body_html, 'published', n.publish_at - (g || ' hours')::interval,
        n.author_id
      from generate_series(1, ${more}) g
      join lateral (select * from site_news where tambon_id = ${tb!.id} and status = 'published'
        order by id offset (g % 200) limit 1) n on true`);
    const copies = await db
      .select()
      .from(siteNews)
      .where(and(eq(siteNews.tambonId, tb!.id), gt(siteNews.id, newsId)));
    await db.transaction(async (tx) => {
      for (const item of copies) await indexNews(tx, item);
    });
    await database.rows(sql`VACUUM ANALYZE`);
  }
  const [count] = await database.rows<{ news: number; documents: number }>(sql`
    select (select count(*)::int from site_news where tambon_id = ${tb!.id}) as news,
      (select count(*)::int from search_documents where tambon_id = ${tb!.id}) as documents`);
  await database.close();
  return { newsId, news: Number(count!.news), documents: Number(count!.documents) };
}

async function load(
  url: string,
  opts: { seconds?: number; headers?: Record<string, string>; path?: () => string } = {},
) {
  const base = new URL(url);
  const r = await autocannon({
    url: base.origin,
    connections: 50,
    duration: opts.seconds ?? 10,
    headers: {
      "accept-encoding": "br, gzip",
      "user-agent": "Mozilla/5.0 (bench) Firefox/128.0",
      ...opts.headers,
    },
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({
          ...req,
          path: opts.path ? opts.path() : base.pathname + base.search,
        }),
      },
    ],
  });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Compressed bytes of a URL's body (brotli, as browsers fetch it). */
async function brBytes(url: string): Promise<number> {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  return brotliCompressSync(Buffer.from(await res.arrayBuffer())).length;
}

/** Home, news and search throughput with the content, on one database. */
export async function benchSite(kind: "pglite" | "postgres"): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-site-bench-"));
  const port = kind === "pglite" ? "3193" : "3194";
  const env: Env = {
    TAMBON_DATA_DIR: dir,
    PORT: port,
    TAMBON_PASSWORD_COST: "14",
    NODE_ENV: "test",
  };
  let dropDb: (() => void) | null = null;
  if (kind === "postgres") {
    const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `tambon_site_bench_${process.pid}`;
    const psql = (q: string) => spawnSync("psql", [admin, "-qc", q], { encoding: "utf8" });
    const made = psql(`create database ${name}`);
    if (made.status !== 0) throw new Error(`PostgreSQL needed for this benchmark: ${made.stderr}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = () => void psql(`drop database if exists ${name} with (force)`);
  }
  tambon(["demo"], env);
  const seedStart = performance.now();
  const { newsId, news: newsCount, documents } = await seedContent(env);
  const seedMs = Math.round(performance.now() - seedStart);
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    const newsUrl = `${base}/t/la-ngu/news/${newsId}`;
    await load(`${base}/t/la-ngu`, { seconds: 3 });
    const home = await load(`${base}/t/la-ngu`);
    await load(newsUrl, { seconds: 2 });
    const news = await load(newsUrl);
    let n = 0;
    // Popular words, asked again and again (a fresh page each time; answers kept a few seconds).
    const searchPath = () =>
      `/t/la-ngu/search?q=${encodeURIComponent(WORDS[n % WORDS.length]!)}&n=${n++}`;
    await load(base, { seconds: 2, path: searchPath });
    const search = await load(base, { path: searchPath });
    // Every query different (three words of twelve: 1,728 combinations), each one to the database.
    const distinctPath = () => {
      const k = n++;
      const q = [k % 12, Math.floor(k / 12) % 12, Math.floor(k / 144) % 12].map((i) => WORDS[i]);
      return `/t/la-ngu/search?q=${encodeURIComponent(q.join(" "))}`;
    };
    n = 0;
    const distinct = await load(base, { path: distinctPath });
    const html = await fetch(`${base}/t/la-ngu`).then((r) => r.text());
    const css = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(html)?.[1];
    const js = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    const htmlBytes = await brBytes(`${base}/t/la-ngu`);
    const cssBytes = css ? await brBytes(base + css) : 0;
    let jsBytes = 0;
    for (const j of js) jsBytes += await brBytes(base + j);
    const p = kind;
    return {
      [`${p}: content seeded (ms)`]: seedMs,
      [`${p}: news · search documents in the tambon`]: `${newsCount} · ${documents}`,
      [`${p}: home page (req/s)`]: home.rps,
      [`${p}: home page (p99 ms)`]: home.p99,
      [`${p}: news page (req/s)`]: news.rps,
      [`${p}: news page (p99 ms)`]: news.p99,
      [`${p}: search, popular words (req/s)`]: search.rps,
      [`${p}: search, popular words (p99 ms)`]: search.p99,
      [`${p}: search, every query different (req/s)`]: distinct.rps,
      [`${p}: search, every query different (p99 ms)`]: distinct.p99,
      [`${p}: errors`]: home.errors + news.errors + search.errors + distinct.errors,
      [`${p}: home page HTML + CSS + JS, brotli (KB)`]:
        Math.round(((htmlBytes + cssBytes + jsBytes) / 1024) * 10) / 10,
    };
  } finally {
    const done = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await done;
    dropDb?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lighthouse (mobile) on the home page and a news page of La-ngu's demo. */
export async function benchLighthouse(): Promise<Figures> {
  const { default: lighthouse } = await import("lighthouse");
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-lh-"));
  const env: Env = {
    TAMBON_DATA_DIR: dir,
    PORT: "3195",
    TAMBON_PASSWORD_COST: "14",
    NODE_ENV: "test",
  };
  tambon(["demo"], env);
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = "http://127.0.0.1:3195";
  const debugPort = 9333;
  const chrome = spawn(
    chromiumPath(),
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${path.join(dir, "chromium")}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${debugPort}/json/version`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const out: Figures = {};
  try {
    await waitFor(`${base}/t/la-ngu`, child);
    const newsHref = /href="(\/t\/la-ngu\/news\/\d+[^"]*)"/.exec(
      await (await fetch(`${base}/t/la-ngu`)).text(),
    )![1]!;
    for (const [name, url] of [
      ["home", `${base}/t/la-ngu`],
      ["news page", base + newsHref],
    ] as const) {
      const result = await lighthouse(url, {
        port: debugPort,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        formFactor: "mobile",
      });
      const cats = result!.lhr.categories;
      for (const [id, label] of [
        ["performance", "performance"],
        ["accessibility", "accessibility"],
        ["best-practices", "best practices"],
        ["seo", "SEO"],
      ] as const)
        out[`${name}: ${label}`] = Math.round((cats[id]?.score ?? 0) * 100);
      const failed = Object.values(result!.lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      if (failed.length) out[`${name}: failed audits`] = failed.join(", ");
    }
  } finally {
    chrome.kill("SIGTERM");
    const done = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await done;
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.main || process.argv[1] === import.meta.filename) {
  const which = process.argv[2] ?? "all";
  const show = (f: Figures) => process.stdout.write(`${JSON.stringify(f, null, 1)}\n`);
  if (which === "all" || which === "pglite") show(await benchSite("pglite"));
  if (which === "all" || which === "postgres") show(await benchSite("postgres"));
  if (which === "all" || which === "lighthouse") show(await benchLighthouse());
}
