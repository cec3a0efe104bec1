import { LinkSection, Table } from "../../../core/views/list.tsx";
import { ArchiveToggle } from "../../../core/views/confirm.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import type { LinkItem } from "../../../core/modules.ts";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import { areaDescription, areaName, type Area } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { pick } from "../../../core/pick.ts";

/** A section another module adds to an area's page, loaded for this area. */
export interface LoadedSection {
  id: string;
  title: string;
  items: LinkItem[];
}

/** The tambon's active issue areas, each with its description. */
export function AreaList({ areas }: { areas: Area[] }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  return (
    <>
      <h1>{t("areas.title")}</h1>
      <p>{t("areas.intro")}</p>
      {areas.length === 0 ? (
        <p>{t("areas.none")}</p>
      ) : (
        <ul class="cards">
          {areas.map((a) => (
            <li key={a.id}>
              <h2>
                <a href={`/t/${tambon!.slug}/areas/${a.id}`}>{areaName(a, lang)}</a>
              </h2>
              {areaDescription(a, lang) && <p>{areaDescription(a, lang)}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** An issue area's page: what other modules file under it, one section each. */
export function AreaPage({ area, sections }: { area: Area; sections: LoadedSection[] }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const description = areaDescription(area, lang);
  const filled = sections.filter((s) => s.items.length > 0);
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/areas`}>{t("areas.title")}</BackLink>
      <h1>{areaName(area, lang)}</h1>
      {area.archivedAt && <p class="badge">{t("areas.archived")}</p>}
      {description && <p>{description}</p>}
      {filled.length === 0 ? (
        <p class="muted">{t("areas.nothingYet")}</p>
      ) : (
        filled.map((s) => <LinkSection key={s.id} section={s} />)
      )}
    </>
  );
}

/** Every issue area of the tambon, with the form to add one or edit the one chosen. */
export function AreaAdmin({
  areas,
  form,
  editing,
}: {
  areas: Area[];
  form: FormState;
  editing: Area | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const base = `/t/${tambon!.slug}/admin/areas`;
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/admin`}>{ct("admin.back")}</BackLink>
      <h1>{t("areas.manage")}</h1>
      <Table
        columns={[
          t("areas.position"),
          t("areas.nameTh"),
          t("areas.nameEn"),
          { label: t("areas.edit"), muted: true },
        ]}
      >
        {areas.map((a) => (
          <tr key={a.id}>
            <td>{a.position}</td>
            <td>
              {a.nameTh} {a.archivedAt && <span class="badge">{t("areas.archived")}</span>}
            </td>
            <td>{a.nameEn}</td>
            <td class="actions">
              <a href={`${base}/${a.id}`}>{t("areas.edit")}</a>
              <ArchiveToggle
                action={`${base}/${a.id}/archive`}
                archived={!!a.archivedAt}
                name={a.nameTh}
                archive={t("areas.archive")}
                restore={t("areas.restore")}
              />
            </td>
          </tr>
        ))}
      </Table>
      <h2>{editing ? t("areas.edit") : t("areas.add")}</h2>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${base}/${editing.id}` : base}
        label={editing ? t("areas.edit") : t("areas.add")}
      >
        <Fields
          form={form}
          fields={[
            field.thaiEnglish("name", t("areas.nameTh"), t("areas.nameEn"), {
              required: true,
              maxLength: 120,
            }),
            field.thaiEnglish("description", t("areas.descriptionTh"), t("areas.descriptionEn"), {
              multiline: true,
              maxLength: 4000,
            }),
            field.text("position", t("areas.position"), { type: "number", inputmode: "numeric" }),
          ]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** The area form's values for an area as it is. */
export const areaValues = (a: Area) => ({
  ...pick(a, "nameTh", "nameEn", "descriptionTh", "descriptionEn"),
  position: String(a.position),
});
