import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { PAGE_SIZE, paged, type Page } from "../../../core/paging.ts";
import { learningCentres, studyVisits } from "../schema.ts";
import type { VisitStatus } from "./visit.ts";
import { countOf } from "../shared/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

// ---------------------------------------------------------------- study visits

/** The filters of a list of study visits. */
export interface VisitFilter {
  status: VisitStatus | "";
  centreId: number | null;
}

const visitColumns = {
  ...pick(studyVisits, "id", "tambonId", "centreId"),
  centreTh: learningCentres.nameTh,
  centreEn: learningCentres.nameEn,
  ...pick(
    studyVisits,
    "requestingTambonId",
    "source",
    "groupName",
    "contactName",
    "contactPhone",
    "contactEmail",
    "requestedOn",
    "proposedOn",
    "groupSize",
    "topics",
    "status",
    "hostNote",
    "requesterNote",
    "visitedOn",
    "visitorsCount",
    "learnedTh",
    "learnedEn",
    "createdAt",
  ),
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

/** A page of visits, newest request first unless `order` says otherwise. */
async function visitPage(
  db: DbOrTx,
  where: SQL | undefined,
  page: number,
  pageSize: number,
  order: SQL[] = [desc(studyVisits.createdAt), desc(studyVisits.id)],
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
        .orderBy(...order)
        .limit(w.limit)
        .offset(w.offset),
    pageSize,
  );
}

/**
 * Study visits of a tambon, newest first: "incoming", the requests and visits to its learning
 * centres (filtered by status and centre); "outgoing", those it filed to other tambons' centres
 * (filtered by status).
 */
export async function visitsOf(
  db: DbOrTx,
  side: "incoming" | "outgoing",
  tambonId: number,
  f: VisitFilter,
  page: number,
  pageSize = PAGE_SIZE,
): Promise<Page<VisitRow>> {
  const incoming = side === "incoming";
  return visitPage(
    db,
    and(
      eq(incoming ? studyVisits.tambonId : studyVisits.requestingTambonId, tambonId),
      f.status ? eq(studyVisits.status, f.status) : undefined,
      incoming && f.centreId ? eq(studyVisits.centreId, f.centreId) : undefined,
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
    .where(tambonWhere(studyVisits, tambonId, { id }));
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
  const where = tambonWhere(studyVisits, tambonId, { centreId, status: "done" });
  return visitPage(db, where, page, pageSize, [desc(studyVisits.visitedOn), desc(studyVisits.id)]);
}

/** How many requests wait for the host's answer. */
export async function waitingVisits(db: DbOrTx, tambonId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(studyVisits)
    .where(tambonWhere(studyVisits, tambonId, { status: "requested" }));
  return Number(row?.n ?? 0);
}
