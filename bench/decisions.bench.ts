import { eq, sql } from "drizzle-orm";
import { openTestDatabase } from "../test/helpers/db.ts";
import { tambonMembers, users, villages } from "../src/core/db/schema.ts";
import { createTambon } from "../src/core/commands/tambons.ts";
import { modules } from "../src/modules/index.ts";
import { listAreas } from "../src/modules/areas/public.ts";
import {
  alternatives,
  alternativeVersions,
  ballots,
  decisionPolicies,
  delegations,
  questionResults,
  questions,
} from "../src/modules/decisions/schema.ts";
import { enterPhase } from "../src/modules/decisions/questions/phase-commands.ts";
import type { Tx } from "../src/core/db/index.ts";

type Figures = Record<string, string | number>;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function batches<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Closing a question in a tambon of 50,000 members on PostgreSQL: read, count, store results and chains. */
export async function benchClosing(n = 50_000): Promise<Figures> {
  const database = await openTestDatabase("postgres");
  const db = database.db;
  try {
    const made = await createTambon(db, null, { dopaCode: "910502", kind: "sao" }, modules);
    if (!made.ok) throw new Error("could not create the tambon");
    const tambonId = made.value.id;
    const vs = await db
      .insert(villages)
      .values(
        Array.from({ length: 18 }, (_, i) => ({
          tambonId,
          moo: i + 1,
          nameTh: `หมู่ ${i + 1}`,
          code: `910502${String(i + 1).padStart(2, "0")}`,
        })),
      )
      .returning();
    const random = prng(42);
    const t0 = performance.now();
    const ids: number[] = [];
    await batches(
      Array.from({ length: n }, (_, i) => ({ name: `สมาชิก ${i}` })),
      5000,
      async (chunk) =>
        ids.push(
          ...(await db.insert(users).values(chunk).returning({ id: users.id })).map((r) => r.id),
        ),
    );
    await batches(ids, 5000, (chunk) =>
      db.insert(tambonMembers).values(
        chunk.map((userId, i) => ({
          tambonId,
          userId,
          villageId: vs[i % vs.length]!.id,
          status: "active" as const,
          verifiedAt: new Date(),
        })),
      ),
    );
    const [area] = await listAreas(db, tambonId);
    const [policy] = await db
      .select()
      .from(decisionPolicies)
      .where(eq(decisionPolicies.tambonId, tambonId))
      .limit(1);
    const [q] = await db
      .insert(questions)
      .values({
        tambonId,
        areaId: area!.id,
        policyId: policy!.id,
        title: "bench",
        phase: "voting",
        phaseEndsAt: new Date(),
      })
      .returning();
    const alts = await db
      .insert(alternatives)
      .values([1, 2, 3, 4].map((k) => ({ tambonId, questionId: q!.id, title: `ข้อเสนอ ${k}` })))
      .returning();
    await db
      .insert(alternativeVersions)
      .values(alts.map((a) => ({ tambonId, alternativeId: a.id, version: 1, body: "x" })));
    const dels: (typeof delegations.$inferInsert)[] = [];
    const bals: (typeof ballots.$inferInsert)[] = [];
    for (const id of ids) {
      const r = random();
      if (r < 0.6)
        dels.push({
          tambonId,
          trusterId: id,
          trusteeId: ids[Math.floor(random() * ids.length)]!,
          scope: "tambon",
        });
      if ((r >= 0.6 && r < 0.8) || random() < 0.05) {
        const grades: Record<string, number> = {};
        for (const a of alts) grades[String(a.id)] = Math.floor(random() * 6) - 2;
        bals.push({ tambonId, questionId: q!.id, userId: id, grades });
      }
    }
    await batches(
      dels.filter((d) => d.trusterId !== d.trusteeId),
      5000,
      (chunk) => db.insert(delegations).values(chunk),
    );
    await batches(bals, 5000, (chunk) => db.insert(ballots).values(chunk));
    const setup = performance.now() - t0;
    await db.execute(sql`analyze`);
    const start = performance.now();
    await db.transaction(async (tx) => enterPhase(tx as Tx, q!, "closed", null));
    const closing = performance.now() - start;
    const [stored] = await db
      .select({ size: sql<number>`pg_column_size(${questionResults.result})` })
      .from(questionResults)
      .where(eq(questionResults.questionId, q!.id));
    return {
      members: n,
      delegations: dels.length,
      ballots: bals.length,
      "set-up (ms)": Math.round(setup),
      "closing: read, count, store (ms)": Math.round(closing),
      "stored result (KB, compressed)": Math.round(Number(stored?.size ?? 0) / 1024),
    };
  } finally {
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchClosing();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k}: ${v}\n`);
}
