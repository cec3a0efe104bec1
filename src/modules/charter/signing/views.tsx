import { useCtx } from "../../../core/views/ctx.ts";
import type { EditionPageData } from "../charters/edition-views.tsx";
import { textIn, useT } from "../shared/views.tsx";

/** Signatories grouped: pillars first, then village representatives by village. */
export function Signatories(props: {
  data: Pick<EditionPageData, "signatories" | "charter">;
  showScans?: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { signatories, charter } = props.data;
  const pillars = signatories.filter((s) => s.kind === "pillar");
  const villages = signatories.filter((s) => s.kind === "village");
  const base = `/t/${tambon!.slug}`;
  const row = (s: (typeof signatories)[number], first: string) => (
    <tr key={s.id}>
      <td>{first}</td>
      <td>{s.name}</td>
      <td>{s.position}</td>
      {props.showScans !== false && (
        <td>
          {s.scanMime ? (
            <a href={`${base}/charter-signatories/${s.id}/scan`}>
              <img
                src={`${base}/charter-signatories/${s.id}/scan?size=thumb`}
                alt={t("sign.scanOf", { name: s.name })}
                width={80}
                height={Math.round((80 * (s.scanHeight ?? 1)) / (s.scanWidth ?? 1))}
                loading="lazy"
              />
            </a>
          ) : (
            <span class="muted">—</span>
          )}
        </td>
      )}
    </tr>
  );
  if (!signatories.length) return <p class="muted">{t("sign.none")}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t("sign.title")}>
      <table class="signatories">
        <thead>
          <tr>
            <th scope="col">{t("sign.pillar")}</th>
            <th scope="col">{t("sign.name")}</th>
            <th scope="col">{t("sign.position")}</th>
            {props.showScans !== false && <th scope="col">{t("sign.scan")}</th>}
          </tr>
        </thead>
        <tbody>
          {pillars.map((s) => row(s, s.pillar))}
          {villages.map((s) =>
            row(s, `${t("sign.villages")}: ${textIn(s.village ?? "", charter.digits, lang)}`),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Ceremony photos as thumbnails linking to the full pictures, with pixel size and bytes. */
export function Photos(props: { photos: EditionPageData["photos"] }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <ul class="photos charter-photos">
      {props.photos.map((p) => {
        const caption = p.caption || t("photo.untitled");
        const w = 240;
        const h = Math.round((w * p.height) / Math.max(1, p.width));
        return (
          <li key={p.id}>
            <a href={`${base}/charter-photos/${p.id}`} aria-label={t("photo.open", { caption })}>
              <img
                src={`${base}/charter-photos/${p.id}?size=thumb`}
                alt={caption}
                width={w}
                height={h}
                loading="lazy"
              />
            </a>
            <p>
              {p.caption}
              <br />
              <span class="muted">
                {t("photo.size", {
                  w: p.width.toLocaleString(lang === "th" ? "th-TH" : "en"),
                  h: p.height.toLocaleString(lang === "th" ? "th-TH" : "en"),
                  bytes: p.bytes.toLocaleString(lang === "th" ? "th-TH" : "en"),
                })}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
