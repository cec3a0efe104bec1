// Benchmarks of the partner network (src/modules/network): a tambon with 2,000 partners, and a
// network of 300 tambons with mentor, member and peer links.
//
//   npx tsx bench/network.bench.ts            both databases
//   npx tsx bench/network.bench.ts pglite     one of them
//
// Server time is measured around Fastify's inject (routing, session, policy, queries, rendering),
// without a network in between. Anonymous pages are asked with a query string of their own each
// time, so the page cache never answers; "after a change" drops the network's derived data first.
import { createApp } from "../src/app.ts";
import { testConfig } from "../test/helpers/app.ts";
import { openTestDatabase, type DbKind } from "../test/helpers/db.ts";
import { createTambon } from "../src/core/commands/tambons.ts";
import { tambons, villages } from "../src/core/db/schema.ts";
import { pageCache } from "../src/core/page-cache.ts";
import { modules } from "../src/modules/index.ts";
import { listAreas } from "../src/modules/areas/public.ts";
import {
  agreementParties,
  agreements,
  learningCentres,
  networkPillars,
  networkTerms,
  partnerAreas,
  partnerVillages,
  partners,
  tambonLinks,
} from "../src/modules/network/schema.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../src/core/db/index.ts";

type Figures = Record<string, string | number>;

const PARTNERS = 2_000;
const TAMBONS = 300;
const PROVINCES = [
  "สตูล",
  "ลำปาง",
  "สงขลา",
  "เชียงใหม่",
  "ขอนแก่น",
  "นครราชสีมา",
  "ตรัง",
  "พัทลุง",
  "น่าน",
  "แพร่",
];

async function batches<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Median, 95th percentile and maximum of a list of milliseconds, rounded to 0.1 ms. */
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1]! * 10) / 10 };
}

/** La-ngu with 2,000 partners, and 299 more tambons linked into a network. */
export async function build(db: Db) {
  const made = await createTambon(db, null, { dopaCode: "910502", kind: "sao" }, modules);
  if (!made.ok) throw new Error("could not create the tambon");
  const langu = made.value;
  const random = prng(7);
  const vs = await db
    .insert(villages)
    .values(
      Array.from({ length: 18 }, (_, i) => ({
        tambonId: langu.id,
        moo: i + 1,
        nameTh: `บ้านหมู่ที่ ${i + 1}`,
        code: `910502${String(i + 1).padStart(2, "0")}`,
      })),
    )
    .returning();
  const [pillars, terms, areas] = await Promise.all([
    db.select().from(networkPillars).where(eq(networkPillars.tambonId, langu.id)),
    db.select().from(networkTerms).where(eq(networkTerms.tambonId, langu.id)),
    listAreas(db, langu.id),
  ]);
  const kinds = terms.filter((t) => t.list === "kind");
  const roles = terms.filter((t) => t.list === "role");
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const ids: number[] = [];
  await batches(
    Array.from({ length: PARTNERS }, (_, i) => ({
      tambonId: langu.id,
      nameTh: `${pick(["กลุ่ม", "ชมรม", "สมาคม", "มูลนิธิ", "โรงเรียน", "วัด", "มัสยิด"])}ทดสอบที่ ${i + 1}`,
      nameEn: `Test partner ${i + 1}`,
      kindId: pick(kinds).id,
      roleId: pick(roles).id,
      pillarId: random() < 0.8 ? pick(pillars).id : null,
      descriptionTh: "ภาคีที่ร่วมพัฒนาสุขภาพชุมชน",
      contactName: `ผู้ประสานงาน ${i + 1}`,
      contactPhone: "0812345678",
      active: random() < 0.95,
    })),
    500,
    async (chunk) =>
      ids.push(
        ...(await db.insert(partners).values(chunk).returning({ id: partners.id })).map(
          (r) => r.id,
        ),
      ),
  );
  await batches(
    ids.flatMap((partnerId) =>
      [...new Set([pick(vs).id, pick(vs).id])].map((villageId) => ({
        tambonId: langu.id,
        partnerId,
        villageId,
      })),
    ),
    1000,
    (chunk) => db.insert(partnerVillages).values(chunk),
  );
  await batches(
    ids.map((partnerId) => ({ tambonId: langu.id, partnerId, areaId: pick(areas).id })),
    1000,
    (chunk) => db.insert(partnerAreas).values(chunk),
  );
  await db.insert(learningCentres).values(
    Array.from({ length: 12 }, (_, i) => ({
      tambonId: langu.id,
      nameTh: `ศูนย์เรียนรู้ที่ ${i + 1}`,
      areaId: pick(areas).id,
    })),
  );

  // 299 more tambons (platform rows only: the network pages read the directory).
  const others = await db
    .insert(tambons)
    .values(
      Array.from({ length: TAMBONS - 1 }, (_, i) => {
        const province = PROVINCES[i % PROVINCES.length]!;
        return {
          slug: `bench-${i + 1}`,
          dopaCode: `99${String(i + 1).padStart(4, "0")}`,
          nameTh: `ทดสอบ${i + 1}`,
          nameEn: `Bench ${i + 1}`,
          districtTh: "ทดสอบ",
          districtEn: "Bench",
          provinceTh: province,
          provinceEn: province,
          kind: "sao" as const,
        };
      }),
    )
    .returning();
  const all = [langu, ...others];
  const link = (
    owner: (typeof all)[number],
    relation: "mentor_of" | "member_of" | "peer",
    other: (typeof all)[number],
  ) => ({
    tambonId: owner.id,
    relation,
    otherDopaCode: other.dopaCode,
    otherNameTh: other.nameTh,
    otherNameEn: other.nameEn,
    otherProvinceTh: other.provinceTh,
    otherProvinceEn: other.provinceEn,
  });
  const decls: ReturnType<typeof link>[] = [];
  // 60 mentors with 4 members each; every other member confirms; 40 pairs of peers.
  for (let m = 0; m < 60; m++) {
    const mentor = all[m]!;
    for (let k = 0; k < 4; k++) {
      const member = all[60 + m * 4 + k]!;
      decls.push(link(mentor, "mentor_of", member));
      if (k % 2 === 0) decls.push(link(member, "member_of", mentor));
    }
  }
  for (let p = 0; p < 40; p++) decls.push(link(all[p]!, "peer", all[299 - p]!));
  // 100 member tambons not on the platform.
  for (let i = 0; i < 100; i++)
    decls.push({
      tambonId: all[i % 60]!.id,
      relation: "mentor_of",
      otherDopaCode: `98${String(i).padStart(4, "0")}`,
      otherNameTh: `นอกระบบ${i}`,
      otherNameEn: `Off ${i}`,
      otherProvinceTh: PROVINCES[i % PROVINCES.length]!,
      otherProvinceEn: PROVINCES[i % PROVINCES.length]!,
    });
  await batches(decls, 500, (chunk) => db.insert(tambonLinks).values(chunk));
  for (let i = 0; i < 50; i++) {
    const [a] = await db
      .insert(agreements)
      .values({
        tambonId: all[i]!.id,
        titleTh: `ข้อตกลงที่ ${i + 1}`,
        status: "active",
        signedOn: "2024-01-01",
      })
      .returning();
    await db.insert(agreementParties).values([
      {
        tambonId: all[i]!.id,
        agreementId: a!.id,
        partyKind: "tambon",
        partyDopaCode: all[i]!.dopaCode,
        nameTh: all[i]!.nameTh,
        position: 1,
      },
      {
        tambonId: all[i]!.id,
        agreementId: a!.id,
        partyKind: "tambon",
        partyDopaCode: all[i + 1]!.dopaCode,
        nameTh: all[i + 1]!.nameTh,
        position: 2,
      },
    ]);
  }
  return { langu, village: vs[3]!.id, role: roles[0]!.id };
}

/** The directory and the network pages on one database. */
export async function benchNetwork(kind: DbKind): Promise<Figures> {
  const database = await openTestDatabase(kind);
  const started = performance.now();
  const { village, role } = await build(database.db);
  const seedMs = Math.round(performance.now() - started);
  const app = await createApp(testConfig(), database);
  await app.ready();
  let n = 0;
  const time = async (url: string, runs: number, before?: () => void) => {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 3; i++) {
      before?.();
      const sep = url.includes("?") ? "&" : "?";
      const t0 = performance.now();
      const res = await app.inject({ url: `${url}${sep}bench=${n++}` });
      const dt = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      bytes = res.body.length;
      if (i >= 3) ms.push(dt);
    }
    const s = stats(ms);
    return `median ${s.median} ms · p95 ${s.p95} ms · ${Math.round(bytes / 1024)} KB`;
  };
  try {
    return {
      data: `${PARTNERS.toLocaleString("en")} partners in one tambon, ${TAMBONS} tambons, seeded in ${seedMs} ms`,
      "directory, page 1": await time("/t/la-ngu/partners", 40),
      "directory, role + village filter": await time(
        `/t/la-ngu/partners?role=${role}&village=${village}`,
        40,
      ),
      "directory, search": await time(
        "/t/la-ngu/partners?q=%E0%B8%8A%E0%B8%A1%E0%B8%A3%E0%B8%A1",
        40,
      ),
      "directory, page 60": await time("/t/la-ngu/partners?page=60", 40),
      "printable directory (all 2,000)": await time("/t/la-ngu/partners/print", 10),
      "partners CSV (all 2,000)": await time("/t/la-ngu/partners/export.csv", 10),
      "network of 300 tambons": await time("/network", 40),
      "network of 300 tambons, after a change": await time("/network", 20, () =>
        pageCache.invalidate(null),
      ),
      "network filtered to mentors, page 2": await time("/network?role=mentor&page=2", 40),
      "a tambon's network page": await time("/t/la-ngu/network", 40),
      "pillars page": await time("/t/la-ngu/pillars", 40),
    };
  } finally {
    await app.close();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (
    process.argv.slice(2).length ? process.argv.slice(2) : ["pglite", "postgres"]
  ) as DbKind[];
  for (const kind of kinds) {
    process.stdout.write(`\n## Partner network on ${kind}\n`);
    for (const [k, v] of Object.entries(await benchNetwork(kind)))
      process.stdout.write(`| ${k} | ${v} |\n`);
  }
}
