import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { pageOf, parseDay, parseId, queryOf, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { sendStandalone } from "../../../core/pdf.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { authorNames } from "../registry/history.ts";
import { personalScope } from "../access.ts";
import { exportRegistry } from "./export.ts";
import { listReads, logPersonalRead, readersOf } from "./reads.ts";
import { personName, registryCounts } from "./queries.ts";
import { personReport, reportTable } from "./report.ts";
import { TABLE_FORMATS, sendTable, tableRoutes } from "../../../core/table-export.ts";
import {
  getRequest,
  handleRequest,
  listRequests,
  recordRequest,
  type DataRequest,
} from "./requests.ts";
import { saveSettings, settingsOf } from "./settings.ts";
import { AdminHome, PrivacyNotice, ReadLog, SettingsPage } from "./views.tsx";
import { ReportDoc, RequestList, RequestPage } from "./request-views.tsx";
import { pick } from "../../../core/pick.ts";

/** Personal data (PDPA): the admin home, the read log, requests, settings, the public notice. */
export function privacyRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const ADMIN = "/admin/community";

  app.get(ADMIN, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const counts = await registryCounts(db, tambon.id);
    return reply.page(
      msg.t(req.lang)("admin.title"),
      <AdminHome
        households={counts.households}
        people={counts.people}
        openRequests={counts.openRequests}
        canPrivacy={can(req.actor, "community.privacy", { tambonId: tambon.id })}
        personal={(await personalScope(db, req.actor, tambon.id)) !== null}
      />,
    );
  });

  tableRoutes(app, `${ADMIN}/export`, async (req, format) => {
    const tambon = allowedTambon(req, "community.manage");
    const { columns, rows } = await exportRegistry(db, req, tambon.id, format);
    return { file: `households-${tambon.slug}`, sheet: "households", columns, rows };
  });

  app.get(`${ADMIN}/reads`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.privacy");
    const q = queryOf(req);
    const filter = {
      personId: parseId(q.person ?? ""),
      userId: parseId(q.user ?? ""),
      from: parseDay(q.from),
      to: parseDay(q.to),
    };
    const [page, readers] = await Promise.all([
      listReads(db, tambon.id, filter, pageOf(req)),
      readersOf(db, tambon.id),
    ]);
    const query = {
      person: filter.personId === null ? "" : String(filter.personId),
      user: filter.userId === null ? "" : String(filter.userId),
      from: filter.from ?? "",
      to: filter.to ?? "",
    };
    return reply.page(
      msg.t(req.lang)("reads.title"),
      <ReadLog
        page={page}
        query={query}
        users={readers.map((u) => ({ value: String(u.id), label: u.name }))}
      />,
    );
  });

  async function requestsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    const page = await listRequests(db, currentTambon(req).id, pageOf(req));
    return reply.page(msg.t(req.lang)("request.title"), <RequestList page={page} form={form} />, {
      status,
    });
  }

  app.get(`${ADMIN}/requests`, async (req, reply) => {
    authorize(req, "community.manage", { tambonId: currentTambon(req).id });
    return requestsPage(req, reply, emptyForm());
  });

  app.post(`${ADMIN}/requests`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const body = formBody(req);
    const result = throwIfDenied(await recordRequest(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${ADMIN}/requests/${result.value.id}`,
        msg.t(req.lang)("request.saved"),
      );
    return requestsPage(req, reply, failedForm(body, result.errors, req.lang, msg), 422);
  });

  async function findRequest(req: FastifyRequest, id: string): Promise<DataRequest> {
    const tambon = allowedTambon(req, "community.manage");
    const found = await getRequest(db, tambon.id, requireId(id));
    if (!found) throw notFound();
    return found;
  }

  async function requestPage(
    req: FastifyRequest,
    reply: FastifyReply,
    request: DataRequest,
    form: FormState,
    status = 200,
  ) {
    const tambonId = currentTambon(req).id;
    const name = await personName(db, tambonId, request.personId);
    const t = msg.t(req.lang);
    return reply.page(
      t("request.heading", { kind: t(`request.kind.${request.kind}`) }),
      <RequestPage
        request={request}
        personName={name}
        form={form}
        personal={(await personalScope(db, req.actor, tambonId)) !== null}
      />,
      { status },
    );
  }

  app.get<{ Params: { id: string } }>(`${ADMIN}/requests/:id`, async (req, reply) =>
    requestPage(req, reply, await findRequest(req, req.params.id), emptyForm()),
  );

  app.post<{ Params: { id: string } }>(`${ADMIN}/requests/:id/handle`, async (req, reply) => {
    const tambon = currentTambon(req);
    const request = await findRequest(req, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await handleRequest(db, req.actor, tambon.id, request.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${ADMIN}/requests/${request.id}`,
        msg.t(req.lang)("request.handled"),
      );
    return requestPage(req, reply, request, failedForm(body, result.errors, req.lang, msg), 422);
  });

  for (const format of [null, ...TABLE_FORMATS])
    app.get<{ Params: { id: string } }>(
      `${ADMIN}/requests/:id/report${format ? `.${format}` : ""}`,
      async (req, reply) => {
        const tambon = currentTambon(req);
        const request = await findRequest(req, req.params.id);
        if (request.personId === null) throw notFound();
        const report = await personReport(db, tambon.id, request.personId);
        if (!report) throw notFound();
        await logPersonalRead(db, req, {
          subject: "request",
          subjectId: request.id,
          detail: `person ${request.personId}: ${req.url}`,
          records: 1 + report.answers.length,
        });
        if (format) return sendTable(reply, reportTable(report), format);
        return sendStandalone(
          req,
          reply,
          deps.config.secret,
          <ReportDoc report={report} names={await authorNames(db, report.history)} />,
        );
      },
    );

  async function settingsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    return reply.page(msg.t(req.lang)("settings.title"), <SettingsPage form={form} />, { status });
  }

  app.get(`${ADMIN}/settings`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.privacy");
    const s = await settingsOf(db, tambon.id);
    return settingsPage(
      req,
      reply,
      emptyForm({
        ...pick(s, "controller", "contact", "defaultPurpose"),
        retentionYears: String(s.retentionYears),
      }),
    );
  });

  app.post(`${ADMIN}/settings`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.privacy");
    const body = formBody(req);
    const result = throwIfDenied(await saveSettings(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}${ADMIN}/settings`,
        msg.t(req.lang)("settings.saved"),
      );
    return settingsPage(req, reply, failedForm(body, result.errors, req.lang, msg), 422);
  });

  app.get("/community/privacy", async (req, reply) => {
    const tambon = allowedTambon(req, "community.figures.read");
    return reply.page(
      msg.t(req.lang)("notice.title"),
      <PrivacyNotice settings={await settingsOf(db, tambon.id)} />,
    );
  });
}
