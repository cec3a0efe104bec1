import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Db } from "../db/index.ts";
import path from "node:path";
import type { ModuleDeps, TambonModule } from "../modules.ts";
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
import { authorize, currentTambon, formBody, formList, publicUrl, requireUser } from "../http.ts";
import { can } from "../policy.ts";
import { ROLES } from "../roles.ts";
import { auditLog, roleGrants, tambonMembers, users, villages } from "../db/schema.ts";
import { saveVillage, updateTambonSettings, type Village } from "../commands/tambons.ts";
import {
  createAccountForPerson,
  issueResetToken,
  setMemberStatus,
  setRoles,
} from "../commands/accounts.ts";
import { translateErrors } from "../result.ts";
import { formatDateTime } from "../dates.ts";
import { notFound } from "../errors.ts";
import { parseDay, parsePage, parseSearch, requireId } from "../params.ts";
import { tambonTitle } from "../views/layout.tsx";
import type { Tambon } from "../tenancy.ts";
import { readUploads, uploadError, uploadRoute } from "../uploads.ts";
import { LOGO_MAX_PIXELS, LOGO_NAME, LOGO_UPLOAD, storeLogo, tambonUploadsDir } from "../files.ts";

const PAGE = 50;

function AdminHome({ links }: { links: { href: string; label: string }[] }) {
  const { t, tambon, lang } = useCtx();
  return (
    <>
      <h1>{t("admin.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <ul class="cards">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function BackLink() {
  const { t, tambon } = useCtx();
  return (
    <p>
      <a href={tambon ? `/t/${tambon.slug}/admin` : "/admin"}>← {t("admin.back")}</a>
    </p>
  );
}

function settingsValues(tb: Tambon): Record<string, string> {
  return {
    nameTh: tb.nameTh,
    nameEn: tb.nameEn,
    kind: tb.kind,
    address: tb.address,
    phone: tb.phone,
    email: tb.email,
    siteOpened: tb.siteOpened ?? "",
    ownerTh: tb.ownerTh,
    ownerEn: tb.ownerEn,
    host: tb.host ?? "",
    minRepsPerVillage: String(tb.minRepsPerVillage),
  };
}

function SettingsPage({ form }: { form: FormState }) {
  const { t, tambon } = useCtx();
  const tb = tambon!;
  return (
    <>
      <BackLink />
      <h1>{t("admin.settings")}</h1>
      <ErrorSummary form={form} />
      <Form action={`/t/${tb.slug}/admin/settings`} multipart label={t("admin.settings")}>
        <Field form={form} name="nameTh" label={t("settings.nameTh")} required />
        <Field form={form} name="nameEn" label={t("settings.nameEn")} required />
        <SelectField
          form={form}
          name="kind"
          label={t("settings.kind")}
          required
          placeholder={false}
          options={[
            { value: "sao", label: t("kind.sao") },
            { value: "municipality", label: t("kind.municipality") },
          ]}
        />
        <Field form={form} name="address" label={t("settings.address")} />
        <Field form={form} name="phone" type="tel" label={t("settings.phone")} />
        <Field form={form} name="email" type="email" label={t("settings.email")} />
        <Field form={form} name="siteOpened" type="date" label={t("settings.siteOpened")} />
        <Field form={form} name="ownerTh" label={t("settings.ownerTh")} />
        <Field form={form} name="ownerEn" label={t("settings.ownerEn")} />
        <Field
          form={form}
          name="host"
          label={t("settings.host")}
          hint={t("settings.hostHint", { slug: tb.slug })}
        />
        <Field
          form={form}
          name="minRepsPerVillage"
          type="number"
          label={t("settings.minReps")}
          required
          inputmode="numeric"
        />
        <div class={form.errors.logo ? "field has-error" : "field"}>
          <label for="f-logo">{t("settings.logo")}</label>
          <p class="hint" id="f-logo-hint">
            {t("settings.logoHint")}
          </p>
          {form.errors.logo && (
            <p class="error" id="f-logo-err">
              {form.errors.logo}
            </p>
          )}
          <input
            id="f-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            aria-describedby="f-logo-hint"
          />
        </div>
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}

function VillagesAdmin({
  rows,
  form,
  editing,
}: {
  rows: Village[];
  form: FormState;
  editing: Village | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/villages`;
  return (
    <>
      <BackLink />
      <h1>{t("admin.villages")}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("village.moo")}</th>
              <th scope="col">{t("village.name")}</th>
              <th scope="col">{t("village.code")}</th>
              <th scope="col" class="num">
                {t("village.households")}
              </th>
              <th scope="col" class="num">
                {t("village.population")}
              </th>
              <th scope="col">
                <span class="muted">{t("village.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.id}>
                <td>{v.moo}</td>
                <td>{v.nameTh}</td>
                <td>{v.code}</td>
                <td class="num">{v.households ?? "–"}</td>
                <td class="num">{v.population ?? "–"}</td>
                <td>
                  <a
                    href={`${base}/${v.id}`}
                    aria-label={`${t("village.edit")} ${t("village.mooN", { n: v.moo })}`}
                  >
                    {t("village.edit")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="village-form">
        {editing
          ? `${t("village.edit")} ${t("village.mooN", { n: editing.moo })}`
          : t("village.add")}
      </h2>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${base}/${editing.id}` : base}
        label={editing ? t("village.edit") : t("village.add")}
      >
        <Field
          form={form}
          name="moo"
          type="number"
          label={t("village.moo")}
          required
          inputmode="numeric"
        />
        <Field form={form} name="nameTh" label={t("village.name")} required />
        <Field form={form} name="nameEn" label={t("village.nameEn")} />
        <Field
          form={form}
          name="code"
          label={t("village.code")}
          inputmode="numeric"
          hint={`${tambon!.dopaCode}xx`}
        />
        <Field
          form={form}
          name="households"
          type="number"
          label={t("village.households")}
          inputmode="numeric"
        />
        <Field
          form={form}
          name="population"
          type="number"
          label={t("village.population")}
          inputmode="numeric"
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}

interface PersonRow {
  id: number;
  name: string;
  username: string | null;
  phone: string | null;
  email: string | null;
  status: string;
  villageMoo: number | null;
  roles: string[];
}

function PeopleList(props: {
  rows: PersonRow[];
  q: string;
  role: string;
  page: number;
  more: boolean;
  form: FormState;
  villageOptions: { value: string; label: string }[];
  canCreate: boolean;
  created: { username: string; url: string } | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/people`;
  const qs = (page: number) =>
    `${base}?q=${encodeURIComponent(props.q)}&role=${encodeURIComponent(props.role)}&page=${page}`;
  return (
    <>
      <BackLink />
      <h1>{t("admin.people")}</h1>
      {props.created && (
        <div class="flash" role="status">
          <p>{t("people.created", { username: props.created.username })}</p>
          <p>{t("people.resetLink", { url: props.created.url })}</p>
        </div>
      )}
      <form method="get" action={base} class="filters" role="search">
        <div class="field">
          <label for="q">{t("people.search")}</label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <div class="field">
          <label for="role">{t("people.roles")}</label>
          <select id="role" name="role">
            <option value="">{t("people.anyRole")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r} selected={r === props.role}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t("form.filter")}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t("people.none")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col">{t("people.contact")}</th>
                <th scope="col">{t("people.village")}</th>
                <th scope="col">{t("account.status")}</th>
                <th scope="col">{t("people.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`${base}/${p.id}`}>{p.name}</a>
                  </td>
                  <td>{[p.phone, p.email, p.username].filter(Boolean).join(" · ")}</td>
                  <td>{p.villageMoo ? t("village.mooN", { n: p.villageMoo }) : "–"}</td>
                  <td>{t(`status.${p.status}` as "status.active")}</td>
                  <td>
                    {p.roles.map((r) => (
                      <span class="badge" key={r}>
                        {t(`role.${r}` as "role.member")}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t("people.page", { page: props.page })}>
        {props.page > 1 && <a href={qs(props.page - 1)}>{t("people.prev")}</a>}
        <span>{t("people.page", { page: props.page })}</span>
        {props.more && <a href={qs(props.page + 1)}>{t("people.next")}</a>}
      </nav>
      {props.canCreate && (
        <>
          <h2 id="create">{t("people.create")}</h2>
          <p class="hint">{t("people.createHint")}</p>
          <ErrorSummary form={props.form} />
          <Form action={base} label={t("people.create")}>
            <Field form={props.form} name="name" label={t("signup.name")} required />
            <Field form={props.form} name="phone" type="tel" label={t("signup.phone")} />
            <Field form={props.form} name="email" type="email" label={t("signup.email")} />
            <SelectField
              form={props.form}
              name="village"
              label={t("signup.village")}
              options={props.villageOptions}
            />
            <button type="submit">{t("form.create")}</button>
          </Form>
        </>
      )}
    </>
  );
}

function PersonPage({
  person,
  canManage,
  resetUrl,
}: {
  person: PersonRow;
  canManage: boolean;
  resetUrl: string | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/people/${person.id}`;
  const form = emptyForm(Object.fromEntries(person.roles.map((r) => [`role_${r}`, "1"])));
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/people`}>← {t("admin.people")}</a>
      </p>
      <h1>{person.name}</h1>
      <p>
        {[person.phone, person.email, person.username].filter(Boolean).join(" · ")} ·{" "}
        {t(`status.${person.status}` as "status.active")}
      </p>
      {resetUrl && (
        <p class="flash" role="status">
          {t("people.resetLink", { url: resetUrl })}
        </p>
      )}
      <div class="actions">
        {person.status !== "active" && (
          <Form action={`${base}/status`}>
            <input type="hidden" name="status" value="active" />
            <button type="submit">
              {person.status === "removed" ? t("people.reinstate") : t("people.verify")}
            </button>
          </Form>
        )}
        {canManage && person.status !== "removed" && (
          <Form action={`${base}/status`}>
            <input type="hidden" name="status" value="removed" />
            <button type="submit" class="danger">
              {t("people.remove")}
            </button>
          </Form>
        )}
        <Form action={`${base}/reset`}>
          <button type="submit" class="secondary">
            {t("people.makeResetLink")}
          </button>
        </Form>
      </div>
      {canManage && (
        <>
          <h2>{t("people.roles")}</h2>
          <Form action={`${base}/roles`} label={t("people.roles")}>
            <fieldset>
              <legend>{t("people.roles")}</legend>
              {ROLES.map((r) => (
                <CheckField
                  key={r}
                  form={form}
                  name={`role_${r}`}
                  label={t(`role.${r}`)}
                  value={r}
                />
              ))}
            </fieldset>
            <button type="submit">{t("form.save")}</button>
          </Form>
        </>
      )}
    </>
  );
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function AuditPage(props: {
  rows: AuditRow[];
  filters: Record<string, string>;
  more: boolean;
  page: number;
  actions: string[];
  base: string;
  title: string;
}) {
  const { t, lang } = useCtx();
  const base = props.base;
  const f = props.filters;
  const qs = (page: number) =>
    `${base}?${new URLSearchParams({ ...f, page: String(page) }).toString()}`;
  const show = (v: Record<string, unknown> | null) =>
    v && Object.keys(v).length ? JSON.stringify(v, null, 1) : "";
  return (
    <>
      <BackLink />
      <h1>{props.title}</h1>
      <form method="get" action={base} class="filters" role="search">
        <div class="field">
          <label for="a-action">{t("audit.action")}</label>
          <select id="a-action" name="action">
            <option value="">{t("form.choose")}</option>
            {props.actions.map((a) => (
              <option key={a} value={a} selected={a === f.action}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="a-who">{t("audit.who")}</label>
          <input id="a-who" name="who" type="search" value={f.who ?? ""} />
        </div>
        <div class="field">
          <label for="a-from">{t("audit.from")}</label>
          <input id="a-from" name="from" type="date" value={f.from ?? ""} />
        </div>
        <div class="field">
          <label for="a-to">{t("audit.to")}</label>
          <input id="a-to" name="to" type="date" value={f.to ?? ""} />
        </div>
        <button type="submit" class="secondary">
          {t("form.filter")}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("admin.audit")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at, lang)}</td>
                  <td>{r.actor ?? t("audit.system")}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.targetType} {r.targetId}
                  </td>
                  <td>
                    <pre class="audit">
                      {show(r.before)}
                      {r.before && r.after ? " → " : ""}
                      {show(r.after)}
                    </pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t("people.page", { page: props.page })}>
        {props.page > 1 && <a href={qs(props.page - 1)}>{t("people.prev")}</a>}
        <span>{t("people.page", { page: props.page })}</span>
        {props.more && <a href={qs(props.page + 1)}>{t("people.next")}</a>}
      </nav>
    </>
  );
}

/** The audit log of one tambon, or of the network (rows without a tambon), filtered and paged. */
export async function auditPage(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  where: { tambonId: number | null; base: string; title: string },
) {
  const q = req.query as Record<string, string | undefined>;
  const page = parsePage(q.page);
  const from = parseDay(q.from);
  const to = parseDay(q.to);
  const scope =
    where.tambonId === null ? isNull(auditLog.tambonId) : eq(auditLog.tambonId, where.tambonId);
  const conds: SQL[] = [scope];
  const filters: Record<string, string> = {};
  if (q.action) {
    conds.push(eq(auditLog.action, q.action));
    filters.action = q.action;
  }
  if (q.who) {
    conds.push(ilike(users.name, `%${q.who.replace(/[%_\\]/g, (c) => "\\" + c)}%`));
    filters.who = q.who;
  }
  if (from) {
    conds.push(gte(auditLog.at, new Date(`${from}T00:00:00+07:00`)));
    filters.from = from;
  }
  if (to) {
    conds.push(lt(auditLog.at, new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86400_000)));
    filters.to = to;
  }
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.name,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(PAGE + 1)
    .offset((page - 1) * PAGE);
  const actions = (
    await db
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(scope)
      .orderBy(asc(auditLog.action))
  ).map((r) => r.action);
  return reply.page(
    where.title,
    <AuditPage
      base={where.base}
      title={where.title}
      rows={rows.slice(0, PAGE)}
      filters={filters}
      more={rows.length > PAGE}
      page={page}
      actions={actions}
    />,
  );
}

/** The tambon administration: settings, villages, people and roles, audit log. */
export function tambonAdminRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;

  async function people(
    tambonId: number,
    opts: { q?: string; role?: string; page?: number; userId?: number },
  ) {
    const conds: SQL[] = [eq(tambonMembers.tambonId, tambonId)];
    if (opts.userId) conds.push(eq(users.id, opts.userId));
    if (opts.q) {
      const like = `%${opts.q.replace(/[%_\\]/g, (c) => "\\" + c)}%`;
      conds.push(
        or(
          ilike(users.name, like),
          ilike(users.phone, like),
          ilike(users.email, like),
          ilike(users.username, like),
        )!,
      );
    }
    if (opts.role) {
      conds.push(
        sql`exists (select 1 from ${roleGrants} where ${roleGrants.tambonId} = ${tambonId} and ${roleGrants.userId} = ${users.id} and ${roleGrants.role} = ${opts.role})`,
      );
    }
    const page = opts.page ?? 1;
    const rows = await db
      .select({
        id: users.id,
        name: users.name,
        username: users.username,
        phone: users.phone,
        email: users.email,
        status: tambonMembers.status,
        villageMoo: villages.moo,
      })
      .from(tambonMembers)
      .innerJoin(users, eq(users.id, tambonMembers.userId))
      .leftJoin(
        villages,
        and(eq(villages.id, tambonMembers.villageId), eq(villages.tambonId, tambonId)),
      )
      .where(and(...conds))
      .orderBy(asc(users.name), asc(users.id))
      .limit(PAGE + 1)
      .offset((page - 1) * PAGE);
    const ids = rows.map((r) => r.id);
    const grants = ids.length
      ? await db
          .select()
          .from(roleGrants)
          .where(and(eq(roleGrants.tambonId, tambonId), inArray(roleGrants.userId, ids)))
      : [];
    const result: PersonRow[] = rows.slice(0, PAGE).map((r) => ({
      ...r,
      roles: ROLES.filter((role) => grants.some((g) => g.userId === r.id && g.role === role)),
    }));
    return { rows: result, more: rows.length > PAGE };
  }

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

  async function peoplePage(
    req: FastifyRequest,
    form: FormState,
    created: { username: string; url: string } | null,
  ) {
    const tambon = currentTambon(req);
    const q = req.query as Record<string, string | undefined>;
    const page = parsePage(q.page);
    const role = ROLES.find((r) => r === q.role) ?? "";
    const { rows, more } = await people(tambon.id, {
      q: parseSearch(q.q),
      role,
      page,
    });
    return (
      <PeopleList
        rows={rows}
        q={q.q ?? ""}
        role={role}
        page={page}
        more={more}
        form={form}
        villageOptions={await villageOptions(tambon.id, req.lang)}
        canCreate={can(req.actor, "account.create", { tambonId: tambon.id })}
        created={created}
      />
    );
  }

  function resetUrl(req: FastifyRequest, token: string) {
    return publicUrl(deps.config, `/reset/${token}`, currentTambon(req));
  }

  async function findPerson(tambonId: number, id: string) {
    const userId = requireId(id);
    const { rows } = await people(tambonId, { userId });
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  return async (app) => {
    app.get("/admin", async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const t = core.t(req.lang);
      const base = `/t/${tambon.slug}/admin`;
      const links: { href: string; label: string }[] = [];
      if (can(req.actor, "tambon.manage", { tambonId: tambon.id })) {
        links.push({ href: `${base}/settings`, label: t("admin.settings") });
        links.push({ href: `${base}/villages`, label: t("admin.villages") });
      }
      if (can(req.actor, "account.create", { tambonId: tambon.id }))
        links.push({ href: `${base}/people`, label: t("admin.people") });
      if (can(req.actor, "audit.read", { tambonId: tambon.id }))
        links.push({ href: `${base}/audit`, label: t("admin.audit") });
      for (const mod of modules) {
        for (const n of mod.adminNav ?? []) {
          if (!n.visible || n.visible(req.actor, tambon))
            links.push({ href: `${base}${n.path}`, label: n.label(req.lang) });
        }
      }
      if (!links.length) authorize(req, "tambon.manage", { tambonId: tambon.id });
      return reply.page(
        t("admin.title", { tambon: tambonTitle(tambon, req.lang) }),
        <AdminHome links={links} />,
      );
    });

    app.get("/admin/settings", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.manage", { tambonId: tambon.id });
      return reply.page(
        core.t(req.lang)("admin.settings"),
        <SettingsPage form={emptyForm(settingsValues(tambon))} />,
      );
    });

    app.post("/admin/settings", uploadRoute(LOGO_UPLOAD), async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.manage", { tambonId: tambon.id });
      const t = core.t(req.lang);
      const body = formBody(req);
      const got = readUploads(req, "logo");
      const [file] = got.files;
      let logoPath: string | undefined;
      let logoError = uploadError(req, got);
      if (file && !logoError) {
        const stored = await storeLogo(deps.config.dataDir, tambon.id, file.data);
        if (stored.ok) logoPath = `/t/${tambon.slug}/uploads/${stored.name}`;
        else if (stored.reason === "tooManyPixels")
          logoError = {
            key: "upload.tooManyPixels",
            vars: { name: file.filename, mp: LOGO_MAX_PIXELS / 1_000_000 },
          };
        else logoError = { key: "err.image" };
      }
      if (logoError) {
        const form = { values: body, errors: { logo: t(logoError.key, logoError.vars) } };
        return reply.page(t("admin.settings"), <SettingsPage form={form} />, { status: 422 });
      }
      const result = await updateTambonSettings(db, req.actor, tambon, body, logoPath);
      if (!result.ok) {
        const form = { values: body, errors: translateErrors(result.errors, req.lang) };
        return reply.page(t("admin.settings"), <SettingsPage form={form} />, { status: 422 });
      }
      await deps.tambons.reload();
      return reply.seeOther(`/t/${result.value.slug}/admin/settings`, t("form.saved"));
    });

    app.get<{ Params: { name: string } }>("/uploads/:name", async (req, reply) => {
      const tambon = currentTambon(req);
      const name = req.params.name;
      // Logos are always pixels (an SVG one is drawn into a WebP); no SVG is served from uploads.
      if (!LOGO_NAME.test(name)) throw notFound();
      const { readFile } = await import("node:fs/promises");
      try {
        const buf = await readFile(
          path.join(tambonUploadsDir(deps.config.dataDir, tambon.id), name),
        );
        const ext = name.split(".").pop()!;
        const type = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" }[ext]!;
        return reply
          .header("content-type", type)
          .header("cache-control", "public, max-age=31536000, immutable")
          .header(
            "content-security-policy",
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          )
          .send(buf);
      } catch {
        throw notFound();
      }
    });

    async function villagesPage(
      req: FastifyRequest,
      form: FormState,
      editing: Village | null,
      status = 200,
    ) {
      const tambon = currentTambon(req);
      const rows = await db
        .select()
        .from(villages)
        .where(eq(villages.tambonId, tambon.id))
        .orderBy(asc(villages.moo));
      return { rows, node: <VillagesAdmin rows={rows} form={form} editing={editing} />, status };
    }
    const villageValues = (v: Village) => ({
      moo: String(v.moo),
      nameTh: v.nameTh,
      nameEn: v.nameEn,
      code: v.code,
      households: v.households == null ? "" : String(v.households),
      population: v.population == null ? "" : String(v.population),
    });

    app.get("/admin/villages", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.manage", { tambonId: tambon.id });
      const p = await villagesPage(req, emptyForm(), null);
      return reply.page(core.t(req.lang)("admin.villages"), p.node);
    });

    app.get<{ Params: { id: string } }>("/admin/villages/:id", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.manage", { tambonId: tambon.id });
      const [v] = await db
        .select()
        .from(villages)
        .where(and(eq(villages.id, requireId(req.params.id)), eq(villages.tambonId, tambon.id)));
      if (!v) throw notFound();
      const p = await villagesPage(req, emptyForm(villageValues(v)), v);
      return reply.page(core.t(req.lang)("village.edit"), p.node);
    });

    const saveVillageRoute = async (req: FastifyRequest, id?: number) => {
      const tambon = currentTambon(req);
      authorize(req, "tambon.manage", { tambonId: tambon.id });
      const body = formBody(req);
      let editing: Village | null = null;
      if (id !== undefined) {
        const [v] = await db
          .select()
          .from(villages)
          .where(and(eq(villages.id, id), eq(villages.tambonId, tambon.id)));
        if (!v) throw notFound();
        editing = v;
      }
      const result = await saveVillage(db, req.actor, tambon, body, editing?.id);
      return { result, body, editing, tambon };
    };

    app.post("/admin/villages", async (req, reply) => {
      const { result, body, tambon } = await saveVillageRoute(req);
      const t = core.t(req.lang);
      if (!result.ok) {
        const p = await villagesPage(
          req,
          { values: body, errors: translateErrors(result.errors, req.lang) },
          null,
        );
        return reply.page(t("admin.villages"), p.node, { status: 422 });
      }
      return reply.seeOther(`/t/${tambon.slug}/admin/villages`, t("form.saved"));
    });

    app.post<{ Params: { id: string } }>("/admin/villages/:id", async (req, reply) => {
      const { result, body, editing, tambon } = await saveVillageRoute(
        req,
        requireId(req.params.id),
      );
      const t = core.t(req.lang);
      if (!result.ok) {
        const p = await villagesPage(
          req,
          { values: body, errors: translateErrors(result.errors, req.lang) },
          editing,
        );
        return reply.page(t("village.edit"), p.node, { status: 422 });
      }
      return reply.seeOther(`/t/${tambon.slug}/admin/villages`, t("form.saved"));
    });

    app.get("/admin/people", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "account.create", { tambonId: tambon.id });
      return reply.page(core.t(req.lang)("admin.people"), await peoplePage(req, emptyForm(), null));
    });

    app.post("/admin/people", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "account.create", { tambonId: tambon.id });
      const t = core.t(req.lang);
      const body = formBody(req);
      const result = await createAccountForPerson(db, req.actor, tambon.id, body);
      if (!result.ok) {
        return reply.page(
          t("admin.people"),
          await peoplePage(
            req,
            { values: body, errors: translateErrors(result.errors, req.lang) },
            null,
          ),
          {
            status: 422,
          },
        );
      }
      const created = { username: result.value.username, url: resetUrl(req, result.value.token) };
      return reply.page(t("admin.people"), await peoplePage(req, emptyForm(), created), {
        status: 201,
      });
    });

    app.get<{ Params: { id: string } }>("/admin/people/:id", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "account.create", { tambonId: tambon.id });
      const person = await findPerson(tambon.id, req.params.id);
      const canManage = can(req.actor, "people.manage", { tambonId: tambon.id });
      return reply.page(
        person.name,
        <PersonPage person={person} canManage={canManage} resetUrl={null} />,
      );
    });

    app.post<{ Params: { id: string } }>("/admin/people/:id/roles", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "people.manage", { tambonId: tambon.id });
      const person = await findPerson(tambon.id, req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const roles = Object.keys(body)
        .filter((k) => k.startsWith("role_"))
        .flatMap((k) => formList(req, k));
      const result = await setRoles(db, req.actor, tambon.id, person.id, roles);
      const t = core.t(req.lang);
      if (!result.ok) throw notFound();
      return reply.seeOther(`/t/${tambon.slug}/admin/people/${person.id}`, t("people.rolesSaved"));
    });

    app.post<{ Params: { id: string } }>("/admin/people/:id/status", async (req, reply) => {
      const tambon = currentTambon(req);
      const body = formBody(req);
      const status = body.status === "removed" ? "removed" : "active";
      authorize(req, status === "active" ? "member.verify" : "people.manage", {
        tambonId: tambon.id,
      });
      const person = await findPerson(tambon.id, req.params.id);
      const result = await setMemberStatus(db, req.actor, tambon.id, person.id, status);
      if (!result.ok) throw notFound();
      return reply.seeOther(
        `/t/${tambon.slug}/admin/people/${person.id}`,
        core.t(req.lang)("form.saved"),
      );
    });

    app.post<{ Params: { id: string } }>("/admin/people/:id/reset", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "account.create", { tambonId: tambon.id });
      const person = await findPerson(tambon.id, req.params.id);
      const token = await issueResetToken(db, req.actor, tambon.id, person.id);
      if (!token) throw notFound();
      const canManage = can(req.actor, "people.manage", { tambonId: tambon.id });
      return reply.page(
        person.name,
        <PersonPage person={person} canManage={canManage} resetUrl={resetUrl(req, token)} />,
        {
          status: 201,
        },
      );
    });

    app.get("/admin/audit", async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "audit.read", { tambonId: tambon.id });
      return auditPage(db, req, reply, {
        tambonId: tambon.id,
        base: `/t/${tambon.slug}/admin/audit`,
        title: core.t(req.lang)("admin.audit"),
      });
    });
  };
}
