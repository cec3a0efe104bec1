import { useCtx } from "./ctx.ts";

/**
 * Previous/next links of a paged list (core/paging.ts), with where the reader is and how many
 * there are; nothing when the list fits on one page.
 */
export function Pager(props: {
  page: number;
  pages: number;
  total: number;
  href: (page: number) => string;
  /** What the navigation is called for screen readers (by default "pages of the list"). */
  label?: string;
}) {
  const { t, lang } = useCtx();
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
