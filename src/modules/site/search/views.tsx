import { SEARCH_CANDIDATES, type SearchFacet, type SearchHit } from "./queries.ts";
import { type SearchKind } from "./commands.ts";
import { Marked, nf, useSiteT, useUrl } from "../shared/views.tsx";
import { snippetsOf } from "../shared/text.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

/** Search form and results. */
export function SearchPage(props: {
  q: string;
  /** The kind the results are limited to, if any. */
  kind?: SearchKind;
  /** Matches per kind (of every kind, whatever `kind` is). */
  facets?: SearchFacet[];
  total: number;
  /** More matched than were counted: the total shows as "1,000+". */
  capped?: boolean;
  hits: SearchHit[];
  page: number;
  pages: number;
}) {
  const t = useSiteT();
  const url = useUrl();
  const facets = props.facets ?? [];
  const sum = facets.reduce((n, f) => n + f.count, 0);
  const all = Math.min(sum, SEARCH_CANDIDATES);
  const allCapped = sum > SEARCH_CANDIDATES || facets.some((f) => f.capped);
  const snippet = snippetsOf(props.q);
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
            ? t("search.results", { n: howMany(props.total, props.capped), q: props.q })
            : t("search.none", { q: props.q })}
        </p>
      )}
      {props.q && facets.length > 1 && (
        <nav class="search-kinds" aria-label={t("search.kinds")}>
          <ul>
            <li>
              <a
                href={url(pageHref("/search", { q: props.q }, 1))}
                aria-current={props.kind ? undefined : "page"}
              >
                {t("search.allKinds")} <span class="count">{howMany(all, allCapped)}</span>
              </a>
            </li>
            {facets.map((f) => (
              <li key={f.kind}>
                <a
                  href={url(pageHref("/search", { q: props.q, kind: f.kind }, 1))}
                  aria-current={props.kind === f.kind ? "page" : undefined}
                >
                  {t(`search.kind.${f.kind}`)}{" "}
                  <span class="count">{howMany(f.count, f.capped)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ol class="results">
        {props.hits.map((h) => (
          <li key={`${h.kind}-${h.refId}`}>
            <span class="badge">{t(`search.kind.${h.kind}`)}</span>{" "}
            <a href={url(h.url)}>
              <Marked parts={snippet(h.title, 200)} />
            </a>
            {h.body && h.kind !== "document" && (
              <p>
                <Marked parts={snippet(h.body, 180, h.cut)} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager
        of={props}
        href={(p) => url(pageHref("/search", { q: props.q, kind: props.kind }, p))}
      />
    </>
  );
}

/** A count as shown: "1,000+" when more matched than were counted. */
function howMany(n: number, capped?: boolean): string {
  return capped ? `${nf.format(n)}+` : nf.format(n);
}
