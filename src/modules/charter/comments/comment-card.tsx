import { useCtx } from "../../../core/views/ctx.ts";
import { Form, type FormState, FormError, TextArea } from "../../../core/views/form.tsx";
import type { DiffPart } from "../../../core/text-diff.ts";
import { RATINGS } from "../edition.ts";
import { dateTimeIn, num } from "../present.ts";
import { Paras, textIn, useT } from "../shared/views.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { DiffText } from "../drafting/diff-views.tsx";
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
