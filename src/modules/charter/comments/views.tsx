import { useCtx } from "../../../core/views/ctx.ts";
import { CommentFields } from "./fields.tsx";
import { Form, type FormState, ErrorSummary, FormError } from "../../../core/views/form.tsx";
import { editionLabel } from "../present.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { Paras, textIn, useT } from "../shared/views.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { type CommentItem, CommentCard } from "./comment-card.tsx";

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
            <CommentFields
              scope="comment"
              form={props.form}
              aboutOptions={props.aboutOptions}
              rows={[4, 5]}
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
