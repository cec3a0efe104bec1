// The summary of a charter in the fields of the National Health Commission Office's registry of
// areas that adopted a health charter: where, which charter, who to contact, when adopted, its
// status and what was done after adoption. No I/O.

import { csvCell } from "../../../core/csv.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { formatDate } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import type { Progress } from "../edition.ts";
import { reviewDueOn } from "../edition.ts";
import { pick } from "../../../core/pick.ts";

/** What the registry needs of a charter and its editions. */
export interface RegistrySource {
  tambon: {
    provinceTh: string;
    provinceEn: string;
    districtTh: string;
    districtEn: string;
    nameTh: string;
    nameEn: string;
    dopaCode: string;
    slug: string;
  };
  charter: {
    nameTh: string;
    nameEn: string;
    scope: string;
    scopeName: string;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
  };
  inForce: { number: number; yearBe: number; adoptedOn: string | null; reviewYears: number } | null;
  open: { number: number; status: "draft" | "hearing" } | null;
  progress: Record<Progress, number>;
  links: Record<string, number>;
}

/** One row of the registry. */
export interface RegistryEntry {
  province: string;
  district: string;
  tambon: string;
  dopaCode: string;
  charterName: string;
  scope: string;
  scopeName: string;
  edition: number | null;
  yearBe: number | null;
  adoptedOn: string | null;
  adoptedOnDisplay: string;
  status: "adopted" | "revising" | "drafting" | "hearing";
  statusLabel: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  reviewDue: string | null;
  postAdoptionActions: Record<Progress, number> & {
    clauses: number;
    projects: number;
    indicators: number;
    partners: number;
    other: number;
    summary: string;
  };
  url: string;
}

/** Builds a registry row of a charter in the given language (field values; keys stay English). */
export function registryEntry(src: RegistrySource, lang: Lang, origin: string): RegistryEntry {
  const t = msg.t(lang);
  const en = lang === "en";
  const status: RegistryEntry["status"] = src.inForce
    ? src.open
      ? "revising"
      : "adopted"
    : src.open?.status === "hearing"
      ? "hearing"
      : "drafting";
  const clauses = Object.values(src.progress).reduce((a, b) => a + b, 0);
  const links = {
    projects: src.links.project ?? 0,
    indicators: src.links.indicator ?? 0,
    partners: src.links.partner ?? 0,
    other: src.links.other ?? 0,
  };
  const adoptedOn = src.inForce?.adoptedOn ?? null;
  return {
    province: en ? src.tambon.provinceEn : src.tambon.provinceTh,
    district: en ? src.tambon.districtEn : src.tambon.districtTh,
    tambon: en ? src.tambon.nameEn : src.tambon.nameTh,
    dopaCode: src.tambon.dopaCode,
    charterName: en && src.charter.nameEn ? src.charter.nameEn : src.charter.nameTh,
    scope: t(`scope.${src.charter.scope}` as "scope.tambon"),
    scopeName: src.charter.scopeName,
    edition: src.inForce?.number ?? null,
    yearBe: src.inForce?.yearBe ?? null,
    adoptedOn,
    adoptedOnDisplay: adoptedOn ? formatDate(adoptedOn, lang) : "",
    status,
    statusLabel: t(`registry.status.${status}`),
    ...pick(src.charter, "contactName", "contactPhone", "contactEmail"),
    reviewDue:
      src.inForce?.adoptedOn != null
        ? reviewDueOn(src.inForce.adoptedOn, src.inForce.reviewYears)
        : null,
    postAdoptionActions: {
      ...src.progress,
      clauses,
      ...links,
      summary: src.inForce
        ? t("registry.actionsText", { ...src.progress, total: clauses, ...links })
        : "",
    },
    url: `${origin}/t/${src.tambon.slug}/charter`,
  };
}

/** One CSV line (RFC 4180 quoting; cells that a spreadsheet would run as formulas are defused). */
function csvLine(cells: (string | number | null)[]): string {
  return cells.map(csvCell).join(",");
}

/** The registry as CSV with a byte-order mark, headers in the given language. */
export function registryCsv(entries: RegistryEntry[], lang: Lang): string {
  const { head, rows } = registryTable(entries, lang);
  return "\uFEFF" + [head, ...rows].map(csvLine).join("\r\n") + "\r\n";
}

/** The registry as a table: its header (in the reader's language) and one row per entry. */
export function registryTable(entries: RegistryEntry[], lang: Lang) {
  const t = msg.t(lang);
  const head = [
    t("registry.province"),
    t("registry.district"),
    t("registry.tambon"),
    "DOPA",
    t("registry.charter"),
    t("registry.scope"),
    t("registry.edition"),
    t("registry.adoptedOn"),
    t("registry.status"),
    t("registry.contact"),
    t("registry.phone"),
    t("registry.email"),
    t("registry.reviewDue"),
    t("registry.actions"),
    t("registry.url"),
  ];
  const rows = entries.map((e) => [
    e.province,
    e.district,
    e.tambon,
    e.dopaCode,
    e.charterName,
    e.scopeName ? `${e.scope}: ${e.scopeName}` : e.scope,
    e.edition,
    e.adoptedOn,
    e.statusLabel,
    e.contactName,
    e.contactPhone,
    e.contactEmail,
    e.reviewDue,
    e.postAdoptionActions.summary,
    e.url,
  ]);
  return { head, rows };
}
