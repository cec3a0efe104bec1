import { msg } from "../messages.ts";
import type { Label } from "../forms/definition.ts";
import type { QuestionFigures, QuestionRow } from "./aggregate.ts";
import type { CommunityFigures, VillageFigures } from "./load.ts";
import { useCommunity } from "../shared/views.tsx";

type Lang = "th" | "en";
const text = (l: Label, lang: Lang) => (lang === "en" && l.en ? l.en : l.th);
const num = (n: number | null, hidden: string) => (n === null ? hidden : n.toLocaleString("th-TH"));

/** "หมู่ที่ 3 บ้านนา" / "Moo 3 Ban Na". */
export function villageName(v: Pick<VillageFigures, "moo" | "nameTh" | "nameEn">, lang: Lang) {
  return msg.t(lang)("fig.villageLink", {
    moo: v.moo,
    name: lang === "en" && v.nameEn ? v.nameEn : v.nameTh,
  });
}

/** A choice's cell: "12 (40%)", "<5", or the share alone when the count is shown but no rate. */
function cellText(count: number | null, rate: number | null, lang: Lang): string {
  const t = msg.t(lang);
  if (count === null) return t("fig.hidden");
  if (rate === null) return count.toLocaleString("th-TH");
  return t("fig.share", { n: count.toLocaleString("th-TH"), rate: rate.toLocaleString("th-TH") });
}

function QuestionTable(p: {
  q: QuestionFigures;
  rows: { head: string; href?: string; row: QuestionRow }[];
  caption: string;
}) {
  const { lang, t } = useCommunity();
  const numeric = p.q.type === "integer" || p.q.type === "decimal";
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={p.caption}>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fig.village")}</th>
            {numeric ? (
              <th scope="col">{t("fig.mean")}</th>
            ) : (
              p.q.choices.map((c) => (
                <th scope="col" key={c.name}>
                  {text(c.label, lang)}
                </th>
              ))
            )}
            <th scope="col">{t("fig.answered")}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map(({ head, href, row }, i) => (
            <tr key={i}>
              <th scope="row">{href ? <a href={href}>{head}</a> : head}</th>
              {numeric ? (
                <td>{row.mean === null ? t("fig.none") : row.mean.toLocaleString("th-TH")}</td>
              ) : (
                row.cells.map((c) => <td key={c.value}>{cellText(c.count, c.rate, lang)}</td>)
              )}
              <td>{num(row.answered, t("fig.hidden"))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The figures page of the tambon, or of one village (`village`): households and people, the
 * population pyramid, each open survey's questions by village for the latest round and their
 * trend between rounds, and the figures imported. Aggregates only, small counts as "<5".
 */
export function FiguresPage(p: {
  data: CommunityFigures;
  base: string;
  village?: VillageFigures;
  pyramidSvg: string;
  title: string;
}) {
  const { lang, t } = useCommunity();
  const hidden = t("fig.hidden");
  const { data } = p;
  const byId = new Map(data.villages.map((v) => [v.id, v]));
  const dl = p.village ? `${p.base}/villages/${p.village.moo}` : p.base;
  return (
    <>
      {p.village && (
        <p>
          <a href={p.base}>{t("fig.back")}</a>
        </p>
      )}
      <h1>{p.title}</h1>
      <p>{t("fig.intro")}</p>
      <ul class="figures-totals">
        <li>
          {t("fig.households")}: <strong>{num(data.totals.households, hidden)}</strong>
        </li>
        <li>
          {t("fig.people")}: <strong>{num(data.totals.people, hidden)}</strong>
        </li>
      </ul>
      {!p.village && (
        <section aria-labelledby="fig-villages-h">
          <h2 id="fig-villages-h">{t("fig.villages")}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t("fig.villages")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fig.village")}</th>
                  <th scope="col">{t("fig.households")}</th>
                  <th scope="col">{t("fig.people")}</th>
                </tr>
              </thead>
              <tbody>
                {data.villages.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <a href={`${p.base}/villages/${v.moo}`}>{villageName(v, lang)}</a>
                    </th>
                    <td>{num(v.households, hidden)}</td>
                    <td>{num(v.people, hidden)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="fig-pyramid-h">
        <h2 id="fig-pyramid-h">{t("fig.pyramid")}</h2>
        {data.pyramid.counted ? (
          <figure class="figures-pyramid">
            {/* Drawn on the server from counts and fixed words only (pyramid.ts escapes them). */}
            <div dangerouslySetInnerHTML={{ __html: p.pyramidSvg }} />
            <figcaption>
              {t("fig.pyramidOf", { n: data.pyramid.counted.toLocaleString("th-TH") })}
            </figcaption>
          </figure>
        ) : (
          <p>{t("fig.pyramidEmpty")}</p>
        )}
      </section>
      <section aria-labelledby="fig-surveys-h">
        <h2 id="fig-surveys-h">{t("fig.surveys")}</h2>
        {data.forms.length === 0 && <p>{t("fig.noSurveys")}</p>}
        {data.forms.map((f) => (
          <section key={f.id} aria-labelledby={`fig-form-${f.id}`}>
            <h3 id={`fig-form-${f.id}`}>{f.title}</h3>
            {f.questions.map((q) => (
              <div key={q.name} class="figures-question">
                <h4>{text(q.label, lang)}</h4>
                {q.repeat && <p class="muted">{t("fig.perEntry")}</p>}
                {q.rows.every((r) => r.answered === 0) ? (
                  <p>{t("fig.noAnswers")}</p>
                ) : (
                  <QuestionTable
                    q={q}
                    caption={q.round ? t("fig.round", { name: q.round.name }) : t("fig.surveys")}
                    rows={q.rows.map((row) => {
                      const v = row.villageId === null ? undefined : byId.get(row.villageId);
                      return {
                        head: v ? villageName(v, lang) : t("fig.tambon"),
                        href: v && !p.village ? `${p.base}/villages/${v.moo}` : undefined,
                        row,
                      };
                    })}
                  />
                )}
                {q.trend.length > 1 && (
                  <QuestionTable
                    q={q}
                    caption={t("fig.trend")}
                    rows={q.trend.map((x) => ({
                      head: t("fig.round", { name: x.round.name }),
                      row: x.row,
                    }))}
                  />
                )}
              </div>
            ))}
          </section>
        ))}
      </section>
      {data.figures.length > 0 && (
        <section aria-labelledby="fig-stored-h">
          <h2 id="fig-stored-h">{t("fig.stored")}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t("fig.stored")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fig.year")}</th>
                  <th scope="col">{t("fig.village")}</th>
                  <th scope="col">{t("fig.item")}</th>
                  <th scope="col">{t("fig.numerator")}</th>
                  <th scope="col">{t("fig.denominator")}</th>
                  <th scope="col">{t("fig.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {data.figures.map((f, i) => {
                  const v = f.villageId === null ? undefined : byId.get(f.villageId);
                  return (
                    <tr key={i}>
                      <td>{f.year}</td>
                      <td>{v ? villageName(v, lang) : t("fig.tambon")}</td>
                      <td>
                        {f.code} {f.label}
                      </td>
                      <td>{num(f.numerator, hidden)}</td>
                      <td>{f.denominator === null ? t("fig.none") : num(f.denominator, hidden)}</td>
                      <td>{f.rate === null ? t("fig.none") : f.rate.toLocaleString("th-TH")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="fig-dl-h">
        <h2 id="fig-dl-h">{t("fig.downloads")}</h2>
        <ul>
          <li>
            <a href={`${dl}/figures.csv`}>CSV</a>
          </li>
          <li>
            <a href={`${dl}/figures.xlsx`}>XLSX</a>
          </li>
          <li>
            <a href={`${dl}/figures.json`}>JSON</a>
          </li>
          <li>
            <a href={`${p.base}/open-data.json`}>{t("fig.openData")}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
