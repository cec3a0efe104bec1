import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { parseCsv } from "../../src/core/csv.ts";
import { readWorkbook } from "../../src/core/xlsx.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { plans } from "../../src/modules/plans/schema.ts";
import { workGroups as groups } from "../../src/modules/groups/schema.ts";
import { charterEditions } from "../../src/modules/charter/schema.ts";
import { dataRequests, forms, households, people } from "../../src/modules/community/schema.ts";
import type { Db } from "../../src/core/db/index.ts";

/**
 * Every GET route of the app. Fastify prints them as a tree whose children continue their
 * parent's path ("/t/:slug/ex", then "port", then ".csv"), four characters deeper each level.
 */
function getRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false, method: "GET" }).split("\n")) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const level = m[1]!.length / 4;
    stack.length = level;
    stack.push(m[2]!);
    if (m[3]?.includes("GET")) out.push(stack.join(""));
  }
  return out;
}

/** House and ID numbers that a spreadsheet would turn into numbers without text cells. */
const PHONE = "074000000";
const THAI_ID = "0123456789012";
const HOUSE = "07";

async function fixture(db: Db) {
  const [langu] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
  const id = langu!.id;
  const first = async <T>(q: Promise<T[]>) => (await q)[0];
  const [village] = await db.select().from(villages).where(eq(villages.tambonId, id)).limit(1);
  const [household] = await db
    .insert(households)
    .values({ tambonId: id, villageId: village!.id, houseNo: HOUSE, locationText: PHONE })
    .returning();
  const [person] = await db
    .insert(people)
    .values({
      tambonId: id,
      householdId: household!.id,
      villageId: village!.id,
      name: "-ทดสอบ ศูนย์นำหน้า",
      thaiId: THAI_ID,
    })
    .returning();
  const [request] = await db
    .insert(dataRequests)
    .values({
      tambonId: id,
      personId: person!.id,
      requester: "=ผู้ขอ",
      kind: "access",
      receivedOn: "2026-01-05",
    })
    .returning();
  return {
    plan: (await first(
      db.select({ id: plans.id }).from(plans).where(eq(plans.tambonId, id)).orderBy(asc(plans.id)),
    ))!.id,
    group: (await first(
      db
        .select({ id: groups.id })
        .from(groups)
        .where(eq(groups.tambonId, id))
        .orderBy(asc(groups.id)),
    ))!.id,
    edition: (await first(
      db
        .select({ id: charterEditions.id })
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, id), isNotNull(charterEditions.id))),
    ))!.id,
    form: (await first(db.select({ id: forms.id }).from(forms).where(eq(forms.tambonId, id))))?.id,
    request: request!.id,
    moo: village!.moo,
  };
}

for (const kind of DB_KINDS) {
  describe(`each export's XLSX has the cells of its CSV (${kind})`, () => {
    let t: TestApp;
    let ids: Awaited<ReturnType<typeof fixture>>;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      ids = await fixture(t.database.db);
    });
    after(() => t.close());

    /** The address to fetch for each CSV route (a new route must be added here to pass). */
    function urlOf(route: string): string | null {
      const path = route
        .replace("/t/:tambon", "/t/la-ngu")
        .replace("/plans/:id", `/plans/${ids.plan}`)
        .replace("/groups/:id", `/groups/${ids.group}`)
        .replace("/charter-editions/:id", `/charter-editions/${ids.edition}`)
        .replace("/requests/:id", `/requests/${ids.request}`)
        .replace("/villages/:moo", `/villages/${ids.moo}`);
      if (path.includes(":")) return null;
      return path.endsWith("submissions.csv") ? `${path}?form=${ids.form}` : path;
    }

    test("each .csv route has its .xlsx twin", () => {
      const routes = new Set(getRoutes(t.app));
      const csv = [...routes].filter((r) => r.endsWith(".csv"));
      assert.ok(csv.length >= 14, `only ${csv.length} CSV routes found: ${csv.join(", ")}`);
      const lonely = csv.filter((r) => !routes.has(r.replace(/\.csv$/, ".xlsx")));
      assert.deepEqual(lonely, [], "a CSV download without its XLSX twin");
    });

    test("same header and rows, leading zeros kept, no apostrophe in the XLSX", async () => {
      const client = await Client.as(t.app, "langu-admin");
      const routes = getRoutes(t.app).filter((r) => r.endsWith(".csv"));
      const unresolved = routes.filter((r) => urlOf(r) === null);
      assert.deepEqual(unresolved, [], "routes this test cannot fill in");
      let zerosSeen = 0;
      for (const route of routes) {
        const url = urlOf(route)!;
        const csvRes = await client.get(url);
        assert.equal(csvRes.statusCode, 200, `${url}: ${csvRes.statusCode}`);
        const xlsxUrl = url.replace(".csv", ".xlsx");
        const xlsxRes = await client.get(xlsxUrl);
        assert.equal(xlsxRes.statusCode, 200, `${xlsxUrl}: ${xlsxRes.statusCode}`);
        assert.match(String(xlsxRes.headers["content-type"]), /spreadsheetml/);
        assert.match(String(xlsxRes.headers["content-disposition"]), /\.xlsx"/);
        const fromCsv = parseCsv(csvRes.body);
        const read = await readWorkbook(xlsxRes.rawPayload);
        assert.ok(read.ok, `${xlsxUrl} does not open`);
        const sheet = read.value[0]!.rows;
        // The reader drops empty rows at the end; a CSV of a header alone has the header row.
        const width = fromCsv[0]!.length;
        const pad = (rows: string[][]) =>
          rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        assert.deepEqual(pad(sheet), pad(fromCsv), `${xlsxUrl} differs from its CSV`);
        assert.ok(
          sheet.flat().every((c) => !/^'[=+\-@]/.test(c)),
          `${xlsxUrl} shows the CSV's apostrophe`,
        );
        zerosSeen += sheet.flat().filter((c) => /^0\d/.test(c)).length;
      }
      assert.ok(zerosSeen > 0, "no value with a leading zero was exported");
    });

    test("the households export keeps a Thai ID, a phone number and a house number as text", async () => {
      const client = await Client.as(t.app, "langu-admin");
      const res = await client.get("/t/la-ngu/admin/community/export.xlsx");
      assert.equal(res.statusCode, 200);
      const read = await readWorkbook(res.rawPayload);
      assert.ok(read.ok);
      const [head, ...rows] = read.value[0]!.rows;
      const row = rows.find((r) => r[head!.indexOf("thai_id")] === THAI_ID);
      assert.ok(row, "the person's Thai ID with its leading zero");
      assert.equal(row[head!.indexOf("name")], "-ทดสอบ ศูนย์นำหน้า");
      assert.equal(row[head!.indexOf("house_no")], HOUSE);
      const csv = parseCsv((await client.get("/t/la-ngu/admin/community/export.csv")).body);
      // The CSV defuses the name (a spreadsheet would run "-…" as a formula); the XLSX has no need.
      assert.ok(
        (await client.get("/t/la-ngu/admin/community/export.csv")).body.includes("'-ทดสอบ"),
      );
      assert.ok(csv.some((r) => r.includes(THAI_ID)));
    });
  });
}
