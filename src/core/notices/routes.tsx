import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import {
  currentTambon,
  formBody,
  formList,
  publicUrl,
  requireUser,
  allowedTambon,
} from "../http.ts";
import { throwIfDenied } from "../result.ts";
import { forbidden, HttpError, notFound } from "../errors.ts";
import { confirmFirst } from "../confirmation.tsx";
import { parsePage } from "../params.ts";
import { emptyForm, failedForm } from "../views/form.tsx";
import { hasEmail } from "../queries/account.ts";
import { auditActions, registerAuditActions } from "../audit-text.ts";
import noticeWords from "./audit-actions.json" with { type: "json" };
import { nmsg } from "./messages.ts";
import type { NoticeKind } from "./index.ts";
import {
  linkFromEvents,
  newLinkCode,
  removeLineChannel,
  saveChoices,
  saveLineChannel,
  secretHint,
  unlinkLine,
} from "./commands.ts";
import {
  choicesOf,
  lineChannelOf,
  lineLinkOf,
  linkedCount,
  noticeCounts,
  noticeLog,
  NOTICE_STATUSES,
  type NoticeStatus,
} from "./queries.ts";
import { validLineSignature } from "./line.ts";
import { openChannel } from "./channel-secrets.ts";
import { LineSettingsPage, MyNoticesPage, NoticeLogPage } from "./views.tsx";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route is called by another service that signs its body (a LINE webhook) and checks that
     * signature itself; it carries no CSRF token.
     */
    signedWebhook?: boolean;
  }
}

registerAuditActions(
  auditActions(noticeWords, { "notices.line.save": (slug) => `/t/${slug}/admin/notices/line` }),
);

/** Every kind of notice the modules of the build declare, in module order. */
export function noticeKinds(modules: TambonModule[]): { kind: NoticeKind; module: string }[] {
  return modules.flatMap((m) => (m.notices ?? []).map((kind) => ({ kind, module: m.id })));
}

/**
 * Notices: a member's choices and LINE link (`/notices`), the admin's LINE settings and log
 * (`/admin/notices`), and the LINE webhook (`/line/webhook`).
 */
export function noticeRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;
  const kinds = noticeKinds(modules);
  const kindLabels = new Map(kinds.map((k) => [k.kind.kind, k.kind.label]));
  return async (app) => {
    app.get("/notices", async (req, reply) => {
      const tambon = currentTambon(req);
      const user = requireUser(req);
      const t = nmsg.t(req.lang);
      if (!req.actor.memberOf.has(tambon.id))
        return reply.page(t("notices.mine"), <p>{t("notices.membersOnly")}</p>, { status: 403 });
      const channel = await lineChannelOf(db, tambon.id);
      return reply.page(
        t("notices.mine"),
        <MyNoticesPage
          kinds={kinds}
          choices={await choicesOf(db, tambon.id, user.id)}
          hasEmail={await hasEmail(db, user.id)}
          channel={channel && { basicId: channel.basicId }}
          link={await lineLinkOf(db, tambon.id, user.id)}
          now={new Date()}
        />,
      );
    });

    app.post("/notices/choices", async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const ticked = new Set(formList(req, "want"));
      throwIfDenied(
        await saveChoices(
          db,
          req.actor,
          tambon.id,
          kinds.map((k) => k.kind),
          ticked,
        ),
      );
      return reply.seeOther(`/t/${tambon.slug}/notices`, nmsg.t(req.lang)("notices.saved"));
    });

    app.post("/notices/line/code", async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      if (!(await lineChannelOf(db, tambon.id))) throw forbidden(true);
      throwIfDenied(await newLinkCode(db, req.actor, tambon.id));
      return reply.seeOther(`/t/${tambon.slug}/notices`, nmsg.t(req.lang)("line.codeMade"));
    });

    app.post("/notices/line/unlink", confirmFirst, async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      throwIfDenied(await unlinkLine(db, req.actor, tambon.id));
      return reply.seeOther(`/t/${tambon.slug}/notices`, nmsg.t(req.lang)("line.unlinked"));
    });

    app.get("/admin/notices", async (req, reply) => {
      const tambon = allowedTambon(req, "tambon.manage");
      const q = req.query as Record<string, unknown>;
      const status = NOTICE_STATUSES.includes(q.status as NoticeStatus)
        ? (q.status as NoticeStatus)
        : null;
      const channel = await lineChannelOf(db, tambon.id);
      return reply.page(
        nmsg.t(req.lang)("admin.log"),
        <NoticeLogPage
          page={await noticeLog(db, tambon.id, status, parsePage(q.page))}
          status={status}
          counts={await noticeCounts(db, tambon.id)}
          unreachableSince={channel?.unreachableSince ?? null}
          mailReady={!!deps.config.smtpUrl}
          kindLabel={(k) => kindLabels.get(k)?.[req.lang] ?? k}
        />,
      );
    });

    const settingsPage = async (req: FastifyRequest, form = emptyForm()) => {
      const tambon = currentTambon(req);
      const channel = await lineChannelOf(db, tambon.id);
      if (channel && !form.values.basicId) form.values.basicId = channel.basicId;
      const opened = channel && openChannel(deps.config.secret, channel);
      return (
        <LineSettingsPage
          form={form}
          webhookUrl={publicUrl(deps.config, `/t/${tambon.slug}/line/webhook`)}
          kept={
            channel && {
              token: opened ? secretHint(opened.accessToken) : "…",
              secret: opened ? secretHint(opened.channelSecret) : "…",
            }
          }
          linked={await linkedCount(db, tambon.id)}
        />
      );
    };

    app.get("/admin/notices/line", async (req, reply) => {
      allowedTambon(req, "tambon.manage");
      return reply.page(nmsg.t(req.lang)("admin.lineSettings"), await settingsPage(req));
    });

    app.post("/admin/notices/line", async (req, reply) => {
      const tambon = allowedTambon(req, "tambon.manage");
      const body = formBody(req);
      const result = throwIfDenied(
        await saveLineChannel(db, req.actor, tambon.id, body, deps.config.secret),
      );
      const t = nmsg.t(req.lang);
      if (!result.ok) {
        // The secrets typed are never sent back in the page.
        const values = { basicId: body.basicId ?? "" };
        const form = failedForm(values, result.errors, req.lang, nmsg);
        return reply.page(t("admin.lineSettings"), await settingsPage(req, form), { status: 422 });
      }
      return reply.seeOther(`/t/${tambon.slug}/admin/notices/line`, t("admin.lineSaved"));
    });

    app.post("/admin/notices/line/remove", confirmFirst, async (req, reply) => {
      const tambon = allowedTambon(req, "tambon.manage");
      throwIfDenied(await removeLineChannel(db, req.actor, tambon.id));
      return reply.seeOther(
        `/t/${tambon.slug}/admin/notices/line`,
        nmsg.t(req.lang)("admin.lineRemoved"),
      );
    });

    // LINE's webhook: the body is read as it came, to check its signature before anything else.
    await app.register(async (hook) => {
      hook.removeContentTypeParser("application/json");
      hook.addContentTypeParser(
        "application/json",
        { parseAs: "string", bodyLimit: 1024 * 1024 },
        (_req, body, done) => done(null, { raw: body as string }),
      );
      hook.post("/line/webhook", { config: { signedWebhook: true } }, async (req, reply) => {
        const tambon = currentTambon(req);
        const channel = await lineChannelOf(db, tambon.id);
        const raw = (req.body as { raw?: unknown } | undefined)?.raw;
        // Refusals are the error pages every route answers with (LINE reads only the status).
        if (!channel) throw notFound();
        const opened = openChannel(deps.config.secret, channel);
        if (
          typeof raw !== "string" ||
          !opened ||
          !validLineSignature(opened.channelSecret, raw, req.headers["x-line-signature"])
        )
          throw new HttpError(401, "error.400");
        let events: unknown;
        try {
          events = (JSON.parse(raw) as { events?: unknown }).events;
        } catch {
          throw new HttpError(400, "error.400");
        }
        await linkFromEvents(db, tambon.id, events);
        return reply.code(200).send({});
      });
    });
  };
}
