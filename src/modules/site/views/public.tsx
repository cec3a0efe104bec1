import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { formatDate, formatDateTime } from "../../../core/dates.ts";
import { assetUrl } from "../../../core/views/assets.ts";
import type { NewsCard, SiteStats } from "../queries.ts";
import type { SearchHit } from "../search.ts";
import { bytesLabel, sizeLabel, snippet } from "../text.ts";
import { newsPath } from "../commands/news.ts";
import { documentPath } from "../commands/documents.ts";
import type { Complaint } from "../commands/complaints.ts";
import type { Job } from "../commands/jobs.ts";
import { Facts, Input, Marked, Prose, When, fileUrl, useSiteT, useUrl } from "./parts.tsx";

const nf = new Intl.NumberFormat("en-US");

type Category = { id: number; slug: string; nameTh: string; nameEn: string };
type Link = { id: number; labelTh: string; labelEn: string; url: string };
type AlbumCard = {
  id: number;
  title: string;
  photoCount: number;
  coverFile: string | null;
  createdAt: Date;
};
type PhotoRow = {
  id: number;
  file: string;
  ext: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
};
type DocRow = { id: number; title: string; file: string; ext: string; bytes: number };

const catName = (c: Category | undefined, lang: "th" | "en") =>
  c ? (lang === "en" && c.nameEn ? c.nameEn : c.nameTh) : "";

/** The statistics box as the seed shows it: opened, updated, visitors, page views. */
export function StatsBox({ stats }: { stats: SiteStats }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <section class="box stats-box" aria-labelledby="stats-box-h">
      <h2 id="stats-box-h">{t("stats.title")}</h2>
      <dl>
        {stats.opened && (
          <div>
            <dt>{t("stats.opened")}</dt>
            <dd>
              <When at={stats.opened} />
            </dd>
          </div>
        )}
        {stats.updated && (
          <div>
            <dt>{t("stats.updated")}</dt>
            <dd>
              <When at={stats.updated} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("stats.visitors")}</dt>
          <dd>{nf.format(stats.visitors)}</dd>
        </div>
        <div>
          <dt>{t("stats.views")}</dt>
          <dd>{nf.format(stats.views)}</dd>
        </div>
        <div>
          <dt>{t("stats.today")}</dt>
          <dd>{nf.format(stats.today)}</dd>
        </div>
        <div>
          <dt>{t("stats.yesterday")}</dt>
          <dd>{nf.format(stats.yesterday)}</dd>
        </div>
        <div>
          <dt>{t("stats.month")}</dt>
          <dd>{nf.format(stats.month)}</dd>
        </div>
      </dl>
      <p>
        <a href={url("/stats")}>{t("stats.pageTitle")}</a>
      </p>
    </section>
  );
}

function LinksBox({ links }: { links: Link[] }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <section class="box" aria-labelledby="jobs-box-h">
      <h2 id="jobs-box-h">{t("jobs.title")}</h2>
      <ul>
        <li>
          <a href={url("/jobs")}>{t("jobs.title")}</a>
        </li>
        {links.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noopener">
              {lang === "en" && l.labelEn ? l.labelEn : l.labelTh}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewsItems({ items, categories }: { items: NewsCard[]; categories: Category[] }) {
  const { lang, tambon } = useCtx();
  const url = useUrl();
  return (
    <ul class="news-list">
      {items.map((n) => (
        <li key={n.id}>
          {n.coverFile ? (
            <img
              src={fileUrl(tambon!.slug, `${n.coverFile}-t.webp`)}
              alt=""
              width={120}
              height={120}
              loading="lazy"
              decoding="async"
            />
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

/** What the site adds to the tambon's home page: latest news, albums, statistics, links. */
export function HomeSections(props: {
  news: NewsCard[];
  categories: Category[];
  albums: AlbumCard[];
  stats: SiteStats;
  links: Link[];
}) {
  const t = useSiteT();
  const { tambon } = useCtx();
  const url = useUrl();
  return (
    <div class="home-site">
      <div class="home-main">
        <section aria-labelledby="latest-news-h">
          <h2 id="latest-news-h">{t("home.latestNews")}</h2>
          {props.news.length ? (
            <NewsItems items={props.news} categories={props.categories} />
          ) : (
            <p>{t("news.none")}</p>
          )}
          <p>
            <a href={url("/news")}>{t("home.moreNews")} →</a>
          </p>
        </section>
        {props.albums.length > 0 && (
          <section aria-labelledby="home-albums-h">
            <h2 id="home-albums-h">{t("home.galleries")}</h2>
            <ul class="album-grid">
              {props.albums.map((a) => (
                <li key={a.id}>
                  <a href={url(`/galleries/${a.id}`)}>
                    {a.coverFile && (
                      <img
                        src={fileUrl(tambon!.slug, `${a.coverFile}-t.webp`)}
                        alt=""
                        width={240}
                        height={240}
                        loading="lazy"
                        decoding="async"
                      />
                    )}
                    <span>{a.title}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <aside class="home-side" aria-label={t("home.quick")}>
        <form method="get" action={url("/search")} role="search" class="search-box">
          <label for="home-q">{t("search.label")}</label>
          <input id="home-q" name="q" type="search" />
          <button type="submit">{t("search.title")}</button>
        </form>
        <section class="box" aria-labelledby="quick-h">
          <h2 id="quick-h">{t("home.quick")}</h2>
          <ul>
            <li>
              <a href={url("/complaints")}>{t("menu.complaints")}</a>
            </li>
            <li>
              <a href={url("/transparency")}>{t("menu.transparency")}</a>
            </li>
            <li>
              <a href={url("/corner")}>{t("menu.corner")}</a>
            </li>
            <li>
              <a href={url("/documents")}>{t("menu.documents")}</a>
            </li>
          </ul>
        </section>
        <StatsBox stats={props.stats} />
        <LinksBox links={props.links} />
      </aside>
    </div>
  );
}

/** A rich-text page with its attached documents. */
export function PageView(props: {
  title: string;
  html: string;
  updatedAt: Date;
  docs: DocRow[];
  canEdit: string | null;
}) {
  const t = useSiteT();
  return (
    <article>
      <h1>{props.title}</h1>
      {props.html ? <Prose html={props.html} /> : <p class="muted">{t("page.empty")}</p>}
      <DocList docs={props.docs} heading={t("page.documents")} />
      <p class="muted">
        {t("page.updated", { date: formatDate(props.updatedAt, useCtx().lang) })}
        {props.canEdit && (
          <>
            {" · "}
            <a href={props.canEdit}>{t("page.edit")}</a>
          </>
        )}
      </p>
    </article>
  );
}

function DocList({ docs, heading }: { docs: DocRow[]; heading: string }) {
  const { tambon } = useCtx();
  const t = useSiteT();
  if (!docs.length) return null;
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      <ul class="doc-list">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={`/t/${tambon!.slug}${documentPath(d)}`} download>
              {d.title}
            </a>{" "}
            <span class="muted">
              ({d.ext.toUpperCase()}, {sizeLabel(d.bytes)}) · {t("docs.download")}
            </span>
          </li>
        ))}
      </ul>
    </section>
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
  const q = (page: number) => url(pageHref("/news", { category: props.category?.slug }, page));
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
      <Pager page={props.page} pages={props.pages} total={props.total} href={q} />
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
        {props.canEdit && (
          <>
            {" · "}
            <a href={props.canEdit}>{t("page.edit")}</a>
          </>
        )}
      </p>
    </article>
  );
}

/** Photos as thumbnails, each a plain link to its own page (a lightbox script enhances them). */
export function PhotoGrid({ photos }: { photos: PhotoRow[] }) {
  const { tambon } = useCtx();
  const t = useSiteT();
  const url = useUrl();
  return (
    <>
      <ul class="gallery" data-lightbox>
        {photos.map((p, i) => (
          <li key={p.id}>
            <a
              href={url(`/photo/${p.id}`)}
              data-large={fileUrl(tambon!.slug, `${p.file}-l.webp`)}
              data-caption={p.caption}
            >
              <img
                src={fileUrl(tambon!.slug, `${p.file}-t.webp`)}
                alt={p.caption || t("gallery.photoN", { n: i + 1, total: photos.length })}
                width={240}
                height={240}
                loading="lazy"
                decoding="async"
              />
            </a>
            <span class="px">
              {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
            </span>
          </li>
        ))}
      </ul>
      <script src={assetUrl("site-js")} defer />
    </>
  );
}

/** The list of albums. */
export function GalleryList({ albums }: { albums: AlbumCard[] }) {
  const t = useSiteT();
  const { tambon } = useCtx();
  const url = useUrl();
  return (
    <>
      <h1>{t("gallery.title")}</h1>
      {albums.length === 0 ? (
        <p>{t("gallery.none")}</p>
      ) : (
        <ul class="album-grid">
          {albums.map((a) => (
            <li key={a.id}>
              <a href={url(`/galleries/${a.id}`)}>
                {a.coverFile && (
                  <img
                    src={fileUrl(tambon!.slug, `${a.coverFile}-t.webp`)}
                    alt=""
                    width={240}
                    height={240}
                    loading="lazy"
                    decoding="async"
                  />
                )}
                <span>{a.title}</span>
              </a>
              <span class="muted">
                {t("gallery.photos", { n: a.photoCount })} · <When at={a.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One album. */
export function AlbumView(props: { title: string; description: string; photos: PhotoRow[] }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <>
      <p>
        <a href={url("/galleries")}>← {t("gallery.title")}</a>
      </p>
      <h1>{props.title}</h1>
      {props.description && <p>{props.description}</p>}
      <p class="muted">{t("gallery.photos", { n: props.photos.length })}</p>
      <PhotoGrid photos={props.photos} />
    </>
  );
}

/** One photo on its own page: the lightbox without JavaScript. */
export function PhotoView(props: {
  photo: PhotoRow;
  index: number;
  total: number;
  prev: number | null;
  next: number | null;
  back: { href: string; label: string };
}) {
  const t = useSiteT();
  const { tambon } = useCtx();
  const url = useUrl();
  const p = props.photo;
  return (
    <figure class="photo-page">
      <p>
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <img
        src={fileUrl(tambon!.slug, `${p.file}-l.webp`)}
        alt={p.caption || t("gallery.photoN", { n: props.index, total: props.total })}
        width={p.width}
        height={p.height}
      />
      <figcaption>
        {p.caption && <strong>{p.caption}</strong>}{" "}
        <span>{t("gallery.photoN", { n: props.index, total: props.total })}</span> ·{" "}
        <span>
          {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
        </span>{" "}
        · <a href={fileUrl(tambon!.slug, `${p.file}.${p.ext}`)}>{t("gallery.original")}</a>
      </figcaption>
      <nav class="pager" aria-label={t("gallery.photoN", { n: props.index, total: props.total })}>
        {props.prev && (
          <a href={url(`/photo/${props.prev}`)} rel="prev">
            ← {t("gallery.prev")}
          </a>
        )}
        {props.next && (
          <a href={url(`/photo/${props.next}`)} rel="next">
            {t("gallery.next")} →
          </a>
        )}
      </nav>
    </figure>
  );
}

/** Every published document. */
export function DocumentsPage({ docs }: { docs: (DocRow & { createdAt: Date })[] }) {
  const t = useSiteT();
  const { tambon } = useCtx();
  return (
    <>
      <h1>{t("docs.title")}</h1>
      {docs.length === 0 ? (
        <p>{t("docs.none")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("docs.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("field.title")}</th>
                <th scope="col">{t("docs.type")}</th>
                <th scope="col" class="num">
                  {t("docs.size")}
                </th>
                <th scope="col">{t("stats.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/t/${tambon!.slug}${documentPath(d)}`} download>
                      {d.title}
                    </a>
                  </td>
                  <td>{d.ext.toUpperCase()}</td>
                  <td class="num">{sizeLabel(d.bytes)}</td>
                  <td>
                    <When at={d.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

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
      <Pager
        page={props.page}
        pages={props.pages}
        total={props.total}
        href={(p) => url(pageHref("/search", { q: props.q }, p))}
      />
    </>
  );
}

/** Job-market board. */
export function JobsPage(props: { jobs: Job[]; links: Link[]; canPost: boolean; form: FormState }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <>
      <h1>{t("jobs.title")}</h1>
      <p>{t("jobs.intro")}</p>
      {props.jobs.length === 0 ? (
        <p>{t("jobs.none")}</p>
      ) : (
        <ul class="cards">
          {props.jobs.map((j) => (
            <li key={j.id}>
              <h2>
                <a href={url(`/jobs/${j.id}`)}>{j.title}</a>
              </h2>
              <p>
                {j.employer}
                {j.place && ` · ${j.place}`}
                {j.wage && ` · ${j.wage}`}
              </p>
              <p class="muted">{t("jobs.closesOnDate", { date: formatDate(j.closesOn, lang) })}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("jobs.links")}</h2>
      <ul>
        {props.links.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noopener">
              {lang === "en" && l.labelEn ? l.labelEn : l.labelTh}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t("jobs.post")}</h2>
      {props.canPost ? (
        <JobForm form={props.form} action={url("/jobs")} />
      ) : (
        <p>{t("jobs.loginToPost")}</p>
      )}
    </>
  );
}

/** The form of a job posting (members and staff). */
export function JobForm({ form, action }: { form: FormState; action: string }) {
  const t = useSiteT();
  const ct = useCtx().t;
  return (
    <>
      <ErrorSummary form={form} />
      <Form action={action} label={t("jobs.post")}>
        <Field form={form} name="title" label={t("jobs.jobTitle")} required maxLength={200} />
        <Field form={form} name="employer" label={t("jobs.employer")} required maxLength={200} />
        <Field form={form} name="place" label={t("jobs.place")} maxLength={200} />
        <Field form={form} name="wage" label={t("jobs.wage")} maxLength={100} />
        <Field form={form} name="contact" label={t("jobs.contact")} required maxLength={200} />
        <Input form={form} name="closesOn" type="date" label={t("jobs.closesOn")} required />
        <TextArea form={form} name="details" label={t("jobs.details")} rows={4} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** One job posting. */
export function JobView({ job }: { job: Job }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <article>
      <p>
        <a href={url("/jobs")}>← {t("jobs.title")}</a>
      </p>
      <h1>{job.title}</h1>
      <Facts
        rows={[
          [t("jobs.employer"), job.employer],
          [t("jobs.place"), job.place],
          [t("jobs.wage"), job.wage],
          [t("jobs.contact"), job.contact],
          [t("jobs.closesOn"), formatDate(job.closesOn, lang)],
        ]}
      />
      {job.details && <p class="pre">{job.details}</p>}
    </article>
  );
}

/** The complaint form, the tracking form and the monthly statistics. */
export function ComplaintsPage(props: {
  form: FormState;
  perMonth: { month: string; n: number; closed: number }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const f = props.form;
  return (
    <>
      <h1>{t("complaint.title")}</h1>
      <p>{t("complaint.intro")}</p>
      <section aria-labelledby="track-h" class="box">
        <h2 id="track-h">{t("complaint.track")}</h2>
        <form method="get" action={url("/complaints/track")} class="search-box">
          <label for="track-code">{t("complaint.code")}</label>
          <input id="track-code" name="code" placeholder={t("complaint.codeHint")} />
          <button type="submit">{t("complaint.track")}</button>
        </form>
      </section>
      <h2>{t("complaint.submit")}</h2>
      <ErrorSummary form={f} />
      <Form action={url("/complaints")} multipart label={t("complaint.title")}>
        <SelectField
          form={f}
          name="kind"
          label={t("complaint.kind")}
          required
          placeholder={false}
          options={[
            { value: "complaint", label: t("complaint.kind.complaint") },
            { value: "request", label: t("complaint.kind.request") },
          ]}
        />
        <fieldset id="f-channel">
          <legend>{t("complaint.channel")}</legend>
          {f.errors.channel && (
            <p class="error" id="f-channel-err">
              {f.errors.channel}
            </p>
          )}
          {(["general", "corruption"] as const).map((c) => (
            <div class="field check" key={c}>
              <input
                type="radio"
                id={`f-channel-${c}`}
                name="channel"
                value={c}
                checked={(f.values.channel ?? "general") === c}
              />
              <label for={`f-channel-${c}`}>{t(`complaint.channel.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field form={f} name="subject" label={t("complaint.subject")} required maxLength={200} />
        <TextArea form={f} name="details" label={t("complaint.details")} required rows={6} />
        <Field form={f} name="location" label={t("complaint.location")} maxLength={500} />
        <Input
          form={f}
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          label={t("complaint.photo")}
          hint={t("field.photosHint")}
        />
        <p class="hint">{t("complaint.privacy")}</p>
        <Field form={f} name="name" label={t("complaint.name")} maxLength={200} />
        <Field form={f} name="contact" label={t("complaint.contact")} maxLength={200} />
        <button type="submit">{t("complaint.submit")}</button>
      </Form>
      <h2 id="per-month-h">{t("complaint.perMonth")}</h2>
      {props.perMonth.length === 0 ? (
        <p>{t("admin.nothing")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="per-month-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("complaint.month")}</th>
                <th scope="col" class="num">
                  {t("complaint.count")}
                </th>
                <th scope="col" class="num">
                  {t("complaint.closedCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.perMonth.map((m) => (
                <tr key={m.month}>
                  <td>{monthLabel(m.month, lang)}</td>
                  <td class="num">{m.n}</td>
                  <td class="num">{m.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const monthFormats = {
  th: new Intl.DateTimeFormat("th-TH", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

/** "2026-11" as "พฤศจิกายน 2569" or "November 2026". */
export function monthLabel(month: string, lang: "th" | "en"): string {
  return monthFormats[lang].format(new Date(`${month}-15T00:00:00Z`));
}

/** The status of a complaint as its filer sees it. */
export function TrackPage(props: {
  code: string;
  complaint: Complaint | null;
  events: { status: string; note: string; at: Date }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const c = props.complaint;
  return (
    <>
      <p>
        <a href={url("/complaints")}>← {t("complaint.title")}</a>
      </p>
      <h1>{t("complaint.track")}</h1>
      <form method="get" action={url("/complaints/track")} class="search-box">
        <label for="track-code">{t("complaint.code")}</label>
        <input
          id="track-code"
          name="code"
          value={props.code}
          placeholder={t("complaint.codeHint")}
        />
        <button type="submit">{t("complaint.track")}</button>
      </form>
      {props.code && !c && (
        <p class="error" role="alert">
          {t("complaint.notFound")}
        </p>
      )}
      {c && (
        <section aria-labelledby="case-h">
          <h2 id="case-h">
            {c.code}: {c.subject}
          </h2>
          <Facts
            rows={[
              [t("complaint.status"), <strong key="s">{t(`complaint.status.${c.status}`)}</strong>],
              [t("complaint.kind"), t(`complaint.kind.${c.kind}`)],
              [t("complaint.filedAt"), formatDateTime(c.createdAt, lang)],
              [t("complaint.answer"), c.answer],
            ]}
          />
          <h3>{t("complaint.history")}</h3>
          <ol class="timeline">
            {props.events.map((e, i) => (
              <li key={i}>
                <When at={e.at} /> — {t(`complaint.status.${e.status as Complaint["status"]}`)}
                {e.note && <>: {e.note}</>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
