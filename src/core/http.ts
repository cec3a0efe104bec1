import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { h } from "preact";
import type { Lang } from "./i18n/index.ts";
import { core } from "./i18n/messages.ts";
import { ANONYMOUS, type Actor } from "./roles.ts";
import type { Tambon } from "./tenancy.ts";
import { newToken, sign } from "./auth/tokens.ts";
import type { Config } from "./config.ts";
import { ViewContext, type NavItem, type ViewCtx } from "./views/ctx.ts";
import { Layout, layoutFragments } from "./views/layout.tsx";
import { can } from "./policy.ts";
import { forbidden } from "./errors.ts";
import { pageDigitStyle, pageInDigits } from "./digits.ts";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
    tambon: Tambon | null;
    sessionId: string | null;
    flash: string | null;
    /** Key of this anonymous GET in the page cache (null: not cacheable). */
    cacheKey: string | null;
    cacheGeneration: string;
    cacheTambonId: number | null;
  }
  interface FastifyReply {
    /** Renders a page inside the layout. */
    page(
      title: string,
      body: ComponentChildren,
      opts?: { status?: number; description?: string; head?: ComponentChildren },
    ): FastifyReply;
    /** Redirects (303) after a POST, optionally with a flash message for the next page. */
    seeOther(url: string, flash?: string): FastifyReply;
  }
}

/** The CSRF cookie name; its value is random and the form token is its HMAC. */
export const CSRF_COOKIE = "tcsrf";
/** The session cookie name. */
export const SESSION_COOKIE = "tsid";

/**
 * Whether the request reached the public site over HTTPS: its own protocol (from
 * X-Forwarded-Proto only when TRUST_PROXY believes the proxy), or an `https://` PUBLIC_URL.
 */
export function isHttps(req: FastifyRequest): boolean {
  return req.protocol === "https" || !!req.server.config?.publicUrl?.startsWith("https:");
}

/** Options shared by the cookies the platform sets (Secure over HTTPS). */
export function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isHttps(req),
    maxAge: maxAgeSeconds,
  };
}

/**
 * The form token for a CSRF cookie: its HMAC under the installation secret, covering the session
 * when somebody is signed in, so a token minted before logging in or for another session fails.
 */
export function csrfFor(secret: string, raw: string, sessionToken: string | null): string {
  const message = `${raw}|${sessionToken ?? ""}`;
  const key = `${secret}\u0000${message}`;
  let token = csrfTokens.get(key);
  if (token === undefined) {
    token = sign(secret, message);
    // Bounded: the oldest derived token goes first (it is derived again when asked for).
    if (csrfTokens.size >= CSRF_KEPT) csrfTokens.delete(csrfTokens.keys().next().value!);
    csrfTokens.set(key, token);
  }
  return token;
}

/**
 * Form tokens already derived, by secret, CSRF cookie and session: a visitor's pages and form
 * posts ask for the same HMAC again and again. The token is a pure function of its key, so a
 * kept one is exactly what would be computed.
 */
const csrfTokens = new Map<string, string>();
const CSRF_KEPT = 10_000;

/** The form token this request should carry (null when it has no CSRF cookie). */
export function expectedCsrf(req: FastifyRequest, secret: string): string | null {
  const raw = req.cookies[CSRF_COOKIE];
  if (!raw) return null;
  return csrfFor(secret, raw, req.actor?.user ? req.sessionId : null);
}

/** The CSRF token of this visitor, setting the random cookie it is derived from when missing. */
export function csrfToken(req: FastifyRequest, reply: FastifyReply, secret: string): string {
  let raw = req.cookies[CSRF_COOKIE];
  if (!raw || raw.length < 20) raw = rotateCsrf(req, reply);
  return csrfFor(secret, raw, req.actor?.user ? req.sessionId : null);
}

/** Replaces the visitor's CSRF cookie with a new random one (when a session starts). */
export function rotateCsrf(req: FastifyRequest, reply: FastifyReply): string {
  const raw = newToken();
  req.cookies[CSRF_COOKIE] = raw;
  reply.setCookie(CSRF_COOKIE, raw, cookieOptions(req));
  return raw;
}

/**
 * The absolute address of a path, for links read outside the site (password links handed over
 * or sent by e-mail). Built from PUBLIC_URL — on the tambon's own host name, over PUBLIC_URL's
 * scheme and port, when the tambon has one — and never from the request's Host header. Without
 * PUBLIC_URL: http on HOST and PORT (localhost when listening on every address), for one machine.
 */
export function publicUrl(
  config: Pick<Config, "publicUrl" | "host" | "port">,
  path: string,
  tambon?: Pick<Tambon, "host"> | null,
): string {
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    if (tambon?.host) url.hostname = tambon.host;
    return url.origin + path;
  }
  const wildcard = ["", "0.0.0.0", "::", "[::]"].includes(config.host);
  const host = wildcard
    ? "localhost"
    : config.host.includes(":")
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${config.port}${path}`;
}

/** Builds the ViewCtx of a request: language, actor, tenant and menu. */
export function viewCtx(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  nav: NavItem[],
): ViewCtx {
  const path = req.url.split("?")[0] ?? "/";
  return {
    lang: req.lang,
    t: core.t(req.lang),
    actor: req.actor,
    tambon: req.tambon,
    path: req.url,
    flash: req.flash,
    nav: nav.map((n) => ({
      ...n,
      current: n.href === path,
      children: n.children?.map((c) => ({ ...c, current: c.href === path })),
    })),
    csrf: () => csrfToken(req, reply, secret),
    digits: pageDigitStyle(req.lang, req.tambon?.digits),
  };
}

/**
 * The ViewCtx of a fragment kept for every viewer of a tambon's page in one language (a home
 * section): no one is signed in, nothing is flashed, there is no menu and no form token (a kept
 * fragment holds no form that posts), so nothing of one viewer can reach another's page.
 */
export function sharedCtx(tambon: Tambon, lang: Lang): ViewCtx {
  return {
    lang,
    t: core.t(lang),
    actor: ANONYMOUS,
    tambon,
    path: `/t/${tambon.slug}`,
    flash: null,
    nav: [],
    csrf: () => {
      throw new Error("a fragment kept for every viewer holds no form token");
    },
    digits: pageDigitStyle(lang, tambon.digits),
  };
}

/** The element that carries a kept fragment through a render; renderPage takes it away. */
const KEPT = "tambon-kept";

/** Renders part of a page once, to be placed in pages as it is (`KeptHtml`). */
export function renderFragment(ctx: ViewCtx, body: ComponentChildren): string {
  // A fragment placed inside this one is placed now, so that carriers never nest in a page.
  return unwrapKept(renderToString(h(ViewContext.Provider, { value: ctx }, body)));
}

/** HTML rendered before (`renderFragment`), placed in the page as it is, with nothing around it. */
export function KeptHtml({ html }: { html: string }) {
  return h(KEPT, { dangerouslySetInnerHTML: { __html: html } });
}

/** The page without the elements that carried kept fragments (only ever ours: text is escaped). */
function unwrapKept(html: string): string {
  const open = `<${KEPT}>`;
  const close = `</${KEPT}>`;
  let at = html.indexOf(open);
  if (at < 0) return html;
  let out = "";
  let from = 0;
  while (at >= 0) {
    const end = html.indexOf(close, at);
    out += html.slice(from, at) + html.slice(at + open.length, end);
    from = end + close.length;
    at = html.indexOf(open, from);
  }
  return out + html.slice(from);
}

/** Renders a page to an HTML string with the layout around it. */
export function renderPage(
  ctx: ViewCtx,
  title: string,
  body: ComponentChildren,
  description?: string,
  head?: ComponentChildren,
): string {
  const tree = h(
    ViewContext.Provider,
    { value: ctx },
    h(Layout, { title, description, head, fragments: layoutFragments(ctx), children: body }),
  );
  return "<!doctype html>" + pageInDigits(unwrapKept(renderToString(tree)), ctx.digits ?? "arabic");
}

/** Brotli quality of a page kept in the page cache: compressed once, served many times. */
export const PAGE_BROTLI_QUALITY = 4;

/**
 * Brotli quality of a page rendered for one request alone (a signed-in member's): half the
 * time of quality 4 on a 16 KB page (0.12 against 0.23 ms) for 7 % more bytes (4.4 against
 * 4.1 KB; bench/pages.bench.ts measures each level).
 */
export const ONE_REQUEST_BROTLI_QUALITY = 2;

/**
 * Sends a page rendered for this request alone (signed in, or not kept in the page cache),
 * compressed here and at once at a level chosen for latency, where the stream compressor's own
 * machinery cost five times the compression itself.
 */
export function sendHtml(req: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  reply.header("vary", "accept-encoding");
  if (html.length < 1024) return reply.send(html);
  const accept = String(req.headers["accept-encoding"] ?? "");
  const body = Buffer.from(html);
  if (/\bbr\b/.test(accept))
    return reply.header("content-encoding", "br").send(
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: ONE_REQUEST_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  if (/\bgzip\b/.test(accept))
    return reply.header("content-encoding", "gzip").send(gzipSync(body, { level: 4 }));
  return reply.send(body);
}

/** Throws 403 unless the actor may do the action on the resource (a resource of a tambon). */
export function authorize(
  req: FastifyRequest,
  action: string,
  resource: { tambonId: number; ownerId?: number | null },
): void {
  if (!can(req.actor, action, resource)) throw forbidden(!!req.actor.user);
}

/** The request's tambon, once the actor may do the action there (403 otherwise). */
export function allowedTambon(req: FastifyRequest, action: string): Tambon {
  const tambon = currentTambon(req);
  authorize(req, action, { tambonId: tambon.id });
  return tambon;
}

/** Throws 403 unless somebody is signed in; returns the user. */
export function requireUser(req: FastifyRequest) {
  if (!req.actor.user) throw forbidden(false);
  return req.actor.user;
}

/** The tambon of a tambon-scoped request (set by the tenancy hook). */
export function currentTambon(req: FastifyRequest): Tambon {
  if (!req.tambon) throw new Error("route used outside a tambon scope");
  return req.tambon;
}

/** A form body as plain strings (repeated fields keep the last value; see formList for lists). */
export function formBody(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) {
    const value = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof value === "string") out[k] = value;
    else if (
      value &&
      typeof value === "object" &&
      "value" in value &&
      typeof value.value === "string"
    ) {
      out[k] = value.value;
    }
  }
  return out;
}

/** All values of a repeated form field (checkbox groups). */
export function formList(req: FastifyRequest, name: string): string[] {
  const v = ((req.body ?? {}) as Record<string, unknown>)[name];
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr
    .map((x) =>
      typeof x === "string" ? x : x && typeof x === "object" && "value" in x ? String(x.value) : "",
    )
    .filter(Boolean);
}

/**
 * The page of this site a request was sent from (its Referer's path and query), when the Referer
 * names this host and a safe path; undefined otherwise.
 */
export function sameSitePath(req: FastifyRequest): string | undefined {
  const referer = req.headers.referer;
  if (typeof referer !== "string" || referer.length > 2000) return undefined;
  try {
    const url = new URL(referer);
    if (url.host !== req.host) return undefined;
    const path = url.pathname + url.search;
    return isSafePath(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a value is a path on this site: it starts with one "/", holds no backslash or control
 * character (browsers drop tabs and newlines, so "/\t/evil" would become "//evil"), and resolves
 * to the same origin.
 */
export function isSafePath(value: string): boolean {
  if (value.length > 2000 || !/^\/(?![/\\])/.test(value)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const base = "http://same.invalid";
    const url = new URL(value, base);
    return url.origin === base && url.pathname.startsWith("/") && !url.pathname.startsWith("//");
  } catch {
    return false;
  }
}

/** A same-site relative path or the fallback (prevents open redirects). */
export function safeNext(value: unknown, fallback = "/"): string {
  return typeof value === "string" && isSafePath(value) ? value : fallback;
}
