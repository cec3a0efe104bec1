import { CARD_IMAGE } from "./card-image.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { StandaloneDoc } from "../../../core/views/standalone.tsx";
import { copyrightOwner, tambonTitle } from "../../../core/views/layout.tsx";
import { PROGRESS, type Progress } from "../edition.ts";
import type { CharterDoc } from "../document.ts";
import { numberDoc } from "../document.ts";
import { chapterLabel, dateIn, editionLabel, num } from "../present.ts";
import { Paras, textIn, useT } from "../shared/views.tsx";
import { CharterText } from "../views/text.tsx";
import type { SignatoryRow, CharterRow, EditionRow } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

type Signatory = SignatoryRow & { village: string | null; moo: number | null };

/** The signature page: who signed for each pillar and village, with their signed-page scans or a line to sign on. */
function SignaturePage(props: {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  signatories: Signatory[];
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition } = props;
  const d = charter.digits;
  const base = `/t/${tambon!.slug}`;
  const box = (s: Signatory, caption: string) => (
    <li key={s.id} class="sign-box">
      <span class="sign-caption">{textIn(caption, d, lang)}</span>
      {s.scanMime ? (
        <img
          src={`${base}/charter-signatories/${s.id}/scan?size=thumb`}
          alt={t("sign.scanOf", { name: s.name })}
          width={140}
          height={Math.round((140 * (s.scanHeight ?? 1)) / (s.scanWidth ?? 1))}
        />
      ) : (
        <span class="sign-line" aria-hidden="true" />
      )}
      <span class="sign-name">({s.name})</span>
      <span class="sign-position">{textIn(s.position, d, lang)}</span>
    </li>
  );
  const pillars = props.signatories.filter((s) => s.kind === "pillar");
  const villages = props.signatories.filter((s) => s.kind === "village");
  return (
    <section class="signature-page" aria-labelledby="h-signature-page">
      <h2 id="h-signature-page">{t("sign.page")}</h2>
      <p>{t("sign.declare", { title: textIn(props.title, d, lang) })}</p>
      {edition.signingOn && (
        <p>
          {t("edition.signing")} {dateIn(edition.signingOn, lang, d)}
          {edition.signingPlace && ` · ${edition.signingPlace}`}
        </p>
      )}
      {props.signatories.length === 0 && <p class="muted">{t("sign.none")}</p>}
      {pillars.length > 0 && (
        <>
          <h3>{t("sign.pillar")}</h3>
          <ul class="sign-grid">{pillars.map((s) => box(s, s.pillar))}</ul>
        </>
      )}
      {villages.length > 0 && (
        <>
          <h3>{t("sign.villages")}</h3>
          <ul class="sign-grid">{villages.map((s) => box(s, s.village ?? ""))}</ul>
        </>
      )}
    </section>
  );
}

/** The print layout of an edition: A4 pages, Thai font, page numbers, then the signature page. */
export function PrintPage(props: {
  charter: CharterRow;
  edition: EditionRow;
  doc: CharterDoc;
  versionNumber: number;
  signatories: Signatory[];
  onlineUrl: string;
  backUrl: string;
  noPdf: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, doc } = props;
  const d = charter.digits;
  const label = editionLabel(edition, lang, d);
  return (
    <StandaloneDoc
      title={`${textIn(doc.title, d, lang)} ${label}`}
      bodyClass={`print-doc${d === "thai" && lang === "th" ? " digits-thai" : ""}`}
    >
      <div class="print-tools">
        <BackLink href={props.backUrl}>{t("print.url")}</BackLink>
        <p class="muted">{t("print.hint")}</p>
        {props.noPdf && (
          <p class="notice" role="status">
            {t("print.noPdf")}
          </p>
        )}
      </div>
      <main id="main">
        <header class="print-cover">
          <p class="print-issuer">{copyrightOwner(tambon!, lang)}</p>
          <h1>{textIn(doc.title, d, lang)}</h1>
          <p class="print-edition">{label}</p>
          {edition.status !== "adopted" && (
            <p class="print-draft">
              {t("status.draft")} · {t("draft.version", { n: num(props.versionNumber, d, lang) })}
            </p>
          )}
          {edition.adoptedOn && (
            <p>
              {t("edition.adoptedOn")} {dateIn(edition.adoptedOn, lang, d)}
            </p>
          )}
          <p class="print-url muted">
            {t("print.url")}: {props.onlineUrl}
          </p>
        </header>
        <CharterText doc={doc} lang={lang} digits={d} />
        {edition.status === "adopted" && (
          <SignaturePage
            charter={charter}
            edition={edition}
            title={doc.title}
            signatories={props.signatories}
          />
        )}
      </main>
    </StandaloneDoc>
  );
}

/** The one-page summary card of an edition, for sharing. */
export function CardPage(props: {
  charter: CharterRow;
  edition: EditionRow;
  doc: CharterDoc;
  pillarsSigned: number;
  villagesSigned: number;
  villages: number;
  progress: Record<Progress, number> | null;
  url: string;
  origin: string;
  /** The card's preview picture (path on this site). */
  image: string;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, doc } = props;
  const d = charter.digits;
  const n = (x: number) => num(x, d, lang);
  const label = editionLabel(edition, lang, d);
  const numbering = numberDoc(doc);
  const firstPara = doc.preamble.split(/\n{2,}/)[0] ?? "";
  const excerpt = firstPara.length > 280 ? `${firstPara.slice(0, 277)}…` : firstPara;
  const title = `${textIn(doc.title, d, lang)} ${label}`;
  return (
    <StandaloneDoc
      title={`${t("card.title")} · ${title}`}
      bodyClass="card-doc"
      head={
        <>
          <meta name="description" content={excerpt || title} />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={excerpt || title} />
          <meta property="og:url" content={`${props.origin}${props.url}`} />
          <meta property="og:type" content="article" />
          <meta property="og:image" content={`${props.origin}${props.image}`} />
          <meta property="og:image:type" content="image/png" />
          <meta property="og:image:width" content={String(CARD_IMAGE.width)} />
          <meta property="og:image:height" content={String(CARD_IMAGE.height)} />
          <meta property="og:image:alt" content={title} />
          <meta name="twitter:card" content="summary_large_image" />
        </>
      }
    >
      <main id="main" class="charter-card">
        <p class="card-issuer">{tambonTitle(tambon!, lang)}</p>
        <h1>{textIn(doc.title, d, lang)}</h1>
        <p class="card-edition">
          {label}
          {edition.adoptedOn &&
            ` · ${t("edition.adoptedOn")} ${dateIn(edition.adoptedOn, lang, d)}`}
        </p>
        {excerpt && <Paras text={textIn(excerpt, d, lang)} class="card-lead" />}
        <h2>{t("card.chapters")}</h2>
        <ul class="card-chapters">
          {doc.chapters.map((c, i) => (
            <li key={c.key}>
              <strong>{chapterLabel(i + 1, lang, d)}</strong> {textIn(c.title, d, lang)}{" "}
              <span class="muted">({t("edition.clauses", { n: n(c.clauses.length) })})</span>
            </li>
          ))}
        </ul>
        <h2>{t("card.facts")}</h2>
        <ul class="stats card-stats">
          <li>
            <strong>{n(numbering.clauses)}</strong> {t("card.clauses")}
          </li>
          {edition.status === "adopted" && (
            <>
              <li>
                <strong>{n(props.pillarsSigned)}</strong> {t("card.pillars")}
              </li>
              <li>
                <strong>
                  {n(props.villagesSigned)}/{n(props.villages)}
                </strong>{" "}
                {t("card.villages")}
              </li>
            </>
          )}
          {props.progress && (
            <li>
              <strong>
                {n(props.progress.done)}/{n(PROGRESS.reduce((a, p) => a + props.progress![p], 0))}
              </strong>{" "}
              {t("card.done")}
            </li>
          )}
        </ul>
        <p class="card-url">
          {t("card.share")}: <a href={props.url}>{`${props.origin}${props.url}`}</a>
        </p>
      </main>
    </StandaloneDoc>
  );
}
