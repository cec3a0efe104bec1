import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { PAGE_SIZE, paged, type Page } from "../../../core/paging.ts";
import { villages } from "../../../core/db/schema.ts";
import { centrePhotos, learningCentres, partners, studyVisits } from "../schema.ts";
import { countOf, like } from "../shared/queries.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";
import { CENTRE_FIELDS } from "./fields.ts";

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
  ...pick(
    learningCentres,
    "id",
    "tambonId",
    ...CENTRE_FIELDS,
    "contactPhone",
    "contactEmail",
    "acceptsVisits",
    "active",
  ),
  villageMoo: villages.moo,
  villageTh: villages.nameTh,
  hostTh: partners.nameTh,
  hostEn: partners.nameEn,
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
    .where(tambonWhere(learningCentres, tambonId, { id }));
  return row;
}

/** The photos of a learning centre in order. */
export async function centrePhotoList(db: DbOrTx, tambonId: number, centreId: number) {
  return tambonRows(
    db,
    centrePhotos,
    tambonId,
    { centreId },
    asc(centrePhotos.position),
    asc(centrePhotos.id),
  );
}

/** Learning centres of other tambons that take visitors (choices for a request), by tambon. */
export async function centresOpenToVisits(db: DbOrTx, excludeTambonId: number) {
  return db
    .select({
      ...pick(learningCentres, "id", "tambonId", "nameTh", "nameEn", "capacity"),
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

/** The tambon's active learning centres (id and names), or only those a partner hosts or of an area. */
export function activeCentres(
  db: DbOrTx,
  tambonId: number,
  of: { hostPartnerId?: number; areaId?: number } = {},
) {
  return db
    .select({
      ...pick(learningCentres, "id", "nameTh", "nameEn"),
    })
    .from(learningCentres)
    .where(
      tambonWhere(
        learningCentres,
        tambonId,
        { active: true },
        of.hostPartnerId === undefined
          ? undefined
          : eq(learningCentres.hostPartnerId, of.hostPartnerId),
        of.areaId === undefined ? undefined : eq(learningCentres.areaId, of.areaId),
      ),
    );
}
