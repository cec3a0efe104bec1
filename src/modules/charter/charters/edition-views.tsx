import { useCtx } from "../../../core/views/ctx.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { StatusBadge, textIn, useT } from "../shared/views.tsx";
import type { CharterDoc } from "../document.ts";
import { CharterText } from "../views/text.tsx";
import { Signatories, Photos } from "../signing/views.tsx";
import { type CharterRow, type EditionRow, type SignatoryRow } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** How an edition came to be adopted, with links to the record that adopted it. */
export interface AdoptionInfo {
  kind: "vote" | "resolution" | null;
  href: string | null;
  text: string | null;
  /** While a vote is open: the question's link and phase. */
  pendingVote: { href: string; phase: string } | null;
}

/** Everything the page of one edition shows. */
export interface EditionPageData {
  charter: CharterRow;
  edition: EditionRow;
  doc: CharterDoc;
  versionNumber: number;
  editions: EditionRow[];
  inForceId: number | null;
  commentCounts: Map<number | null, number> | null;
  signatories: (SignatoryRow & { village: string | null; moo: number | null })[];
  photos: { id: number; caption: string; width: number; height: number; bytes: number }[];
  adoption: AdoptionInfo;
  review: { dueOn: string; state: "overdue" | "soon" | "ok"; days: number } | null;
  can: { comment: boolean; draft: boolean; manage: boolean; signedIn: boolean };
  /** True on the charter's stable page (the edition in force). */
  stable: boolean;
}

/** Links to the other editions of a charter. */
export function EditionList(props: {
  charter: CharterRow;
  editions: EditionRow[];
  inForceId: number | null;
  current?: number;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <ul class="edition-list">
      {props.editions.map((e) => (
        <li key={e.id}>
          {e.id === props.current ? (
            <strong aria-current="page">{editionLabel(e, lang, props.charter.digits)}</strong>
          ) : (
            <a href={`${base}/charter-editions/${e.id}`}>
              {editionLabel(e, lang, props.charter.digits)}
            </a>
          )}{" "}
          <StatusBadge
            edition={e}
            superseded={e.status === "adopted" && e.id !== props.inForceId}
          />
          {e.adoptedOn && (
            <span class="muted">
              {" "}
              · {t("edition.adoptedOn")} {dateIn(e.adoptedOn, lang, props.charter.digits)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The public page of an edition (and the charter's stable page showing the edition in force). */
export function EditionPage({ data }: { data: EditionPageData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, doc } = data;
  const d = charter.digits;
  const base = `/t/${tambon!.slug}`;
  const eb = `${base}/charter-editions/${edition.id}`;
  const superseded = edition.status === "adopted" && edition.id !== data.inForceId;
  const open = edition.status !== "adopted";
  const counts = data.commentCounts;
  const draftInProgress = data.editions.find((e) => e.status !== "adopted" && e.id !== edition.id);
  const previous = data.editions.find((e) => e.id === edition.basedOnEditionId);
  return (
    <article class="charter">
      <BackLink href={`${base}/charter`} class="back">
        {t("list.title")}
      </BackLink>
      <header class="charter-head">
        <h1 lang="th">{textIn(doc.title, d, lang)}</h1>
        <p class="edition-line">
          {editionLabel(edition, lang, d)} <StatusBadge edition={edition} superseded={superseded} />
          {open && (
            <span class="muted">
              {" "}
              · {t("draft.version", { n: num(data.versionNumber, d, lang) })}
            </span>
          )}
        </p>
        {open && <p class="notice">{t("edition.notAdopted")}</p>}
        {superseded && data.inForceId && (
          <p class="notice">
            {t("edition.superseded")}{" "}
            <a href={`${base}/charters/${charter.id}`}>{t("edition.readCurrent")}</a>
          </p>
        )}
        <dl class="charter-facts">
          {edition.adoptedOn && (
            <>
              <dt>{t("edition.adoptedOn")}</dt>
              <dd>
                {dateIn(edition.adoptedOn, lang, d)}{" "}
                {data.adoption.kind && t(`edition.adoptedBy.${data.adoption.kind}`)}
                {data.adoption.href && (
                  <>
                    {" "}
                    (<a href={data.adoption.href}>{data.adoption.text}</a>)
                  </>
                )}
              </dd>
            </>
          )}
          {edition.effectiveOn && edition.status === "adopted" && (
            <>
              <dt>{t("edition.effectiveOn")}</dt>
              <dd>{dateIn(edition.effectiveOn, lang, d)}</dd>
            </>
          )}
          {edition.signingOn && (
            <>
              <dt>{t("edition.signing")}</dt>
              <dd>
                {dateIn(edition.signingOn, lang, d)}
                {edition.signingPlace && ` · ${edition.signingPlace}`}
              </dd>
            </>
          )}
          {data.review && !superseded && (
            <>
              <dt>{t("edition.reviewDue")}</dt>
              <dd>
                {dateIn(data.review.dueOn, lang, d)}{" "}
                <span class="muted">
                  ({t("edition.reviewEvery", { n: num(edition.reviewYears, d, lang) })})
                </span>
                {data.review.state !== "ok" && (
                  <strong class={`review-${data.review.state}`}>
                    {" "}
                    {data.review.state === "overdue"
                      ? t("edition.reviewOverdue", { days: num(-data.review.days, d, lang) })
                      : t("edition.reviewSoon", { days: num(data.review.days, d, lang) })}
                  </strong>
                )}
              </dd>
            </>
          )}
          {edition.hearingStartsOn && edition.hearingEndsOn && (
            <>
              <dt>{t("edition.hearingPeriod")}</dt>
              <dd>
                {dateIn(edition.hearingStartsOn, lang, d)} –{" "}
                {dateIn(edition.hearingEndsOn, lang, d)}{" "}
                <a href={`${eb}/hearing`}>{t("action.hearing")}</a>
              </dd>
            </>
          )}
          {data.adoption.pendingVote && (
            <>
              <dt>{t("adopt.question")}</dt>
              <dd>
                <a href={data.adoption.pendingVote.href}>{data.adoption.pendingVote.phase}</a>
              </dd>
            </>
          )}
        </dl>
        <nav class="charter-actions" aria-label={t("actions.label")}>
          <ul>
            <li>
              <a href={`${eb}/print`}>{t("action.print")}</a>
            </li>
            <li>
              <a href={`${eb}/pdf`}>{t("action.pdf")}</a>
            </li>
            <li>
              <a href={`${eb}/card`}>{t("action.card")}</a>
            </li>
            {edition.status === "adopted" && (
              <li>
                <a href={`${eb}/follow-up`}>{t("action.followUp")}</a>
              </li>
            )}
            <li>
              <a href={`${eb}/versions`}>{t("action.versions")}</a>
            </li>
            {previous && (
              <li>
                <a href={`${eb}/diff?against=previous`}>{t("action.comparePrevious")}</a>
              </li>
            )}
            {(open || (counts && counts.size > 0)) && (
              <li>
                <a href={`${eb}/comments`}>{t("action.comments")}</a>
              </li>
            )}
            {(edition.status === "hearing" || edition.hearingStartsOn) && (
              <li>
                <a href={`${eb}/hearing`}>{t("action.hearing")}</a>
              </li>
            )}
            {data.can.manage && (
              <li>
                <a href={`${base}/admin/charter-editions/${edition.id}`}>
                  {open && data.can.draft ? t("action.editDraft") : t("action.manage")}
                </a>
              </li>
            )}
          </ul>
        </nav>
        {open && (
          <p class="notice">
            {t("edition.openForComments")}
            {!data.can.signedIn && (
              <>
                {" "}
                <a href={`/login?next=${encodeURIComponent(eb)}`}>{t("edition.loginToComment")}</a>
              </>
            )}
          </p>
        )}
      </header>
      {doc.chapters.length === 0 && !doc.preamble && <p class="muted">{t("edition.none")}</p>}
      <CharterText
        doc={doc}
        lang={lang}
        digits={d}
        after={
          open
            ? (key, n) => {
                const c = counts?.get(key) ?? 0;
                return (
                  <p class="clause-tools">
                    <a href={`${eb}/comments?clause=${key}`}>
                      {data.can.comment
                        ? t("edition.commentOn", { n: num(n, d, lang) })
                        : t("edition.comments", { n: num(c, d, lang) })}
                    </a>
                    {data.can.comment && c > 0 && (
                      <span class="muted"> · {t("edition.comments", { n: num(c, d, lang) })}</span>
                    )}
                  </p>
                );
              }
            : undefined
        }
      />
      {edition.status === "adopted" && (
        <section aria-labelledby="h-sign">
          <h2 id="h-sign">{t("sign.title")}</h2>
          <Signatories data={data} />
          {data.photos.length > 0 && (
            <>
              <h3>{t("photo.title")}</h3>
              <Photos photos={data.photos} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="h-editions">
        <h2 id="h-editions">{t("edition.editions")}</h2>
        <EditionList
          charter={charter}
          editions={data.editions}
          inForceId={data.inForceId}
          current={edition.id}
        />
        {draftInProgress && data.stable && (
          <p>
            {t("edition.draftInProgress")}:{" "}
            <a href={`${base}/charter-editions/${draftInProgress.id}`}>
              {editionLabel(draftInProgress, lang, d)}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}
