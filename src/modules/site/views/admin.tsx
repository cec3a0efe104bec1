import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  CheckField,
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { bytesLabel, sizeLabel } from "../text.ts";
import type { Complaint } from "../commands/complaints.ts";
import { COMPLAINT_STATUSES } from "../commands/complaints.ts";
import { Input, When, fileUrl, useSiteT, useUrl } from "./parts.tsx";
import type { ItaRow } from "./info.tsx";

/** The frame of every site admin page: a link back and a heading. */
export function AdminFrame(props: { title: string; children: ComponentChildren; top?: boolean }) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  return (
    <>
      <p>
        {props.top ? (
          <a href={url("/admin")}>← {ct("admin.back")}</a>
        ) : (
          <a href={url("/admin/site")}>← {t("admin.back")}</a>
        )}
      </p>
      <h1>{props.title}</h1>
      {props.children}
    </>
  );
}

/** The editor's dashboard. */
export function Dashboard(props: {
  sections: { href: string; label: string; count?: number }[];
  recent: { action: string; at: Date; actorName: string | null; targetId: string | null }[];
  drafts: { id: number; title: string; status: string; publishAt: Date | null }[];
  pendingPosts: { id: number; title: string }[];
  pendingJobs: { id: number; title: string }[];
  reports: number;
  complaints: { id: number; code: string; subject: string; status: Complaint["status"] }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const now = new Date();
  return (
    <AdminFrame title={t("admin.dashboard")} top>
      <ul class="cards compact">
        {props.sections.map((s) => (
          <li key={s.href}>
            <a href={s.href}>{s.label}</a>
            {s.count !== undefined && s.count > 0 && <span class="badge">{s.count}</span>}
          </li>
        ))}
      </ul>
      <div class="dash">
        <section aria-labelledby="d-drafts">
          <h2 id="d-drafts">{t("admin.drafts")}</h2>
          {props.drafts.length ? (
            <ul>
              {props.drafts.map((d) => (
                <li key={d.id}>
                  <a href={url(`/admin/site/news/${d.id}`)}>{d.title}</a>{" "}
                  <span class="badge">
                    {d.status === "draft"
                      ? t("status.draft")
                      : d.publishAt && d.publishAt > now
                        ? t("status.scheduled")
                        : t("status.published")}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
        <section aria-labelledby="d-pending">
          <h2 id="d-pending">{t("admin.pending")}</h2>
          {props.pendingPosts.length + props.pendingJobs.length + props.reports ? (
            <ul>
              {props.pendingPosts.map((p) => (
                <li key={`p${p.id}`}>
                  <a href={url("/admin/site/corner")}>{p.title}</a> ({t("menu.corner")})
                </li>
              ))}
              {props.pendingJobs.map((j) => (
                <li key={`j${j.id}`}>
                  <a href={url("/admin/site/jobs")}>{j.title}</a> ({t("menu.jobs")})
                </li>
              ))}
              {props.reports > 0 && (
                <li>
                  <a href={url("/admin/site/corner")}>{t("mod.reports")}</a>: {props.reports}
                </li>
              )}
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
        <section aria-labelledby="d-complaints">
          <h2 id="d-complaints">{t("admin.openComplaints")}</h2>
          {props.complaints.length ? (
            <ul>
              {props.complaints.map((c) => (
                <li key={c.id}>
                  <a href={url(`/admin/site/complaints/${c.id}`)}>
                    {c.code} {c.subject}
                  </a>{" "}
                  <span class="badge">{t(`complaint.status.${c.status}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("admin.nothing")}</p>
          )}
        </section>
        <section aria-labelledby="d-recent">
          <h2 id="d-recent">{t("admin.recent")}</h2>
          <ul>
            {props.recent.map((r, i) => (
              <li key={i}>
                <span class="muted">{formatDateTime(r.at, lang)}</span> {r.actorName ?? "—"}:{" "}
                <code>{r.action}</code>
                {r.targetId && ` #${r.targetId}`}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </AdminFrame>
  );
}

/** A list of records with edit links, above the form to add one. */
export function ListAndForm(props: {
  title: string;
  rows: { id: number; href: string; label: string; meta?: ComponentChildren }[];
  formTitle: string;
  children: ComponentChildren;
}) {
  const t = useSiteT();
  return (
    <AdminFrame title={props.title}>
      {props.rows.length ? (
        <ul class="admin-list">
          {props.rows.map((r) => (
            <li key={r.id}>
              <a href={r.href}>{r.label}</a> {r.meta}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("admin.nothing")}</p>
      )}
      <h2>{props.formTitle}</h2>
      {props.children}
    </AdminFrame>
  );
}

/** The page form. */
export function PageForm(props: { form: FormState; action: string; deleteAction?: string }) {
  const t = useSiteT();
  const ct = useCtx().t;
  const f = props.form;
  return (
    <>
      <ErrorSummary form={f} />
      <Form action={props.action} label={t("admin.pages")}>
        <Field form={f} name="titleTh" label={t("field.titleTh")} required maxLength={200} />
        <Field form={f} name="titleEn" label={t("field.titleEn")} maxLength={200} />
        <TextArea
          form={f}
          name="bodyMd"
          label={t("field.body")}
          hint={t("field.bodyHint")}
          rows={14}
        />
        <CheckField form={f} name="published" label={t("field.published")} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.deleteAction && <DeleteButton action={props.deleteAction} />}
    </>
  );
}

/** A small form that deletes a record. */
export function DeleteButton({ action, label }: { action: string; label?: string }) {
  const t = useSiteT();
  return (
    <Form action={action} class="inline">
      <button type="submit" class="danger">
        {label ?? t("admin.delete")}
      </button>
    </Form>
  );
}

/** The menu editor. */
export function MenuAdmin(props: {
  items: { id: number; parentId: number | null; labelTh: string; href: string; position: number }[];
  form: FormState;
  editing: number | null;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const tops = props.items.filter((i) => i.parentId === null);
  const f = props.form;
  return (
    <AdminFrame title={t("admin.menu")}>
      <ul class="menu-tree">
        {tops.map((top) => (
          <li key={top.id}>
            <a href={url(`/admin/site/menu/${top.id}`)}>{top.labelTh}</a>{" "}
            <span class="muted">{top.href}</span>
            <ul>
              {props.items
                .filter((c) => c.parentId === top.id)
                .map((c) => (
                  <li key={c.id}>
                    <a href={url(`/admin/site/menu/${c.id}`)}>{c.labelTh}</a>{" "}
                    <span class="muted">{c.href}</span>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2>{props.editing ? t("admin.edit") : t("admin.new")}</h2>
      <ErrorSummary form={f} />
      <Form
        action={url(props.editing ? `/admin/site/menu/${props.editing}` : "/admin/site/menu")}
        label={t("admin.menu")}
      >
        <Field form={f} name="labelTh" label={t("field.label")} required maxLength={80} />
        <Field form={f} name="labelEn" label={t("field.labelEn")} maxLength={80} />
        <Field form={f} name="href" label={t("field.href")} maxLength={500} />
        <SelectField
          form={f}
          name="parentId"
          label={t("field.parent")}
          placeholder={false}
          options={[
            { value: "", label: t("field.topLevel") },
            ...tops
              .filter((x) => x.id !== props.editing)
              .map((x) => ({ value: String(x.id), label: x.labelTh })),
          ]}
        />
        <Field
          form={f}
          name="position"
          type="number"
          label={t("field.position")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.editing && <DeleteButton action={url(`/admin/site/menu/${props.editing}/delete`)} />}
    </AdminFrame>
  );
}

/** The news form (multipart, for the cover). */
export function NewsForm(props: {
  form: FormState;
  action: string;
  categories: { id: number; nameTh: string }[];
  albums: { id: number; title: string }[];
  cover: { file: string } | null;
  deleteAction?: string;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const { tambon } = useCtx();
  const f = props.form;
  return (
    <>
      <ErrorSummary form={f} />
      <Form action={props.action} multipart label={t("admin.news")}>
        <Field form={f} name="title" label={t("field.title")} required maxLength={200} />
        <SelectField
          form={f}
          name="categoryId"
          label={t("news.category")}
          options={props.categories.map((c) => ({ value: String(c.id), label: c.nameTh }))}
        />
        <TextArea form={f} name="summary" label={t("field.summary")} rows={2} maxLength={500} />
        <TextArea
          form={f}
          name="bodyMd"
          label={t("field.body")}
          hint={t("field.bodyHint")}
          rows={14}
        />
        {props.cover && (
          <img
            src={fileUrl(tambon!.slug, `${props.cover.file}-t.webp`)}
            alt={t("field.cover")}
            width={120}
            height={120}
          />
        )}
        <Input
          form={f}
          name="cover"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          label={t("field.cover")}
          hint={t("field.photosHint")}
        />
        <SelectField
          form={f}
          name="albumId"
          label={t("field.album")}
          placeholder={false}
          options={[
            { value: "", label: t("field.noAlbum") },
            ...props.albums.map((a) => ({ value: String(a.id), label: a.title })),
          ]}
        />
        <SelectField
          form={f}
          name="status"
          label={t("field.status")}
          required
          placeholder={false}
          options={[
            { value: "draft", label: t("status.draft") },
            { value: "published", label: t("status.published") },
          ]}
        />
        <Input
          form={f}
          name="publishAt"
          type="datetime-local"
          label={t("field.publishAt")}
          hint={t("field.publishAtHint")}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.deleteAction && <DeleteButton action={props.deleteAction} />}
    </>
  );
}

/** An album's editor: details, upload, photos with caption and delete. */
export function AlbumAdmin(props: {
  form: FormState;
  action: string;
  album: { id: number } | null;
  photos: {
    id: number;
    file: string;
    width: number;
    height: number;
    bytes: number;
    caption: string;
  }[];
  uploadForm: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const { tambon } = useCtx();
  const url = useUrl();
  const f = props.form;
  return (
    <>
      <ErrorSummary form={f} />
      <Form action={props.action} label={t("admin.galleries")}>
        <Field form={f} name="title" label={t("field.title")} required maxLength={200} />
        <TextArea form={f} name="description" label={t("field.description")} rows={3} />
        <CheckField form={f} name="published" label={t("field.published")} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.album && (
        <>
          <h2 id="upload-h">{t("field.photos")}</h2>
          <ErrorSummary form={props.uploadForm} />
          <Form
            action={url(`/admin/site/galleries/${props.album.id}/photos`)}
            multipart
            label={t("field.photos")}
          >
            <Input
              form={props.uploadForm}
              name="photos"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,image/avif"
              label={t("field.photos")}
              hint={t("field.photosHint")}
              required
            />
            <button type="submit">{ct("form.save")}</button>
          </Form>
          <ul class="gallery admin">
            {props.photos.map((p) => (
              <li key={p.id}>
                <img
                  src={fileUrl(tambon!.slug, `${p.file}-t.webp`)}
                  alt={p.caption || `${p.width}x${p.height}`}
                  width={160}
                  height={160}
                  loading="lazy"
                />
                <span class="px">
                  {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
                </span>
                <Form action={url(`/admin/site/photo/${p.id}/caption`)} class="stack">
                  <label for={`cap-${p.id}`}>{t("field.caption")}</label>
                  <input id={`cap-${p.id}`} name="caption" value={p.caption} maxLength={500} />
                  <button type="submit" class="secondary">
                    {ct("form.save")}
                  </button>
                </Form>
                <DeleteButton action={url(`/admin/site/photo/${p.id}/delete`)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The documents admin: list and upload. */
export function DocumentsAdmin(props: {
  docs: { id: number; title: string; ext: string; bytes: number; createdAt: Date }[];
  targets: { value: string; label: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const f = props.form;
  return (
    <AdminFrame title={t("admin.documents")}>
      <ul class="admin-list">
        {props.docs.map((d) => (
          <li key={d.id}>
            {d.title}{" "}
            <span class="muted">
              ({d.ext.toUpperCase()}, {sizeLabel(d.bytes)}, <When at={d.createdAt} />)
            </span>{" "}
            <DeleteButton action={url(`/admin/site/docs/${d.id}/delete`)} />
          </li>
        ))}
      </ul>
      <h2>{t("admin.new")}</h2>
      <ErrorSummary form={f} />
      <Form action={url("/admin/site/documents")} multipart label={t("admin.documents")}>
        <Field form={f} name="title" label={t("field.title")} required maxLength={300} />
        <Input
          form={f}
          name="file"
          type="file"
          accept=".pdf,.xlsx,.docx"
          label={t("field.file")}
          hint={t("field.fileHint")}
          required
        />
        <SelectField
          form={f}
          name="attachTo"
          label={t("field.attachTo")}
          placeholder={false}
          options={[{ value: "", label: t("field.nothing") }, ...props.targets]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </AdminFrame>
  );
}

/** The moderation queue of the members' corner. */
export function CornerAdmin(props: {
  pending: { id: number; title: string; body: string; authorName: string | null }[];
  reports: {
    id: number;
    postId: number;
    commentId: number | null;
    reason: string;
    postTitle: string;
    commentBody: string | null;
  }[];
  hidden: { id: number; title: string; reason: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <AdminFrame title={t("admin.corner")}>
      <h2>{t("admin.pending")}</h2>
      {props.pending.length === 0 && <p class="muted">{t("admin.nothing")}</p>}
      {props.pending.map((p) => (
        <article key={p.id} class="box">
          <h3>{p.title}</h3>
          <p class="muted">{t("corner.by", { name: p.authorName ?? "—" })}</p>
          <p class="pre">{p.body}</p>
          <ModerateForm id={p.id} form={props.form} />
        </article>
      ))}
      <h2>{t("mod.reports")}</h2>
      {props.reports.length === 0 && <p class="muted">{t("admin.nothing")}</p>}
      {props.reports.map((r) => (
        <article key={r.id} class="box">
          <h3>
            <a href={url(`/corner/${r.postId}`)}>{r.postTitle}</a>
          </h3>
          {r.commentBody && <blockquote>{r.commentBody}</blockquote>}
          <p>
            {t("corner.reportReason")}: {r.reason}
          </p>
          {r.commentId ? (
            <HideCommentForm id={r.commentId} form={props.form} />
          ) : (
            <ModerateForm id={r.postId} form={props.form} />
          )}
          <Form action={url(`/admin/site/corner-reports/${r.id}/resolve`)} class="inline">
            <button type="submit" class="secondary">
              {t("mod.resolve")}
            </button>
          </Form>
        </article>
      ))}
      <h2>{t("corner.hidden")}</h2>
      <ul>
        {props.hidden.map((h) => (
          <li key={h.id}>
            {h.title} — <span class="muted">{h.reason}</span>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}

/** Hiding a reported comment: the reason is required, as for a post. */
function HideCommentForm({ id, form }: { id: number; form: FormState }) {
  const t = useSiteT();
  const url = useUrl();
  const mine = form.values.commentId === String(id);
  const err = mine ? form.errors.reason : undefined;
  return (
    <Form action={url(`/admin/site/corner-comments/${id}/hide`)} class="moderate">
      <div class={err ? "field has-error" : "field"}>
        <label for={`hide-reason-${id}`}>{t("field.reason")}</label>
        {err && (
          <p class="error" id={`hide-reason-${id}-err`}>
            {err}
          </p>
        )}
        <input
          id={`hide-reason-${id}`}
          name="reason"
          required
          maxLength={500}
          value={mine ? (form.values.reason ?? "") : ""}
          aria-invalid={err ? "true" : undefined}
          aria-describedby={err ? `hide-reason-${id}-err` : undefined}
        />
      </div>
      <button type="submit" class="danger">
        {t("mod.hide")}
      </button>
    </Form>
  );
}

function ModerateForm({ id, form }: { id: number; form: FormState }) {
  const t = useSiteT();
  const url = useUrl();
  const err = form.values.postId === String(id) ? form.errors.reason : undefined;
  return (
    <Form action={url(`/admin/site/corner/${id}/moderate`)} class="moderate">
      <div class={err ? "field has-error" : "field"}>
        <label for={`reason-${id}`}>{t("field.reason")}</label>
        {err && (
          <p class="error" id={`reason-${id}-err`}>
            {err}
          </p>
        )}
        <input
          id={`reason-${id}`}
          name="reason"
          maxLength={500}
          aria-describedby={err ? `reason-${id}-err` : undefined}
        />
      </div>
      <button type="submit" name="decision" value="approved">
        {t("mod.approve")}
      </button>{" "}
      <button type="submit" name="decision" value="hidden" class="danger">
        {t("mod.hide")}
      </button>
    </Form>
  );
}

/** Job postings for staff: approve, hide, add. */
export function JobsAdmin(props: {
  jobs: { id: number; title: string; employer: string; status: string; closesOn: string }[];
  children: ComponentChildren;
}) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <AdminFrame title={t("admin.jobs")}>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("admin.jobs")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("jobs.jobTitle")}</th>
              <th scope="col">{t("jobs.closesOn")}</th>
              <th scope="col">{t("field.status")}</th>
              <th scope="col">
                <span class="muted">{t("admin.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((j) => (
              <tr key={j.id}>
                <td>
                  {j.title} <span class="muted">({j.employer})</span>
                </td>
                <td>
                  <When at={j.closesOn} />
                </td>
                <td>{t(`corner.${j.status as "pending" | "approved" | "hidden"}`)}</td>
                <td class="actions">
                  {j.status !== "approved" && (
                    <Form action={url(`/admin/site/jobs/${j.id}/moderate`)} class="inline">
                      <input type="hidden" name="decision" value="approved" />
                      <button type="submit">{t("jobs.approve")}</button>
                    </Form>
                  )}
                  {j.status !== "hidden" && (
                    <Form action={url(`/admin/site/jobs/${j.id}/moderate`)} class="inline">
                      <input type="hidden" name="decision" value="hidden" />
                      <button type="submit" class="secondary">
                        {t("jobs.hide")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("jobs.post")}</h2>
      {props.children}
    </AdminFrame>
  );
}

/** Complaints for staff, filtered by status; the corruption channel only for admins. */
export function ComplaintsAdmin(props: {
  rows: Complaint[];
  status: string;
  corruption: Complaint[] | null;
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const table = (rows: Complaint[], label: string) => (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("complaint.code")}</th>
            <th scope="col">{t("complaint.subject")}</th>
            <th scope="col">{t("complaint.status")}</th>
            <th scope="col">{t("complaint.filedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={url(`/admin/site/complaints/${c.id}`)}>{c.code}</a>
              </td>
              <td>{c.subject}</td>
              <td>{t(`complaint.status.${c.status}`)}</td>
              <td>{formatDateTime(c.createdAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <AdminFrame title={t("admin.complaints")}>
      <form method="get" action={url("/admin/site/complaints")} class="filters">
        <div class="field">
          <label for="f-status">{t("complaint.status")}</label>
          <select id="f-status" name="status">
            <option value="">{t("complaint.filter.all")}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s} selected={props.status === s}>
                {t(`complaint.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{useCtx().t("form.filter")}</button>
      </form>
      {props.rows.length ? table(props.rows, t("admin.complaints")) : <p>{t("admin.nothing")}</p>}
      {props.corruption && (
        <>
          <h2>{t("complaint.corruptionList")}</h2>
          {props.corruption.length ? (
            table(props.corruption, t("complaint.corruptionList"))
          ) : (
            <p>{t("admin.nothing")}</p>
          )}
        </>
      )}
    </AdminFrame>
  );
}

/** One complaint for staff: everything filed, history, and the update form. */
export function ComplaintAdmin(props: {
  c: Complaint;
  events: { status: string; note: string; at: Date; actorName: string | null }[];
  staff: { id: number; name: string }[];
  form: FormState;
  photoUrl: string | null;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const { lang } = useCtx();
  const url = useUrl();
  const c = props.c;
  const f = props.form;
  return (
    <>
      <p>
        <a href={url("/admin/site/complaints")}>← {t("admin.complaints")}</a>
      </p>
      <h1>
        {c.code}: {c.subject}
      </h1>
      <dl class="facts">
        <div>
          <dt>{t("complaint.channel")}</dt>
          <dd>{t(`complaint.channel.${c.channel}`)}</dd>
        </div>
        <div>
          <dt>{t("complaint.kind")}</dt>
          <dd>{t(`complaint.kind.${c.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("complaint.filedAt")}</dt>
          <dd>{formatDateTime(c.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("complaint.location")}</dt>
          <dd>{c.location || "—"}</dd>
        </div>
        <div>
          <dt>{t("complaint.name")}</dt>
          <dd>{c.name || "—"}</dd>
        </div>
        <div>
          <dt>{t("complaint.contact")}</dt>
          <dd>{c.contact || "—"}</dd>
        </div>
      </dl>
      <p class="pre">{c.details}</p>
      {props.photoUrl && <img src={props.photoUrl} alt={t("complaint.photo")} class="cover" />}
      <h2>{t("complaint.history")}</h2>
      <ol class="timeline">
        {props.events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at, lang)} —{" "}
            {t(`complaint.status.${e.status as Complaint["status"]}`)}
            {e.actorName && ` (${e.actorName})`}
            {e.note && `: ${e.note}`}
          </li>
        ))}
      </ol>
      <h2>{t("complaint.update")}</h2>
      <ErrorSummary form={f} />
      <Form action={url(`/admin/site/complaints/${c.id}`)} label={t("complaint.update")}>
        <SelectField
          form={f}
          name="status"
          label={t("complaint.status")}
          required
          placeholder={false}
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }))}
        />
        <SelectField
          form={f}
          name="assignedTo"
          label={t("complaint.assign")}
          placeholder={false}
          options={[
            { value: "", label: t("complaint.nobody") },
            ...props.staff.map((s) => ({ value: String(s.id), label: s.name })),
          ]}
        />
        <TextArea form={f} name="answer" label={t("complaint.answer")} rows={4} />
        <TextArea form={f} name="note" label={t("complaint.note")} rows={2} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** The ITA list for staff: link each item, load a new year. */
export function TransparencyAdmin(props: {
  year: number;
  years: number[];
  items: (ItaRow & { target: string; url: string })[];
  targets: { value: string; label: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  return (
    <AdminFrame title={t("ita.manage")}>
      <nav class="chips" aria-label={t("ita.year")}>
        {props.years.map((y) => (
          <a
            key={y}
            href={url(`/admin/site/transparency?year=${y}`)}
            aria-current={y === props.year ? "page" : undefined}
          >
            {y}
          </a>
        ))}
      </nav>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("ita.manage")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("ita.item")}</th>
              <th scope="col">{t("ita.topic")}</th>
              <th scope="col">{t("ita.link")}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((i) => (
              <tr key={i.id}>
                <td>{i.code}</td>
                <td>{i.title}</td>
                <td>
                  <Form action={url(`/admin/site/ita/${i.id}`)} class="stack">
                    <label for={`target-${i.id}`} class="sr-only">
                      {t("ita.link")} {i.code}
                    </label>
                    <select id={`target-${i.id}`} name="target">
                      <option value="">{t("ita.linkNone")}</option>
                      <option value="url" selected={i.target === "url"}>
                        {t("field.url")}
                      </option>
                      {props.targets.map((o) => (
                        <option key={o.value} value={o.value} selected={o.value === i.target}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <label for={`url-${i.id}`} class="sr-only">
                      {t("field.url")} {i.code}
                    </label>
                    <input id={`url-${i.id}`} name="url" value={i.url} placeholder="https://…" />
                    <button type="submit" class="secondary">
                      {ct("form.save")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("ita.load")}</h2>
      <ErrorSummary form={props.form} />
      <Form action={url("/admin/site/transparency")} multipart label={t("ita.load")}>
        <Input
          form={props.form}
          name="file"
          type="file"
          accept="application/json,.json"
          label={t("field.file")}
          hint={t("ita.loadHint")}
          required
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </AdminFrame>
  );
}

/** Website settings: news categories, job-market links, counts from the old site. */
export function SettingsAdmin(props: {
  categories: { id: number; slug: string; nameTh: string; nameEn: string }[];
  links: { id: number; labelTh: string; url: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const f = props.form;
  return (
    <AdminFrame title={t("admin.settings")}>
      <h2 id="cats-h">{t("news.category")}</h2>
      <ul class="admin-list" aria-labelledby="cats-h">
        {props.categories.map((c) => (
          <li key={c.id}>
            <Form action={url(`/admin/site/news-categories/${c.id}`)} class="stack">
              <label for={`cat-${c.id}`} class="sr-only">
                {t("field.nameTh")} {c.slug}
              </label>
              <input id={`cat-${c.id}`} name="nameTh" value={c.nameTh} maxLength={80} required />
              <label for={`cat-en-${c.id}`} class="sr-only">
                {t("field.nameEn")} {c.slug}
              </label>
              <input id={`cat-en-${c.id}`} name="nameEn" value={c.nameEn} maxLength={80} />
              <span class="muted">?category={c.slug}</span>
              <button type="submit" class="secondary">
                {ct("form.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <ErrorSummary form={f} />
      <Form action={url("/admin/site/news-categories")} label={t("admin.newCategory")}>
        <Field form={f} name="nameTh" label={t("field.nameTh")} required maxLength={80} />
        <Field form={f} name="nameEn" label={t("field.nameEn")} maxLength={80} />
        <button type="submit">{t("admin.newCategory")}</button>
      </Form>
      <h2 id="links-h">{t("jobs.links")}</h2>
      <ul class="admin-list" aria-labelledby="links-h">
        {props.links.map((l) => (
          <li key={l.id}>
            <a href={l.url}>{l.labelTh}</a>{" "}
            <DeleteButton action={url(`/admin/site/job-links/${l.id}/delete`)} />
          </li>
        ))}
      </ul>
      <Form action={url("/admin/site/job-links")} label={t("jobs.links")}>
        <Field form={f} name="labelTh" label={t("field.label")} required maxLength={200} />
        <Field form={f} name="labelEn" label={t("field.labelEn")} maxLength={200} />
        <Field form={f} name="url" type="url" label={t("field.url")} required maxLength={500} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      <h2>{t("stats.before")}</h2>
      <Form action={url("/admin/site/counts")} label={t("stats.before")}>
        <Field
          form={f}
          name="visitorsBefore"
          type="number"
          label={t("stats.visitorsBefore")}
          inputmode="numeric"
        />
        <Field
          form={f}
          name="viewsBefore"
          type="number"
          label={t("stats.viewsBefore")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </AdminFrame>
  );
}
