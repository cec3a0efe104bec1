import { asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { keptCount, PAGE_SIZE, paged, type Page } from "../../../core/paging.ts";
import { users, villages } from "../../../core/db/schema.ts";
import {
  affiliations,
  networkPillars,
  networkTerms,
  partnerAreas,
  partnerVillages,
  partners,
  personProfiles,
} from "../schema.ts";
import { countOf, like } from "../shared/queries.ts";
import { profileOf } from "../people/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

// ---------------------------------------------------------------- partners

/** The filters of the partner directory. */
export interface PartnerFilter {
  q: string;
  kindId: number | null;
  roleId: number | null;
  pillarId: number | null;
  villageId: number | null;
  areaId: number | null;
  /** Public lists show active partners only. */
  status: "active" | "inactive" | "all";
}

/** An empty filter (active partners). */
export const NO_PARTNER_FILTER: PartnerFilter = {
  q: "",
  kindId: null,
  roleId: null,
  pillarId: null,
  villageId: null,
  areaId: null,
  status: "active",
};

/** A partner as lists and pages show it. */
export interface PartnerRow {
  id: number;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  kindId: number | null;
  roleId: number | null;
  pillarId: number | null;
  kindTh: string | null;
  kindEn: string | null;
  roleTh: string | null;
  roleEn: string | null;
  pillarTh: string | null;
  pillarEn: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  website: string;
  contactUserId: number | null;
  logoFile: string | null;
  active: boolean;
  updatedAt: Date;
  villages: { id: number; moo: number }[];
  areaIds: number[];
}

const kindT = alias(networkTerms, "kind_t");

const roleT = alias(networkTerms, "role_t");

function partnerWhere(tambonId: number, f: PartnerFilter): SQL | undefined {
  return tambonWhere(
    partners,
    tambonId,
    {},
    f.status === "all" ? undefined : eq(partners.active, f.status === "active"),
    f.kindId ? eq(partners.kindId, f.kindId) : undefined,
    f.roleId ? eq(partners.roleId, f.roleId) : undefined,
    f.pillarId ? eq(partners.pillarId, f.pillarId) : undefined,
    f.villageId
      ? sql`exists (select 1 from ${partnerVillages} where ${partnerVillages.partnerId} = ${partners.id} and ${partnerVillages.villageId} = ${f.villageId})`
      : undefined,
    f.areaId
      ? sql`exists (select 1 from ${partnerAreas} where ${partnerAreas.partnerId} = ${partners.id} and ${partnerAreas.areaId} = ${f.areaId})`
      : undefined,
    f.q
      ? or(
          ilike(partners.nameTh, like(f.q)),
          ilike(partners.nameEn, like(f.q)),
          ilike(partners.descriptionTh, like(f.q)),
        )
      : undefined,
  );
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Partners in name order. The page is chosen on the partners table alone (its index gives the
 * order), then only that page is joined with its kind, role, pillar, villages and issue areas.
 */
async function partnerRows(
  db: DbOrTx,
  tambonId: number,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<PartnerRow[]> {
  const page = await db
    .select({ id: partners.id })
    .from(partners)
    .where(where)
    .orderBy(asc(partners.nameTh), asc(partners.id))
    .limit(limit)
    .offset(offset);
  const ids = page.map((r) => r.id);
  if (!ids.length) return [];
  // A long page (printing, exports) reads the tambon's links at once rather than a long id list.
  const mine = <T extends PgColumn>(col: T, tambonCol: PgColumn) =>
    ids.length > 200 ? eq(tambonCol, tambonId) : inArray(col, ids);
  const [rows, vs, as] = await Promise.all([
    db
      .select({
        ...pick(
          partners,
          "id",
          "nameTh",
          "nameEn",
          "descriptionTh",
          "descriptionEn",
          "kindId",
          "roleId",
          "pillarId",
        ),
        kindTh: kindT.nameTh,
        kindEn: kindT.nameEn,
        roleTh: roleT.nameTh,
        roleEn: roleT.nameEn,
        pillarTh: networkPillars.nameTh,
        pillarEn: networkPillars.nameEn,
        ...pick(
          partners,
          "contactName",
          "contactPhone",
          "contactEmail",
          "website",
          "contactUserId",
          "logoFile",
          "active",
          "updatedAt",
        ),
      })
      .from(partners)
      .leftJoin(kindT, eq(kindT.id, partners.kindId))
      .leftJoin(roleT, eq(roleT.id, partners.roleId))
      .leftJoin(networkPillars, eq(networkPillars.id, partners.pillarId))
      .where(tambonWhere(partners, tambonId, {}, mine(partners.id, partners.tambonId))),
    db
      .select({ partnerId: partnerVillages.partnerId, id: villages.id, moo: villages.moo })
      .from(partnerVillages)
      .innerJoin(villages, eq(villages.id, partnerVillages.villageId))
      .where(mine(partnerVillages.partnerId, partnerVillages.tambonId)),
    db
      .select({ partnerId: partnerAreas.partnerId, areaId: partnerAreas.areaId })
      .from(partnerAreas)
      .where(mine(partnerAreas.partnerId, partnerAreas.tambonId)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const vByPartner = groupBy(vs, (v) => v.partnerId);
  const aByPartner = groupBy(as, (a) => a.partnerId);
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r): PartnerRow => ({
      ...r,
      villages: (vByPartner.get(r.id) ?? [])
        .map((v) => ({ id: v.id, moo: v.moo }))
        .sort((a, b) => a.moo - b.moo),
      areaIds: (aByPartner.get(r.id) ?? []).map((a) => a.areaId),
    }));
}

/** One page of the partner directory, filtered on the server. */
export async function partnerDirectory(
  db: DbOrTx,
  tambonId: number,
  filter: PartnerFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<PartnerRow>> {
  const where = partnerWhere(tambonId, filter);
  return paged(
    page,
    // Kept until the tambon changes, unless a search's free text names the list.
    filter.q
      ? () => countOf(db.select({ n: count() }).from(partners).where(where))
      : keptCount(tambonId, `partners:${JSON.stringify(filter)}`, () =>
          countOf(db.select({ n: count() }).from(partners).where(where)),
        ),
    (w) => partnerRows(db, tambonId, where, w.limit, w.offset),
    pageSize,
  );
}

/** One partner of the tambon with its names of kind, role and pillar. */
export async function partnerById(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<PartnerRow | undefined> {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await partnerRows(db, tambonId, tambonWhere(partners, tambonId, { id }), 1, 0);
  return row;
}

/** The active partners of a tambon as choices for a select (id and names). */
export async function partnerChoices(db: DbOrTx, tambonId: number) {
  return db
    .select({ ...pick(partners, "id", "nameTh", "nameEn") })
    .from(partners)
    .where(tambonWhere(partners, tambonId, { active: true }))
    .orderBy(asc(partners.nameTh))
    .limit(5000);
}

/** The members of a partner: everyone for staff, only people who agreed for the public. */
export async function partnerMembers(
  db: DbOrTx,
  tambonId: number,
  partnerId: number,
  onlyPublic: boolean,
) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      positionTh: affiliations.positionTh,
      positionEn: affiliations.positionEn,
      publicConsent: sql<boolean>`coalesce(${personProfiles.publicConsent}, false)`,
    })
    .from(affiliations)
    .innerJoin(users, eq(users.id, affiliations.userId))
    .leftJoin(personProfiles, profileOf(affiliations.userId, affiliations.tambonId))
    .where(
      tambonWhere(
        affiliations,
        tambonId,
        { partnerId },
        onlyPublic ? eq(personProfiles.publicConsent, true) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

/** How the partner's contact person signs in (username, phone or e-mail), or "" when none. */
export async function contactIdentifier(db: DbOrTx, userId: number | null): Promise<string> {
  if (!userId) return "";
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user ? (user.username ?? user.phone ?? user.email ?? "") : "";
}
