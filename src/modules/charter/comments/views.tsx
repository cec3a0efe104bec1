import { useCtx } from "../../../core/views/ctx.ts";
import {
  Form,
  type FormState,
  ErrorSummary,
  FormError,
  SelectField,
  TextArea,
} from "../../../core/views/form.tsx";
import type { DiffPart } from "../../../core/text-diff.ts";
import { RATINGS } from "../edition.ts";
import { dateTimeIn, editionLabel, num } from "../present.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { Paras, textIn, useT } from "../shared/views.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { DiffText } from "../drafting/views.tsx";
import type { CommentView } from "./queries.ts";

/** A comment as the page shows it: what it is about and, for a suggestion, its diff. */
export type CommentItem = CommentView & {
  aboutLabel: string;
  diff: DiffPart[] | null;
  changedSince: boolean;
};

/** One comment or suggestion with its ratings and, for the working group, accept / decline. */
export function CommentCard(props: {
  item: CommentItem;
  charter: CharterRow;
  edition: EditionRow;
  can: { rate: boolean; decide: boolean };
  viewerId: number | null;
  declineState?: FormState;
  showAbout: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { item: c, charter } = props;
  const d = charter.digits;
  const base = `/t/${tambon!.slug}`;
  const open = props.edition.status !== "adopted" && c.status === "open";
  return (
    <li class={`comment comment-${c.kind} comment-${c.status}`} id={`comment-${c.id}`}>
      <p class="comment-meta">
        <span class="badge">{t(`comments.kind.${c.kind}`)}</span>{" "}
        {props.showAbout && <strong>{c.aboutLabel} · </strong>}
        {t("comments.by", { name: c.author })}
        {c.village && ` · ${c.village}`}
        {c.recordedBy && (
          <span class="muted"> · {t("comments.recordedBy", { name: c.recordedBy })}</span>
        )}
        <span class="muted">
          {" "}
          · {t("comments.aboutVersion", { n: num(c.versionNumber, d, lang) })}
          {c.phase === "hearing" && ` · ${t("comments.inHearing")}`} ·{" "}
          {dateTimeIn(c.createdAt, lang, d)}
        </span>
      </p>
      {c.body && <Paras text={c.body} />}
      {c.kind === "suggestion" && c.proposedText && (
        <div class="proposal">
          <p>
            <strong>{t("comments.proposedText")}</strong>{" "}
            <span class="muted">({t("comments.changesFromThen")})</span>
          </p>
          {c.diff ? (
            <DiffText parts={c.diff} digits={d} />
          ) : (
            <Paras text={textIn(c.proposedText, d, lang)} />
          )}
          <p class="muted">
            {t("comments.ratings", {
              must: num(c.ratings.must, d, lang),
              should: num(c.ratings.should, d, lang),
              should_not: num(c.ratings.should_not, d, lang),
              must_not: num(c.ratings.must_not, d, lang),
            })}
          </p>
        </div>
      )}
      {c.kind === "suggestion" && (
        <p class="comment-status">
          <span class={`badge status-${c.status}`}>
            {c.status === "accepted"
              ? t("comments.status.accepted", { n: num(c.appliedVersionNumber ?? 0, d, lang) })
              : t(`comments.status.${c.status}`)}
          </span>
          {c.decidedBy && <span class="muted"> · {c.decidedBy}</span>}
          {c.status === "declined" && c.reason && (
            <>
              {" "}
              · {t("comments.reason")}: {c.reason}
            </>
          )}
        </p>
      )}
      {c.kind === "suggestion" && open && props.can.rate && c.authorId !== props.viewerId && (
        <Form
          action={`${base}/charter-comments/${c.id}/rate`}
          class="inline-form rating-form"
          label={t("comments.rate")}
        >
          <span>{t("comments.rate")}:</span>
          {RATINGS.map((r) => (
            <button
              key={r}
              type="submit"
              name="rating"
              value={r}
              class={c.myRating === r ? "small" : "secondary small"}
              aria-pressed={c.myRating === r ? "true" : "false"}
            >
              {t(`rating.${r}`)}
            </button>
          ))}
        </Form>
      )}
      {c.kind === "suggestion" && open && props.can.decide && (
        <div class="decide">
          {c.changedSince && <p class="notice">{t("comments.clauseChangedSince")}</p>}
          <Form action={`${base}/charter-comments/${c.id}/accept`} class="inline-form">
            <button type="submit">{t("comments.accept")}</button>
          </Form>
          <Form action={`${base}/charter-comments/${c.id}/decline`} label={t("comments.decline")}>
            <FormError form={props.declineState} />
            <TextArea
              scope={`decline-${c.id}`}
              form={props.declineState}
              name="reason"
              label={t("comments.declineReason")}
              rows={2}
              required
              maxLength={2000}
            />
            <button type="submit" class="secondary">
              {t("comments.decline")}
            </button>
          </Form>
        </div>
      )}
    </li>
  );
}

/** The comments page of an edition, or of one clause, with the form to add one. */
export function CommentsPage(props: {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  heading: string;
  clause: { key: number | "preamble"; text: string | null } | null;
  items: CommentItem[];
  aboutOptions: { value: string; label: string }[];
  can: { comment: boolean; rate: boolean; decide: boolean; signedIn: boolean };
  viewerId: number | null;
  form: FormState;
  declineFor?: { id: number; state: FormState };
  filter: string;
  /** The whole list is paged; the comments on one clause are not. */
  pager: { page: number; pages: number; total: number; href: (page: number) => string } | null;
}) {
  const { lang, tambon, path } = useCtx();
  const t = useT();
  const { charter, edition } = props;
  const d = charter.digits;
  const eb = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
  const open = edition.status !== "adopted";
  const here = props.clause ? `?clause=${props.clause.key}` : "";
  return (
    <>
      <p class="back">
        <a
          href={
            props.clause && typeof props.clause.key === "number"
              ? `${eb}#c-${props.clause.key}`
              : eb
          }
        >
          ← {props.title} {editionLabel(edition, lang, d)}
        </a>
      </p>
      <h1>{props.heading}</h1>
      {!(open && props.can.comment) && <ErrorSummary scope="comment" form={props.form} />}
      {props.clause && (
        <section class="current-text" aria-labelledby="h-current">
          <h2 id="h-current">{t("comments.currentText")}</h2>
          {props.clause.text === null ? (
            <p class="muted">{t("comments.clauseRemoved")}</p>
          ) : (
            <blockquote>
              <Paras text={textIn(props.clause.text, d, lang)} />
            </blockquote>
          )}
        </section>
      )}
      {!props.clause && (
        <form
          method="get"
          action={`${eb}/comments`}
          class="inline-form"
          aria-label={t("comments.filter")}
        >
          <label for="f-status">{t("comments.filter")}</label>
          <select id="f-status" name="status">
            {["", "open", "accepted", "declined"].map((s) => (
              <option key={s} value={s} selected={props.filter === s}>
                {s === "accepted"
                  ? t("comments.filterAccepted")
                  : s === "open" || s === "declined"
                    ? t(`comments.status.${s}`)
                    : t("comments.all")}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {t("comments.filter")}
          </button>
        </form>
      )}
      <section aria-labelledby="h-comments">
        <h2 id="h-comments">{t("comments.title")}</h2>
        {props.items.length === 0 ? (
          <p class="muted">{t("comments.none")}</p>
        ) : (
          <ul class="charter-comments">
            {props.items.map((item) => (
              <CommentCard
                key={item.id}
                item={item}
                charter={charter}
                edition={edition}
                can={props.can}
                viewerId={props.viewerId}
                declineState={props.declineFor?.id === item.id ? props.declineFor.state : undefined}
                showAbout={!props.clause}
              />
            ))}
          </ul>
        )}
        {props.pager && <Pager {...props.pager} label={t("comments.title")} />}
      </section>
      {open && props.can.comment && (
        <section aria-labelledby="h-add-comment">
          <h2 id="h-add-comment">{t("comments.add")}</h2>
          <Form action={`${eb}/comments${here}`} label={t("comments.add")}>
            <FormError form={props.form} />
            <SelectField
              scope="comment"
              form={props.form}
              name="about"
              label={t("comments.about")}
              options={props.aboutOptions}
              required
              placeholder={false}
            />
            <fieldset id="f-comment-kind">
              <legend>{t("comments.kind")}</legend>
              {props.form.errors.kind && (
                <p class="error" id="f-comment-kind-err">
                  {props.form.errors.kind}
                </p>
              )}
              {(["comment", "suggestion"] as const).map((k) => (
                <div class="field check" key={k}>
                  <input
                    type="radio"
                    id={`f-comment-kind-${k}`}
                    name="kind"
                    value={k}
                    checked={(props.form.values.kind ?? "comment") === k}
                  />
                  <label for={`f-comment-kind-${k}`}>{t(`comments.kind.${k}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextArea
              scope="comment"
              form={props.form}
              name="body"
              label={t("comments.body")}
              rows={4}
              maxLength={4000}
            />
            <TextArea
              scope="comment"
              form={props.form}
              name="proposedText"
              label={t("comments.proposed")}
              hint={t("comments.proposedHint")}
              rows={5}
            />
            <button type="submit">{t("comments.send")}</button>
          </Form>
        </section>
      )}
      {open && !props.can.signedIn && (
        <p>
          <a href={`/login?next=${encodeURIComponent(path)}`}>{t("edition.loginToComment")}</a>
        </p>
      )}
    </>
  );
}
