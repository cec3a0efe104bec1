import { activeCentres } from "../centres/queries.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { pageOf, parseId, queryOf } from "../../../core/params.ts";
import { render, param, visitFilter } from "../shared/helpers.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { msg } from "../messages.ts";
import { fail, throwIfDenied, translateErrors } from "../../../core/result.ts";
import { centreById, centresOpenToVisits } from "../centres/queries.ts";
import { visitById, visitsOf } from "./queries.ts";
import { recordVisit, requestVisit } from "./commands.ts";
import { answerVisit, replyToVisit } from "./answer-commands.ts";
import { HostRequestForm, IncomingVisits, VisitPage } from "./views.tsx";
import { OutgoingRequestForm, OutgoingVisits } from "./outgoing-views.tsx";
export async function visitAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const A = "/admin/network";
  const url = (tambon: Tambon, path = "") => `/t/${tambon.slug}${A}${path}`;
  const T = (req: FastifyRequest) => msg.t(req.lang);

  app.get(`${A}/visits`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    const filter = visitFilter(req);
    const page = await visitsOf(db, "incoming", tambon.id, filter, pageOf(req));
    return reply.page(
      T(req)("admin.visits"),
      <IncomingVisits page={page} filter={filter} canRecord />,
    );
  });

  const ownCentres = (tambonId: number) => activeCentres(db, tambonId);

  app.get(`${A}/visits/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    return reply.page(
      T(req)("visits.recordRequest"),
      <HostRequestForm form={emptyForm()} centres={await ownCentres(tambon.id)} />,
    );
  });

  app.post(`${A}/visits/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    const body = formBody(req);
    const centre = await centreById(db, tambon.id, parseId(body.centreId) ?? 0);
    const result = centre
      ? await requestVisit(db, req.actor, centre.id, body, { kind: "host" })
      : fail("centreId", "err.choice");
    if (result.ok)
      return reply.seeOther(url(tambon, `/visits/${result.value.id}`), T(req)("flash.saved"));
    return reply.page(
      T(req)("visits.recordRequest"),
      <HostRequestForm
        form={failedForm(body, result.errors, req.lang, msg)}
        centres={await ownCentres(tambon.id)}
      />,
      { status: 422 },
    );
  });

  const visitPage = async (
    req: FastifyRequest,
    forms: { answer?: FormState; record?: FormState },
  ) => {
    const tambon = currentTambon(req);
    const visit = await visitById(db, tambon.id, param(req));
    if (!visit) throw notFound();
    return {
      title: T(req)("visit.title", { group: visit.groupName }),
      body: (
        <VisitPage
          visit={visit}
          requester={
            visit.requestingTambonId ? (deps.tambons.byId(visit.requestingTambonId) ?? null) : null
          }
          answerForm={forms.answer ?? emptyForm()}
          recordForm={
            forms.record ??
            emptyForm({
              visitedOn: visit.visitedOn ?? visit.requestedOn,
              visitorsCount: String(visit.visitorsCount ?? visit.groupSize),
              learnedTh: visit.learnedTh,
              learnedEn: visit.learnedEn,
            })
          }
        />
      ),
    };
  };

  app.get(`${A}/visits/:id`, async (req, reply) => {
    authorize(req, "visit.respond", { tambonId: currentTambon(req).id });
    return render(reply, await visitPage(req, {}));
  });

  app.post(`${A}/visits/:id/answer`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await answerVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok)
      return reply.seeOther(
        url(tambon, `/visits/${param(req)}`),
        T(req)(`flash.answer.${body.answer as "accept"}`),
      );
    return render(reply, {
      ...(await visitPage(req, { answer: failedForm(body, result.errors, req.lang, msg) })),
      status: 422,
    });
  });

  app.post(`${A}/visits/:id/record`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.respond", { tambonId: tambon.id });
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await recordVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok)
      return reply.seeOther(url(tambon, `/visits/${param(req)}`), T(req)("flash.visitRecorded"));
    return render(reply, {
      ...(await visitPage(req, { record: failedForm(body, result.errors, req.lang, msg) })),
      status: 422,
    });
  });

  const hostsOf = (rows: { tambonId: number }[]) => {
    const m = new Map<number, Tambon>();
    for (const r of rows) {
      const h = deps.tambons.byId(r.tambonId);
      if (h) m.set(h.id, h);
    }
    return m;
  };

  const outgoingPage = async (
    req: FastifyRequest,
    error: { id: number; message: string } | null,
  ) => {
    const tambon = currentTambon(req);
    const filter = visitFilter(req);
    const page = await visitsOf(db, "outgoing", tambon.id, filter, pageOf(req));
    return <OutgoingVisits page={page} filter={filter} hosts={hostsOf(page.items)} error={error} />;
  };

  app.get(`${A}/outgoing`, async (req, reply) => {
    authorize(req, "visit.request", { tambonId: currentTambon(req).id });
    return reply.page(T(req)("admin.outgoing"), await outgoingPage(req, null));
  });

  const requestForm = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const centres = await centresOpenToVisits(db, tambon.id);
    const groups: { tambon: Tambon; centres: typeof centres }[] = [];
    for (const c of centres) {
      const host = deps.tambons.byId(c.tambonId);
      if (!host) continue;
      let g = groups.find((x) => x.tambon.id === host.id);
      if (!g) groups.push((g = { tambon: host, centres: [] }));
      g.centres.push(c);
    }
    groups.sort((a, b) => a.tambon.nameTh.localeCompare(b.tambon.nameTh, "th"));
    return <OutgoingRequestForm form={form} groups={groups} />;
  };

  app.get(`${A}/outgoing/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const centre = queryOf(req).centre ?? "";
    return reply.page(
      T(req)("visits.newRequest"),
      await requestForm(req, emptyForm({ centreId: /^\d+$/.test(centre) ? centre : "" })),
    );
  });

  app.post(`${A}/outgoing/new`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const body = formBody(req);
    const result = await requestVisit(db, req.actor, parseId(body.centreId) ?? 0, body, {
      kind: "tambon",
      requester: tambon,
    });
    if (result.ok) return reply.seeOther(url(tambon, "/outgoing"), T(req)("flash.requestSent"));
    return reply.page(
      T(req)("visits.newRequest"),
      await requestForm(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${A}/outgoing/:id/reply`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "visit.request", { tambonId: tambon.id });
    const body = formBody(req);
    const id = param(req);
    const result = await replyToVisit(db, req.actor, tambon.id, id, body);
    if (result.ok)
      return reply.seeOther(`${url(tambon, "/outgoing")}#v-${id}`, T(req)("flash.replied"));
    const errors = translateErrors(result.errors, req.lang, msg);
    throwIfDenied(result);
    return reply.page(
      T(req)("admin.outgoing"),
      await outgoingPage(req, { id, message: Object.values(errors)[0] ?? "" }),
      { status: 422 },
    );
  });
}
