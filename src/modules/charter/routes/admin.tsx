import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { formatDate } from "../../../core/dates.ts";
import { can } from "../../../core/policy.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listAreas, areaName } from "../../areas/public.ts";
import { questionOutcome } from "../../decisions/public.ts";
import { listAdoptedResolutions } from "../../groups/public.ts";
import { msg } from "../messages.ts";
import {
  currentEdition,
  editionsOf,
  getCharter,
  getEdition,
  listCharters,
  photosOf,
  shownVersion,
  signatoriesOf,
  villagesOf,
} from "../queries.ts";
import { editionLabel } from "../present.ts";
import { throwIfDenied, translateErrors } from "../../../core/result.ts";
import {
  createCharter,
  startNextEdition,
  updateCharter,
  updateEdition,
} from "../commands/charters.ts";
import { applyDraftOp, opFromForm, restoreVersion } from "../commands/drafting.ts";
import {
  adoptByResolution,
  adoptByVote,
  putToVote,
  setHearing,
  withdrawVote,
} from "../commands/adoption.ts";
import { addPhoto, addSignatory, type Upload } from "../commands/signing.ts";
import type { Actor } from "../../../core/roles.ts";
import { reviewNoticesOf } from "../commands/review.ts";
import {
  addHearingMeeting,
  hearingMeetingsOf,
  meetingChoices,
  removeHearingMeeting,
} from "../commands/hearing.ts";
import {
  CharterAdminPage,
  EditionAdminPage,
  ManagePage,
  charterValues,
  type CharterChoices,
  type EditionAdminData,
} from "../views/admin.tsx";
import type { FailedForm } from "../views/draft.tsx";
import { IMAGE_UPLOAD, uploadOf } from "./helpers.ts";
import { pillarsOf } from "../pillars.ts";

/** The working group's routes: charters, editions, drafting, hearing, adoption and signing. */
export async function charterAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

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

  const managePage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    return (
      <ManagePage
        items={await listCharters(db, tambon.id)}
        notices={await reviewNoticesOf(db, tambon.id)}
        form={form}
        choices={await choices(tambon.id, req.lang)}
      />
    );
  };

  app.get("/admin/charters", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("manage.title"),
      await managePage(
        req,
        emptyForm({ scope: "tambon", digits: "arabic", nameTh: `ธรรมนูญสุขภาพตำบล${tambon.nameTh}` }),
      ),
    );
  });

  app.post("/admin/charters", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    const body = formBody(req);
    const result = throwIfDenied(await createCharter(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charter-editions/${result.value.edition.id}`,
        msg.t(req.lang)("manage.created"),
      );
    return reply.page(
      msg.t(req.lang)("manage.title"),
      await managePage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  const charterPage = async (
    req: FastifyRequest,
    id: number,
    form: FormState | null,
    startError: string | null,
  ) => {
    const tambon = currentTambon(req);
    const charter = await getCharter(db, tambon.id, id);
    if (!charter) throw notFound();
    return (
      <CharterAdminPage
        charter={charter}
        editions={await editionsOf(db, tambon.id, charter.id)}
        form={form ?? emptyForm(charterValues(charter))}
        choices={await choices(tambon.id, req.lang)}
        startError={startError}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/admin/charters/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(req, requireId(req.params.id), null, null),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/charters/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    const body = formBody(req);
    const id = requireId(req.params.id);
    const result = throwIfDenied(await updateCharter(db, req.actor, tambon.id, id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charters/${id}`,
        msg.t(req.lang)("manage.saved"),
      );
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(req, id, failedForm(body, result.errors, req.lang, msg), null),
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>("/admin/charters/:id/next-edition", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const result = throwIfDenied(await startNextEdition(db, req.actor, tambon.id, id));
    if (result.ok) {
      const charter = await getCharter(db, tambon.id, id);
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charter-editions/${result.value.id}`,
        msg.t(req.lang)("manage.started", {
          label: editionLabel(result.value, req.lang, charter!.digits),
        }),
      );
    }
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(
        req,
        id,
        null,
        Object.values(translateErrors(result.errors, req.lang, msg)).join(" "),
      ),
      { status: 409 },
    );
  });

  // One edition

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

  app.get<{ Params: { id: string } }>("/admin/charter-editions/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.admin", { tambonId: tambon.id });
    return renderEdition(req, reply, requireId(req.params.id), {}, null, 200);
  });

  const back = (req: FastifyRequest, id: number, anchor = "") =>
    `/t/${currentTambon(req).slug}/admin/charter-editions/${id}${anchor}`;

  app.post<{ Params: { id: string } }>("/admin/charter-editions/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await updateEdition(db, req.actor, tambon.id, id, body));
    if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("manage.saved"));
    return renderEdition(req, reply, id, {
      edition: failedForm(body, result.errors, req.lang, msg),
    });
  });

  app.post<{ Params: { id: string } }>("/admin/charter-editions/:id/draft", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.draft", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const found = await getEdition(db, tambon.id, id);
    if (!found) throw notFound();
    const body = formBody(req);
    const op = opFromForm(body);
    const form = body.form ?? "";
    if (!op) {
      return renderEdition(
        req,
        reply,
        id,
        {},
        { form, state: { values: body, errors: { _form: msg.t(req.lang)("err.doc.notFound") } } },
      );
    }
    const base = parseId(body.base) ?? undefined;
    const result = throwIfDenied(await applyDraftOp(db, req.actor, tambon.id, id, op, base));
    if (result.ok) {
      const anchor =
        "key" in op ? `#c-${op.key}` : op.op === "addClause" ? `#ch-${op.chapter}` : "#h-draft";
      return reply.seeOther(
        back(req, id, op.op.includes("Chapter") && "key" in op ? `#ch-${op.key}` : anchor),
        msg.t(req.lang)("draft.saved", { n: result.value.number }),
      );
    }
    if (form.startsWith("split-")) req.query = { ...(req.query as object), split: form.slice(6) };
    if (form.startsWith("splitch-"))
      req.query = { ...(req.query as object), newChapterAt: form.slice(8) };
    return renderEdition(
      req,
      reply,
      id,
      {},
      { form, state: failedForm(body, result.errors, req.lang, msg) },
    );
  });

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/restore",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.draft", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const version = parseId(formBody(req).version) ?? 0;
      const result = throwIfDenied(await restoreVersion(db, req.actor, tambon.id, id, version));
      if (result.ok)
        return reply.seeOther(back(req, id), msg.t(req.lang)("versions.restored", { n: version }));
      return renderEdition(req, reply, id, { adopt: failedForm({}, result.errors, req.lang, msg) });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/hearing",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const open = body.open !== "0";
      const result = throwIfDenied(await setHearing(db, req.actor, tambon.id, id, open, body));
      const t = msg.t(req.lang);
      if (result.ok)
        return reply.seeOther(
          back(req, id, "#h-hearing"),
          open ? t("hearing.opened") : t("hearing.closed"),
        );
      return renderEdition(req, reply, id, {
        hearing: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/hearing-meetings",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(
        await addHearingMeeting(db, req.actor, tambon.id, id, body.meeting ?? ""),
      );
      if (result.ok)
        return reply.seeOther(
          back(req, id, "#h-hearing-meetings"),
          msg.t(req.lang)("hearing.meetingAdded"),
        );
      return renderEdition(req, reply, id, {
        meeting: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/hearing-meetings/remove",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(
        await removeHearingMeeting(db, req.actor, tambon.id, id, body.meeting ?? ""),
      );
      if (result.ok)
        return reply.seeOther(
          back(req, id, "#h-hearing-meetings"),
          msg.t(req.lang)("hearing.meetingRemoved"),
        );
      return renderEdition(req, reply, id, {
        meeting: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  app.post<{ Params: { id: string } }>("/admin/charter-editions/:id/vote", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.manage", { tambonId: tambon.id });
    const id = requireId(req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await putToVote(db, req.actor, tambon.id, id, body.area ?? ""));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/decisions/${result.value.questionId}`,
        msg.t(req.lang)("adopt.voteOpened"),
      );
    return renderEdition(req, reply, id, { vote: failedForm(body, result.errors, req.lang, msg) });
  });

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/adopt-vote",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const result = throwIfDenied(await adoptByVote(db, req.actor, tambon.id, id));
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.adopted"));
      return renderEdition(req, reply, id, { adopt: failedForm({}, result.errors, req.lang, msg) });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/withdraw-vote",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const result = throwIfDenied(await withdrawVote(db, req.actor, tambon.id, id));
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.withdrawn"));
      return renderEdition(req, reply, id, { adopt: failedForm({}, result.errors, req.lang, msg) });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/adopt-resolution",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(
        await adoptByResolution(db, req.actor, tambon.id, id, body.resolution ?? ""),
      );
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.adopted"));
      return renderEdition(req, reply, id, {
        resolution: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  // A signatory (with the scan of the signed page) and a ceremony photo each come with one image.
  const withImage = [
    {
      path: "signatories",
      field: "scan",
      form: "signatory",
      added: "sign.added",
      save: (
        actor: Actor,
        tambonId: number,
        id: number,
        body: Record<string, string>,
        file: Upload,
      ) => addSignatory(db, actor, tambonId, id, body, file.data.length ? file : null),
    },
    {
      path: "photos",
      field: "photo",
      form: "photo",
      added: "photo.added",
      save: (
        actor: Actor,
        tambonId: number,
        id: number,
        body: Record<string, string>,
        file: Upload,
      ) => addPhoto(db, actor, tambonId, id, file, body.caption ?? ""),
    },
  ] as const;

  for (const r of withImage)
    app.post<{ Params: { id: string } }>(
      `/admin/charter-editions/:id/${r.path}`,
      IMAGE_UPLOAD,
      async (req, reply) => {
        const tambon = currentTambon(req);
        authorize(req, "charter.sign", { tambonId: tambon.id });
        const id = requireId(req.params.id);
        const body = formBody(req);
        const file = await uploadOf(req, r.field);
        const result = throwIfDenied(await r.save(req.actor, tambon.id, id, body, file));
        if (result.ok) return reply.seeOther(back(req, id, "#h-signing"), msg.t(req.lang)(r.added));
        return renderEdition(req, reply, id, {
          [r.form]: failedForm(body, result.errors, req.lang, msg),
        });
      },
    );
}
