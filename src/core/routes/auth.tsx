import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { asc, eq } from "drizzle-orm";
import type { ModuleDeps } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { useCtx } from "../views/ctx.ts";
import {
  CheckField,
  ErrorSummary,
  Field,
  Form,
  SelectField,
  emptyForm,
  type FormState,
} from "../views/form.tsx";
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
  resetPassword,
  resetTokenUser,
  signUp,
} from "../commands/accounts.ts";
import { translateErrors } from "../result.ts";
import { SESSION_DAYS, createSession, deleteSession } from "../auth/session.ts";
import { audit } from "../audit.ts";
import { HttpError } from "../errors.ts";
import { FixedWindowLimiter } from "../rate-window.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../db/schema.ts";
import { tambonTitle } from "../views/layout.tsx";

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

function LoginPage({ form, next, failed }: { form: FormState; next: string; failed: boolean }) {
  const { t } = useCtx();
  return (
    <>
      <h1>{t("login.title")}</h1>
      {failed && (
        <p class="error-summary" role="alert">
          {t("login.failed")}
        </p>
      )}
      <Form action={`/login?next=${encodeURIComponent(next)}`} label={t("login.title")}>
        <Field
          form={form}
          name="identifier"
          label={t("login.identifier")}
          required
          autocomplete="username"
        />
        <Field
          form={form}
          name="password"
          type="password"
          label={t("login.password")}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t("login.submit")}</button>
      </Form>
      <p>{t("login.noAccount")}</p>
      <p class="muted">{t("login.forgot")}</p>
    </>
  );
}

/** Starts a session in the browser; a new session gets a new CSRF cookie as well. */
function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_DAYS * 86400));
  rotateCsrf(req, reply);
}

interface AccountData {
  user: typeof users.$inferSelect;
  memberships: {
    slug: string;
    tambon: typeof tambons.$inferSelect;
    status: string;
    roles: string[];
    village: { moo: number; nameTh: string; nameEn: string } | null;
  }[];
}

function AccountPage({ data, form }: { data: AccountData; form: FormState }) {
  const { t, lang } = useCtx();
  const u = data.user;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl>
        <dt>{t("people.name")}</dt>
        <dd>{u.name}</dd>
        {u.username && (
          <>
            <dt>{t("account.username")}</dt>
            <dd>{u.username}</dd>
          </>
        )}
        {(u.phone || u.email) && (
          <>
            <dt>{t("people.contact")}</dt>
            <dd>{[u.phone, u.email].filter(Boolean).join(" · ")}</dd>
          </>
        )}
      </dl>
      <h2>{t("account.memberships")}</h2>
      {u.isPlatformAdmin && <p class="badge">{t("role.platform_admin")}</p>}
      <ul>
        {data.memberships.map((m) => (
          <li key={m.slug}>
            <a href={`/t/${m.slug}`}>{tambonTitle(m.tambon, lang)}</a>
            {m.village && (
              <>
                {" "}
                · {t("village.mooN", { n: m.village.moo })}{" "}
                {lang === "en" && m.village.nameEn ? m.village.nameEn : m.village.nameTh}
              </>
            )}{" "}
            · {t(`status.${m.status}` as "status.active")}
            <div>
              {m.roles.map((r) => (
                <span class="badge" key={r}>
                  {t(`role.${r}` as "role.member")}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <h2 id="password">{t("account.changePassword")}</h2>
      <ErrorSummary form={form} />
      <Form action="/account/password" label={t("account.changePassword")}>
        <Field
          form={form}
          name="current"
          type="password"
          label={t("account.currentPassword")}
          required
          autocomplete="current-password"
        />
        <Field
          form={form}
          name="password"
          type="password"
          label={t("account.newPassword")}
          hint={t("signup.passwordHint")}
          required
          autocomplete="new-password"
        />
        <Field
          form={form}
          name="password2"
          type="password"
          label={t("signup.password2")}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t("account.changePassword")}</button>
      </Form>
    </>
  );
}

function ResetPage({ form, token, valid }: { form: FormState; token: string; valid: boolean }) {
  const { t } = useCtx();
  return (
    <>
      <h1>{t("reset.title")}</h1>
      {!valid ? (
        <p class="error-summary" role="alert">
          {t("reset.invalid")}
        </p>
      ) : (
        <>
          <ErrorSummary form={form} />
          <Form action={`/reset/${encodeURIComponent(token)}`} label={t("reset.title")}>
            <Field
              form={form}
              name="password"
              type="password"
              label={t("account.newPassword")}
              hint={t("signup.passwordHint")}
              required
              autocomplete="new-password"
            />
            <Field
              form={form}
              name="password2"
              type="password"
              label={t("signup.password2")}
              required
              autocomplete="new-password"
            />
            <button type="submit">{t("form.save")}</button>
          </Form>
        </>
      )}
    </>
  );
}

/** Log in and out, my account, password reset by token. */
export function authRoutes(deps: ModuleDeps): FastifyPluginAsync {
  const db = deps.database.db;
  const loginsPerAddress = new FixedWindowLimiter(
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
          if (!loginsPerAddress.hit(req.ip)) throw new HttpError(429, "error.429");
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
      if (token) {
        await db.transaction(async (tx) => {
          await deleteSession(tx, token);
          if (req.actor.user) {
            await audit(tx, {
              tambonId: null,
              actorId: req.actor.user.id,
              action: "session.logout",
              targetType: "user",
              targetId: req.actor.user.id,
            });
          }
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.seeOther("/", core.t(req.lang)("login.loggedOut"));
    });

    async function accountData(userId: number): Promise<AccountData> {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      const members = await db
        .select({
          tambon: tambons,
          status: tambonMembers.status,
          village: villages.nameTh,
          villageEn: villages.nameEn,
          moo: villages.moo,
        })
        .from(tambonMembers)
        .innerJoin(tambons, eq(tambons.id, tambonMembers.tambonId))
        .leftJoin(villages, eq(villages.id, tambonMembers.villageId))
        .where(eq(tambonMembers.userId, userId))
        .orderBy(asc(tambons.nameTh));
      const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
      return {
        user: user!,
        memberships: members.map((m) => ({
          slug: m.tambon.slug,
          tambon: m.tambon,
          status: m.status,
          village: m.moo
            ? { moo: m.moo, nameTh: m.village ?? "", nameEn: m.villageEn ?? "" }
            : null,
          roles: grants.filter((g) => g.tambonId === m.tambon.id).map((g) => g.role),
        })),
      };
    }

    app.get("/account", async (req, reply) => {
      const user = requireUser(req);
      return reply.page(
        core.t(req.lang)("account.title"),
        <AccountPage data={await accountData(user.id)} form={emptyForm()} />,
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
          const form = { values: {}, errors: translateErrors(result.errors, req.lang) };
          return reply.page(
            t("account.title"),
            <AccountPage data={await accountData(user.id)} form={form} />,
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
          const form = { values: {}, errors: translateErrors(result.errors, req.lang) };
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

function SignupPage({
  form,
  villageOptions,
}: {
  form: FormState;
  villageOptions: { value: string; label: string }[];
}) {
  const { t, tambon, lang } = useCtx();
  return (
    <>
      <h1>{t("signup.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <p>{t("signup.intro")}</p>
      <ErrorSummary form={form} />
      <Form action={`/t/${tambon!.slug}/signup`} label={t("signup.submit")}>
        <Field
          form={form}
          name="name"
          label={t("signup.name")}
          required
          autocomplete="name"
          maxLength={120}
        />
        <Field
          form={form}
          name="phone"
          type="tel"
          label={t("signup.phone")}
          hint={t("signup.contactHint")}
          autocomplete="tel"
          inputmode="tel"
        />
        <Field
          form={form}
          name="email"
          type="email"
          label={t("signup.email")}
          hint={t("signup.contactHint")}
          autocomplete="email"
        />
        <SelectField
          form={form}
          name="village"
          label={t("signup.village")}
          options={villageOptions}
          required
        />
        <Field
          form={form}
          name="password"
          type="password"
          label={t("signup.password")}
          hint={t("signup.passwordHint")}
          required
          autocomplete="new-password"
        />
        <Field
          form={form}
          name="password2"
          type="password"
          label={t("signup.password2")}
          required
          autocomplete="new-password"
        />
        <CheckField form={form} name="consent" label={t("signup.consent")} />
        <button type="submit">{t("signup.submit")}</button>
      </Form>
    </>
  );
}

/** Sign-up inside a tambon. */
export function signupRoutes(deps: ModuleDeps): FastifyPluginAsync {
  const db = deps.database.db;
  const villageOptions = async (tambonId: number, lang: "th" | "en") =>
    (
      await db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, tambonId))
        .orderBy(asc(villages.moo))
    ).map((v) => ({
      value: String(v.id),
      label: `${core.t(lang)("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`,
    }));
  return async (app) => {
    app.get("/signup", async (req, reply) => {
      const tambon = currentTambon(req);
      const t = core.t(req.lang);
      return reply.page(
        t("nav.signup"),
        <SignupPage
          form={emptyForm()}
          villageOptions={await villageOptions(tambon.id, req.lang)}
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
        const form = { values, errors: translateErrors(result.errors, req.lang) };
        return reply.page(
          t("nav.signup"),
          <SignupPage form={form} villageOptions={await villageOptions(tambon.id, req.lang)} />,
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
