import { type NewsCard } from "./queries.ts";
import {
  EditLink,
  PhotoGrid,
  Prose,
  When,
  catName,
  fileUrl,
  type Category,
  type DocRow,
  type PhotoRow,
  useSiteT,
  useUrl,
  Thumb,
} from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { newsPath } from "./commands.ts";
import { pageHref } from "../../../core/paging.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { formatDate } from "../../../core/dates.ts";
import { DocList } from "../documents/views.tsx";
import { type FormState } from "../../../core/views/form.tsx";
import { bodyField, ONE_OF, SiteForm, type SiteField } from "../shared/form.tsx";

export function NewsItems({ items, categories }: { items: NewsCard[]; categories: Category[] }) {
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <ul class="news-list">
      {items.map((n) => (
        <li key={n.id}>
          {n.coverFile ? (
            <Thumb file={n.coverFile} alt="" size={120} />
          ) : (
            <span class="no-cover" aria-hidden="true" />
          )}
          <div>
            <h3>
              <a href={url(newsPath(n))}>{n.title}</a>
            </h3>
            <p class="muted">
              <When at={n.publishAt} />
              {n.categoryId && (
                <>
                  {" "}
                  ·{" "}
                  {catName(
                    categories.find((c) => c.id === n.categoryId),
                    lang,
                  )}
                </>
              )}
            </p>
            {n.summary && <p>{n.summary}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The news list with category filter and pages. */
export function NewsList(props: {
  items: NewsCard[];
  categories: Category[];
  category: Category | undefined;
  page: number;
  pages: number;
  total: number;
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  // The next and previous pages are named by the item they follow or precede (read from the
  // index there, however deep); page 1 needs none.
  const first = props.items[0]?.id;
  const last = props.items[props.items.length - 1]?.id;
  const q = (page: number) =>
    url(
      pageHref(
        "/news",
        {
          category: props.category?.slug,
          after: page === props.page + 1 ? last : undefined,
          before: page === props.page - 1 && page > 1 ? first : undefined,
        },
        page,
      ),
    );
  return (
    <>
      <h1>{props.category ? catName(props.category, lang) : t("news.title")}</h1>
      <nav class="chips" aria-label={t("news.category")}>
        <a href={url("/news")} aria-current={!props.category ? "page" : undefined}>
          {t("news.allCategories")}
        </a>
        {props.categories.map((c) => (
          <a
            key={c.id}
            href={url(`/news?category=${c.slug}`)}
            aria-current={props.category?.id === c.id ? "page" : undefined}
          >
            {catName(c, lang)}
          </a>
        ))}
      </nav>
      {props.items.length ? (
        <NewsItems items={props.items} categories={props.categories} />
      ) : (
        <p>{t("news.none")}</p>
      )}
      <Pager of={props} href={q} />
      <p>
        <a href={url("/feed.xml")}>{t("news.feed")}</a>
      </p>
    </>
  );
}

/** One news item with its cover, text, photos and documents. */
export function NewsView(props: {
  news: { title: string; bodyHtml: string; summary: string; publishAt: Date | null };
  category: Category | undefined;
  cover: PhotoRow | null;
  photos: PhotoRow[];
  albumId: number | null;
  docs: DocRow[];
  shareUrl: string;
  canEdit: string | null;
}) {
  const t = useSiteT();
  const { lang, tambon } = useCtx();
  const url = useUrl();
  const n = props.news;
  return (
    <article>
      <p class="muted">
        {props.category && (
          <>
            <a href={url(`/news?category=${props.category.slug}`)}>
              {catName(props.category, lang)}
            </a>
            {" · "}
          </>
        )}
        {n.publishAt && t("news.published", { date: formatDate(n.publishAt, lang) })}
      </p>
      <h1>{n.title}</h1>
      {props.cover && (
        <img
          class="cover"
          src={fileUrl(tambon!.slug, `${props.cover.file}-l.webp`)}
          alt={props.cover.caption || n.title}
          width={props.cover.width}
          height={props.cover.height}
          fetchpriority="high"
        />
      )}
      {n.summary && <p class="lead">{n.summary}</p>}
      <Prose html={n.bodyHtml} />
      {props.photos.length > 0 && (
        <section aria-labelledby="news-photos-h">
          <h2 id="news-photos-h">{t("news.gallery")}</h2>
          <PhotoGrid photos={props.photos} />
          {props.albumId && (
            <p>
              <a href={url(`/galleries/${props.albumId}`)}>{t("menu.galleries")} →</a>
            </p>
          )}
        </section>
      )}
      <DocList docs={props.docs} heading={t("page.documents")} />
      <p class="share">
        {t("news.share")}:{" "}
        <a
          href={`https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(props.shareUrl)}`}
          rel="noopener"
        >
          LINE
        </a>{" "}
        ·{" "}
        <a
          href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(props.shareUrl)}`}
          rel="noopener"
        >
          Facebook
        </a>
        <EditLink href={props.canEdit} />
      </p>
    </article>
  );
}

/** The news form (multipart, for the cover). */
export function NewsForm(props: {
  form: FormState;
  action: string;
  categories: { id: number; nameTh: string }[];
  albums: { id: number; title: string }[];
  cover: { file: string } | null;
  deleteAction?: string;
}) {
  const t = useSiteT();
  const { tambon } = useCtx();
  const categories = props.categories.map((c) => ({ value: String(c.id), label: c.nameTh }));
  const albums = [
    { value: "", label: t("field.noAlbum") },
    ...props.albums.map((a) => ({ value: String(a.id), label: a.title })),
  ];
  const statuses = (["draft", "published"] as const).map((s) => ({
    value: s,
    label: t(`status.${s}`),
  }));
  const thumb = props.cover && (
    <img
      src={fileUrl(tambon!.slug, `${props.cover.file}-t.webp`)}
      alt={t("field.cover")}
      width={120}
      height={120}
    />
  );
  const fields: SiteField[] = [
    { name: "title", label: t("field.title"), required: true, maxLength: 200 },
    { kind: "select", name: "categoryId", label: t("news.category"), options: categories },
    { kind: "textarea", name: "summary", label: t("field.summary"), rows: 2, maxLength: 500 },
    bodyField(t),
    thumb,
    { kind: "photos", name: "cover", label: t("field.cover") },
    {
      kind: "select",
      name: "albumId",
      label: t("field.album"),
      placeholder: false,
      options: albums,
    },
    { kind: "select", name: "status", label: t("field.status"), ...ONE_OF, options: statuses },
    {
      kind: "date",
      name: "publishAt",
      time: true,
      label: t("field.publishAt"),
      hint: t("field.publishAtHint"),
    },
  ];
  return (
    <SiteForm
      form={props.form}
      action={props.action}
      multipart
      label={t("admin.news")}
      fields={fields}
      deleteAction={props.deleteAction}
    />
  );
}
