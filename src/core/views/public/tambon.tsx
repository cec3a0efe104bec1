import { Table } from "../list.tsx";
import type { ComponentChildren } from "preact";
import { useCtx } from "../ctx.ts";
import { tambonTitle } from "../layout.tsx";
import { formatDate } from "../../dates.ts";
import type { Village } from "../../commands/tambons.ts";
import type { TambonFigures } from "../../queries/villages.ts";

const nf = new Intl.NumberFormat("th-TH");

/** A tambon's home page: where it is, its figures, the modules' sections and menu. */
export function TambonHome({
  data,
  sections,
  extra,
}: {
  data: TambonFigures;
  sections: { href: string; label: string }[];
  extra: ComponentChildren;
}) {
  const { t, tambon, lang } = useCtx();
  const tb = tambon!;
  return (
    <>
      <h1>{tambonTitle(tb, lang)}</h1>
      <p>
        {t("place.tambon", { name: lang === "en" ? tb.nameEn : tb.nameTh })}{" "}
        {t("place.district", { name: lang === "en" ? tb.districtEn : tb.districtTh })}{" "}
        {t("place.province", { name: lang === "en" ? tb.provinceEn : tb.provinceTh })}
      </p>
      <ul class="stats" aria-label={t("tambon.about")}>
        <li>
          <strong>{nf.format(data.villageCount)}</strong> {t("tambon.villages")}
        </li>
        <li>
          <strong>{nf.format(data.population)}</strong> {t("tambon.population")}
        </li>
        <li>
          <strong>{nf.format(data.households)}</strong> {t("tambon.households")}
        </li>
        <li>
          <strong>{nf.format(data.members)}</strong> {t("tambon.members")}
        </li>
      </ul>
      {tb.siteOpened && (
        <p class="muted">
          {t("tambon.siteOpened")} {formatDate(tb.siteOpened, lang)}
        </p>
      )}
      {extra}
      {sections.length > 0 && (
        <>
          <h2>{t("tambon.sections")}</h2>
          <ul class="cards">
            {sections.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A tambon's villages with their households and population, and the totals. */
export function VillageList({ rows }: { rows: Village[] }) {
  const { t, lang } = useCtx();
  const totalPop = rows.reduce((s, v) => s + (v.population ?? 0), 0);
  const totalHh = rows.reduce((s, v) => s + (v.households ?? 0), 0);
  return (
    <>
      <h1>{t("nav.villages")}</h1>
      {rows.length === 0 ? (
        <p>{t("village.none")}</p>
      ) : (
        <Table
          label={t("nav.villages")}
          columns={[
            t("village.moo"),
            t("village.name"),
            t("village.code"),
            { label: t("village.households"), num: true },
            { label: t("village.population"), num: true },
          ]}
          foot={
            <tr>
              <th scope="row" colSpan={3}>
                {t("village.total")}
              </th>
              <td class="num">{nf.format(totalHh)}</td>
              <td class="num">{nf.format(totalPop)}</td>
            </tr>
          }
        >
          {rows.map((v) => (
            <tr key={v.id}>
              <td>{v.moo}</td>
              <td>{lang === "en" && v.nameEn ? v.nameEn : v.nameTh}</td>
              <td>{v.code}</td>
              <td class="num">{v.households == null ? "–" : nf.format(v.households)}</td>
              <td class="num">{v.population == null ? "–" : nf.format(v.population)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
