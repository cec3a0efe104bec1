import { useCtx } from "../../../core/views/ctx.ts";
import { dateIn, editionLabel } from "../present.ts";
import { EditionLink, textIn, useT } from "../shared/views.tsx";
import { type CharterRow, type EditionRow, currentEdition, openEdition } from "./queries.ts";

/** The tambon's charters with the edition in force and the one in preparation. */
export function CharterList(props: {
  items: { charter: CharterRow; editions: EditionRow[]; title: string }[];
  canManage: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p class="prose">{t("list.intro")}</p>
      {props.canManage && (
        <p>
          <a class="button secondary" href={`${base}/admin/charters`}>
            {t("manage.title")}
          </a>
        </p>
      )}
      {props.items.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul class="cards charter-cards">
          {props.items.map(({ charter, editions, title }) => {
            const inForce = currentEdition(editions);
            const draft = openEdition(editions);
            return (
              <li key={charter.id}>
                <h2>
                  <a href={`${base}/charters/${charter.id}`}>
                    {textIn(title, charter.digits, lang)}
                  </a>
                </h2>
                <p class="muted">
                  {t(`scope.${charter.scope}`)}
                  {charter.scopeName && ` · ${charter.scopeName}`}
                </p>
                <p>
                  {inForce ? (
                    <>
                      {t("list.inForce")}:{" "}
                      <a href={`${base}/charter-editions/${inForce.id}`}>
                        {editionLabel(inForce, lang, charter.digits)}
                      </a>
                      {inForce.adoptedOn && (
                        <span class="muted">
                          {" "}
                          · {t("edition.adoptedOn")}{" "}
                          {dateIn(inForce.adoptedOn, lang, charter.digits)}
                        </span>
                      )}
                    </>
                  ) : (
                    t("list.noneInForce")
                  )}
                </p>
                {draft && (
                  <p>
                    {t("list.inProgress")}:{" "}
                    <EditionLink
                      edition={draft}
                      digits={charter.digits}
                      href={`${base}/charter-editions/${draft.id}`}
                    />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="h-registry">
        <h2 id="h-registry">{t("list.registry")}</h2>
        <p>{t("list.registryHint")}</p>
        <p>
          <a href={`${base}/charter-registry.csv`}>CSV</a> ·{" "}
          <a href={`${base}/charter-registry.xlsx`}>XLSX</a> ·{" "}
          <a href={`${base}/charter-registry.json`}>JSON</a>
        </p>
      </section>
    </>
  );
}
