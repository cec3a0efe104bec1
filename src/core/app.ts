import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from "fastify";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import compress from "@fastify/compress";
import rateLimit from "@fastify/rate-limit";
import type { Config } from "./config.ts";
import type { Database } from "./db/index.ts";
import { TambonDirectory } from "./tenancy.ts";
import type { TambonModule } from "./modules.ts";
import { installModules } from "./install.ts";
import { pickLang } from "./i18n/index.ts";
import { core } from "./i18n/messages.ts";
import { clearActorCache, loadActor } from "./auth/session.ts";
import { ANONYMOUS, type Actor } from "./roles.ts";
import { HttpError, badCsrf, forbidden, isLostRace, notFound } from "./errors.ts";
import { hasNul, parseQuery } from "./params.ts";
import { foldDateParts } from "./dates.ts";
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  cookieOptions,
  expectedCsrf,
  isHttps,
  isSafePath,
  sameSitePath,
  renderPage,
  ONE_REQUEST_BROTLI_QUALITY,
  PAGE_BROTLI_QUALITY,
  sendHtml,
  viewCtx,
} from "./http.ts";
import { safeEqual } from "./auth/tokens.ts";
import { allAssets } from "./views/assets.ts";
import { ErrorPage } from "./views/error-page.tsx";
import { navFor } from "./nav.ts";
import { pageCache, prepare, sendPrepared } from "./page-cache.ts";
import { followChanges } from "./db/notify.ts";
import { sharedRateLimitStore } from "./rate-window.ts";
import { networkRoutes, tambonPublicRoutes } from "./routes/public.tsx";
import { authRoutes, signupRoutes } from "./routes/auth.tsx";
import { tambonAdminRoutes } from "./routes/admin.tsx";
import { networkAdminRoutes } from "./routes/network-admin.tsx";
import { noticeRoutes } from "./notices/routes.tsx";
import { pwaRoutes } from "./pwa/routes.tsx";
import { h } from "preact";
import { megabytes, registerUploads } from "./uploads.ts";
import { reencodeStoredLogos } from "./files.ts";
import { registerMetrics } from "./metrics.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { askFirst } from "./confirmation.tsx";

/** Answers given before any command runs: a post answered so changed nothing. */
const REFUSED_BEFORE_ANY_COMMAND = new Set([400, 401, 403, 404, 405, 413, 415, 429]);

/** What the app is built from. */
export interface AppOptions {
  config: Config;
  database: Database;
  modules: TambonModule[];
  logger?: FastifyServerOptions["logger"];
}

/**
 * Paths that never belong to a tambon, even on a tambon's own host name (where every other path,
 * `/admin` included, is the tambon's own).
 */
const GLOBAL_PREFIXES = [
  "/static/",
  "/healthz",
  "/lang",
  "/login",
  "/logout",
  "/account",
  "/reset/",
];

/** Assembles the Fastify app: plugins, request context, CSRF, tenancy, core and module routes. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database, modules } = opts;
  installModules(modules);
  const tambons = new TambonDirectory(database.db);
  await tambons.reload();

  const cacheQuery = new Map<string, readonly string[]>();
  for (const m of modules)
    for (const [p, q] of Object.entries(m.cacheQuery ?? {})) cacheQuery.set(p, q);

  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy:
      typeof config.trustProxy === "number"
        ? (
            (hops: number) => (_addr: string, i: number) =>
              i < hops
          )(config.trustProxy)
        : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Parameters may be an id and a Thai slug, percent-encoded (nine characters per letter); the
    // query keeps one string per name (the last), as every page reads single values.
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 1000,
      querystringParser: parseQuery,
    },
    // Addresses the router cannot decode, or with a part past maxParamLength: the error page.
    // (Fastify gives this handler a bare request and reply, before any hook or decoration.)
    frameworkErrors(err, req, reply) {
      req.cookies = app.parseCookie(req.headers.cookie ?? "");
      Object.assign(req, { lang: pickLang(req.cookies.tlang), actor: ANONYMOUS, tambon: null });
      const status = err.statusCode === 414 ? 414 : err.statusCode === 400 ? 400 : 500;
      if (status === 500) req.log.error({ err }, "request failed");
      const t = core.t(req.lang);
      const message = t(status === 414 ? "error.414" : status === 400 ? "error.400" : "error.500");
      const ctx = viewCtx(req, reply, config.secret, navFor(req, modules));
      const html = renderPage(ctx, t("error.title"), h(ErrorPage, { status, message }));
      return (reply as FastifyReply)
        .status(status)
        .header("content-type", "text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(html);
    },
    rewriteUrl(req) {
      // On a tambon's own host name every path is that tambon's (its /admin too); other tambons'
      // /t/<slug>/… paths answer 404 there (see the tambon scope hook).
      const url = req.url ?? "/";
      const host = req.headers.host;
      if (!host || url.startsWith("/t/") || GLOBAL_PREFIXES.some((p) => url.startsWith(p)))
        return url;
      const tambon = tambons.byHost(host);
      return tambon ? `/t/${tambon.slug}${url === "/" ? "" : url}` : url;
    },
  });

  const routeList: { method: string; url: string; asksFirst: boolean }[] = [];
  app.addHook("onRoute", (r) => {
    const asksFirst = askFirst(r);
    for (const method of [r.method].flat())
      if (method !== "HEAD") routeList.push({ method, url: r.url, asksFirst });
  });
  app.decorate("routeList", routeList);
  app.decorate("tambons", tambons);
  app.decorate("database", database);
  app.decorate("modules", modules);
  app.decorate("config", config);
  // Changes made by other instances on the same PostgreSQL (LISTEN); PGlite is one process.
  app.addHook("onClose", await followChanges(database, tambons, app.log));

  await app.register(cookie);
  await app.register(formbody);
  // Forms are url-encoded or multipart; any other body (JSON, plain text) is refused with 415.
  app.removeContentTypeParser(["application/json", "text/plain"]);
  // Multipart forms: each route declares the files it takes (`config.upload`), enforced while the
  // body streams in; routes that declare nothing take no files.
  await registerUploads(app);
  // Helmet's headers for this policy, worked out once (nothing in them depends on the request).
  registerSecurityHeaders(app);
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  // On PostgreSQL the windows are rows of rate_windows, so a limit holds across instances.
  await app.register(rateLimit, {
    global: false,
    hook: "preHandler",
    ...(database.kind === "postgres" ? { store: sharedRateLimitStore(database.db) } : {}),
  });

  app.decorateRequest("actor", null as unknown as Actor);
  app.decorateRequest("lang", "th");
  app.decorateRequest("tambon", null);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("flash", null);
  app.decorateRequest("cacheKey", null);
  app.decorateRequest("cacheGeneration", "");
  app.decorateRequest("cacheTambonId", null);

  app.decorateReply("page", function (title, body, pageOpts) {
    const req = this.request;
    const ctx = viewCtx(req, this, config.secret, navFor(req, modules));
    let usedForm = false;
    const csrf = ctx.csrf;
    ctx.csrf = () => {
      usedForm = true;
      return csrf();
    };
    const html = renderPage(ctx, title, body, pageOpts?.description, pageOpts?.head);
    const status = pageOpts?.status ?? 200;
    if (req.cacheKey && status === 200 && !usedForm) {
      const prepared = prepare(html, "text/html; charset=utf-8", {
        quality: PAGE_BROTLI_QUALITY,
        first: ONE_REQUEST_BROTLI_QUALITY,
      });
      pageCache.set(req.cacheKey, req.cacheTambonId, req.cacheGeneration, prepared);
      return sendPrepared(req, this, prepared, "no-cache");
    }
    const signedIn = !!req.actor.user;
    this.status(pageOpts?.status ?? 200)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", signedIn || req.method !== "GET" ? "private, no-store" : "no-cache");
    return sendHtml(req, this, html);
  });
  app.decorateReply("seeOther", function (url, flash) {
    if (flash) this.setCookie("tflash", encodeURIComponent(flash), cookieOptions(this.request, 60));
    return this.redirect(url, 303);
  });

  // HSTS: only on responses over HTTPS, and only when HSTS_MAX_AGE asks for it.
  if (config.hstsMaxAge !== null) {
    const hsts = `max-age=${config.hstsMaxAge}`;
    app.addHook("onRequest", async (req, reply) => {
      if (isHttps(req)) reply.header("strict-transport-security", hsts);
    });
  }

  app.addHook("onRequest", async (req, reply) => {
    req.lang = pickLang(req.cookies.tlang);
    const token = req.cookies[SESSION_COOKIE];
    req.sessionId = token ?? null;
    req.actor = token ? await loadActor(database.db, token) : ANONYMOUS;
    if (req.actor.user && !req.cookies.tlang) req.lang = req.actor.user.lang;
    if (req.method === "GET" && !req.actor.user && !req.cookies.tflash) {
      const key = `${req.headers.host ?? ""}|${req.lang}|${cacheUrl(req.url, cacheQuery)}`;
      const hit = pageCache.get(key);
      if (hit) return sendPrepared(req, reply, hit, "no-cache");
      const slug = /^\/t\/([^/?#]+)/.exec(req.url)?.[1];
      req.cacheKey = key;
      req.cacheTambonId = slug ? (tambons.bySlug(slug)?.id ?? null) : null;
      req.cacheGeneration = pageCache.generation(req.cacheTambonId);
    }
    const flash = req.cookies.tflash;
    if (flash && req.method === "GET") {
      try {
        req.flash = decodeURIComponent(flash);
      } catch {
        req.flash = null;
      }
      reply.clearCookie("tflash", { path: "/" });
    }
  });

  // Uploads are read into memory before the CSRF check can see the form's token: refuse them
  // before their body is read unless the visitor has a CSRF cookie and is signed in (or the route
  // takes anonymous uploads, such as a complaint with one photo, under its own small limits).
  app.addHook("onRequest", async (req) => {
    if (req.method !== "POST" && req.method !== "PUT") return;
    if (!String(req.headers["content-type"] ?? "").startsWith("multipart/")) return;
    if (!req.cookies[CSRF_COOKIE]) throw badCsrf();
    if (!req.actor.user && !req.routeOptions.config?.anonymousUpload) throw forbidden(false);
  });

  // Malformed input is refused in one place, before any route reads it: an address too long to be
  // a link of the platform (414), and a NUL character anywhere in the address or the form, which
  // no text column can store (400).
  app.addHook("onRequest", async (req) => {
    if (req.url.length > MAX_URL)
      // A search pasted too long is told so, not only that the address is long.
      throw new HttpError(414, /[?&]q=/.test(req.url) ? "error.searchTooLong" : "error.414");
  });
  app.addHook("preParsing", async (req) => {
    readingBody.add(req);
  });
  // Runs after the multipart parser's own hook, so multipart fields are there to be checked.
  app.addHook("preValidation", async (req) => {
    readingBody.delete(req);
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body))
      throw new HttpError(400, "error.nul");
    if (req.body && typeof req.body === "object" && !Array.isArray(req.body))
      foldDateParts(req.body as Record<string, unknown>);
    // A filter's date comes in the address as three parts too (DateInput).
    if (req.query && typeof req.query === "object")
      foldDateParts(req.query as Record<string, unknown>);
  });

  // CSRF: every state-changing request carries the HMAC of the visitor's random cookie (and of
  // the session, when signed in).
  app.addHook("preHandler", async (req) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
    // A webhook (LINE's) is signed by its sender and checks that signature itself.
    if (req.routeOptions.config?.signedWebhook) return;
    const expected = expectedCsrf(req, config.secret);
    const body = (req.body ?? {}) as Record<string, unknown>;
    let sent = body._csrf;
    if (sent && typeof sent === "object" && "value" in sent)
      sent = (sent as { value: unknown }).value;
    if (typeof sent !== "string" || !expected || !safeEqual(sent, expected)) {
      throw badCsrf();
    }
  });

  app.addHook("onResponse", async (req, reply) => {
    if (req.method === "GET" || req.method === "HEAD") return;
    // A request refused before any command ran (a forged or stale form token, no right, no such
    // record, too large, too many) changed nothing. Dropping the cache for it would let anyone
    // make every page of a tambon render again, one free post at a time. A form answered with
    // its errors (422, 409) may still have written (a meeting's quorum counted again), and a
    // failure (5xx) may have come after its commit: those still drop it.
    if (REFUSED_BEFORE_ANY_COMMAND.has(reply.statusCode)) return;
    // After the command's transaction has committed: drop what a concurrent read may have kept.
    if (req.tambon) pageCache.invalidate(req.tambon.id);
    clearActorCache();
  });

  app.setErrorHandler((err, req, reply) => {
    let status = 500;
    let key: Parameters<ReturnType<typeof core.t>>[0] = "error.500";
    const declared = (err as { statusCode?: unknown }).statusCode;
    if (err instanceof HttpError) {
      status = err.status;
      key = err.key;
    } else if (typeof declared === "number" && declared >= 400 && declared <= 599) {
      // Errors of Fastify and its plugins carry their status: a 4xx is the request's fault.
      status = declared;
      key =
        status === 429
          ? "error.429"
          : status === 413
            ? "error.413"
            : status === 404
              ? "error.404"
              : status === 414
                ? "error.414"
                : status === 415
                  ? "error.415"
                  : status >= 500
                    ? "error.500"
                    : "error.400";
    } else if (isLostRace(err)) {
      // The same form sent twice at once (or two people saving the same thing): the other
      // request stored it, this one's transaction was rolled back.
      status = 409;
      key = "error.409";
    } else if (readingBody.has(req) && req.isMultipart()) {
      // The multipart parser fails on a body that is not what its headers say (a wrong or
      // missing boundary, a truncated part) with a plain error: the request's fault, not ours.
      status = 400;
      key = "error.body";
    }
    if (status >= 500) req.log.error({ err }, "request failed");
    if (status === 403 && !req.actor.user && req.method === "GET") {
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    // A member who signed up and awaits confirmation is told why, not only "not allowed".
    if (status === 403 && req.tambon && req.actor.pendingIn?.has(req.tambon.id))
      key = "error.403pending";
    const t = core.t(req.lang);
    const upload = req.routeOptions.config?.upload;
    const message =
      status === 413 && upload?.files
        ? t("error.413upload", { files: upload.files, mb: megabytes(upload.fileBytes) })
        : t(key);
    // A form that lost a race is best seen again where it was sent from: the page reloaded
    // shows what was stored.
    const lostRace = status === 409 && key === "error.409";
    const page = lostRace
      ? { status, message, title: t("error.409title"), back: sameSitePath(req) }
      : { status, message };
    return reply.page(t("error.title"), h(ErrorPage, page), { status });
  });
  app.setNotFoundHandler((req, reply) => {
    const t = core.t(req.lang);
    return reply.page(t("error.404"), h(ErrorPage, { status: 404, message: t("error.404") }), {
      status: 404,
    });
  });

  for (const asset of allAssets()) {
    const prepared = prepare(asset.body, asset.type);
    app.get(asset.url, (req, reply) =>
      sendPrepared(req, reply, prepared, "public, max-age=31536000, immutable"),
    );
  }

  app.get("/healthz", async (req, reply) => {
    reply.header("cache-control", "no-store");
    try {
      await database.rows(sqlPing);
    } catch (err) {
      req.log.error({ err }, "health check: the database does not answer");
      return reply.status(503).send({ ok: false, db: database.kind });
    }
    return reply.send({ ok: true, db: database.kind });
  });
  // Requests counted by route and status; /metrics for network administrators or a scraper.
  registerMetrics(app, config);

  app.get<{ Querystring: { to?: string; back?: string } }>("/lang", async (req, reply) => {
    const lang = pickLang(req.query.to);
    reply.setCookie("tlang", lang, { ...cookieOptions(req, 365 * 86400), httpOnly: false });
    const back =
      typeof req.query.back === "string" && isSafePath(req.query.back) ? req.query.back : "/";
    return reply.redirect(back, 303);
  });

  const deps = { database, tambons, config };
  for (const mod of modules) await mod.setup?.(app, deps);
  // Logos kept on disk before the file store move into it once, at start.
  await reencodeStoredLogos(database.db, config.dataDir);
  await app.register(authRoutes(deps));
  await app.register(networkAdminRoutes(deps, modules));
  await app.register(networkRoutes(deps));

  await app.register(
    async (scope) => {
      scope.addHook("onRequest", async (req) => {
        const slug = (req.params as { tambon?: string }).tambon ?? "";
        const tambon = tambons.bySlug(slug);
        if (!tambon) throw notFound();
        // A tambon's own host name serves that tambon only.
        const hostTambon = req.headers.host ? tambons.byHost(req.headers.host) : undefined;
        if (hostTambon && hostTambon.id !== tambon.id) throw notFound();
        req.tambon = tambon;
      });
      await scope.register(tambonPublicRoutes(deps, modules));
      await scope.register(pwaRoutes(database));
      await scope.register(signupRoutes(deps));
      await scope.register(tambonAdminRoutes(deps, modules));
      await scope.register(noticeRoutes(deps, modules));
      for (const mod of modules) {
        if (mod.tambonRoutes) await scope.register(async (m) => mod.tambonRoutes!(m, deps));
      }
    },
    { prefix: "/t/:tambon" },
  );

  return app;
}

import { sql } from "drizzle-orm";
const sqlPing = sql`select 1 as ok`;

/** The longest address answered (the query included); longer ones are not links of the platform. */
const MAX_URL = 2048;

/** Requests whose body is being read (from preParsing until the parsers are done). */
const readingBody = new WeakSet<object>();

/**
 * Parameters that links carry when shared on social networks or sent in mailings (`fbclid`,
 * `utm_source` …): no page reads them, and each share would otherwise cache the page again.
 */
const TRACKING_PARAM =
  /^(?:utm_\w*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|mc_cid|mc_eid|_ga|_gl|ref_src|s_cid)$/i;

/**
 * The address a page is cached under: for tambon pages that declared the query parameters they
 * depend on, only those parameters (in the declared order); on every other page its parameters
 * but the tracking ones.
 */
export function cacheUrl(url: string, cacheQuery: ReadonlyMap<string, readonly string[]>): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const path = url.slice(0, q);
  const m = /^\/t\/[^/?#]+(\/[^?#]*)$/.exec(path);
  const keep = m ? (cacheQuery.get(m[1]!) ?? declaredPattern(m[1]!, cacheQuery)) : undefined;
  const params = new URLSearchParams(url.slice(q + 1));
  const kept = new URLSearchParams();
  if (keep) for (const name of keep) for (const v of params.getAll(name)) kept.append(name, v);
  else {
    let dropped = false;
    for (const [name, v] of params)
      if (TRACKING_PARAM.test(name)) dropped = true;
      else kept.append(name, v);
    if (!dropped) return url;
  }
  const rest = kept.toString();
  return rest ? `${path}?${rest}` : path;
}

/** The parameters declared for a path pattern with `:name` segments (`/villages/:moo`) that matches. */
function declaredPattern(
  path: string,
  cacheQuery: ReadonlyMap<string, readonly string[]>,
): readonly string[] | undefined {
  const parts = path.split("/");
  for (const [pattern, keep] of cacheQuery) {
    const pp = pattern.split("/");
    if (!pattern.includes("/:") || pp.length !== parts.length) continue;
    if (pp.every((s, i) => (s.startsWith(":") ? parts[i] !== "" : s === parts[i]))) return keep;
  }
  return undefined;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route takes multipart uploads from visitors who are not signed in. */
    anonymousUpload?: boolean;
  }
  interface FastifyInstance {
    tambons: TambonDirectory;
    /**
     * Every route registered (method and URL pattern, and whether it asks to confirm first), for
     * tests that walk them all.
     */
    routeList: { method: string; url: string; asksFirst: boolean }[];
    database: Database;
    modules: TambonModule[];
    config: Config;
  }
}
