import { useCtx } from "../ctx.ts";
import { tambonTitle } from "../layout.tsx";
import type { Tambon } from "../../tenancy.ts";

/** The network's home page: every tambon with its district, province and villages. */
export function NetworkHome({
  tambons,
  villageCounts,
}: {
  tambons: readonly Tambon[];
  villageCounts: Map<number, number>;
}) {
  const { t, lang } = useCtx();
  return (
    <>
      <h1>{t("network.title")}</h1>
      <p>{t("site.tagline")}</p>
      {tambons.length === 0 ? (
        <p>{t("network.empty")}</p>
      ) : (
        <ul class="cards">
          {tambons.map((tb) => (
            <li key={tb.id}>
              <h2>
                <a href={`/t/${tb.slug}`}>{tambonTitle(tb, lang)}</a>
              </h2>
              <p>
                {t("place.district", { name: lang === "en" ? tb.districtEn : tb.districtTh })}{" "}
                {t("place.province", { name: lang === "en" ? tb.provinceEn : tb.provinceTh })}
              </p>
              <p class="muted">{t("network.villages", { n: villageCounts.get(tb.id) ?? 0 })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
