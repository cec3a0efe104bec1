import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { emptyForm, failedForm } from "../views/form.tsx";
import {
  SESSION_COOKIE,
  cookieOptions,
  currentTambon,
  formBody,
  requireUser,
  rotateCsrf,
  safeNext,
} from "../http.ts";
import {
  changePassword,
  logIn,
  logOut,
  resetPassword,
  resetTokenUser,
  signUp,
} from "../commands/accounts.ts";
import { SESSION_DAYS, createSession } from "../auth/session.ts";
import { HttpError } from "../errors.ts";
import { rateWindow } from "../rate-window.ts";
import { accountData } from "../queries/account.ts";
import { villageOptions } from "../queries/villages.ts";
import { LoginPage, ResetPage } from "../views/auth/login.tsx";
import { AccountPage } from "../views/auth/account.tsx";
import { SignupPage } from "../views/auth/signup.tsx";

/** Rate limit of sign-up, password and reset forms: per address, per minute. */
export const AUTH_RATE_LIMIT = { max: 10, timeWindow: "1 minute" };

/**
 * Rate limit of login: 10 tries a minute for one account from one address (guessing), without
 * locking out the many people who share one mobile-carrier address.
 */
export const LOGIN_RATE_LIMIT = {
  max: 10,
  timeWindow: "1 minute",
  keyGenerator: (req: FastifyRequest) => {
    const id = (req.body as Record<string, unknown> | undefined)?.identifier;
    return `${req.ip}|${typeof id === "string" ? id.trim().toLowerCase().slice(0, 100) : ""}`;
  },
};

/**
 * Rate limit of login across accounts from one address (trying many accounts): generous, as a
 * village meeting may log in from one mobile-carrier address.
 */
export const LOGINS_PER_ADDRESS = { max: 100, windowMs: 10 * 60_000 };

/** Starts a session in the browser; a new session gets a new CSRF cookie as well. */
function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_DAYS * 86400));
  rotateCsrf(req, reply);
}

/** Log in and out, my account, password reset by token. */
export function authRoutes(deps: ModuleDeps): FastifyPluginAsync {
  const db = deps.database.db;
  // Shared by every instance on PostgreSQL (as the plugin's per-account limit is).
  const loginsPerAddress = rateWindow(
    deps.database,
    "login-address",
    LOGINS_PER_ADDRESS.max,
    LOGINS_PER_ADDRESS.windowMs,
  );
  return async (app) => {
    app.get<{ Querystring: { next?: string } }>("/login", async (req, reply) => {
      const next = safeNext(req.query.next);
      return reply.page(
        core.t(req.lang)("login.title"),
        <LoginPage form={emptyForm()} next={next} failed={false} />,
      );
    });

    app.post<{ Querystring: { next?: string } }>(
      "/login",
      {
        config: { rateLimit: LOGIN_RATE_LIMIT },
        onRequest: async (req) => {
          if (!(await loginsPerAddress.hit(req.ip))) throw new HttpError(429, "error.429");
        },
      },
      async (req, reply) => {
        const body = formBody(req);
        const next = safeNext(req.query.next);
        const result = await logIn(
          db,
          body.identifier ?? "",
          body.password ?? "",
          req.headers["user-agent"] ?? "",
        );
        if (!result) {
          return reply.page(
            core.t(req.lang)("login.title"),
            <LoginPage
              form={emptyForm({ identifier: body.identifier ?? "" })}
              next={next}
              failed
            />,
            { status: 401 },
          );
        }
        setSessionCookie(req, reply, result.token);
        if (!req.cookies.tlang)
          reply.setCookie("tlang", result.user.lang, {
            ...cookieOptions(req, 365 * 86400),
            httpOnly: false,
          });
        return reply.seeOther(
          next,
          core.t(result.user.lang)("login.welcome", { name: result.user.name }),
        );
      },
    );

    app.post("/logout", async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(db, token, req.actor.user?.id ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.seeOther("/", core.t(req.lang)("login.loggedOut"));
    });

    app.get("/account", async (req, reply) => {
      const user = requireUser(req);
      return reply.page(
        core.t(req.lang)("account.title"),
        <AccountPage data={await accountData(db, user.id)} form={emptyForm()} />,
      );
    });

    app.post(
      "/account/password",
      { config: { rateLimit: AUTH_RATE_LIMIT } },
      async (req, reply) => {
        const user = requireUser(req);
        const b = formBody(req);
        const result = await changePassword(
          db,
          user.id,
          b.current ?? "",
          b.password ?? "",
          b.password2 ?? "",
          req.headers["user-agent"] ?? "",
        );
        const t = core.t(req.lang);
        if (!result.ok) {
          const form = failedForm({}, result.errors, req.lang);
          return reply.page(
            t("account.title"),
            <AccountPage data={await accountData(db, user.id)} form={form} />,
            { status: 422 },
          );
        }
        setSessionCookie(req, reply, result.value);
        return reply.seeOther("/account", t("account.passwordChanged"));
      },
    );

    app.get<{ Params: { token: string } }>("/reset/:token", async (req, reply) => {
      const valid = !!(await resetTokenUser(db, req.params.token));
      return reply.page(
        core.t(req.lang)("reset.title"),
        <ResetPage form={emptyForm()} token={req.params.token} valid={valid} />,
        {
          status: valid ? 200 : 404,
        },
      );
    });

    app.post<{ Params: { token: string } }>(
      "/reset/:token",
      { config: { rateLimit: AUTH_RATE_LIMIT } },
      async (req, reply) => {
        const b = formBody(req);
        const t = core.t(req.lang);
        const result = await resetPassword(
          db,
          req.params.token,
          b.password ?? "",
          b.password2 ?? "",
        );
        if (!result.ok) {
          const valid = !!(await resetTokenUser(db, req.params.token));
          const form = failedForm({}, result.errors, req.lang);
          return reply.page(
            t("reset.title"),
            <ResetPage form={form} token={req.params.token} valid={valid} />,
            { status: 422 },
          );
        }
        return reply.seeOther("/login", t("reset.done"));
      },
    );
  };
}

/** Sign-up inside a tambon. */
export function signupRoutes(deps: ModuleDeps): FastifyPluginAsync {
  const db = deps.database.db;
  return async (app) => {
    app.get("/signup", async (req, reply) => {
      const tambon = currentTambon(req);
      const t = core.t(req.lang);
      return reply.page(
        t("nav.signup"),
        <SignupPage
          form={emptyForm()}
          villageOptions={await villageOptions(db, tambon.id, req.lang)}
        />,
      );
    });
    app.post("/signup", { config: { rateLimit: AUTH_RATE_LIMIT } }, async (req, reply) => {
      const tambon = currentTambon(req);
      const t = core.t(req.lang);
      const body = formBody(req);
      const result = await signUp(db, tambon.id, body);
      if (!result.ok) {
        const { password: _p, password2: _p2, ...values } = body;
        const form = failedForm(values, result.errors, req.lang);
        return reply.page(
          t("nav.signup"),
          <SignupPage form={form} villageOptions={await villageOptions(db, tambon.id, req.lang)} />,
          {
            status: 422,
          },
        );
      }
      const token = await createSession(db, result.value, req.headers["user-agent"] ?? "");
      setSessionCookie(req, reply, token);
      return reply.seeOther(`/t/${tambon.slug}`, t("signup.done"));
    });
  };
}
