import { asc, desc, eq } from "drizzle-orm";
import type { PageSection } from "../../../core/modules.ts";
import { formatDate } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import { nameIn } from "../shared/lists.ts";
import { activeCentres } from "../centres/queries.ts";
import { publishedOfKind } from "../agreements/queries.ts";
import { learningCentres, partnerAreas, partners } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The active partners working on an issue area, on the area's page. */
export const partnersOfArea: PageSection<number> = {
  id: "network-partners",
  title: (lang) => msg.t(lang)("area.partners"),
  load: async (db, { id: tambonId, slug }, lang, areaId) => {
    const rows = await db
      .select({ ...pick(partners, "id", "nameTh", "nameEn") })
      .from(partnerAreas)
      .innerJoin(partners, eq(partners.id, partnerAreas.partnerId))
      .where(tambonWhere(partnerAreas, tambonId, { areaId }, eq(partners.active, true)))
      .orderBy(asc(partners.nameTh))
      .limit(50);
    return rows.map((r) => ({ href: `/t/${slug}/partners/${r.id}`, title: nameIn(r, lang) }));
  },
};

/** The active learning centres of an issue area, on the area's page. */
export const centresOfArea: PageSection<number> = {
  id: "network-centres",
  title: (lang) => msg.t(lang)("area.centres"),
  load: async (db, { id: tambonId, slug }, lang, areaId) => {
    const rows = await activeCentres(db, tambonId, { areaId })
      .orderBy(asc(learningCentres.nameTh))
      .limit(50);
    return rows.map((r) => ({ href: `/t/${slug}/centres/${r.id}`, title: nameIn(r, lang) }));
  },
};

// Step 2 of the three steps (build networks and participation): partners who joined, MOUs signed.
export const partnersJoined: PageSection<null> = {
  id: "network.partners",
  slot: 2,
  title: (lang) => msg.t(lang)("step.partnersJoined"),
  load: async (db, { id: tambonId, slug }, lang) => {
    const rows = await db
      .select({
        ...pick(partners, "id", "nameTh", "nameEn", "createdAt"),
      })
      .from(partners)
      .where(tambonWhere(partners, tambonId, { active: true }))
      .orderBy(desc(partners.createdAt), desc(partners.id))
      .limit(20);
    return rows.map((r) => ({
      href: `/t/${slug}/partners/${r.id}`,
      title: nameIn(r, lang),
      meta: msg.t(lang)("step.joinedOn", { date: formatDate(r.createdAt, lang) }),
    }));
  },
};

/** Step 2 of the three steps: the MOUs signed, newest first. */
export const mousSigned: PageSection<null> = {
  id: "network.mous",
  slot: 2,
  title: (lang) => msg.t(lang)("step.mousSigned"),
  load: async (db, { id: tambonId, slug }, lang) => {
    const rows = await publishedOfKind(db, tambonId, "mou", 20);
    const t = msg.t(lang);
    return rows.map((r) => ({
      href: `/t/${slug}/agreements/${r.id}`,
      title: lang === "en" && r.titleEn ? r.titleEn : r.titleTh,
      meta: r.signedOn
        ? t("step.signedOn", { date: formatDate(r.signedOn, lang) })
        : t("step.notSignedYet"),
    }));
  },
};
