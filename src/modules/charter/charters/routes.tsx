import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { Db } from "../../../core/db/index.ts";
import { currentTambon, allowedTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { questionOutcome } from "../../decisions/public.ts";
import { getResolution, resolutionUrl } from "../../groups/public.ts";
import { msg } from "../messages.ts";
import { reviewDueOn, reviewState } from "../edition.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { commentCounts } from "../comments/queries.ts";
import { canReadDrafts, loadEdition } from "../shared/helpers.ts";
import { settleDecidedVotes } from "../adoption/commands.ts";
import { signatoriesOf, photosOf } from "../signing/queries.ts";
import {
  type CharterRow,
  type EditionRow,
  editionsOf,
  currentEdition,
  shownVersion,
  listCharters,
  getCharter,
} from "./queries.ts";
import { type EditionPageData, type AdoptionInfo, EditionPage } from "./edition-views.tsx";
import { CharterList } from "./views.tsx";

/** The page of an edition (or the charter's stable page), with everything it shows. */
async function editionPageData(
  req: FastifyRequest,
  db: Db,
  charter: CharterRow,
  edition: EditionRow,
  stable: boolean,
): Promise<EditionPageData> {
  const tambon = currentTambon(req);
  const editions = (await editionsOf(db, tambon.id, charter.id)).filter(
    (e) => e.status !== "draft" || canReadDrafts(req, tambon.id),
  );
  const inForce = currentEdition(editions);
  const open = edition.status !== "adopted";
  const [version, counts, signatories, photos] = await Promise.all([
    shownVersion(db, edition),
    open ? commentCounts(db, tambon.id, edition.id) : Promise.resolve(null),
    edition.status === "adopted" ? signatoriesOf(db, tambon.id, edition.id) : Promise.resolve([]),
    edition.status === "adopted" ? photosOf(db, tambon.id, edition.id) : Promise.resolve([]),
  ]);
  const t = msg.t(req.lang);
  const adoption: AdoptionInfo = {
    kind: edition.adoptionKind,
    href: null,
    text: null,
    pendingVote: null,
  };
  if (edition.adoptionKind === "resolution" && edition.resolutionId) {
    const r = await getResolution(db, tambon.id, edition.resolutionId);
    if (r) {
      adoption.href = resolutionUrl(tambon.slug, r.id);
      adoption.text = t("adopt.resolutionLabel", {
        n: num(r.number, charter.digits, req.lang),
        meeting: r.meetingTitleTh,
        day: dateIn(r.decidedOn, req.lang, charter.digits),
      });
    }
  } else if (edition.questionId) {
    const href = `/t/${tambon.slug}/decisions/${edition.questionId}`;
    if (edition.adoptionKind === "vote") {
      adoption.href = href;
      adoption.text = t("adopt.question");
    } else {
      const outcome = await questionOutcome(db, tambon.id, edition.questionId);
      if (outcome)
        adoption.pendingVote = { href, phase: t(`phase.${outcome.phase}` as "phase.draft") };
    }
  }
  const due = edition.adoptedOn ? reviewDueOn(edition.adoptedOn, edition.reviewYears) : null;
  return {
    charter,
    edition,
    doc: version.doc,
    versionNumber: version.number,
    editions,
    inForceId: inForce?.id ?? null,
    commentCounts: counts,
    signatories,
    photos,
    adoption,
    review: due ? { dueOn: due, ...reviewState(due, todayIso()) } : null,
    can: {
      comment: can(req.actor, "charter.comment", { tambonId: tambon.id }),
      draft: can(req.actor, "charter.draft", { tambonId: tambon.id }),
      manage: can(req.actor, "charter.manage", { tambonId: tambon.id }),
      signedIn: !!req.actor.user,
    },
    stable,
  };
}

/** Reading pages: the list of charters, a charter's stable page and each edition. */
export async function charterRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/charter", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.read");
    const drafts = canReadDrafts(req, tambon.id);
    await settleDecidedVotes(db, tambon.id);
    const items = await listCharters(db, tambon.id);
    const withTitles = await Promise.all(
      items.map(async ({ charter, editions }) => {
        const visible = editions.filter((e) => e.status !== "draft" || drafts);
        const shown = currentEdition(visible) ?? visible[0];
        const title = shown ? (await shownVersion(db, shown)).doc.title : charter.nameTh;
        return {
          charter,
          editions: visible,
          title: req.lang === "en" && charter.nameEn ? charter.nameEn : title,
        };
      }),
    );
    return reply.page(
      msg.t(req.lang)("list.title"),
      <CharterList
        items={withTitles}
        canManage={can(req.actor, "charter.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/charters/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.read");
    const charter = await getCharter(db, tambon.id, requireId(req.params.id));
    if (!charter) throw notFound();
    await settleDecidedVotes(db, tambon.id);
    const editions = await editionsOf(db, tambon.id, charter.id);
    const edition =
      currentEdition(editions) ??
      editions.find((e) => e.status === "hearing") ??
      (canReadDrafts(req, tambon.id) ? editions[0] : undefined);
    if (!edition) throw notFound();
    const data = await editionPageData(req, db, charter, edition, true);
    return reply.page(data.doc.title, <EditionPage data={data} />, {
      description: `${data.doc.title} ${editionLabel(edition, req.lang, charter.digits)}`,
    });
  });

  app.get<{ Params: { id: string } }>("/charter-editions/:id", async (req, reply) => {
    const { charter, edition } = await loadEdition(req, db, req.params.id);
    const data = await editionPageData(req, db, charter, edition, false);
    return reply.page(
      `${data.doc.title} ${editionLabel(edition, req.lang, charter.digits)}`,
      <EditionPage data={data} />,
    );
  });
}
