import type { ComponentChildren } from "preact";
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

function Header() {
  const ctx = useCtx();
  const { t, tambon, actor } = ctx;
  const home = tambon ? `/t/${tambon.slug}` : "/";
  const title = tambon ? tambonTitle(tambon, ctx.lang) : t("site.name");
  const subtitle = tambon
    ? `${t("place.district", { name: ctx.lang === "en" ? tambon.districtEn : tambon.districtTh })} ${t("place.province", { name: ctx.lang === "en" ? tambon.provinceEn : tambon.provinceTh })}`
    : t("site.tagline");
  return (
    <header class="site-header">
      <div class="brand">
        {tambon?.logoPath && <img src={tambon.logoPath} alt="" width={48} height={48} />}
        <div>
          <a class="site-title" href={home}>
            {title}
          </a>
          <p class="site-sub">{subtitle}</p>
        </div>
      </div>
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

function Footer() {
  const ctx = useCtx();
  const { t, tambon } = ctx;
  const now = displayYear(new Date(), ctx.lang);
  if (!tambon) {
    return (
      <footer class="site-footer">
        <p>{t("footer.platform")}</p>
      </footer>
    );
  }
  const start = tambon.siteOpened ? displayYear(tambon.siteOpened, ctx.lang) : now;
  const years = start < now ? `${start}–${now}` : String(now);
  return (
    <footer class="site-footer">
      <p>{t("footer.copyright", { years, owner: copyrightOwner(tambon, ctx.lang) })}</p>
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
    </footer>
  );
}

/** True when a page's own head tags hold Open Graph tags (a news item's, an album's). */
function hasOpenGraph(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasOpenGraph);
  if (!node || typeof node !== "object" || !("props" in node)) return false;
  const { props } = node as { props: { property?: unknown; children?: unknown } };
  if (typeof props.property === "string" && props.property.startsWith("og:")) return true;
  return hasOpenGraph(props.children);
}

/** The page frame: header with menu and language switch, main content, footer. */
export function Layout(props: {
  title: string;
  children: ComponentChildren;
  description?: string;
  head?: ComponentChildren;
}) {
  const ctx = useCtx();
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
        <link
          rel="preload"
          href={assetUrl("font-thai-400")}
          as="font"
          type="font/woff2"
          crossOrigin="anonymous"
        />
        <link rel="stylesheet" href={assetUrl("css")} />
        <link rel="icon" href="data:," />
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
        <Header />
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
        <Footer />
      </body>
    </html>
  );
}
