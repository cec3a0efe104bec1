import { useCtx } from "../../../core/views/ctx.ts";
import { dateTimeIn, editionLabel, num, versionNote } from "../present.ts";
import { RowButton, useEditionAdminHref, useT } from "../shared/views.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The versions of an edition with a form to compare any two. */
export function VersionsPage(props: {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  versions: {
    id: number;
    number: number;
    note: string;
    source: string;
    createdAt: Date;
    author: string | null;
    credit: string | null;
  }[];
  canRestore: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, versions } = props;
  const d = charter.digits;
  const eb = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
  const ab = useEditionAdminHref(edition.id);
  const latest = versions[0]?.number ?? 1;
  const options = versions.map((v) => ({
    value: String(v.number),
    label: t("versions.version", { n: num(v.number, d, lang) }),
  }));
  return (
    <>
      <BackLink href={eb} class="back">
        {props.title}
      </BackLink>
      <h1>
        {t("versions.title")} · {editionLabel(edition, lang, d)}
      </h1>
      <form
        method="get"
        action={`${eb}/diff`}
        class="inline-form compare-form"
        aria-label={t("versions.compare")}
      >
        <label for="f-from">{t("versions.from")}</label>
        <select id="f-from" name="from">
          {options.map((o) => (
            <option
              key={o.value}
              value={o.value}
              selected={Number(o.value) === Math.max(1, latest - 1)}
            >
              {o.label}
            </option>
          ))}
        </select>
        <label for="f-to">{t("versions.to")}</label>
        <select id="f-to" name="to">
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={Number(o.value) === latest}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit">{t("versions.compare")}</button>
      </form>
      {edition.basedOnEditionId && (
        <p>
          <a href={`${eb}/diff?against=previous`}>{t("action.comparePrevious")}</a>
        </p>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("versions.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("versions.version", { n: "" }).trim()}</th>
              <th scope="col">{t("versions.what")}</th>
              <th scope="col">{t("versions.who")}</th>
              <th scope="col">{t("versions.when")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("versions.compare")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {num(v.number, d, lang)}
                  {v.id === edition.adoptedVersionId && (
                    <span class="badge"> {t("versions.adopted")}</span>
                  )}
                  {v.number === latest && !edition.adoptedVersionId && (
                    <span class="badge"> {t("versions.current")}</span>
                  )}
                </td>
                <td>
                  {versionNote(v.note, lang, d)}
                  {v.credit && (
                    <span class="muted"> · {t("versions.fromSuggestion", { name: v.credit })}</span>
                  )}
                </td>
                <td>{v.author ?? "—"}</td>
                <td>{dateTimeIn(v.createdAt, lang, d)}</td>
                <td class="actions">
                  {v.number > 1 && (
                    <a href={`${eb}/diff?from=${v.number - 1}&to=${v.number}`}>
                      {t("versions.compare")}
                      <span class="visually-hidden">
                        {" "}
                        {t("versions.version", { n: num(v.number, d, lang) })}
                      </span>
                    </a>
                  )}
                  {props.canRestore && v.number !== latest && (
                    <RowButton
                      action={`${ab}/restore`}
                      name="version"
                      value={String(v.number)}
                      text={t("versions.restore")}
                      what={num(v.number, d, lang)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
