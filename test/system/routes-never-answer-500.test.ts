import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { multipart } from "../helpers/multipart.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { modules } from "../../src/modules/index.ts";

/**
 * Inputs drawn per route: enough to meet every kind of bad value a few times. Of these, a route is
 * sent the fewest that still meet every kind of input (see `kindsOf`) the draw holds, the first of
 * each kind; ROUTE_FUZZ_ALL=1 sends every one.
 */
const RUNS = Number(process.env.ROUTE_FUZZ_RUNS ?? 10);
const ALL = process.env.ROUTE_FUZZ_ALL === "1";
/** A fixed seed, so that a failure is found again by the next run (another one explores further). */
const SEED = Number(process.env.ROUTE_FUZZ_SEED ?? 20_260_301);
const TAMBON = "la-ngu";

/** Numbers that are not ids, or are ids past what a column holds, and the usual text tricks. */
const NASTY = [
  "1.5",
  "1e309",
  "1e308",
  "0x10",
  "0b1",
  "0o7",
  "-1",
  "0",
  "00",
  "01",
  "+1",
  " 1",
  "1 ",
  "2147483647",
  "2147483648",
  "4294967296",
  "99999999999999999999999",
  "9".repeat(400),
  "NaN",
  "Infinity",
  "-0",
  "๑๒",
  "١٢",
  "1-slug",
  "12-ข่าว",
  "1\u0000",
  "\u0000",
  "a\u0000b",
  "",
  " ",
  "true",
  "[]",
  "{}",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "2024-02-30",
  "2024-13-01",
  "0000-00-00",
  "9999-99-99",
  "275760-09-14",
  "2024-1-1",
  "2567-01-01",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "%",
  "\\",
  "../..",
  "ก".repeat(3000),
  "x".repeat(3000),
];

/** Path parts that are not valid percent-encoding (sent as they are). */
const RAW_PATH = ["%", "%zz", "%E0%A4%A", "%C0%AF", "%2e%2e", "%00", "1%00", "..%2f.."];

/** Query parameters the pages read. */
const QUERY_KEYS = [
  "page",
  "q",
  "from",
  "to",
  "on",
  "year",
  "village",
  "area",
  "pillar",
  "kind",
  "role",
  "status",
  "centre",
  "clause",
  "question",
  "split",
  "newChapterAt",
  "action",
  "who",
  "tambon",
  "next",
  "back",
  "code",
  "token",
  "version",
];

/** Form fields the forms of the platform send. */
const FORM_FIELDS = [
  "op",
  "status",
  "nameTh",
  "nameEn",
  "name",
  "kind",
  "village",
  "villageId",
  "title",
  "titleTh",
  "titleEn",
  "role",
  "area",
  "areaId",
  "position",
  "key",
  "text",
  "reason",
  "q",
  "password",
  "password2",
  "note",
  "email",
  "phone",
  "body",
  "bodyMd",
  "answer",
  "url",
  "code",
  "description",
  "descriptionTh",
  "caption",
  "decision",
  "date",
  "on",
  "from",
  "to",
  "startOn",
  "endOn",
  "startsOn",
  "endsOn",
  "heldOn",
  "visitedOn",
  "publishAt",
  "startTime",
  "endTime",
  "year",
  "yearBe",
  "number",
  "version",
  "base",
  "member",
  "trustee",
  "target",
  "scope",
  "rating",
  "support",
  "clause",
  "chapter",
  "pillarId",
  "partnerId",
  "centreId",
  "groupId",
  "userId",
  "roleId",
  "kindId",
  "categoryId",
  "albumId",
  "agendaItemId",
  "parentId",
  "meeting",
  "term",
  "moo",
  "population",
  "households",
  "capacity",
  "groupSize",
  "visitorsCount",
  "votesFor",
  "votesAgainst",
  "votesAbstain",
  "quorum",
  "sortOrder",
  "subject",
  "details",
  "channel",
  "identifier",
  "consent",
  "active",
  "archived",
  "published",
  "isPublic",
  "villages",
  "areas",
  "invitedVillageIds",
  "invitedGroupIds",
  "receipt",
  "resolution",
  "proposedText",
  "suggestion",
  "fulfilled",
  "approve",
  "dopaCode",
  "host",
  "website",
  "contactPhone",
  "contactEmail",
];

const nastyText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: "binary" }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.nat(99), fc.nat(99))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  },
);

type BodyKind = "form" | "multipart" | "broken-multipart" | "json" | "text" | "none";

/**
 * The kind of a value sent in a path, a query or a form: what a route may treat differently.
 * Values of one kind ("2147483648" and "99999999999999999999", "<script>" and "' or 1=1 --") are
 * turned away by the same check, so a route met with one of them has been tried with the kind.
 */
function kindOf(value: string, raw = false, real: readonly string[] = []): string {
  if (raw) return "undecodable";
  if (real.includes(value)) return "real";
  if (value.includes("\u0000")) return "nul";
  if (value.trim() === "") return "blank";
  if (value.length > 1000) return "long";
  if (/^\d{1,6}-\d{1,2}-\d{1,2}$/.test(value)) return "date";
  if (/^\d+$/.test(value)) return BigInt(value) > 2_147_483_647n ? "huge-integer" : "integer";
  if (/^-\d+$/.test(value)) return "negative-integer";
  if (/^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|0x[\da-f]+|0b[01]+|0o[0-7]+|NaN|Infinity)\s*$/i.test(value))
    return "number-written-otherwise";
  if (/^\d+-/.test(value)) return "id-and-slug";
  if (/[\ud800-\udfff]/.test(value)) return "broken-utf16";
  if ([...value].some((c) => c.codePointAt(0)! > 0x7f)) return "non-ascii";
  return /[<>'"%\\/.]/.test(value) ? "markup-or-path" : "text";
}

interface Input {
  params: Record<string, { value: string; raw: boolean }>;
  query: [string, string][];
  rawQuery: string | null;
  form: [string, string][];
  body: BodyKind;
}

describe("no route answers 500 to malformed input", () => {
  let t: TestApp;
  let admin: Client;
  let csrf = "";
  /** Ids of La-ngu's records, by the URL segment before them. */
  const ids: Record<string, string[]> = {};

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, TAMBON));
    for (const mod of modules)
      for (const [segment, table] of Object.entries(mod.resources ?? {})) {
        const rows = await t.database.rows<{ id: number }>(
          sql`select id from ${table} where tambon_id = ${langu!.id} order by id limit 3`,
        );
        ids[segment] = rows.map((r) => String(r.id));
      }
    const vs = await t.database.db
      .select({ id: villages.id })
      .from(villages)
      .where(eq(villages.tambonId, langu!.id))
      .limit(3);
    ids.villages = vs.map((v) => String(v.id));
    admin = new Client(t.app);
    await signIn();
  });
  after(async () => {
    await t?.close();
  });

  async function signIn() {
    admin.cookies.clear();
    await admin.login("admin");
    csrf = await admin.csrf("/account");
  }

  /** A value for a path parameter: a real id of La-ngu now and then, else something malformed. */
  function paramArb(url: string, name: string) {
    if (name === "tambon")
      return fc.oneof(
        { weight: 8, arbitrary: fc.constant({ value: TAMBON, raw: false }) },
        { weight: 1, arbitrary: nastyText.map((value) => ({ value, raw: false })) },
      );
    const segment = new RegExp(`/([a-z-]+)/:${name}\\b`).exec(url)?.[1] ?? "";
    const real = ids[segment] ?? [];
    return fc.oneof(
      ...(real.length
        ? [
            {
              weight: 3,
              arbitrary: fc.constantFrom(...real).map((value) => ({ value, raw: false })),
            },
          ]
        : []),
      { weight: 6, arbitrary: nastyText.map((value) => ({ value, raw: false })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH).map((value) => ({ value, raw: true })) },
    );
  }

  function inputArb(method: string, url: string): fc.Arbitrary<Input> {
    const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params = fc.record(Object.fromEntries(names.map((n) => [n, paramArb(url, n)])));
    const key = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...QUERY_KEYS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
    const query = fc.array(fc.tuple(key, nastyText), { maxLength: 4 });
    const rawQuery = fc.option(
      fc.constantFrom("q=%", "page=%zz", "%=1", "q[a]=1", "from=%00", "page=1&page=2", "q=%E0%B8"),
      { freq: 4 },
    );
    const field = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FORM_FIELDS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
    const form: fc.Arbitrary<[string, string][]> =
      method === "GET" ? fc.constant([]) : fc.array(fc.tuple(field, nastyText), { maxLength: 8 });
    const body: fc.Arbitrary<BodyKind> =
      method === "GET"
        ? fc.constant("none")
        : fc.oneof(
            { weight: 8, arbitrary: fc.constant("form" as const) },
            { weight: 2, arbitrary: fc.constant("multipart" as const) },
            { weight: 1, arbitrary: fc.constant("broken-multipart" as const) },
            { weight: 1, arbitrary: fc.constant("json" as const) },
            { weight: 1, arbitrary: fc.constant("text" as const) },
          );
    return fc.record({ params, query, rawQuery, form, body });
  }

  /** The kinds of input one request brings to a route: of each path parameter, query and body. */
  function kindsOf(url: string, input: Input): string[] {
    const kinds = Object.entries(input.params).map(([name, p]) => {
      const segment = new RegExp(`/([a-z-]+)/:${name}\\b`).exec(url)?.[1] ?? "";
      const real = name === "tambon" ? [TAMBON] : (ids[segment] ?? []);
      return `:${name} ${kindOf(p.value, p.raw, real)}`;
    });
    if (input.rawQuery !== null) kinds.push("query undecodable");
    if (!input.query.length && input.rawQuery === null) kinds.push("query none");
    for (const [, value] of input.query) kinds.push(`query ${kindOf(value)}`);
    kinds.push(`body ${input.body}`);
    for (const [, value] of input.form) kinds.push(`field ${kindOf(value)}`);
    return kinds;
  }

  function urlOf(route: string, input: Input): string {
    let path = route.replace(/:(\w+)/g, (_m, name: string) => {
      const p = input.params[name]!;
      return p.raw ? p.value : encodeURIComponent(p.value);
    });
    const qs = new URLSearchParams(input.query).toString();
    const parts = [qs, input.rawQuery ?? ""].filter(Boolean);
    if (parts.length) path += `?${parts.join("&")}`;
    return path;
  }

  function payloadOf(input: Input): { payload?: string | Buffer; contentType?: string } {
    const fields: [string, string][] = [["_csrf", csrf], ...input.form];
    switch (input.body) {
      case "none":
        return {};
      case "form":
        return {
          payload: new URLSearchParams(fields).toString(),
          contentType: "application/x-www-form-urlencoded",
        };
      case "multipart": {
        const { body, contentType } = multipart(Object.fromEntries(fields), {});
        return { payload: body, contentType };
      }
      case "broken-multipart": {
        const { body, contentType } = multipart(Object.fromEntries(fields), {
          file: { filename: "a.png", type: "image/png", data: Buffer.alloc(64, 1) },
        });
        return { payload: body.subarray(0, Math.max(1, body.length - 40)), contentType };
      }
      case "json":
        return {
          payload: JSON.stringify(Object.fromEntries(fields)),
          contentType: "application/json",
        };
      case "text":
        return {
          payload: fields.map(([k, v]) => `${k}=${v}`).join("\n"),
          contentType: "text/plain",
        };
    }
  }

  /** The heading of an error page (its message), or null when the page is not one. */
  const errorMessage = (body: string) =>
    body.includes('class="error-page"') ? (/<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? "") : null;

  test("a complaint with a NUL character answers 400 and is not filed, sent as either kind of form", async () => {
    const resident = new Client(t.app);
    const count = async () =>
      (
        await t.database.rows<{ n: number }>(sql`select count(*)::int as n from site_complaints`)
      )[0]!.n;
    const before = await count();
    const form = {
      kind: "complaint",
      channel: "general",
      subject: "ไฟถนนดับ",
      details: "หน้าบ้านเลขที่ 5\u0000",
    };
    const res = await resident.post(`/t/${TAMBON}/complaints`, form, {
      from: `/t/${TAMBON}/complaints`,
    });
    assert.equal(res.statusCode, 400);
    assert.match(errorMessage(res.body) ?? "", /NUL/);
    const token = await resident.csrf(`/t/${TAMBON}/complaints`);
    const { body, contentType } = multipart({ _csrf: token, ...form }, {});
    const res2 = await t.app.inject({
      method: "POST",
      url: `/t/${TAMBON}/complaints`,
      remoteAddress: resident.ip,
      headers: { cookie: resident.cookieHeader(), "content-type": contentType },
      payload: body,
    });
    assert.equal(res2.statusCode, 400);
    assert.match(errorMessage(res2.body) ?? "", /NUL/);
    assert.equal(await count(), before, "no complaint was stored");
    // The same form without the NUL is filed.
    const ok = await resident.post(
      `/t/${TAMBON}/complaints`,
      { ...form, details: "หน้าบ้านเลขที่ 5" },
      { from: `/t/${TAMBON}/complaints` },
    );
    assert.equal(ok.statusCode, 303);
    assert.equal(await count(), before + 1);
  });

  test("an id written as 0x10, 16.0, 1.6e1 or +16 does not stand for record 16", async () => {
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, TAMBON));
    const exists = async (id: number) =>
      (
        await t.database.rows<{ n: number }>(
          sql`select count(*)::int as n from site_news where id = ${id} and tambon_id = ${langu!.id}`,
        )
      )[0]!.n === 1;
    const [row] = await t.database.rows<{ id: number }>(
      sql`select id from site_news where tambon_id = ${langu!.id} order by id desc limit 1`,
    );
    const id = row!.id;
    const from = `/t/${TAMBON}/admin/site/news`;
    for (const alias of [
      `0x${id.toString(16)}`,
      `${id}.0`,
      `${id / 10}e1`,
      `+${id}`,
      `0${id}`,
      ` ${id}`,
      `${id + 2 ** 32}`,
    ]) {
      const res = await admin.post(
        `/t/${TAMBON}/admin/site/news/${encodeURIComponent(alias)}/delete`,
        { confirmed: "1" },
        { from },
      );
      assert.equal(res.statusCode, 404, alias);
      assert.equal(errorMessage(res.body), "ไม่พบหน้าที่ต้องการ", alias);
      assert.ok(await exists(id), `news ${id} is still there after ${alias}`);
      const page = await admin.get(`/t/${TAMBON}/news/${encodeURIComponent(alias)}-slug`);
      assert.equal(page.statusCode, 404, `news page ${alias}`);
    }
    // Its own id deletes it.
    const res = await admin.post(
      `/t/${TAMBON}/admin/site/news/${id}/delete`,
      { confirmed: "1" },
      { from },
    );
    assert.equal(res.statusCode, 303);
    assert.ok(!(await exists(id)));
  });

  test("ids past the integer column, negative or fractional, are pages that do not exist", async () => {
    for (const bad of ["2147483648", "-2147483649", "1.5", "1e309", "99999999999999999999"])
      for (const path of [
        "galleries",
        "photo",
        "corner",
        "jobs",
        "areas",
        "decisions",
        "meetings",
      ]) {
        const res = await admin.get(`/t/${TAMBON}/${path}/${bad}`);
        assert.equal(res.statusCode, 404, `${path}/${bad}`);
        assert.notEqual(errorMessage(res.body), null);
      }
  });

  test("page=1e308 and other page numbers that are not numbers show the first page", async () => {
    for (const list of [
      "news",
      `search?q=${encodeURIComponent("ประชุม")}&`,
      "corner",
      "decisions",
      "meetings",
      "partners",
      "agreements",
      "centres",
      "admin/audit",
      "admin/people",
      "admin/network/partners",
    ])
      for (const page of ["1e308", "1.5", "-1", "0x2", "99999999999999999999"]) {
        const sep = list.includes("?") ? "" : "?";
        const res = await admin.get(`/t/${TAMBON}/${list}${sep}page=${page}`);
        assert.equal(res.statusCode, 200, `${list} page=${page}`);
      }
    const res = await admin.get("/admin/audit?page=1e308");
    assert.equal(res.statusCode, 200);
  });

  test("audit filters with dates that are not days answer 400 with a page saying so", async () => {
    for (const base of [`/t/${TAMBON}/admin/audit`, "/admin/audit"]) {
      for (const q of [
        "from=2024-02-30",
        "from=2024-13-01",
        "to=2023-02-29",
        "to=yesterday",
        "from=99999-01-01",
        "from=2024-1-1",
        "to=%00",
      ]) {
        const res = await admin.get(`${base}?${q}`);
        assert.equal(res.statusCode, 400, `${base}?${q}`);
        assert.notEqual(errorMessage(res.body), null);
      }
      const dated = await admin.get(`${base}?from=2024-02-29&to=2099-12-31`);
      assert.equal(dated.statusCode, 200);
      const english = await Client.as(t.app, "admin");
      english.cookies.set("tlang", "en");
      const bad = await english.get(`${base}?from=2024-02-30`);
      assert.match(errorMessage(bad.body) ?? "", /date in the address is not valid/);
    }
  });

  test("a search with a NUL character answers 400; one too long answers 422 or 414, never a 500", async () => {
    for (const path of ["search", "partners", "agreements", "centres", "admin/people"]) {
      const res = await admin.get(`/t/${TAMBON}/${path}?q=${encodeURIComponent("ประชุม\u0000")}`);
      assert.equal(res.statusCode, 400, path);
      assert.match(errorMessage(res.body) ?? "", /NUL/, path);
    }
    const anonymous = new Client(t.app);
    const nul = await anonymous.get(`/t/${TAMBON}/search?q=%00`);
    assert.equal(nul.statusCode, 400);
    const long = await anonymous.get(`/t/${TAMBON}/search?q=${"x".repeat(500)}`);
    assert.equal(long.statusCode, 422);
    assert.match(errorMessage(long.body) ?? "", /คำค้นยาวเกินไป/);
    for (const q of ["x".repeat(3000), encodeURIComponent("ก".repeat(3000))]) {
      const res = await anonymous.get(`/t/${TAMBON}/search?q=${q}`);
      assert.equal(res.statusCode, 414);
      assert.match(String(res.headers["content-type"]), /^text\/html/);
      assert.notEqual(errorMessage(res.body), null);
    }
    const twice = await anonymous.get(`/t/${TAMBON}/search?q=a&q=b&page=1&page=2`);
    assert.equal(twice.statusCode, 200);
  });

  test("broken bodies, other content types and undecodable addresses answer 4xx pages", async () => {
    const url = `/t/${TAMBON}/admin/site/news`;
    const send = (contentType: string, payload: string | Buffer) =>
      t.app.inject({
        method: "POST",
        url,
        remoteAddress: admin.ip,
        headers: { cookie: admin.cookieHeader(), "content-type": contentType },
        payload,
      });
    const { body, contentType } = multipart({ _csrf: csrf, titleTh: "ข่าว" }, {});
    const cases: [string, string | Buffer, number][] = [
      [contentType, body.subarray(0, body.length - 10), 400],
      ["multipart/form-data; boundary=other", body, 400],
      ["multipart/form-data", body, 400],
      [contentType, "not multipart at all", 400],
      ["application/json", JSON.stringify({ _csrf: csrf, titleTh: "ข่าว" }), 415],
      ["application/json", "{", 415],
      ["text/plain", `_csrf=${csrf}`, 415],
      ["application/xml", "<a/>", 415],
    ];
    for (const [type, payload, expected] of cases) {
      const res = await send(type, payload);
      assert.equal(res.statusCode, expected, type);
      assert.match(String(res.headers["content-type"]), /^text\/html/, type);
      assert.notEqual(errorMessage(res.body), null, type);
    }
    for (const path of [
      "/t/la-ngu/news/%",
      "/reset/%E0%A4%A",
      `/t/la-ngu/news/${"9".repeat(1200)}`,
    ]) {
      const res = await admin.get(path);
      assert.ok([400, 414].includes(res.statusCode), `${path}: ${res.statusCode}`);
      assert.match(String(res.headers["content-type"]), /^text\/html/, path);
      assert.notEqual(errorMessage(res.body), null, path);
    }
  });

  test("every route answers malformed ids, page numbers, dates, NUL bytes and broken bodies without a 5xx", async (tc) => {
    const routes = t.app.routeList.filter((r) => !r.url.startsWith("/static/"));
    assert.ok(routes.length > 200, `walked ${routes.length} routes`);
    const failures: string[] = [];
    /** (route, kind of input) pairs the draws hold, and those the requests sent meet; all as admin. */
    const drawn = new Set<string>();
    const met = new Set<string>();
    let sent = 0;
    for (const route of routes) {
      const send = async (input: Input) => {
        const url = urlOf(route.url, input);
        const { payload, contentType } = payloadOf(input);
        const res = await t.app.inject({
          method: route.method as "GET" | "POST",
          url,
          remoteAddress: admin.ip,
          headers: {
            cookie: admin.cookieHeader(),
            ...(contentType ? { "content-type": contentType } : {}),
          },
          ...(payload !== undefined ? { payload } : {}),
        });
        assert.ok(res.statusCode < 500, `answered ${res.statusCode}`);
        if (res.statusCode >= 400)
          assert.match(
            String(res.headers["content-type"]),
            /^text\/html/,
            `answered ${res.statusCode} with ${String(res.headers["content-type"])}: ${res.body.slice(0, 200)}`,
          );
      };
      const arb = inputArb(route.method, route.url);
      // The draw of fc.check with this seed, input for input; of it, the first input of each kind.
      const chosen: Input[] = [];
      for (const input of fc.sample(arb, { numRuns: RUNS, seed: SEED })) {
        const kinds = kindsOf(route.url, input).map((k) => `${route.method} ${route.url} ${k}`);
        const fresh = kinds.filter((k) => !drawn.has(k));
        for (const k of kinds) drawn.add(k);
        if (ALL || fresh.length) chosen.push(input);
      }
      let failed: { input: Input; error: unknown } | null = null;
      for (const input of chosen) {
        sent++;
        for (const k of kindsOf(route.url, input)) met.add(`${route.method} ${route.url} ${k}`);
        try {
          await send(input);
        } catch (error) {
          failed ??= { input, error };
        }
      }
      // Signing out ends the session the walk uses: sign in again.
      if (route.url === "/logout") await signIn();
      if (!failed) continue;
      // The whole draw again, through fast-check, for its smallest failing input.
      const result = await fc.check(fc.asyncProperty(arb, send), {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: false,
      });
      if (route.url === "/logout") await signIn();
      const input = (result.counterexample?.[0] as Input | undefined) ?? failed.input;
      const error = result.failed ? result.errorInstance : failed.error;
      failures.push(
        `${route.method} ${route.url}: ${input ? urlOf(route.url, input) : "?"} ` +
          `${input ? JSON.stringify({ form: input.form, body: input.body }) : ""} ` +
          `${error ? String(error) : ""}`,
      );
    }
    tc.diagnostic(
      `${routes.length} routes as the network's admin: ${sent} requests of ${routes.length * RUNS} ` +
        `inputs drawn, meeting ${met.size} of the draw's ${drawn.size} (route, kind of input) pairs`,
    );
    assert.deepEqual(
      [...drawn].filter((k) => !met.has(k)),
      [],
      "every kind drawn is sent",
    );
    assert.deepEqual(failures, []);
  });
});
