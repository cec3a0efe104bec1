import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { PAGE_SIZE, paged, type Page } from "../../../core/paging.ts";
import { todayIso } from "../../../core/dates.ts";
import { agreementActivities, agreementParties, agreements, networkPillars } from "../schema.ts";
import type { AgreementKind, AgreementStatus } from "./agreement.ts";
import { countOf, like } from "../shared/queries.ts";
import { tambonRow, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

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
        ...pick(agreementParties, "agreementId", "nameTh", "nameEn"),
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
  ...pick(
    agreements,
    "id",
    "tambonId",
    "kind",
    "titleTh",
    "titleEn",
    "status",
    "signedOn",
    "startsOn",
    "endsOn",
    "documentFile",
  ),
};

/** One page of the tambon's agreements, newest first. */
export async function agreementList(
  db: DbOrTx,
  tambonId: number,
  f: AgreementFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<AgreementRow>> {
  const where = tambonWhere(
    agreements,
    tambonId,
    {},
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
  const a = await tambonRow(db, agreements, tambonId, id);
  if (!a) return undefined;
  const [parties, activities] = await Promise.all([
    db
      .select({
        ...pick(agreementParties, "id", "partyKind", "partyDopaCode", "partnerId", "pillarId"),
        pillarTh: networkPillars.nameTh,
        pillarEn: networkPillars.nameEn,
        ...pick(agreementParties, "nameTh", "nameEn", "signatoryName", "signatoryPosition"),
      })
      .from(agreementParties)
      .leftJoin(networkPillars, eq(networkPillars.id, agreementParties.pillarId))
      .where(tambonWhere(agreementParties, tambonId, { agreementId: a.id }))
      .orderBy(asc(agreementParties.position), asc(agreementParties.id)),
    tambonRows(
      db,
      agreementActivities,
      tambonId,
      { agreementId: a.id },
      desc(agreementActivities.heldOn),
      desc(agreementActivities.id),
    ),
  ]);
  return { agreement: a, parties, activities };
}

/** The tambon's published agreements of one kind, the latest signed first (`limit` of them). */
export function publishedOfKind(db: DbOrTx, tambonId: number, kind: AgreementKind, limit: number) {
  return db
    .select({
      ...pick(agreements, "id", "titleTh", "titleEn", "signedOn"),
    })
    .from(agreements)
    .where(tambonWhere(agreements, tambonId, { kind }, ne(agreements.status, "draft")))
    .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.id))
    .limit(limit);
}

/** The detail of an agreement. */
export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof agreementDetail>>>;

/** Agreements in which a partner of the tambon is a party (published ones for the public). */
export async function agreementsOfPartner(
  db: DbOrTx,
  tambonId: number,
  partnerId: number,
  includeDrafts: boolean,
) {
  return db
    .selectDistinct({
      ...pick(agreements, "id", "titleTh", "titleEn", "status", "endsOn", "signedOn"),
    })
    .from(agreements)
    .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
    .where(
      tambonWhere(
        agreements,
        tambonId,
        {},
        eq(agreementParties.partnerId, partnerId),
        includeDrafts ? undefined : ne(agreements.status, "draft"),
      ),
    )
    .orderBy(desc(agreements.id));
}
