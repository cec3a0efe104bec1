import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { throwIfDenied, type Result } from "../../../core/result.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { notFound } from "../../../core/errors.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { formatDate } from "../../../core/dates.ts";
import { can } from "../../../core/policy.ts";
import { listAreas, areaName } from "../../areas/public.ts";
import { questionOutcome } from "../../decisions/public.ts";
import { listAdoptedResolutions } from "../../groups/public.ts";
import { msg } from "../messages.ts";
import { editionLabel } from "../present.ts";
import type { CharterChoices } from "./admin-views.tsx";
import { EditionAdminPage, type EditionAdminData } from "./edition-admin-views.tsx";
import type { FailedForm } from "../drafting/editor.tsx";
import { pillarsOf } from "../signing/pillars.ts";
import type { Db } from "../../../core/db/index.ts";
import { hearingMeetingsOf, meetingChoices } from "../hearing/commands.ts";
import { signatoriesOf, photosOf } from "../signing/queries.ts";
import { villagesOf, getEdition, shownVersion, editionsOf, currentEdition } from "./queries.ts";

/**
 * The edition's administration page (text, hearing, adoption, signing), which the admin routes of
 * every resource show again with their form's errors.
 */
export function editionAdmin(db: Db) {
  const choices = async (tambonId: number, lang: "th" | "en"): Promise<CharterChoices> => {
    const [villages, areas] = await Promise.all([
      villagesOf(db, tambonId),
      listAreas(db, tambonId),
    ]);
    return {
      villages: villages.map((v) => ({
        id: v.id,
        label: lang === "en" && v.nameEn ? v.nameEn : v.nameTh,
      })),
      areas: areas.map((a) => ({ id: a.id, label: areaName(a, lang) })),
    };
  };

  const editionPage = async (
    req: FastifyRequest,
    id: number,
    forms: EditionAdminData["forms"],
    failed: FailedForm | null,
  ) => {
    const tambon = currentTambon(req);
    const found = await getEdition(db, tambon.id, id);
    if (!found) throw notFound();
    const { charter, edition } = found;
    const t = msg.t(req.lang);
    const q = req.query as Record<string, string | undefined>;
    const [hearingMeetings, choicesOfMeetings] = await Promise.all([
      hearingMeetingsOf(db, tambon.id, edition.id),
      meetingChoices(db, tambon.id),
    ]);
    const [version, editions, ch, resolutions, signatories, photos, pillars] = await Promise.all([
      shownVersion(db, edition),
      editionsOf(db, tambon.id, charter.id),
      choices(tambon.id, req.lang),
      edition.status === "adopted"
        ? Promise.resolve([])
        : listAdoptedResolutions(db, tambon.id, { limit: 100 }),
      edition.status === "adopted" ? signatoriesOf(db, tambon.id, edition.id) : Promise.resolve([]),
      edition.status === "adopted" ? photosOf(db, tambon.id, edition.id) : Promise.resolve([]),
      pillarsOf(db, tambon.id),
    ]);
    let vote: EditionAdminData["vote"] = null;
    if (edition.questionId && edition.status !== "adopted") {
      const outcome = await questionOutcome(db, tambon.id, edition.questionId);
      vote = {
        href: `/t/${tambon.slug}/decisions/${edition.questionId}`,
        phase: t(`phase.${outcome?.phase ?? "draft"}` as "phase.draft"),
      };
    }
    const quorum = (met: boolean | null) =>
      met === true
        ? t("adopt.quorumMet")
        : met === false
          ? t("adopt.quorumShort")
          : t("adopt.noQuorumRule");
    const signedPillars = new Set(
      signatories.filter((s) => s.kind === "pillar").map((s) => s.pillar),
    );
    const editable = edition.status !== "adopted" && !edition.questionId;
    const data: EditionAdminData = {
      charter,
      edition,
      title: version.doc.title,
      inForceId: currentEdition(editions)?.id ?? null,
      draft: editable
        ? {
            charter,
            edition,
            doc: version.doc,
            versionNumber: version.number,
            failed,
            split: parseId(q.split),
            newChapterAt: parseId(q.newChapterAt),
          }
        : null,
      forms,
      areas: ch.areas,
      resolutions: resolutions.map((r) => ({
        id: r.id,
        label: `${t("adopt.resolutionLabel", { n: r.number, meeting: r.meetingTitleTh, day: formatDate(r.decidedOn, req.lang) })} · ${quorum(r.quorumMet)} · ${r.textTh.slice(0, 80)}`,
      })),
      vote,
      hearingMeetings,
      meetingChoices: choicesOfMeetings
        .filter((m) => !hearingMeetings.some((h) => h.id === m.id))
        .map((m) => ({
          id: m.id,
          label: `${formatDate(m.day, req.lang)} · ${t(`meetingKind.${m.kind}`)} · ${
            req.lang === "en" && m.titleEn ? m.titleEn : m.titleTh
          }${m.place ? ` · ${m.place}` : ""}`,
        })),
      pillars,
      missingPillars: pillars.filter((p) => !signedPillars.has(p)),
      villages: ch.villages,
      signatories,
      photos,
      can: {
        manage: can(req.actor, "charter.manage", { tambonId: tambon.id }),
        draft: can(req.actor, "charter.draft", { tambonId: tambon.id }),
        sign: can(req.actor, "charter.sign", { tambonId: tambon.id }),
      },
    };
    return {
      title: `${version.doc.title} ${editionLabel(edition, req.lang, charter.digits)}`,
      body: <EditionAdminPage data={data} />,
    };
  };

  const renderEdition = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    forms: EditionAdminData["forms"],
    failed: FailedForm | null = null,
    status = 422,
  ) => {
    const p = await editionPage(req, id, forms, failed);
    return reply.page(p.title, p.body, { status });
  };

  const back = (req: FastifyRequest, id: number, anchor = "") =>
    `/t/${currentTambon(req).slug}/admin/charter-editions/${id}${anchor}`;

  /**
   * One form posted to `/admin/charter-editions/:id/<path>`: checked against `permission`, run,
   * then back to the edition (or wherever `to` says) with a notice, or the edition's page again at
   * 422 with the errors on the panel `form` (and what was typed unless `keepInput` is false).
   */
  const editionPost = <T,>(app: FastifyInstance, spec: EditionPost<T>) =>
    app.post<{ Params: { id: string } }>(
      `/admin/charter-editions/:id${spec.path ? `/${spec.path}` : ""}`,
      spec.options ?? {},
      async (req, reply) => {
        const tambon = allowedTambon(req, spec.permission);
        const id = requireId(req.params.id);
        const body = formBody(req);
        const result = throwIfDenied(await spec.run(req, tambon.id, id, body));
        if (result.ok)
          return reply.seeOther(
            spec.to ? spec.to(req, result.value) : back(req, id, spec.anchor),
            spec.done(msg.t(req.lang), result.value, body),
          );
        return renderEdition(req, reply, id, {
          [spec.form]: failedForm(
            spec.keepInput === false ? {} : body,
            result.errors,
            req.lang,
            msg,
          ),
        });
      },
    );

  return { choices, renderEdition, back, editionPost };
}

/** A form of the edition's admin page, as `editionPost` registers it. */
export interface EditionPost<T> {
  /** After `/admin/charter-editions/:id/` (empty: the edition itself). */
  path: string;
  permission: string;
  options?: RouteShorthandOptions;
  /** The panel that shows the errors. */
  form: keyof EditionAdminData["forms"];
  keepInput?: boolean;
  run: (
    req: FastifyRequest,
    tambonId: number,
    id: number,
    body: Record<string, string>,
  ) => Promise<Result<T, string>>;
  /** Where to go after success (default: back to the edition, at `anchor`). */
  to?: (req: FastifyRequest, value: T) => string;
  anchor?: string;
  done: (t: ReturnType<typeof msg.t>, value: T, body: Record<string, string>) => string;
}
