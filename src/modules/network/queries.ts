import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../core/db/index.ts";
import { PAGE_SIZE, paged, type Page, type PageWindow } from "../../core/paging.ts";
import { todayIso } from "../../core/dates.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../../core/db/schema.ts";
import {
  affiliations,
  agreementActivities,
  agreementParties,
  agreements,
  centrePhotos,
  facilitatorReach,
  learningCentres,
  networkPillars,
  networkTerms,
  partnerAreas,
  partnerVillages,
  partners,
  personProfiles,
  personRoles,
  studyVisits,
  tambonLinks,
} from "./schema.ts";
import type { ListItem, Pillar, TermList } from "./lists.ts";
import type { AgreementKind, AgreementStatus } from "./agreement.ts";
import type { VisitStatus } from "./visit.ts";

/** The number in a `count()` query's only row. */
async function countOf(rows: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await rows;
  return Number(row?.n ?? 0);
}

/** Escapes LIKE wildcards in what a person typed. */
function like(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- lists

/** The tambon's pillars in order (archived ones only when asked). */
export async function listPillars(
  db: DbOrTx,
  tambonId: number,
  includeArchived = false,
): Promise<Pillar[]> {
  return db
    .select()
    .from(networkPillars)
    .where(
      and(
        eq(networkPillars.tambonId, tambonId),
        includeArchived ? undefined : isNull(networkPillars.archivedAt),
      ),
    )
    .orderBy(asc(networkPillars.position), asc(networkPillars.id));
}

/** One of the tambon's term lists (partner kinds or roles) in order. */
export async function listTerms(
  db: DbOrTx,
  tambonId: number,
  list: TermList,
  includeArchived = false,
): Promise<ListItem[]> {
  return db
    .select({
      id: networkTerms.id,
      nameTh: networkTerms.nameTh,
      nameEn: networkTerms.nameEn,
      position: networkTerms.position,
      archivedAt: networkTerms.archivedAt,
    })
    .from(networkTerms)
    .where(
      and(
        eq(networkTerms.tambonId, tambonId),
        eq(networkTerms.list, list),
        includeArchived ? undefined : isNull(networkTerms.archivedAt),
      ),
    )
    .orderBy(asc(networkTerms.position), asc(networkTerms.id));
}

/** The tambon's villages in order of their moo. */
export async function listVillages(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(asc(villages.moo));
}

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
  return and(
    eq(partners.tambonId, tambonId),
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
function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
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
        id: partners.id,
        nameTh: partners.nameTh,
        nameEn: partners.nameEn,
        descriptionTh: partners.descriptionTh,
        descriptionEn: partners.descriptionEn,
        kindId: partners.kindId,
        roleId: partners.roleId,
        pillarId: partners.pillarId,
        kindTh: kindT.nameTh,
        kindEn: kindT.nameEn,
        roleTh: roleT.nameTh,
        roleEn: roleT.nameEn,
        pillarTh: networkPillars.nameTh,
        pillarEn: networkPillars.nameEn,
        contactName: partners.contactName,
        contactPhone: partners.contactPhone,
        contactEmail: partners.contactEmail,
        website: partners.website,
        contactUserId: partners.contactUserId,
        logoFile: partners.logoFile,
        active: partners.active,
        updatedAt: partners.updatedAt,
      })
      .from(partners)
      .leftJoin(kindT, eq(kindT.id, partners.kindId))
      .leftJoin(roleT, eq(roleT.id, partners.roleId))
      .leftJoin(networkPillars, eq(networkPillars.id, partners.pillarId))
      .where(and(eq(partners.tambonId, tambonId), mine(partners.id, partners.tambonId))),
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
    () => countOf(db.select({ n: count() }).from(partners).where(where)),
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
  const [row] = await partnerRows(
    db,
    tambonId,
    and(eq(partners.tambonId, tambonId), eq(partners.id, id)),
    1,
    0,
  );
  return row;
}

/** The active partners of a tambon as choices for a select (id and names). */
export async function partnerChoices(db: DbOrTx, tambonId: number) {
  return db
    .select({ id: partners.id, nameTh: partners.nameTh, nameEn: partners.nameEn })
    .from(partners)
    .where(and(eq(partners.tambonId, tambonId), eq(partners.active, true)))
    .orderBy(asc(partners.nameTh))
    .limit(5000);
}

/** How many active partners stand in each pillar (key 0: none). */
export async function partnersPerPillar(db: DbOrTx, tambonId: number) {
  const rows = await db
    .select({ pillarId: partners.pillarId, n: count() })
    .from(partners)
    .where(and(eq(partners.tambonId, tambonId), eq(partners.active, true)))
    .groupBy(partners.pillarId);
  return new Map(rows.map((r) => [r.pillarId ?? 0, Number(r.n)]));
}

/** The first active partners of each pillar by name (at most `perPillar` each), in one query. */
export async function partnersByPillar(
  db: DbOrTx,
  tambonId: number,
  perPillar: number,
): Promise<Map<number, { id: number; nameTh: string; nameEn: string }[]>> {
  const ranked = db
    .select({
      id: partners.id,
      nameTh: partners.nameTh,
      nameEn: partners.nameEn,
      pillarId: partners.pillarId,
      rank: sql<number>`row_number() over (partition by ${partners.pillarId} order by ${partners.nameTh}, ${partners.id})`.as(
        "rank",
      ),
    })
    .from(partners)
    .where(
      and(eq(partners.tambonId, tambonId), eq(partners.active, true), isNotNull(partners.pillarId)),
    )
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, perPillar))
    .orderBy(asc(ranked.pillarId), asc(ranked.rank));
  const out = new Map<number, { id: number; nameTh: string; nameEn: string }[]>();
  for (const r of rows) {
    const list = out.get(r.pillarId!) ?? [];
    list.push({ id: r.id, nameTh: r.nameTh, nameEn: r.nameEn });
    out.set(r.pillarId!, list);
  }
  return out;
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
    .leftJoin(
      personProfiles,
      and(
        eq(personProfiles.userId, affiliations.userId),
        eq(personProfiles.tambonId, affiliations.tambonId),
      ),
    )
    .where(
      and(
        eq(affiliations.tambonId, tambonId),
        eq(affiliations.partnerId, partnerId),
        onlyPublic ? eq(personProfiles.publicConsent, true) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

// ---------------------------------------------------------------- agreements

/** The filters of the agreement list. */
export interface AgreementFilter {
  status: AgreementStatus | "";
  kind: AgreementKind | "";
  q: string;
  /** Staff see drafts; the public does not. */
  includeDrafts: boolean;
  /** The day the status is read on (an agreement past its last day reads as expired); today. */
  today?: string;
}

/**
 * The condition "the agreement's effective status is …", as `effectiveStatus` reads it: a signed
 * or active agreement whose last day has passed is expired.
 */
function effectiveStatusIs(status: AgreementStatus, today: string) {
  const lapsed = and(
    inArray(agreements.status, ["signed", "active"]),
    sql`${agreements.endsOn} < ${today}`,
  );
  if (status === "expired") return or(eq(agreements.status, "expired"), lapsed);
  if (status === "signed" || status === "active")
    return and(
      eq(agreements.status, status),
      or(isNull(agreements.endsOn), sql`${agreements.endsOn} >= ${today}`),
    );
  return eq(agreements.status, status);
}

/** An agreement in a list, with the names of its parties. */
export interface AgreementRow {
  id: number;
  tambonId: number;
  kind: AgreementKind;
  titleTh: string;
  titleEn: string;
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  documentFile: string | null;
  parties: { nameTh: string; nameEn: string }[];
  activities: number;
}

async function withParties(
  db: DbOrTx,
  rows: Omit<AgreementRow, "parties" | "activities">[],
): Promise<AgreementRow[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [ps, acts] = await Promise.all([
    db
      .select({
        agreementId: agreementParties.agreementId,
        nameTh: agreementParties.nameTh,
        nameEn: agreementParties.nameEn,
      })
      .from(agreementParties)
      .where(inArray(agreementParties.agreementId, ids))
      .orderBy(asc(agreementParties.position), asc(agreementParties.id)),
    db
      .select({ agreementId: agreementActivities.agreementId, n: count() })
      .from(agreementActivities)
      .where(inArray(agreementActivities.agreementId, ids))
      .groupBy(agreementActivities.agreementId),
  ]);
  return rows.map((r) => ({
    ...r,
    parties: ps.filter((p) => p.agreementId === r.id),
    activities: Number(acts.find((a) => a.agreementId === r.id)?.n ?? 0),
  }));
}

const agreementColumns = {
  id: agreements.id,
  tambonId: agreements.tambonId,
  kind: agreements.kind,
  titleTh: agreements.titleTh,
  titleEn: agreements.titleEn,
  status: agreements.status,
  signedOn: agreements.signedOn,
  startsOn: agreements.startsOn,
  endsOn: agreements.endsOn,
  documentFile: agreements.documentFile,
};

/** One page of the tambon's agreements, newest first. */
export async function agreementList(
  db: DbOrTx,
  tambonId: number,
  f: AgreementFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<AgreementRow>> {
  const where = and(
    eq(agreements.tambonId, tambonId),
    f.includeDrafts ? undefined : ne(agreements.status, "draft"),
    f.status ? effectiveStatusIs(f.status, f.today ?? todayIso()) : undefined,
    f.kind ? eq(agreements.kind, f.kind) : undefined,
    f.q
      ? or(
          ilike(agreements.titleTh, like(f.q)),
          ilike(agreements.titleEn, like(f.q)),
          sql`exists (select 1 from ${agreementParties} where ${agreementParties.agreementId} = ${agreements.id} and ${agreementParties.nameTh} ilike ${like(f.q)})`,
        )
      : undefined,
  );
  return paged(
    page,
    () => countOf(db.select({ n: count() }).from(agreements).where(where)),
    async (w) =>
      withParties(
        db,
        await db
          .select(agreementColumns)
          .from(agreements)
          .where(where)
          .orderBy(sql`${agreements.signedOn} desc nulls first`, desc(agreements.id))
          .limit(w.limit)
          .offset(w.offset),
      ),
    pageSize,
  );
}

/** Published agreements that other tambons recorded with this tambon (by its national code) as a party. */
export async function agreementsAsParty(
  db: DbOrTx,
  dopaCode: string,
  ownerIdToSkip: number,
  limit = 100,
): Promise<AgreementRow[]> {
  const rows = await db
    .selectDistinct(agreementColumns)
    .from(agreements)
    .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
    .where(
      and(
        eq(agreementParties.partyDopaCode, dopaCode),
        ne(agreements.tambonId, ownerIdToSkip),
        ne(agreements.status, "draft"),
      ),
    )
    .orderBy(desc(agreements.id))
    .limit(limit);
  return withParties(db, rows);
}

/** One agreement of the tambon with its parties (and their pillars) and activities. */
export async function agreementDetail(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [a] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), eq(agreements.tambonId, tambonId)));
  if (!a) return undefined;
  const [parties, activities] = await Promise.all([
    db
      .select({
        id: agreementParties.id,
        partyKind: agreementParties.partyKind,
        partyDopaCode: agreementParties.partyDopaCode,
        partnerId: agreementParties.partnerId,
        pillarId: agreementParties.pillarId,
        pillarTh: networkPillars.nameTh,
        pillarEn: networkPillars.nameEn,
        nameTh: agreementParties.nameTh,
        nameEn: agreementParties.nameEn,
        signatoryName: agreementParties.signatoryName,
        signatoryPosition: agreementParties.signatoryPosition,
      })
      .from(agreementParties)
      .leftJoin(networkPillars, eq(networkPillars.id, agreementParties.pillarId))
      .where(and(eq(agreementParties.agreementId, a.id), eq(agreementParties.tambonId, tambonId)))
      .orderBy(asc(agreementParties.position), asc(agreementParties.id)),
    db
      .select()
      .from(agreementActivities)
      .where(
        and(eq(agreementActivities.agreementId, a.id), eq(agreementActivities.tambonId, tambonId)),
      )
      .orderBy(desc(agreementActivities.heldOn), desc(agreementActivities.id)),
  ]);
  return { agreement: a, parties, activities };
}

/** The detail of an agreement. */
export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof agreementDetail>>>;

/** The tambon's latest published common-ground agreement (ข้อตกลงร่วม of the pillars), if any. */
export async function commonGround(db: DbOrTx, tambonId: number) {
  const [a] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      and(
        eq(agreements.tambonId, tambonId),
        eq(agreements.kind, "common_ground"),
        ne(agreements.status, "draft"),
      ),
    )
    .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.id))
    .limit(1);
  return a ? agreementDetail(db, tambonId, a.id) : undefined;
}

/** Agreements in which a partner of the tambon is a party (published ones for the public). */
export async function agreementsOfPartner(
  db: DbOrTx,
  tambonId: number,
  partnerId: number,
  includeDrafts: boolean,
) {
  return db
    .selectDistinct({
      id: agreements.id,
      titleTh: agreements.titleTh,
      titleEn: agreements.titleEn,
      status: agreements.status,
      endsOn: agreements.endsOn,
      signedOn: agreements.signedOn,
    })
    .from(agreements)
    .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
    .where(
      and(
        eq(agreements.tambonId, tambonId),
        eq(agreementParties.partnerId, partnerId),
        includeDrafts ? undefined : ne(agreements.status, "draft"),
      ),
    )
    .orderBy(desc(agreements.id));
}

// ---------------------------------------------------------------- tambon links

/** Every declaration of every tambon (the network page draws them all). */
export async function allDeclarations(db: DbOrTx) {
  return db.select().from(tambonLinks).orderBy(asc(tambonLinks.id));
}

/** The declarations a tambon made, and those other tambons made about it. */
export async function declarationsAbout(db: DbOrTx, tambonId: number, dopaCode: string) {
  return db
    .select()
    .from(tambonLinks)
    .where(or(eq(tambonLinks.tambonId, tambonId), eq(tambonLinks.otherDopaCode, dopaCode)))
    .orderBy(asc(tambonLinks.id));
}

export type { LinkRow } from "./tambon-links.ts";

// ---------------------------------------------------------------- learning centres

/** The filters of the learning-centre list. */
export interface CentreFilter {
  q: string;
  areaId: number | null;
  villageId: number | null;
  includeInactive: boolean;
}

/** A learning centre as lists show it, with its visits counted. */
export interface CentreRow {
  id: number;
  tambonId: number;
  nameTh: string;
  nameEn: string;
  topicTh: string;
  topicEn: string;
  areaId: number | null;
  villageId: number | null;
  villageMoo: number | null;
  villageTh: string | null;
  hostPartnerId: number | null;
  hostTh: string | null;
  hostEn: string | null;
  learnTh: string;
  learnEn: string;
  capacity: number | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  acceptsVisits: boolean;
  active: boolean;
  visitsDone: number;
  visitors: number;
  thumb: string | null;
}

const centreColumns = {
  id: learningCentres.id,
  tambonId: learningCentres.tambonId,
  nameTh: learningCentres.nameTh,
  nameEn: learningCentres.nameEn,
  topicTh: learningCentres.topicTh,
  topicEn: learningCentres.topicEn,
  areaId: learningCentres.areaId,
  villageId: learningCentres.villageId,
  villageMoo: villages.moo,
  villageTh: villages.nameTh,
  hostPartnerId: learningCentres.hostPartnerId,
  hostTh: partners.nameTh,
  hostEn: partners.nameEn,
  learnTh: learningCentres.learnTh,
  learnEn: learningCentres.learnEn,
  capacity: learningCentres.capacity,
  contactName: learningCentres.contactName,
  contactPhone: learningCentres.contactPhone,
  contactEmail: learningCentres.contactEmail,
  acceptsVisits: learningCentres.acceptsVisits,
  active: learningCentres.active,
  visitsDone: sql<number>`(select count(*)::int from ${studyVisits} where ${studyVisits.centreId} = ${learningCentres.id} and ${studyVisits.status} = 'done')`,
  visitors: sql<number>`(select coalesce(sum(${studyVisits.visitorsCount}), 0)::int from ${studyVisits} where ${studyVisits.centreId} = ${learningCentres.id} and ${studyVisits.status} = 'done')`,
  thumb: sql<
    string | null
  >`(select ${centrePhotos.thumbFile} from ${centrePhotos} where ${centrePhotos.centreId} = ${learningCentres.id} order by ${centrePhotos.position}, ${centrePhotos.id} limit 1)`,
};

function centreWhere(tambonId: number | null, f: CentreFilter): SQL | undefined {
  return and(
    tambonId === null ? undefined : eq(learningCentres.tambonId, tambonId),
    f.includeInactive ? undefined : eq(learningCentres.active, true),
    f.areaId ? eq(learningCentres.areaId, f.areaId) : undefined,
    f.villageId ? eq(learningCentres.villageId, f.villageId) : undefined,
    f.q
      ? or(
          ilike(learningCentres.nameTh, like(f.q)),
          ilike(learningCentres.nameEn, like(f.q)),
          ilike(learningCentres.topicTh, like(f.q)),
          ilike(learningCentres.learnTh, like(f.q)),
        )
      : undefined,
  );
}

/** One page of the tambon's learning centres. */
export async function centreList(
  db: DbOrTx,
  tambonId: number,
  f: CentreFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<CentreRow>> {
  const where = centreWhere(tambonId, f);
  return paged(
    page,
    () => countOf(db.select({ n: count() }).from(learningCentres).where(where)),
    (w) =>
      db
        .select(centreColumns)
        .from(learningCentres)
        .leftJoin(villages, eq(villages.id, learningCentres.villageId))
        .leftJoin(partners, eq(partners.id, learningCentres.hostPartnerId))
        .where(where)
        .orderBy(asc(learningCentres.nameTh), asc(learningCentres.id))
        .limit(w.limit)
        .offset(w.offset),
    pageSize,
  );
}

/** One learning centre of the tambon. */
export async function centreById(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<CentreRow | undefined> {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await db
    .select(centreColumns)
    .from(learningCentres)
    .leftJoin(villages, eq(villages.id, learningCentres.villageId))
    .leftJoin(partners, eq(partners.id, learningCentres.hostPartnerId))
    .where(and(eq(learningCentres.tambonId, tambonId), eq(learningCentres.id, id)));
  return row;
}

/** The photos of a learning centre in order. */
export async function centrePhotoList(db: DbOrTx, tambonId: number, centreId: number) {
  return db
    .select()
    .from(centrePhotos)
    .where(and(eq(centrePhotos.tambonId, tambonId), eq(centrePhotos.centreId, centreId)))
    .orderBy(asc(centrePhotos.position), asc(centrePhotos.id));
}

/** Learning centres of other tambons that take visitors (choices for a request), by tambon. */
export async function centresOpenToVisits(db: DbOrTx, excludeTambonId: number) {
  return db
    .select({
      id: learningCentres.id,
      tambonId: learningCentres.tambonId,
      nameTh: learningCentres.nameTh,
      nameEn: learningCentres.nameEn,
      capacity: learningCentres.capacity,
    })
    .from(learningCentres)
    .where(
      and(
        ne(learningCentres.tambonId, excludeTambonId),
        eq(learningCentres.active, true),
        eq(learningCentres.acceptsVisits, true),
      ),
    )
    .orderBy(asc(learningCentres.tambonId), asc(learningCentres.nameTh))
    .limit(5000);
}

/**
 * Counts for the network table: active partners and active centres per tambon id, and published
 * MOUs per tambon national code, each MOU counted for the tambon that recorded it and for every
 * tambon that is a party to it (also tambons not on the platform).
 */
export async function networkCounts(db: DbOrTx) {
  const [ps, mous, cs] = await Promise.all([
    db
      .select({ tambonId: partners.tambonId, n: count() })
      .from(partners)
      .where(eq(partners.active, true))
      .groupBy(partners.tambonId),
    db
      .select({
        id: agreements.id,
        owner: tambons.dopaCode,
        party: agreementParties.partyDopaCode,
      })
      .from(agreements)
      .innerJoin(tambons, eq(tambons.id, agreements.tambonId))
      .leftJoin(
        agreementParties,
        and(
          eq(agreementParties.agreementId, agreements.id),
          eq(agreementParties.partyKind, "tambon"),
        ),
      )
      .where(and(eq(agreements.kind, "mou"), ne(agreements.status, "draft"))),
    db
      .select({ tambonId: learningCentres.tambonId, n: count() })
      .from(learningCentres)
      .where(eq(learningCentres.active, true))
      .groupBy(learningCentres.tambonId),
  ]);
  const m = (rows: { tambonId: number; n: number }[]) =>
    new Map(rows.map((r) => [r.tambonId, Number(r.n)]));
  const byCode = new Map<string, Set<number>>();
  const add = (code: string | null, id: number) => {
    if (!code) return;
    const set = byCode.get(code) ?? new Set<number>();
    set.add(id);
    byCode.set(code, set);
  };
  for (const r of mous) {
    add(r.owner, r.id);
    add(r.party, r.id);
  }
  const agreementsByCode = new Map([...byCode].map(([code, ids]) => [code, ids.size]));
  return { partners: m(ps), agreements: agreementsByCode, centres: m(cs) };
}

// ---------------------------------------------------------------- study visits

/** The filters of a list of study visits. */
export interface VisitFilter {
  status: VisitStatus | "";
  centreId: number | null;
}

const visitColumns = {
  id: studyVisits.id,
  tambonId: studyVisits.tambonId,
  centreId: studyVisits.centreId,
  centreTh: learningCentres.nameTh,
  centreEn: learningCentres.nameEn,
  requestingTambonId: studyVisits.requestingTambonId,
  source: studyVisits.source,
  groupName: studyVisits.groupName,
  contactName: studyVisits.contactName,
  contactPhone: studyVisits.contactPhone,
  contactEmail: studyVisits.contactEmail,
  requestedOn: studyVisits.requestedOn,
  proposedOn: studyVisits.proposedOn,
  groupSize: studyVisits.groupSize,
  topics: studyVisits.topics,
  status: studyVisits.status,
  hostNote: studyVisits.hostNote,
  requesterNote: studyVisits.requesterNote,
  visitedOn: studyVisits.visitedOn,
  visitorsCount: studyVisits.visitorsCount,
  learnedTh: studyVisits.learnedTh,
  learnedEn: studyVisits.learnedEn,
  createdAt: studyVisits.createdAt,
};

/** A study visit with its centre's names. */
export interface VisitRow {
  id: number;
  tambonId: number;
  centreId: number;
  centreTh: string;
  centreEn: string;
  requestingTambonId: number | null;
  source: "tambon" | "public" | "host";
  groupName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  requestedOn: string;
  proposedOn: string | null;
  groupSize: number;
  topics: string;
  status: VisitStatus;
  hostNote: string;
  requesterNote: string;
  visitedOn: string | null;
  visitorsCount: number | null;
  learnedTh: string;
  learnedEn: string;
  createdAt: Date;
}

async function visitPage(
  db: DbOrTx,
  where: SQL | undefined,
  page: number,
  pageSize: number,
): Promise<Page<VisitRow>> {
  return paged(
    page,
    () => countOf(db.select({ n: count() }).from(studyVisits).where(where)),
    (w) =>
      db
        .select(visitColumns)
        .from(studyVisits)
        .innerJoin(learningCentres, eq(learningCentres.id, studyVisits.centreId))
        .where(where)
        .orderBy(desc(studyVisits.createdAt), desc(studyVisits.id))
        .limit(w.limit)
        .offset(w.offset),
    pageSize,
  );
}

/** Requests and visits to the tambon's learning centres, newest first. */
export async function incomingVisits(
  db: DbOrTx,
  tambonId: number,
  f: VisitFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<VisitRow>> {
  return visitPage(
    db,
    and(
      eq(studyVisits.tambonId, tambonId),
      f.status ? eq(studyVisits.status, f.status) : undefined,
      f.centreId ? eq(studyVisits.centreId, f.centreId) : undefined,
    ),
    page,
    pageSize,
  );
}

/** Requests the tambon filed to other tambons' learning centres, newest first. */
export async function outgoingVisits(
  db: DbOrTx,
  requesterId: number,
  f: VisitFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<VisitRow>> {
  return visitPage(
    db,
    and(
      eq(studyVisits.requestingTambonId, requesterId),
      f.status ? eq(studyVisits.status, f.status) : undefined,
    ),
    page,
    pageSize,
  );
}

/** One study visit hosted by the tambon, with its centre's names. */
export async function visitById(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<VisitRow | undefined> {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await db
    .select(visitColumns)
    .from(studyVisits)
    .innerJoin(learningCentres, eq(learningCentres.id, studyVisits.centreId))
    .where(and(eq(studyVisits.tambonId, tambonId), eq(studyVisits.id, id)));
  return row;
}

/** The visits that took place at a centre (public record: group, date, size, what was learned). */
export async function doneVisits(
  db: DbOrTx,
  tambonId: number,
  centreId: number,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<VisitRow>> {
  const where = and(
    eq(studyVisits.tambonId, tambonId),
    eq(studyVisits.centreId, centreId),
    eq(studyVisits.status, "done"),
  );
  return paged(
    page,
    () => countOf(db.select({ n: count() }).from(studyVisits).where(where)),
    (w) =>
      db
        .select(visitColumns)
        .from(studyVisits)
        .innerJoin(learningCentres, eq(learningCentres.id, studyVisits.centreId))
        .where(where)
        .orderBy(desc(studyVisits.visitedOn), desc(studyVisits.id))
        .limit(w.limit)
        .offset(w.offset),
    pageSize,
  );
}

/** How many requests wait for the host's answer. */
export async function waitingVisits(db: DbOrTx, tambonId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(studyVisits)
    .where(and(eq(studyVisits.tambonId, tambonId), eq(studyVisits.status, "requested")));
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------- people

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
  const where = and(
    eq(roleGrants.tambonId, tambonId),
    eq(roleGrants.role, "facilitator"),
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
      .leftJoin(
        personProfiles,
        and(
          eq(personProfiles.userId, roleGrants.userId),
          eq(personProfiles.tambonId, roleGrants.tambonId),
        ),
      );
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
          .leftJoin(
            personProfiles,
            and(
              eq(personProfiles.userId, roleGrants.userId),
              eq(personProfiles.tambonId, roleGrants.tambonId),
            ),
          )
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
    .where(and(eq(facilitatorReach.tambonId, tambonId), inArray(facilitatorReach.userId, userIds)))
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
      titleTh: personProfiles.titleTh,
      titleEn: personProfiles.titleEn,
      bioTh: personProfiles.bioTh,
      bioEn: personProfiles.bioEn,
      publicConsent: personProfiles.publicConsent,
    })
    .from(personProfiles)
    .innerJoin(users, eq(users.id, personProfiles.userId))
    .where(and(eq(personProfiles.tambonId, tambonId), eq(personProfiles.id, profileId)));
  return p;
}

/** Everything the network records of one person in a tambon. */
export async function personNetwork(db: DbOrTx, tambonId: number, userId: number) {
  const [profile, roles, affs, reach, grants] = await Promise.all([
    db
      .select()
      .from(personProfiles)
      .where(and(eq(personProfiles.tambonId, tambonId), eq(personProfiles.userId, userId))),
    db
      .select({
        id: personRoles.id,
        role: personRoles.role,
        villageId: personRoles.villageId,
        moo: villages.moo,
        note: personRoles.note,
      })
      .from(personRoles)
      .leftJoin(villages, eq(villages.id, personRoles.villageId))
      .where(and(eq(personRoles.tambonId, tambonId), eq(personRoles.userId, userId)))
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
      .where(and(eq(affiliations.tambonId, tambonId), eq(affiliations.userId, userId)))
      .orderBy(asc(partners.nameTh)),
    reachOf(db, tambonId, [userId]),
    db
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(and(eq(roleGrants.tambonId, tambonId), eq(roleGrants.userId, userId))),
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
  const where = and(
    eq(tambonMembers.tambonId, tambonId),
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
      .leftJoin(
        personProfiles,
        and(eq(personProfiles.userId, users.id), eq(personProfiles.tambonId, tambonId)),
      )
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
            .where(and(eq(personRoles.tambonId, tambonId), inArray(personRoles.userId, ids))),
          db
            .select({ userId: roleGrants.userId })
            .from(roleGrants)
            .where(
              and(
                eq(roleGrants.tambonId, tambonId),
                eq(roleGrants.role, "facilitator"),
                inArray(roleGrants.userId, ids),
              ),
            ),
          db
            .select({ userId: affiliations.userId, n: count() })
            .from(affiliations)
            .where(and(eq(affiliations.tambonId, tambonId), inArray(affiliations.userId, ids)))
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
