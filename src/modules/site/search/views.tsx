import { type SearchHit } from "./queries.ts";
import { Marked, useSiteT, useUrl } from "../shared/views.tsx";
import { snippet } from "../shared/text.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

/** Search form and results. */
export function SearchPage(props: {
  q: string;
  total: number;
  /** More matched than were counted: the total shows as "1,000+". */
  capped?: boolean;
  hits: SearchHit[];
  page: number;
  pages: number;
}) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <>
      <h1>{t("search.title")}</h1>
      <form method="get" action={url("/search")} role="search" class="search-box wide">
        <label for="q">{t("search.label")}</label>
        <input id="q" name="q" type="search" value={props.q} />
        <button type="submit">{t("search.title")}</button>
      </form>
      {props.q && (
        <p role="status">
          {props.total
            ? t("search.results", {
                n: props.capped
                  ? `${props.total.toLocaleString("en-US")}+`
                  : props.total.toLocaleString("en-US"),
                q: props.q,
              })
            : t("search.none", { q: props.q })}
        </p>
      )}
      <ol class="results">
        {props.hits.map((h) => (
          <li key={`${h.kind}-${h.refId}`}>
            <span class="badge">{t(`search.kind.${h.kind}`)}</span>{" "}
            <a href={url(h.url)}>
              <Marked parts={snippet(h.title, props.q, 200)} />
            </a>
            {h.body && h.kind !== "document" && (
              <p>
                <Marked parts={snippet(h.body, props.q)} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager of={props} href={(p) => url(pageHref("/search", { q: props.q }, p))} />
    </>
  );
}
