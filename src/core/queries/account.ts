import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../db/schema.ts";

/** A person's own account: who they are and where they take part, with their roles there. */
export interface AccountData {
  user: typeof users.$inferSelect;
  memberships: {
    slug: string;
    tambon: typeof tambons.$inferSelect;
    status: string;
    roles: string[];
    village: { moo: number; nameTh: string; nameEn: string } | null;
  }[];
}

/** The account page's data of one user, tambons by Thai name. */
export async function accountData(db: DbOrTx, userId: number): Promise<AccountData> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const members = await db
    .select({
      tambon: tambons,
      status: tambonMembers.status,
      village: villages.nameTh,
      villageEn: villages.nameEn,
      moo: villages.moo,
    })
    .from(tambonMembers)
    .innerJoin(tambons, eq(tambons.id, tambonMembers.tambonId))
    .leftJoin(villages, eq(villages.id, tambonMembers.villageId))
    .where(eq(tambonMembers.userId, userId))
    .orderBy(asc(tambons.nameTh));
  const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  return {
    user: user!,
    memberships: members.map((m) => ({
      slug: m.tambon.slug,
      tambon: m.tambon,
      status: m.status,
      village: m.moo ? { moo: m.moo, nameTh: m.village ?? "", nameEn: m.villageEn ?? "" } : null,
      roles: grants.filter((g) => g.tambonId === m.tambon.id).map((g) => g.role),
    })),
  };
}

/** Whether an account has an email address to be written to. */
export async function hasEmail(db: DbOrTx, userId: number): Promise<boolean> {
  const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return !!account?.email;
}

/** The names of these accounts, by id (for pages that show people by name, not by id). */
export async function userNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((p) => [p.id, p.name]));
}
