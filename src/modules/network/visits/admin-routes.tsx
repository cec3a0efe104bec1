import { activeCentres } from "../centres/queries.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { pageOf, parseId, queryOf } from "../../../core/params.ts";
import { render, param, visitFilter } from "../shared/helpers.ts";
import { ADMIN, adminUrl, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
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

  app.get(`${ADMIN}/visits`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.respond");
    const filter = visitFilter(req);
    const page = await visitsOf(db, "incoming", tambon.id, filter, pageOf(req));
    return reply.page(
      netText(req)("admin.visits"),
      <IncomingVisits page={page} filter={filter} canRecord />,
    );
  });

  const ownCentres = (tambonId: number) => activeCentres(db, tambonId);

  app.get(`${ADMIN}/visits/new`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.respond");
    return reply.page(
      netText(req)("visits.recordRequest"),
      <HostRequestForm form={emptyForm()} centres={await ownCentres(tambon.id)} />,
    );
  });

  app.post(`${ADMIN}/visits/new`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.respond");
    const body = formBody(req);
    const centre = await centreById(db, tambon.id, parseId(body.centreId) ?? 0);
    const result = centre
      ? await requestVisit(db, req.actor, centre.id, body, { kind: "host" })
      : fail("centreId", "err.choice");
    if (result.ok) return toAdmin(reply, req, `/visits/${result.value.id}`, "flash.saved");
    return reply.page(
      netText(req)("visits.recordRequest"),
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
      title: netText(req)("visit.title", { group: visit.groupName }),
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

  app.get(`${ADMIN}/visits/:id`, async (req, reply) => {
    allowedTambon(req, "visit.respond");
    return render(reply, await visitPage(req, {}));
  });

  app.post(`${ADMIN}/visits/:id/answer`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.respond");
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await answerVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok)
      return toAdmin(
        reply,
        req,
        `/visits/${param(req)}`,
        `flash.answer.${body.answer as "accept"}`,
      );
    return render(reply, {
      ...(await visitPage(req, { answer: failedForm(body, result.errors, req.lang, msg) })),
      status: 422,
    });
  });

  app.post(`${ADMIN}/visits/:id/record`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.respond");
    if (!(await visitById(db, tambon.id, param(req)))) throw notFound();
    const body = formBody(req);
    const result = await recordVisit(db, req.actor, tambon.id, param(req), body);
    if (result.ok) return toAdmin(reply, req, `/visits/${param(req)}`, "flash.visitRecorded");
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

  app.get(`${ADMIN}/outgoing`, async (req, reply) => {
    allowedTambon(req, "visit.request");
    return reply.page(netText(req)("admin.outgoing"), await outgoingPage(req, null));
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

  app.get(`${ADMIN}/outgoing/new`, async (req, reply) => {
    allowedTambon(req, "visit.request");
    const centre = queryOf(req).centre ?? "";
    return reply.page(
      netText(req)("visits.newRequest"),
      await requestForm(req, emptyForm({ centreId: /^\d+$/.test(centre) ? centre : "" })),
    );
  });

  app.post(`${ADMIN}/outgoing/new`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.request");
    const body = formBody(req);
    const result = await requestVisit(db, req.actor, parseId(body.centreId) ?? 0, body, {
      kind: "tambon",
      requester: tambon,
    });
    if (result.ok) return toAdmin(reply, req, "/outgoing", "flash.requestSent");
    return reply.page(
      netText(req)("visits.newRequest"),
      await requestForm(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${ADMIN}/outgoing/:id/reply`, async (req, reply) => {
    const tambon = allowedTambon(req, "visit.request");
    const body = formBody(req);
    const id = param(req);
    const result = await replyToVisit(db, req.actor, tambon.id, id, body);
    if (result.ok)
      return reply.seeOther(
        `${adminUrl(tambon, "/outgoing")}#v-${id}`,
        netText(req)("flash.replied"),
      );
    const errors = translateErrors(result.errors, req.lang, msg);
    throwIfDenied(result);
    return reply.page(
      netText(req)("admin.outgoing"),
      await outgoingPage(req, { id, message: Object.values(errors)[0] ?? "" }),
      { status: 422 },
    );
  });
}
