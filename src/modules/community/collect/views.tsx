import { assetUrl } from "../../../core/views/assets.ts";
import { collectPath } from "./shell.ts";
import { useCommunity } from "../shared/views.tsx";

/** What the page's head carries for the installable app. */
export function CollectHead({ slug }: { slug: string }) {
  const base = collectPath(slug);
  return (
    <>
      <link rel="manifest" href={`${base}/manifest.webmanifest`} />
      <meta name="theme-color" content="#0f5132" />
      <link rel="apple-touch-icon" href={`${base}/icon-192.png`} />
      <script src={assetUrl("community-collect")} defer />
    </>
  );
}

/** The collect app's shell: the script fills `#collect-view` with households and forms. */
export function CollectPage(props: { slug: string; csrf: string; hasVillage: boolean }) {
  const { t } = useCommunity();
  const base = collectPath(props.slug);
  const count = (key: "drafts" | "waiting" | "sent" | "conflicts") => (
    <li>
      <span class="collect-count" data-count={key}>
        –
      </span>{" "}
      {t(`collect.counts.${key}`)}
    </li>
  );
  return (
    <div
      id="collect"
      class="collect"
      data-slug={props.slug}
      data-csrf={props.csrf}
      data-data-url={`${base}/data.json`}
      data-sync-url={`${base}/sync`}
      data-sw={`${base}/sw.js`}
      data-scope={base}
    >
      <h1>{t("collect.title")}</h1>
      <p class="muted">{t("collect.intro")}</p>
      {!props.hasVillage && <p class="notice">{t("collect.forbidden")}</p>}
      <div class="collect-bar">
        <p id="collect-net" class="collect-net">
          {t("collect.loading")}
        </p>
        <ul class="collect-counts">
          {count("drafts")}
          {count("waiting")}
          {count("sent")}
          {count("conflicts")}
        </ul>
        <button type="button" id="collect-sync" class="button">
          {t("collect.sync")}
        </button>
        <p id="collect-status" role="status" aria-live="polite" class="collect-status"></p>
      </div>
      <noscript>
        <p class="notice">{t("collect.noscript")}</p>
      </noscript>
      <div id="collect-view"></div>
    </div>
  );
}
