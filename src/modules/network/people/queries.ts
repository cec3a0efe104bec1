import { type Column, asc, count, eq, ilike, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { PAGE_SIZE, paged, type Page, type PageWindow } from "../../../core/paging.ts";
import { roleGrants, tambonMembers, users, villages } from "../../../core/db/schema.ts";
import {
  affiliations,
  facilitatorReach,
  partners,
  personProfiles,
  personRoles,
} from "../schema.ts";
import { countOf, like } from "../shared/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

// ---------------------------------------------------------------- people

/** What picks a person's profile: that user's in that tambon (each a column or an id). */
export function profileOf(userId: Column | number, tambonId: Column | number) {
  return tambonWhere(personProfiles, tambonId, { userId });
}

/** A person the network shows: name, public title, consent, and what they connect. */
export interface PersonCard {
  profileId: number | null;
  userId: number;
  name: string;
  titleTh: string;
  titleEn: string;
  bioTh: string;
  bioEn: string;
  publicConsent: boolean;
}

/** Facilitators (ผู้ก่อการดี: the facilitator role of the platform) of a tambon; the public sees only those who agreed. */
export async function facilitatorList(
  db: DbOrTx,
  tambonId: number,
  onlyPublic: boolean,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<PersonCard & { villages: number[]; areaIds: number[] }>> {
  const where = tambonWhere(
    roleGrants,
    tambonId,
    { role: "facilitator" },
    onlyPublic ? eq(personProfiles.publicConsent, true) : undefined,
  );
  const base = () =>
    db
      .select({
        profileId: personProfiles.id,
        userId: users.id,
        name: users.name,
        titleTh: sql<string>`coalesce(${personProfiles.titleTh}, '')`,
        titleEn: sql<string>`coalesce(${personProfiles.titleEn}, '')`,
        bioTh: sql<string>`coalesce(${personProfiles.bioTh}, '')`,
        bioEn: sql<string>`coalesce(${personProfiles.bioEn}, '')`,
        publicConsent: sql<boolean>`coalesce(${personProfiles.publicConsent}, false)`,
      })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .leftJoin(personProfiles, profileOf(roleGrants.userId, roleGrants.tambonId));
  const withReach = async (w: PageWindow) => {
    const rows = await base()
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(w.limit)
      .offset(w.offset);
    const reach = await reachOf(
      db,
      tambonId,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => ({
      ...r,
      villages: reach.filter((x) => x.userId === r.userId && x.moo !== null).map((x) => x.moo!),
      areaIds: reach
        .filter((x) => x.userId === r.userId && x.areaId !== null)
        .map((x) => x.areaId!),
    }));
  };
  return paged(
    page,
    () =>
      countOf(
        db
          .select({ n: count() })
          .from(roleGrants)
          .leftJoin(personProfiles, profileOf(roleGrants.userId, roleGrants.tambonId))
          .where(where),
      ),
    withReach,
    pageSize,
  );
}

async function reachOf(db: DbOrTx, tambonId: number, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: facilitatorReach.userId,
      villageId: facilitatorReach.villageId,
      moo: villages.moo,
      areaId: facilitatorReach.areaId,
    })
    .from(facilitatorReach)
    .leftJoin(villages, eq(villages.id, facilitatorReach.villageId))
    .where(tambonWhere(facilitatorReach, tambonId, { userId: anyOf(userIds) }))
    .orderBy(asc(villages.moo));
}

/** A person's network page data by profile id (for the facilitator's public page). */
export async function personByProfile(db: DbOrTx, tambonId: number, profileId: number) {
  if (!Number.isInteger(profileId) || profileId < 1) return undefined;
  const [p] = await db
    .select({
      profileId: personProfiles.id,
      userId: personProfiles.userId,
      name: users.name,
      ...pick(personProfiles, "titleTh", "titleEn", "bioTh", "bioEn", "publicConsent"),
    })
    .from(personProfiles)
    .innerJoin(users, eq(users.id, personProfiles.userId))
    .where(tambonWhere(personProfiles, tambonId, { id: profileId }));
  return p;
}

/** Everything the network records of one person in a tambon. */
export async function personNetwork(db: DbOrTx, tambonId: number, userId: number) {
  const [profile, roles, affs, reach, grants] = await Promise.all([
    db.select().from(personProfiles).where(profileOf(userId, tambonId)),
    db
      .select({
        ...pick(personRoles, "id", "role", "villageId"),
        moo: villages.moo,
        note: personRoles.note,
      })
      .from(personRoles)
      .leftJoin(villages, eq(villages.id, personRoles.villageId))
      .where(tambonWhere(personRoles, tambonId, { userId }))
      .orderBy(asc(personRoles.id)),
    db
      .select({
        id: affiliations.id,
        partnerId: affiliations.partnerId,
        nameTh: partners.nameTh,
        nameEn: partners.nameEn,
        positionTh: affiliations.positionTh,
        positionEn: affiliations.positionEn,
        active: partners.active,
      })
      .from(affiliations)
      .innerJoin(partners, eq(partners.id, affiliations.partnerId))
      .where(tambonWhere(affiliations, tambonId, { userId }))
      .orderBy(asc(partners.nameTh)),
    reachOf(db, tambonId, [userId]),
    db
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(tambonWhere(roleGrants, tambonId, { userId })),
  ]);
  return {
    profile: profile[0] ?? null,
    roles,
    affiliations: affs,
    reachVillageIds: reach.filter((r) => r.villageId !== null).map((r) => r.villageId!),
    reachMoos: reach.filter((r) => r.moo !== null).map((r) => r.moo!),
    reachAreaIds: reach.filter((r) => r.areaId !== null).map((r) => r.areaId!),
    isFacilitator: grants.some((g) => g.role === "facilitator"),
  };
}

/** The members of a tambon with their network roles, for staff (filtered and paged). */
export async function peopleList(
  db: DbOrTx,
  tambonId: number,
  f: { q: string; role: string },
  page: number,
  pageSize = PAGE_SIZE,
) {
  const where = tambonWhere(
    tambonMembers,
    tambonId,
    {},
    ne(tambonMembers.status, "removed"),
    f.q ? ilike(users.name, like(f.q)) : undefined,
    f.role === "facilitator"
      ? sql`exists (select 1 from ${roleGrants} where ${roleGrants.tambonId} = ${tambonId} and ${roleGrants.userId} = ${users.id} and ${roleGrants.role} = 'facilitator')`
      : f.role
        ? sql`exists (select 1 from ${personRoles} where ${personRoles.tambonId} = ${tambonId} and ${personRoles.userId} = ${users.id} and ${personRoles.role} = ${f.role})`
        : undefined,
  );
  const rowsOf = async (w: PageWindow) => {
    const rows = await db
      .select({
        userId: users.id,
        name: users.name,
        moo: villages.moo,
        publicConsent: sql<boolean>`coalesce(${personProfiles.publicConsent}, false)`,
      })
      .from(tambonMembers)
      .innerJoin(users, eq(users.id, tambonMembers.userId))
      .leftJoin(villages, eq(villages.id, tambonMembers.villageId))
      .leftJoin(personProfiles, profileOf(users.id, tambonId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(w.limit)
      .offset(w.offset);
    const ids = rows.map((r) => r.userId);
    const [roles, grants, affs] = ids.length
      ? await Promise.all([
          db
            .select({ userId: personRoles.userId, role: personRoles.role })
            .from(personRoles)
            .where(tambonWhere(personRoles, tambonId, { userId: anyOf(ids) })),
          db
            .select({ userId: roleGrants.userId })
            .from(roleGrants)
            .where(tambonWhere(roleGrants, tambonId, { role: "facilitator", userId: anyOf(ids) })),
          db
            .select({ userId: affiliations.userId, n: count() })
            .from(affiliations)
            .where(tambonWhere(affiliations, tambonId, { userId: anyOf(ids) }))
            .groupBy(affiliations.userId),
        ])
      : [[], [], []];
    return rows.map((r) => ({
      ...r,
      roles: [
        ...(grants.some((g) => g.userId === r.userId) ? ["facilitator"] : []),
        ...roles.filter((x) => x.userId === r.userId).map((x) => x.role),
      ],
      affiliations: Number(affs.find((a) => a.userId === r.userId)?.n ?? 0),
    }));
  };
  return paged(
    page,
    () =>
      countOf(
        db
          .select({ n: count() })
          .from(tambonMembers)
          .innerJoin(users, eq(users.id, tambonMembers.userId))
          .where(where),
      ),
    rowsOf,
    pageSize,
  );
}
