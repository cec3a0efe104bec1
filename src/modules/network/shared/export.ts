import type { Area } from "../../areas/public.ts";
import { effectiveStatus } from "../agreements/agreement.ts";
import type { AgreementRow } from "../agreements/queries.ts";
import type { CentreRow } from "../centres/queries.ts";
import type { PartnerRow } from "../partners/queries.ts";

/** Partners as plain records for CSV and JSON (public fields only). */
export function partnerRecords(rows: PartnerRow[], areas: Area[], url: (id: number) => string) {
  const areaName = new Map(areas.map((a) => [a.id, a.nameTh]));
  return rows.map((p) => ({
    id: p.id,
    name_th: p.nameTh,
    name_en: p.nameEn,
    kind: p.kindTh ?? "",
    role: p.roleTh ?? "",
    pillar: p.pillarTh ?? "",
    villages: p.villages.map((v) => v.moo).join(" "),
    issue_areas: p.areaIds
      .map((id) => areaName.get(id) ?? "")
      .filter(Boolean)
      .join("; "),
    contact_name: p.contactName,
    contact_phone: p.contactPhone,
    contact_email: p.contactEmail,
    website: p.website,
    active: p.active,
    description_th: p.descriptionTh,
    url: url(p.id),
  }));
}

/** Agreements as plain records for CSV and JSON. */
export function agreementRecords(rows: AgreementRow[], today: string, url: (id: number) => string) {
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    title_th: a.titleTh,
    title_en: a.titleEn,
    status: effectiveStatus(a, today),
    signed_on: a.signedOn ?? "",
    starts_on: a.startsOn ?? "",
    ends_on: a.endsOn ?? "",
    parties: a.parties.map((p) => p.nameTh).join("; "),
    activities: a.activities,
    has_document: !!a.documentFile,
    url: url(a.id),
  }));
}

/** Learning centres as plain records for CSV and JSON. */
export function centreRecords(rows: CentreRow[], areas: Area[], url: (id: number) => string) {
  const areaName = new Map(areas.map((a) => [a.id, a.nameTh]));
  return rows.map((c) => ({
    id: c.id,
    name_th: c.nameTh,
    name_en: c.nameEn,
    topic_th: c.topicTh,
    issue_area: c.areaId ? (areaName.get(c.areaId) ?? "") : "",
    village_moo: c.villageMoo ?? "",
    host_partner: c.hostTh ?? "",
    what_visitors_learn_th: c.learnTh,
    capacity: c.capacity ?? "",
    contact_name: c.contactName,
    contact_phone: c.contactPhone,
    contact_email: c.contactEmail,
    accepts_visits: c.acceptsVisits,
    visits_done: c.visitsDone,
    visitors: c.visitors,
    url: url(c.id),
  }));
}

/** The columns of each export, in order (also the header of an empty CSV). */
export const EXPORT_COLUMNS = {
  partners: [
    "id",
    "name_th",
    "name_en",
    "kind",
    "role",
    "pillar",
    "villages",
    "issue_areas",
    "contact_name",
    "contact_phone",
    "contact_email",
    "website",
    "active",
    "description_th",
    "url",
  ],
  agreements: [
    "id",
    "kind",
    "title_th",
    "title_en",
    "status",
    "signed_on",
    "starts_on",
    "ends_on",
    "parties",
    "activities",
    "has_document",
    "url",
  ],
  centres: [
    "id",
    "name_th",
    "name_en",
    "topic_th",
    "issue_area",
    "village_moo",
    "host_partner",
    "what_visitors_learn_th",
    "capacity",
    "contact_name",
    "contact_phone",
    "contact_email",
    "accepts_visits",
    "visits_done",
    "visitors",
    "url",
  ],
} as const;

/** The file name of an export: module, what, tambon, date. */
export function exportName(
  what: string,
  slug: string,
  today: string,
  ext: "csv" | "xlsx" | "json",
): string {
  return `${slug}-${what}-${today}.${ext}`;
}

/** The most rows an export or the printable directory holds. */
export const EXPORT_LIMIT = 10_000;
