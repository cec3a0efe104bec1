import type { FastifyInstance, FastifyRequest } from "fastify";
import { and, count, eq, ne } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { disposition, sendDownload } from "../../../core/download.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { emptyForm } from "../../../core/views/form.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { nameIn, textIn } from "../lists.ts";
import { isPublished } from "../agreement.ts";
import { mergeDeclarations, radialLayout, type GraphNode } from "../graph.ts";
import {
  agreementDetail,
  agreementList,
  agreementsAsParty,
  agreementsOfPartner,
  centreById,
  centreList,
  centrePhotoList,
  commonGround,
  declarationsAbout,
  doneVisits,
  facilitatorList,
  listPillars,
  listVillages,
  partnerById,
  partnerDirectory,
  partnerMembers,
  partnersByPillar,
  partnersPerPillar,
  personByProfile,
  personNetwork,
  visitById,
} from "../queries.ts";
import { agreements, centrePhotos, learningCentres, partners, studyVisits } from "../schema.ts";
import { replyByLink, requestVisit } from "../commands/visits.ts";
import { isVisitToken, visitLinkPath } from "../visit-link.ts";
import { VisitByLink } from "../views/visits.tsx";
import { translateErrors } from "../../../core/result.ts";
import { UPLOAD_NAME, readStored, storeFile } from "../storage.ts";
import { demoFile } from "../demo-files.ts";
import {
  EXPORT_COLUMNS,
  agreementRecords,
  centreRecords,
  exportName,
  partnerRecords,
  recordsToCsv,
} from "../export.ts";
import { PartnerDirectory, PartnerPage, PartnerPrint } from "../views/partners.tsx";
import { PillarsPage } from "../views/pillars.tsx";
import { AgreementList, AgreementPage } from "../views/agreements.tsx";
import { CentreList, CentrePage, PublicVisitForm, VisitSent } from "../views/centres.tsx";
import { FacilitatorList, FacilitatorPage } from "../views/people.tsx";
import { TambonNetworkPage } from "../views/network.tsx";
import { linksOfTambon } from "../tambon-links.ts";
import {
  agreementFilter,
  centreFilter,
  isNetworkStaff,
  pageOf,
  param,
  partnerFilter,
  query,
  partnerChoiceLists,
} from "./helpers.ts";

/** The most rows an export or the printable directory holds. */
const EXPORT_LIMIT = 10_000;

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

/** The public pages of a tambon's network, mounted under /t/:tambon. */
export async function publicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const byCode = (code: string) => deps.tambons.all().find((tb) => tb.dopaCode === code);
  const byId = (id: number) => deps.tambons.byId(id);

  const choices = (tambonId: number) => partnerChoiceLists(db, tambonId);

  app.get("/network", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const [decls, centres, own, asParty, pillars, [p], [a], [v]] = await Promise.all([
      declarationsAbout(db, tambon.id, tambon.dopaCode),
      centreList(
        db,
        tambon.id,
        { q: "", areaId: null, villageId: null, includeInactive: false },
        1,
        12,
      ),
      agreementList(db, tambon.id, { q: "", status: "", kind: "mou", includeDrafts: false }, 1, 10),
      agreementsAsParty(db, tambon.dopaCode, tambon.id, 20),
      listPillars(db, tambon.id),
      db
        .select({ n: count() })
        .from(partners)
        .where(and(eq(partners.tambonId, tambon.id), eq(partners.active, true))),
      db
        .select({ n: count() })
        .from(agreements)
        .where(and(eq(agreements.tambonId, tambon.id), ne(agreements.status, "draft"))),
      db
        .select({ n: count() })
        .from(studyVisits)
        .where(and(eq(studyVisits.tambonId, tambon.id), eq(studyVisits.status, "done"))),
    ]);
    const links = linksOfTambon(tambon, decls, byCode, byId);
    const nodes: GraphNode[] = [
      {
        code: tambon.dopaCode,
        label: req.lang === "en" ? tambon.nameEn : tambon.nameTh,
        province: req.lang === "en" ? tambon.provinceEn : tambon.provinceTh,
        slug: tambon.slug,
      },
      ...links.map((l) => ({
        code: l.code,
        label: textIn(l.nameTh, l.nameEn, req.lang),
        province: textIn(l.provinceTh, l.provinceEn, req.lang),
        slug: l.tambon?.slug ?? null,
      })),
    ].filter((n, i, all) => all.findIndex((x) => x.code === n.code) === i);
    const edges = mergeDeclarations(
      decls.map((d) => ({
        from: byId(d.tambonId)?.dopaCode ?? "",
        to: d.otherDopaCode,
        relation: d.relation,
      })),
    );
    const owners = new Map(
      asParty.map((x) => [x.tambonId, byId(x.tambonId)!]).filter(([, o]) => o) as [
        number,
        Tambon,
      ][],
    );
    return reply.page(
      msg.t(req.lang)("network.title", { tambon: tambonTitle(tambon, req.lang) }),
      <TambonNetworkPage
        stats={{
          partners: Number(p?.n ?? 0),
          pillars: pillars.length,
          agreements: Number(a?.n ?? 0),
          centres: centres.total,
          visits: Number(v?.n ?? 0),
        }}
        links={links}
        layout={radialLayout(nodes, edges, 600)}
        centres={centres.items}
        agreements={own.items}
        asParty={asParty}
        owners={owners}
      />,
    );
  });

  // ------------------------------------------------------------ partners

  app.get("/partners", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const filter = partnerFilter(req, false);
    const [page, c] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, pageOf(req)),
      choices(tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("partners.title", { tambon: tambonTitle(tambon, req.lang) }),
      <PartnerDirectory
        page={page}
        filter={filter}
        choices={c}
        canCreate={can(req.actor, "partner.create", { tambonId: tambon.id })}
      />,
    );
  });

  app.get("/partners/print", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const filter = partnerFilter(req, false);
    const [page, pillars] = await Promise.all([
      partnerDirectory(db, tambon.id, filter, 1, EXPORT_LIMIT),
      listPillars(db, tambon.id),
    ]);
    const q = query(req);
    const filtered = ["q", "kind", "role", "pillar", "village", "area"].some((k) => q[k]);
    return reply.page(
      msg.t(req.lang)("print.title", { tambon: tambonTitle(tambon, req.lang) }),
      <PartnerPrint rows={page.items} pillars={pillars} filtered={filtered} />,
    );
  });

  for (const ext of ["csv", "json"] as const) {
    app.get(`/partners/export.${ext}`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.read", { tambonId: tambon.id });
      const [page, areas] = await Promise.all([
        partnerDirectory(db, tambon.id, partnerFilter(req, false), 1, EXPORT_LIMIT),
        listAreas(db, tambon.id),
      ]);
      const origin = `${req.protocol}://${req.host}`;
      const records = partnerRecords(
        page.items,
        areas,
        (id) => `${origin}/t/${tambon.slug}/partners/${id}`,
      );
      const name = exportName("partners", tambon.slug, todayIso(), ext);
      return sendDownload(reply, {
        type: ext,
        name,
        inline: ext === "json",
        body:
          ext === "csv"
            ? recordsToCsv(EXPORT_COLUMNS.partners, records)
            : JSON.stringify({ tambon: tambon.slug, partners: records }, null, 1),
      });
    });
  }

  app.get("/partners/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const partner = await partnerById(db, tambon.id, param(req));
    const staff = isNetworkStaff(req, tambon.id);
    if (!partner || (!partner.active && !staff)) throw notFound();
    const [areas, members, agreementRows, centres] = await Promise.all([
      listAreas(db, tambon.id),
      partnerMembers(
        db,
        tambon.id,
        partner.id,
        !can(req.actor, "person.manage", { tambonId: tambon.id }),
      ),
      agreementsOfPartner(
        db,
        tambon.id,
        partner.id,
        can(req.actor, "agreement.manage", { tambonId: tambon.id }),
      ),
      db
        .select({
          id: learningCentres.id,
          nameTh: learningCentres.nameTh,
          nameEn: learningCentres.nameEn,
        })
        .from(learningCentres)
        .where(
          and(
            eq(learningCentres.tambonId, tambon.id),
            eq(learningCentres.hostPartnerId, partner.id),
            eq(learningCentres.active, true),
          ),
        ),
    ]);
    return reply.page(
      nameIn(partner, req.lang),
      <PartnerPage
        partner={partner}
        description={textIn(partner.descriptionTh, partner.descriptionEn, req.lang)}
        areas={areas.filter((a) => partner.areaIds.includes(a.id))}
        members={members}
        agreements={agreementRows}
        centres={centres}
        canEdit={can(req.actor, "partner.edit", {
          tambonId: tambon.id,
          ownerId: partner.contactUserId,
        })}
      />,
      {
        description:
          textIn(partner.descriptionTh, partner.descriptionEn, req.lang).slice(0, 160) || undefined,
      },
    );
  });

  // ------------------------------------------------------------ pillars

  app.get("/pillars", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const [pillars, counts, ground, byPillar] = await Promise.all([
      listPillars(db, tambon.id),
      partnersPerPillar(db, tambon.id),
      commonGround(db, tambon.id),
      partnersByPillar(db, tambon.id, 12),
    ]);
    const placed = pillars.reduce((s, p) => s + (counts.get(p.id) ?? 0), 0);
    const all = [...counts.values()].reduce((s, n) => s + n, 0);
    return reply.page(
      msg.t(req.lang)("pillars.title", { tambon: tambonTitle(tambon, req.lang) }),
      <PillarsPage
        pillars={pillars}
        partners={byPillar}
        counts={counts}
        unplaced={all - placed}
        ground={ground}
      />,
    );
  });

  // ------------------------------------------------------------ agreements

  app.get("/agreements", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const manage = can(req.actor, "agreement.manage", { tambonId: tambon.id });
    const filter = agreementFilter(req, manage);
    const [page, asParty] = await Promise.all([
      agreementList(db, tambon.id, filter, pageOf(req)),
      agreementsAsParty(db, tambon.dopaCode, tambon.id),
    ]);
    const owners = new Map<number, Tambon>();
    for (const a of asParty) {
      const o = byId(a.tambonId);
      if (o) owners.set(o.id, o);
    }
    return reply.page(
      msg.t(req.lang)("agreements.title", { tambon: tambonTitle(tambon, req.lang) }),
      <AgreementList
        page={page}
        filter={filter}
        asParty={page.page === 1 ? asParty : []}
        owners={owners}
        canManage={manage}
      />,
    );
  });

  for (const ext of ["csv", "json"] as const) {
    app.get(`/agreements/export.${ext}`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.read", { tambonId: tambon.id });
      const page = await agreementList(db, tambon.id, agreementFilter(req, false), 1, EXPORT_LIMIT);
      const origin = `${req.protocol}://${req.host}`;
      const records = agreementRecords(
        page.items,
        todayIso(),
        (id) => `${origin}/t/${tambon.slug}/agreements/${id}`,
      );
      const name = exportName("agreements", tambon.slug, todayIso(), ext);
      return sendDownload(reply, {
        type: ext,
        name,
        inline: ext === "json",
        body:
          ext === "csv"
            ? recordsToCsv(EXPORT_COLUMNS.agreements, records)
            : JSON.stringify({ tambon: tambon.slug, agreements: records }, null, 1),
      });
    });
  }

  app.get("/agreements/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const detail = await agreementDetail(db, tambon.id, param(req));
    const manage = can(req.actor, "agreement.manage", { tambonId: tambon.id });
    if (!detail || (!isPublished(detail.agreement.status) && !manage)) throw notFound();
    const partyLinks = new Map<number, string>();
    for (const p of detail.parties) {
      if (p.partyKind === "tambon" && p.partyDopaCode && p.partyDopaCode !== tambon.dopaCode) {
        const other = byCode(p.partyDopaCode);
        if (other) partyLinks.set(p.id, `/t/${other.slug}/network`);
      } else if (p.partyKind === "partner" && p.partnerId) {
        partyLinks.set(p.id, `/t/${tambon.slug}/partners/${p.partnerId}`);
      }
    }
    return reply.page(
      textIn(detail.agreement.titleTh, detail.agreement.titleEn, req.lang),
      <AgreementPage detail={detail} partyLinks={partyLinks} canManage={manage} />,
    );
  });

  // ------------------------------------------------------------ learning centres

  app.get("/centres", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const filter = centreFilter(req, false);
    const [page, areas, villages] = await Promise.all([
      centreList(db, tambon.id, filter, pageOf(req)),
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("centres.title", { tambon: tambonTitle(tambon, req.lang) }),
      <CentreList
        page={page}
        filter={filter}
        areas={areas}
        villages={villages}
        canManage={can(req.actor, "centre.manage", { tambonId: tambon.id })}
      />,
    );
  });

  for (const ext of ["csv", "json"] as const) {
    app.get(`/centres/export.${ext}`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.read", { tambonId: tambon.id });
      const [page, areas] = await Promise.all([
        centreList(db, tambon.id, centreFilter(req, false), 1, EXPORT_LIMIT),
        listAreas(db, tambon.id),
      ]);
      const origin = `${req.protocol}://${req.host}`;
      const records = centreRecords(
        page.items,
        areas,
        (id) => `${origin}/t/${tambon.slug}/centres/${id}`,
      );
      const name = exportName("learning-centres", tambon.slug, todayIso(), ext);
      return sendDownload(reply, {
        type: ext,
        name,
        inline: ext === "json",
        body:
          ext === "csv"
            ? recordsToCsv(EXPORT_COLUMNS.centres, records)
            : JSON.stringify({ tambon: tambon.slug, learningCentres: records }, null, 1),
      });
    });
  }

  app.get("/centres/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const centre = await centreById(db, tambon.id, param(req));
    const manage = can(req.actor, "centre.manage", { tambonId: tambon.id });
    if (!centre || (!centre.active && !manage)) throw notFound();
    const [areas, photos, visits] = await Promise.all([
      listAreas(db, tambon.id),
      centrePhotoList(db, tambon.id, centre.id),
      doneVisits(db, tambon.id, centre.id, pageOf(req)),
    ]);
    return reply.page(
      nameIn(centre, req.lang),
      <CentrePage
        centre={centre}
        area={areas.find((a) => a.id === centre.areaId)}
        photos={photos}
        visits={visits}
        requestFrom={requestingTambons(req.actor, deps.tambons.all(), tambon.id)}
        canManage={manage}
      />,
    );
  });

  app.get("/centres/:id/visit", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const centre = await centreById(db, tambon.id, param(req));
    if (!centre || !centre.active) throw notFound();
    return reply.page(
      msg.t(req.lang)("visit.requestTitle", { name: nameIn(centre, req.lang) }),
      <PublicVisitForm centre={centre} form={emptyForm()} />,
    );
  });

  app.post(
    "/centres/:id/visit",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "visit.requestPublic", { tambonId: tambon.id });
      const centre = await centreById(db, tambon.id, param(req));
      if (!centre || !centre.active) throw notFound();
      const body = formBody(req);
      const result = await requestVisit(db, req.actor, centre.id, body, { kind: "public" });
      const t = msg.t(req.lang);
      if (!result.ok) {
        const errors = translateErrors(result.errors, req.lang, msg);
        if (errors.centreId) errors._form = errors.centreId;
        return reply.page(
          t("visit.requestTitle", { name: nameIn(centre, req.lang) }),
          <PublicVisitForm centre={centre} form={{ values: body, errors }} />,
          { status: 422 },
        );
      }
      const link = visitLinkPath(
        tambon.slug,
        {
          id: result.value.id,
          tambonId: result.value.hostTambonId,
          createdAt: result.value.createdAt,
        },
        deps.config.secret,
      );
      return reply.page(t("visit.sentTitle"), <VisitSent centre={centre} link={link} />, {
        head: <meta name="robots" content="noindex" />,
      });
    },
  );

  // A public requester's private link: follow the request, accept a proposed date or withdraw.
  const linkLimit = { config: { rateLimit: { max: 30, timeWindow: "10 minutes" } } };

  async function linkedVisit(req: FastifyRequest) {
    const tambon = currentTambon(req);
    authorize(req, "visit.requestPublic", { tambonId: tambon.id });
    const p = req.params as { id?: string; token?: string };
    const visit = await visitById(db, tambon.id, requireId(p.id));
    if (!visit || visit.source !== "public") throw notFound();
    const token = String(p.token ?? "");
    if (!isVisitToken(deps.config.secret, visit, token)) throw notFound();
    return { tambon, visit, path: `/t/${tambon.slug}/visit-requests/${visit.id}/${token}` };
  }

  app.get("/visit-requests/:id/:token", linkLimit, async (req, reply) => {
    const { visit, path } = await linkedVisit(req);
    return reply.page(
      msg.t(req.lang)("visit.title", { group: visit.groupName }),
      <VisitByLink visit={visit} action={`${path}/reply`} message="" />,
      { head: <meta name="robots" content="noindex" /> },
    );
  });

  app.post("/visit-requests/:id/:token/reply", linkLimit, async (req, reply) => {
    const { tambon, visit, path } = await linkedVisit(req);
    const p = req.params as { token: string };
    const body = formBody(req);
    const result = await replyByLink(db, deps.config.secret, tambon.id, visit.id, p.token, body);
    const t = msg.t(req.lang);
    if (result.ok) return reply.seeOther(path, t("flash.linkReplied"));
    const errors = translateErrors(result.errors, req.lang, msg);
    return reply.page(
      t("visit.title", { group: visit.groupName }),
      <VisitByLink
        visit={visit}
        action={`${path}/reply`}
        message={Object.values(errors)[0] ?? ""}
      />,
      { status: 422, head: <meta name="robots" content="noindex" /> },
    );
  });

  // ------------------------------------------------------------ facilitators

  app.get("/facilitators", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const [page, areas] = await Promise.all([
      facilitatorList(db, tambon.id, true, pageOf(req)),
      listAreas(db, tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("facilitators.title", { tambon: tambonTitle(tambon, req.lang) }),
      <FacilitatorList
        page={page}
        areas={areas}
        signedIn={
          !!req.actor.user && (req.actor.memberOf.has(tambon.id) || req.actor.roles.has(tambon.id))
        }
      />,
    );
  });

  app.get("/facilitators/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "network.read", { tambonId: tambon.id });
    const person = await personByProfile(db, tambon.id, param(req));
    if (!person || !person.publicConsent) throw notFound();
    const [net, villages, areas] = await Promise.all([
      personNetwork(db, tambon.id, person.userId),
      listVillages(db, tambon.id),
      listAreas(db, tambon.id),
    ]);
    if (!net.isFacilitator) throw notFound();
    return reply.page(
      person.name,
      <FacilitatorPage person={person} net={net} villages={villages} areas={areas} />,
    );
  });

  // ------------------------------------------------------------ files

  app.get<{ Params: { name: string } }>("/uploads/network/:name", async (req, reply) => {
    const tambon = currentTambon(req);
    const name = req.params.name;
    const m = UPLOAD_NAME.exec(name);
    if (!m) throw notFound();
    const kind = m[1] as "partner" | "agreement" | "centre";
    let ok: boolean;
    let privateFile = false;
    if (kind === "partner") {
      const [row] = await db
        .select({ active: partners.active })
        .from(partners)
        .where(and(eq(partners.tambonId, tambon.id), eq(partners.logoFile, name)));
      ok = !!row;
    } else if (kind === "agreement") {
      const [row] = await db
        .select({ status: agreements.status })
        .from(agreements)
        .where(and(eq(agreements.tambonId, tambon.id), eq(agreements.documentFile, name)));
      privateFile = !!row && !isPublished(row.status);
      ok = !!row && (!privateFile || can(req.actor, "agreement.manage", { tambonId: tambon.id }));
    } else {
      const file = name.replace(/-thumb\.webp$/, ".webp");
      const [row] = await db
        .select({ id: centrePhotos.id })
        .from(centrePhotos)
        .where(and(eq(centrePhotos.tambonId, tambon.id), eq(centrePhotos.file, file)));
      ok = !!row;
    }
    if (!ok) throw notFound();
    let buf = await readStored(deps.config.dataDir, tambon.id, name);
    // Demo tambons are seeded without a data folder: their files are made on first request.
    const demo = !buf && tambon.isDemo ? demoFile(name) : null;
    if (demo) {
      buf = await demo;
      await storeFile(deps.config.dataDir, tambon.id, name, buf);
    }
    if (!buf) throw notFound();
    const pdf = name.endsWith(".pdf");
    reply
      .header("content-type", pdf ? "application/pdf" : "image/webp")
      .header(
        "cache-control",
        privateFile ? "private, no-store" : "public, max-age=31536000, immutable",
      )
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header("x-content-type-options", "nosniff");
    if (pdf) reply.header("content-disposition", disposition("attachment", name));
    return reply.send(buf);
  });
}
