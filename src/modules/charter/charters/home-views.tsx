import { useCtx } from "../../../core/views/ctx.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { textIn, useT } from "../shared/views.tsx";
import type { CharterRow, EditionRow } from "./queries.ts";

/** The charter section of a tambon's home page. */
export function HomeSection(props: {
  items: {
    charter: CharterRow;
    inForce: EditionRow | null;
    hearing: EditionRow | null;
    title: string;
    review: { dueOn: string; state: "overdue" | "soon" | "ok"; days: number } | null;
  }[];
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <section class="home-charter" aria-labelledby="h-home-charter">
      <h2 id="h-home-charter">{t("home.title")}</h2>
      <ul class="cards">
        {props.items.map(({ charter, inForce, hearing, title, review }) => {
          const d = charter.digits;
          return (
            <li key={charter.id}>
              <h3>
                <a href={`${base}/charters/${charter.id}`}>{textIn(title, d, lang)}</a>
              </h3>
              {inForce && (
                <p>
                  {editionLabel(inForce, lang, d)}
                  {inForce.adoptedOn &&
                    ` · ${t("edition.adoptedOn")} ${dateIn(inForce.adoptedOn, lang, d)}`}
                </p>
              )}
              {review && review.state !== "ok" && (
                <p class="review-reminder">
                  <strong class={`review-${review.state}`}>
                    {review.state === "overdue"
                      ? t("edition.reviewOverdue", { days: num(-review.days, d, lang) })
                      : t("edition.reviewSoon", { days: num(review.days, d, lang) })}
                  </strong>{" "}
                  · {t("edition.reviewDue")} {dateIn(review.dueOn, lang, d)}
                </p>
              )}
              {hearing && (
                <p>
                  <a href={`${base}/charter-editions/${hearing.id}/hearing`}>
                    {t("status.hearing")}: {editionLabel(hearing, lang, d)}
                  </a>
                  {hearing.hearingEndsOn && ` (${dateIn(hearing.hearingEndsOn, lang, d)})`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
