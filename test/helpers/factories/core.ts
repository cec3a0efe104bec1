import { eq } from "drizzle-orm";
import type { Db } from "../../../src/core/db/index.ts";
import {
  roleGrants,
  tambonMembers,
  tambons,
  users,
  villages,
} from "../../../src/core/db/schema.ts";
import { hashPassword } from "../../../src/core/auth/password.ts";
import { createTambon } from "../../../src/core/commands/tambons.ts";
import type { Role } from "../../../src/core/roles.ts";
import type { Tambon } from "../../../src/core/tenancy.ts";
import { modules } from "../../../src/modules/index.ts";

/*
 * Factories for focused tests: a tambon, its villages and its people, made through the same
 * command the network administrator uses (so every module sets up its defaults), on a migrated
 * database without the demo. A test that needs one tambon and a few people starts from the
 * smaller migrated template instead of the whole demo network.
 */

/** The password of every person a factory makes. */
export const FACTORY_PASSWORD = "factory-password";

/** Real subdistrict codes (DOPA) a test may use for its tambons, in order. */
const CODES = ["910502", "520801", "520306", "910501", "910503"];

export type Village = typeof villages.$inferSelect;

/** A tambon with `villages` villages (moo 1…n). */
export interface MadeTambon {
  tambon: Tambon;
  villages: Village[];
}

let made = 0;

/** Adds a tambon (from a real DOPA code) with its villages. */
export async function makeTambon(
  db: Db,
  opts: { slug?: string; dopaCode?: string; villages?: number } = {},
): Promise<MadeTambon> {
  const dopaCode = opts.dopaCode ?? CODES[made++ % CODES.length]!;
  const created = await createTambon(
    db,
    null,
    { dopaCode, slug: opts.slug, kind: "sao", siteOpened: null },
    modules,
  );
  if (!created.ok) throw new Error(`makeTambon ${dopaCode}: ${JSON.stringify(created.errors)}`);
  const tambon = created.value;
  const count = opts.villages ?? 3;
  const rows = count
    ? await db
        .insert(villages)
        .values(
          Array.from({ length: count }, (_, k) => ({
            tambonId: tambon.id,
            moo: k + 1,
            nameTh: `บ้านหมู่ที่ ${k + 1}`,
            nameEn: `Moo ${k + 1}`,
            code: `${dopaCode}${String(k + 1).padStart(2, "0")}`,
          })),
        )
        .returning()
    : [];
  const [fresh] = await db.select().from(tambons).where(eq(tambons.id, tambon.id));
  return { tambon: fresh!, villages: rows };
}

/**
 * Adds a tambon's row alone (no villages, nothing the modules add to a new tambon), for tests and
 * benches of one table; the code need not be a real one. Returns its id.
 */
export async function bareTambon(db: Db, slug: string, dopaCode: string): Promise<number> {
  const [row] = await db
    .insert(tambons)
    .values({
      slug,
      dopaCode,
      nameTh: `ทดสอบ ${slug}`,
      nameEn: `Test ${slug}`,
      districtTh: "ทดสอบ",
      districtEn: "Test",
      provinceTh: "ทดสอบ",
      provinceEn: "Test",
      kind: "sao",
    })
    .returning({ id: tambons.id });
  return row!.id;
}

let hash: Promise<string> | null = null;

/**
 * Adds a person who can log in with `username` and FACTORY_PASSWORD, an active member of the
 * tambon (in `villageId` when given) with `roles` ("member" is always added).
 */
export async function makePerson(
  db: Db,
  tambonId: number,
  opts: { username: string; roles?: Role[]; villageId?: number | null; name?: string },
): Promise<number> {
  hash ??= hashPassword(FACTORY_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({ name: opts.name ?? opts.username, username: opts.username, passwordHash: await hash })
    .returning({ id: users.id });
  const userId = user!.id;
  await db.insert(tambonMembers).values({
    tambonId,
    userId,
    villageId: opts.villageId ?? null,
    status: "active",
    verifiedAt: new Date(),
  });
  const roles = [...new Set<Role>(["member", ...(opts.roles ?? [])])];
  await db.insert(roleGrants).values(roles.map((role) => ({ tambonId, userId, role })));
  return userId;
}
