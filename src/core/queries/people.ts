import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { roleGrants, tambonMembers, users, villages } from "../db/schema.ts";
import { ROLES, type Role } from "../roles.ts";
import { paged, type Page } from "../paging.ts";
import { tambonWhere, anyOf } from "../db/tambon-row.ts";
import { pick } from "../pick.ts";

/** A member of a tambon as the administration lists them. */
export interface PersonRow {
  id: number;
  name: string;
  username: string | null;
  phone: string | null;
  email: string | null;
  status: string;
  villageMoo: number | null;
  roles: Role[];
}

/** A LIKE pattern that finds `text` anywhere, with the pattern's own characters escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => "\\" + c)}%`;
}

function conditions(tambonId: number, opts: { q?: string; role?: string; userId?: number }) {
  const conds: SQL[] = [eq(tambonMembers.tambonId, tambonId)];
  if (opts.userId) conds.push(eq(users.id, opts.userId));
  if (opts.q) {
    const like = containing(opts.q);
    conds.push(
      or(
        ilike(users.name, like),
        ilike(users.phone, like),
        ilike(users.email, like),
        ilike(users.username, like),
      )!,
    );
  }
  if (opts.role) {
    conds.push(
      sql`exists (select 1 from ${roleGrants} where ${roleGrants.tambonId} = ${tambonId} and ${roleGrants.userId} = ${users.id} and ${roleGrants.role} = ${opts.role})`,
    );
  }
  return and(...conds);
}

async function withRoles(
  db: DbOrTx,
  tambonId: number,
  rows: Omit<PersonRow, "roles">[],
): Promise<PersonRow[]> {
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await db
        .select()
        .from(roleGrants)
        .where(tambonWhere(roleGrants, tambonId, { userId: anyOf(ids) }))
    : [];
  return rows.map((r) => ({
    ...r,
    roles: ROLES.filter((role) => grants.some((g) => g.userId === r.id && g.role === role)),
  }));
}

function selectPeople(db: DbOrTx, tambonId: number) {
  return db
    .select({
      ...pick(users, "id", "name", "username", "phone", "email"),
      status: tambonMembers.status,
      villageMoo: villages.moo,
    })
    .from(tambonMembers)
    .innerJoin(users, eq(users.id, tambonMembers.userId))
    .leftJoin(villages, tambonWhere(villages, tambonId, { id: tambonMembers.villageId }));
}

/** One page of a tambon's members, by name, found by name or contact and by role. */
export async function listPeople(
  db: DbOrTx,
  tambonId: number,
  opts: { q?: string; role?: string; page: number },
): Promise<Page<PersonRow>> {
  const where = conditions(tambonId, opts);
  return paged(
    opts.page,
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(tambonMembers)
        .innerJoin(users, eq(users.id, tambonMembers.userId))
        .where(where);
      return Number(row?.n ?? 0);
    },
    async ({ limit, offset }) =>
      withRoles(
        db,
        tambonId,
        await selectPeople(db, tambonId)
          .where(where)
          .orderBy(asc(users.name), asc(users.id))
          .limit(limit)
          .offset(offset),
      ),
  );
}

/** A member of the tambon (undefined when the person is not one). */
export async function getPerson(
  db: DbOrTx,
  tambonId: number,
  userId: number,
): Promise<PersonRow | undefined> {
  const rows = await selectPeople(db, tambonId).where(conditions(tambonId, { userId }));
  const [person] = await withRoles(db, tambonId, rows);
  return person;
}
