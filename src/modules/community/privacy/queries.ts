import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { dataRequests, households, people } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** What the module's admin home counts: the tambon's households, people and open requests. */
export async function registryCounts(db: DbOrTx, tambonId: number) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [householdCount, peopleCount, openRequests] = await Promise.all([
    n(db.select({ n: count() }).from(households).where(eq(households.tambonId, tambonId))),
    n(db.select({ n: count() }).from(people).where(eq(people.tambonId, tambonId))),
    n(
      db
        .select({ n: count() })
        .from(dataRequests)
        .where(tambonWhere(dataRequests, tambonId, { status: "open" })),
    ),
  ]);
  return { households: householdCount, people: peopleCount, openRequests };
}

/** The name of a person of the tambon (null for no person, or another tambon's). */
export async function personName(db: DbOrTx, tambonId: number, personId: number | null) {
  if (personId === null) return null;
  const [person] = await db
    .select({ name: people.name })
    .from(people)
    .where(tambonWhere(people, tambonId, { id: personId }));
  return person?.name ?? null;
}
