import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Tambon } from "../../../core/tenancy.ts";
import { can } from "../../../core/policy.ts";
import { parseId, parseSearch, queryOf, requireId } from "../../../core/params.ts";
import { hasRole } from "../../../core/roles.ts";
import { isAgreementKind, isAgreementStatus } from "../agreements/agreement.ts";
import { isVisitStatus } from "../visits/visit.ts";
import type { DbOrTx } from "../../../core/db/index.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { listAreas } from "../../areas/public.ts";
import type { PartnerChoices } from "../partners/views.tsx";
import { listPillars, listTerms, listVillages } from "../lists/queries.ts";
import { type AgreementFilter } from "../agreements/queries.ts";
import { type CentreFilter } from "../centres/queries.ts";
import { type PartnerFilter } from "../partners/queries.ts";
import { type VisitFilter } from "../visits/queries.ts";

/**
 * A record's values as its form shows them, for the named fields: a flag as "1" or "", a number as
 * its digits (nothing for none or 0), a text or a day as it is; nothing at all without a record.
 */
export function formValues<R extends object>(
  row: R | null | undefined,
  names: readonly (keyof R & string)[],
): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const v: unknown = row?.[name];
      return [name, typeof v === "boolean" ? (v ? "1" : "") : v ? String(v) : ""];
    }),
  );
}

/** The search words typed (trimmed; more than the search box takes answers 422). */
export function searchOf(q: Readonly<Record<string, string | undefined>>): string {
  return parseSearch(q.q, 100);
}

/** The partner filter of a request (staff may also ask for inactive partners). */
export function partnerFilter(req: FastifyRequest, staff: boolean): PartnerFilter {
  const q = queryOf(req);
  return {
    q: searchOf(q),
    kindId: parseId(q.kind),
    roleId: parseId(q.role),
    pillarId: parseId(q.pillar),
    villageId: parseId(q.village),
    areaId: parseId(q.area),
    status: staff && (q.status === "inactive" || q.status === "all") ? q.status : "active",
  };
}

/** The agreement filter of a request (drafts only for those who manage agreements). */
export function agreementFilter(req: FastifyRequest, includeDrafts: boolean): AgreementFilter {
  const q = queryOf(req);
  const status =
    isAgreementStatus(q.status) && (includeDrafts || q.status !== "draft") ? q.status : "";
  return {
    q: searchOf(q),
    status,
    kind: isAgreementKind(q.kind) ? q.kind : "",
    includeDrafts,
  };
}

/** The learning-centre filter of a request. */
export function centreFilter(req: FastifyRequest, includeInactive: boolean): CentreFilter {
  const q = queryOf(req);
  return {
    q: searchOf(q),
    areaId: parseId(q.area),
    villageId: parseId(q.village),
    includeInactive,
  };
}

/** The study-visit filter of a request. */
export function visitFilter(req: FastifyRequest): VisitFilter {
  const q = queryOf(req);
  return { status: isVisitStatus(q.status) ? q.status : "", centreId: parseId(q.centre) };
}

/** The id of a route parameter; a value that is not an id answers 404. */
export function param(req: FastifyRequest, name = "id"): number {
  return requireId((req.params as Record<string, string>)[name]);
}

/** True when the actor works for the tambon in any role the network module trusts with edits. */
export function isNetworkStaff(req: FastifyRequest, tambonId: number): boolean {
  return (
    hasRole(req.actor, tambonId, "admin", "editor", "working_group", "facilitator") ||
    !!req.actor.user?.isNetworkAdmin ||
    can(req.actor, "agreement.manage", { tambonId })
  );
}

/**
 * The lists the partner filters and forms offer (kinds, roles, pillars, villages, issue areas),
 * kept until the tambon changes.
 */
export function partnerChoiceLists(db: DbOrTx, tambonId: number): Promise<PartnerChoices> {
  return pageCache.memo(tambonId, "network:choices", async () => {
    const [kinds, roles, pillars, villages, areas] = await Promise.all([
      listTerms(db, tambonId, "kind"),
      listTerms(db, tambonId, "role"),
      listPillars(db, tambonId),
      listVillages(db, tambonId),
      listAreas(db, tambonId),
    ]);
    return { kinds, roles, pillars, villages, areas };
  });
}

/** Every action that opens some part of the network administration. */
export const STAFF_ACTIONS = [
  "partner.create",
  "network.lists",
  "agreement.manage",
  "link.manage",
  "centre.manage",
  "visit.respond",
  "visit.request",
  "person.manage",
] as const;

/** A page's title and body, and its status when not 200. */
export type PageParts = { title: string; body: ComponentChildren; status?: number };

/** Renders a page made of parts. */
export function render(reply: FastifyReply, p: PageParts) {
  return reply.page(p.title, p.body, p.status ? { status: p.status } : undefined);
}

/** The tambons a request's actor may file a study-visit request for (other than the host). */
export function requestingTambons(
  actor: Parameters<typeof can>[0],
  all: readonly Tambon[],
  hostId: number,
): Tambon[] {
  if (!actor.user) return [];
  return all.filter(
    (tb) =>
      tb.id !== hostId &&
      (actor.roles.has(tb.id) || actor.memberOf.has(tb.id)) &&
      can(actor, "visit.request", { tambonId: tb.id }),
  );
}
