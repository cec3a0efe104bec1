import { Fields, Form, type FieldSpec, type FormState, field } from "../../../core/views/form.tsx";
import { AdminFrame, PhotoGrid, useSiteT, useUrl, type PhotoRow } from "../shared/views.tsx";
import { SiteForm, type SiteField } from "../shared/form.tsx";
import { type Page } from "../../../core/paging.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { BoardPage } from "../shared/board.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

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
export function HideCommentForm({ id, form }: { id: number; form: FormState }) {
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

export function ModerateForm({ id, form }: { id: number; form: FormState }) {
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

export type PostCard = {
  id: number;
  title: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
};

export type Comment = { id: number; body: string; createdAt: Date; authorName: string | null };

/** A photo of a post: the same fields as a gallery photo. */
export type PostPhoto = PhotoRow;

/** The members' corner: shown posts and, for members, the form to write one. */
export function CornerPage(props: { posts: Page<PostCard>; canPost: boolean; form: FormState }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const fields: SiteField[] = [
    { name: "title", label: t("corner.postTitle"), required: true, maxLength: 200 },
    { kind: "textarea", name: "body", label: t("corner.body"), required: true, rows: 6 },
    { kind: "photos", name: "photos", multiple: true, label: t("corner.photos") },
  ];
  return (
    <BoardPage
      title={t("corner.title")}
      intro={t("corner.intro")}
      none={t("corner.none")}
      page={props.posts}
      listClass="cards"
      card={(p) => (
        <li key={p.id}>
          <h2>
            <a href={url(`/corner/${p.id}`)}>{p.title}</a>
          </h2>
          <p class="muted">
            {t("corner.by", { name: p.authorName ?? "—" })} · {formatDateTime(p.createdAt, lang)}
          </p>
          <p>{p.body.length > 240 ? `${p.body.slice(0, 240)}…` : p.body}</p>
        </li>
      )}
      path="/corner"
      write={{
        id: "write-h",
        title: t("corner.write"),
        allowed: props.canPost,
        signIn: t("corner.loginToWrite"),
        form: (
          <SiteForm
            form={props.form}
            action={url("/corner")}
            multipart
            label={t("corner.write")}
            fields={fields}
            submit={t("corner.submit")}
          />
        ),
      }}
    />
  );
}

/** One post with its photos, comments and the comment and report forms. */
export function PostPage(props: {
  post: PostCard & { status: string };
  photos: PostPhoto[];
  comments: Comment[];
  canComment: boolean;
  form: FormState;
}) {
  const t = useSiteT();
  const { lang, path } = useCtx();
  const url = useUrl();
  const p = props.post;
  const reason: FieldSpec = {
    name: "reason",
    label: t("corner.reportReason"),
    required: true,
    maxLength: 500,
  };
  return (
    <article>
      <BackLink href={url("/corner")}>{t("corner.title")}</BackLink>
      <h1>{p.title}</h1>
      <p class="muted">
        {t("corner.by", { name: p.authorName ?? "—" })} · {formatDateTime(p.createdAt, lang)}
      </p>
      <p class="pre">{p.body}</p>
      {props.photos.length > 0 && <PhotoGrid photos={props.photos} />}
      <section aria-labelledby="comments-h">
        <h2 id="comments-h">{t("corner.comments")}</h2>
        {props.comments.length === 0 ? (
          <p>{t("corner.noComments")}</p>
        ) : (
          <ul class="comments">
            {props.comments.map((c) => (
              <li key={c.id} id={`c${c.id}`}>
                <p class="muted">
                  {c.authorName ?? "—"} · {formatDateTime(c.createdAt, lang)}
                </p>
                <p class="pre">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        {props.canComment ? (
          <>
            <SiteForm
              form={props.form}
              action={url(`/corner/${p.id}/comments`)}
              label={t("corner.comment")}
              fields={[field.textarea("body", t("corner.comment"), { required: true, rows: 3 })]}
              submit={t("corner.comment")}
            />
            <details class="report">
              <summary>{t("corner.report")}</summary>
              <Form action={url(`/corner/${p.id}/report`)} label={t("corner.report")}>
                <Fields form={props.form} fields={[reason]} />
                <button type="submit" class="secondary">
                  {t("corner.report")}
                </button>
              </Form>
            </details>
          </>
        ) : (
          <p>
            <a href={`/login?next=${encodeURIComponent(path)}`}>{t("corner.loginToWrite")}</a>
          </p>
        )}
      </section>
    </article>
  );
}
