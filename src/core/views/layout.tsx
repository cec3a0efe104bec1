import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { displayYear } from "../dates.ts";
import type { Tambon } from "../tenancy.ts";
import type { ViewCtx } from "./ctx.ts";
import { useCtx } from "./ctx.ts";
import { Form } from "./form.tsx";
import { assetUrl } from "./assets.ts";

/** The tambon's name with its kind, e.g. "เทศบาลตำบลล้อมแรด" or "อบต.ละงู". */
export function tambonTitle(tambon: Tambon, lang: ViewCtx["lang"]): string {
  if (lang === "en")
    return `${tambon.nameEn} ${tambon.kind === "sao" ? "SAO" : "Subdistrict Municipality"}`;
  return tambon.kind === "sao" ? `อบต.${tambon.nameTh}` : `เทศบาลตำบล${tambon.nameTh}`;
}

/** The copyright owner line of a tambon's footer. */
export function copyrightOwner(tambon: Tambon, lang: ViewCtx["lang"]): string {
  const own = lang === "en" ? tambon.ownerEn : tambon.ownerTh;
  if (own) return own;
  if (lang === "en") return tambonTitle(tambon, "en");
  return tambon.kind === "sao"
    ? `องค์การบริหารส่วนตำบล${tambon.nameTh}`
    : `เทศบาลตำบล${tambon.nameTh}`;
}

function langSwitchHref(ctx: ViewCtx): string {
  const to = ctx.lang === "th" ? "en" : "th";
  return `/lang?to=${to}&back=${encodeURIComponent(ctx.path)}`;
}

/** The header's brand block (logo, name, district and province): the tambon's and language's. */
function Brand({ tambon, lang, t }: Pick<ViewCtx, "tambon" | "lang" | "t">) {
  const home = tambon ? `/t/${tambon.slug}` : "/";
  const title = tambon ? tambonTitle(tambon, lang) : t("site.name");
  const subtitle = tambon
    ? `${t("place.district", { name: lang === "en" ? tambon.districtEn : tambon.districtTh })} ${t("place.province", { name: lang === "en" ? tambon.provinceEn : tambon.provinceTh })}`
    : t("site.tagline");
  return (
    <>
      {tambon?.logoPath && <img src={tambon.logoPath} alt="" width={48} height={48} />}
      <div>
        <a class="site-title" href={home}>
          {title}
        </a>
        <p class="site-sub">{subtitle}</p>
      </div>
    </>
  );
}

function Header({ brand }: { brand: string }) {
  const ctx = useCtx();
  const { t, tambon, actor } = ctx;
  return (
    <header class="site-header">
      <div class="brand" dangerouslySetInnerHTML={{ __html: brand }} />
      {/* On a phone the menu folds behind one button (a <details>, so it opens without
          JavaScript); from 48rem on the stylesheet shows it whole and hides the button. */}
      <nav class="main-nav" aria-label={t("nav.menu")}>
        <details class="menu">
          <summary>
            <span class="menu-icon" aria-hidden="true" />
            {t("nav.menu")}
          </summary>
          <ul>
            {ctx.nav.map((item) =>
              item.children?.length ? (
                <li key={item.href} class="has-sub">
                  <details>
                    <summary>{item.label}</summary>
                    <ul>
                      {item.children.map((c) => (
                        <li key={c.href}>
                          <a href={c.href} aria-current={c.current ? "page" : undefined}>
                            {c.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ) : (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.current ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ),
            )}
          </ul>
        </details>
      </nav>
      <div class="user-nav">
        <a href={langSwitchHref(ctx)} lang={ctx.lang === "th" ? "en" : "th"} class="lang-switch">
          {t("nav.switchTo")}
        </a>
        {actor.user ? (
          <>
            <a href="/account">{t("nav.account")}</a>
            {actor.user.isNetworkAdmin && <a href="/admin">{t("nav.networkAdmin")}</a>}
            <Form action="/logout" class="inline">
              <button type="submit" class="link">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <a href={`/login?next=${encodeURIComponent(ctx.path)}`}>{t("nav.login")}</a>
            {tambon && <a href={`/t/${tambon.slug}/signup`}>{t("nav.signup")}</a>}
          </>
        )}
      </div>
    </header>
  );
}

/** The footer's content: the tambon's copyright, contact and the platform's line. */
function FooterBody({
  tambon,
  lang,
  t,
  now,
}: Pick<ViewCtx, "tambon" | "lang" | "t"> & { now: number }) {
  if (!tambon) return <p>{t("footer.platform")}</p>;
  const start = tambon.siteOpened ? displayYear(tambon.siteOpened, lang) : now;
  const years = start < now ? `${start}–${now}` : String(now);
  return (
    <>
      <p>{t("footer.copyright", { years, owner: copyrightOwner(tambon, lang) })}</p>
      {(tambon.address || tambon.phone || tambon.email) && (
        <p>
          {t("footer.contact")}: {tambon.address}
          {tambon.phone && (
            <>
              {" "}
              ·{" "}
              <a class="nowrap" href={`tel:${tambon.phone.replace(/[^0-9+]/g, "")}`}>
                {tambon.phone}
              </a>
            </>
          )}
          {tambon.email && (
            <>
              {" "}
              · <a href={`mailto:${tambon.email}`}>{tambon.email}</a>
            </>
          )}
        </p>
      )}
      <p class="muted">
        {t("footer.platform")} · <a href="/">{t("footer.network")}</a>
      </p>
    </>
  );
}

/**
 * The parts of the page frame that depend only on the tambon and the language (never on the
 * viewer or the address), rendered once and kept. A change to a tambon reloads the directory,
 * which makes new tambon objects: their fragments are made afresh, and the old ones go with the
 * old objects. The footer's current year is part of the key.
 */
export interface LayoutFragments {
  brand: string;
  footer: string;
}

const fragmentsByTambon = new WeakMap<Tambon, Map<string, LayoutFragments & { year: number }>>();
const networkFragments = new Map<string, LayoutFragments & { year: number }>();

/**
 * The frame's fragments for this page's tambon and language, rendered on first use (outside any
 * render: renderPage asks for them before it renders the page).
 */
export function layoutFragments(ctx: Pick<ViewCtx, "tambon" | "lang" | "t">): LayoutFragments {
  const { tambon, lang, t } = ctx;
  const now = displayYear(new Date(), lang);
  let kept = networkFragments;
  if (tambon) {
    const known = fragmentsByTambon.get(tambon);
    if (known) kept = known;
    else fragmentsByTambon.set(tambon, (kept = new Map()));
  }
  let fragments = kept.get(lang);
  if (!fragments || fragments.year !== now) {
    fragments = {
      year: now,
      brand: renderToString(<Brand tambon={tambon} lang={lang} t={t} />),
      footer: renderToString(<FooterBody tambon={tambon} lang={lang} t={t} now={now} />),
    };
    kept.set(lang, fragments);
  }
  return fragments;
}

/** True when a page's own head tags hold Open Graph tags (a news item's, an album's). */
function hasOpenGraph(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasOpenGraph);
  if (!node || typeof node !== "object" || !("props" in node)) return false;
  const { props } = node as { props: { property?: unknown; children?: unknown } };
  if (typeof props.property === "string" && props.property.startsWith("og:")) return true;
  return hasOpenGraph(props.children);
}

/**
 * The site's Thai font (loaded early), its stylesheet and an empty icon (no request for
 * favicon.ico): the head of every page, the framed ones and the standalone documents.
 */
export function SiteAssets() {
  return (
    <>
      <link
        rel="preload"
        href={assetUrl("font-thai-400")}
        as="font"
        type="font/woff2"
        crossOrigin="anonymous"
      />
      <link rel="stylesheet" href={assetUrl("css")} />
      <link rel="icon" href="data:," />
    </>
  );
}

/** The page frame: header with menu and language switch, main content, footer. */
export function Layout(props: {
  title: string;
  children: ComponentChildren;
  description?: string;
  head?: ComponentChildren;
  /** The frame's kept fragments (layoutFragments). */
  fragments: LayoutFragments;
}) {
  const ctx = useCtx();
  const { fragments } = props;
  const siteName = ctx.tambon ? tambonTitle(ctx.tambon, ctx.lang) : ctx.t("site.name");
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === siteName ? siteName : `${props.title} · ${siteName}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {!hasOpenGraph(props.head) && (
          <>
            <meta property="og:type" content="website" />
            <meta property="og:site_name" content={siteName} />
            <meta property="og:title" content={props.title} />
            <meta property="og:description" content={props.description ?? siteName} />
            <meta name="twitter:card" content="summary" />
          </>
        )}
        <SiteAssets />
        {ctx.tambon && (
          // The tambon's site installs on a phone (src/core/pwa).
          <>
            <link rel="manifest" href={`/t/${ctx.tambon.slug}/manifest.webmanifest`} />
            <link rel="apple-touch-icon" href={`/t/${ctx.tambon.slug}/icons/icon-192.png`} />
            <script
              src={`/t/${ctx.tambon.slug}/pwa.js`}
              defer
              data-sw={`/t/${ctx.tambon.slug}/sw.js`}
              data-scope={`/t/${ctx.tambon.slug}`}
            />
          </>
        )}
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {ctx.t("nav.skip")}
        </a>
        {ctx.tambon?.isDemo && (
          <aside class="demo-banner" aria-label={ctx.t("demo.label")}>
            {ctx.t("demo.banner")}
          </aside>
        )}
        <Header brand={fragments.brand} />
        <main id="main" tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {ctx.tambon && ctx.actor.pendingIn?.has(ctx.tambon.id) && (
            <p class="flash" role="note">
              {ctx.t("status.pendingNotice")}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: fragments.footer }} />
      </body>
    </html>
  );
}
