import { useCtx } from "./ctx.ts";

/** Where a paged list is: its page, how many pages and how many items (a `Page` has them). */
interface PageInfo {
  page: number;
  pages: number;
  total: number;
}

/**
 * Previous/next links of a paged list (core/paging.ts), with where the reader is and how many
 * there are; nothing when the list fits on one page. `of` takes them from a page of a list
 * (`paged()`), or `page`, `pages` and `total` give them one by one.
 */
export function Pager(
  p: {
    href: (page: number) => string;
    /** What the navigation is called for screen readers (by default "pages of the list"). */
    label?: string;
  } & (PageInfo | { of: PageInfo }),
) {
  const { t, lang } = useCtx();
  const props = { ...p, ...("of" in p ? p.of : {}) } as PageInfo & typeof p;
  if (props.pages <= 1) return null;
  const n = (v: number) => v.toLocaleString(lang === "en" ? "en-GB" : "th-TH");
  return (
    <nav class="pager" aria-label={props.label ?? t("pager.label")}>
      {props.page > 1 && (
        <a href={props.href(props.page - 1)} rel="prev">
          {t("pager.prev")}
        </a>
      )}
      <span aria-current="page">
        {t("pager.pageOf", { page: n(props.page), pages: n(props.pages), total: n(props.total) })}
      </span>
      {props.page < props.pages && (
        <a href={props.href(props.page + 1)} rel="next">
          {t("pager.next")}
        </a>
      )}
    </nav>
  );
}
