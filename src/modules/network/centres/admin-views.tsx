import { Table } from "../../../core/views/list.tsx";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { MAX_IMAGE_BYTES } from "../uploads.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import type { Area } from "../../areas/public.ts";
import { areaOptions, nameIn, nameOptions, textIn } from "../shared/lists.ts";
import type { CentreFilter, CentreRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import {
  BackToAdmin,
  ContactFields,
  num,
  size,
  useNet,
  ActionButton,
  ButtonLink,
  villageOptions,
} from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { CentreFilters, type Photo, centreQuery } from "./views.tsx";

/** Staff's list of learning centres. */
export function AdminCentreList(props: {
  page: Page<CentreRow>;
  filter: CentreFilter;
  areas: Area[];
  villages: Village[];
}) {
  const { t, lang, admin } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.centres")}</h1>
      <ButtonLink href={`${admin}/centres/new`}>{t("centres.add")}</ButtonLink>
      <CentreFilters
        action={`${admin}/centres`}
        f={filter}
        areas={props.areas}
        villages={props.villages}
      />
      <p role="status">{t("centres.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("admin.centres")}
          columns={[
            t("centre.name"),
            t("centre.status"),
            { label: t("centre.visitsDone"), num: true },
          ]}
        >
          {page.items.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`${admin}/centres/${c.id}`}>{nameIn(c, lang)}</a>
              </td>
              <td>
                {c.active ? t("partner.active") : t("partner.inactive")}
                {!c.acceptsVisits && ` · ${t("centre.noVisits")}`}
              </td>
              <td class="num">
                <a href={`${admin}/visits?centre=${c.id}`}>{num(c.visitsDone)}</a>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={(n) => `${admin}/centres${centreQuery(filter, n)}`} />
    </>
  );
}

/** The form of a learning centre, and (for an existing one) its photos. */
export function CentreForm(props: {
  form: FormState;
  photoForm: FormState;
  editing: CentreRow | null;
  photos: Photo[];
  areas: Area[];
  villages: Village[];
  partners: { id: number; nameTh: string; nameEn: string }[];
}) {
  const { t, ct, lang, admin, base } = useNet();
  const { form, editing } = props;
  const title = editing ? t("centre.editTitle", { name: nameIn(editing, lang) }) : t("centres.add");
  return (
    <>
      <BackToAdmin to={`${admin}/centres`} label={t("admin.centres")} />
      <h1>{title}</h1>
      {editing && (
        <p>
          <a href={`${base}/centres/${editing.id}`}>{t("agreement.publicPage")}</a>
        </p>
      )}
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${admin}/centres/${editing.id}` : `${admin}/centres/new`}
        label={title}
      >
        <Fields
          form={form}
          fields={[
            field.thaiEnglish("name", t("centre.nameTh"), t("centre.nameEn"), {
              required: true,
              maxLength: 200,
            }),
            field.thaiEnglish("topic", t("centre.topicTh"), t("centre.topicEn"), {
              maxLength: 300,
            }),
            field.select("areaId", t("centre.area"), areaOptions(props.areas, lang)),
            field.select(
              "villageId",
              t("centre.village"),
              villageOptions(props.villages, { ct, lang }, true),
            ),
            field.select("hostPartnerId", t("centre.host"), nameOptions(props.partners, lang)),
            field.thaiEnglish("learn", t("centre.learnTh"), t("centre.learnEn"), {
              multiline: true,
              hint: t("centre.learnHint"),
              maxLength: 4000,
            }),
            field.text("capacity", t("centre.capacity"), {
              type: "number",
              inputmode: "numeric",
              hint: t("centre.capacityHint"),
            }),
          ]}
        />
        <ContactFields form={form} />
        <Fields
          form={form}
          fields={[
            field.check("acceptsVisits", t("centre.acceptsVisits")),
            editing && field.check("active", t("centre.active")),
          ]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {editing && (
        <>
          <h2 id="photos">{t("centre.photos")}</h2>
          {props.photos.length > 0 && (
            <ul class="cards photos">
              {props.photos.map((p) => (
                <li key={p.id}>
                  <img
                    src={`${base}/uploads/network/${p.thumbFile}`}
                    alt={
                      textIn(p.captionTh, p.captionEn, lang) ||
                      t("centre.photoOf", { name: nameIn(editing, lang) })
                    }
                    width={Math.round((p.width / Math.max(p.width, p.height)) * 320)}
                    height={Math.round((p.height / Math.max(p.width, p.height)) * 320)}
                  />
                  <p class="muted">
                    {t("centre.photoSize", { w: p.width, h: p.height, size: size(p.bytes) })}
                  </p>
                  <ActionButton
                    action={`${admin}/centres/${editing.id}/photos/${p.id}/delete`}
                    confirm
                    label={t("centre.removePhotoNamed", { n: p.position })}
                    kind="secondary"
                    inline={false}
                  >
                    {t("centre.removePhoto")}
                  </ActionButton>
                </li>
              ))}
            </ul>
          )}
          <ErrorSummary form={props.photoForm} />
          <Form
            action={`${admin}/centres/${editing.id}/photos`}
            multipart
            label={t("centre.addPhoto")}
          >
            <Fields
              form={props.photoForm}
              fields={[
                field.file("photo", t("centre.addPhoto"), {
                  types: "JPG, PNG, WebP",
                  maxBytes: MAX_IMAGE_BYTES,
                  note: t("centre.photoNote"),
                  accept: "image/png,image/jpeg,image/webp",
                }),
                field.thaiEnglish("caption", t("centre.captionTh"), t("centre.captionEn"), {
                  maxLength: 300,
                }),
              ]}
            />
            <button type="submit">{t("centre.upload")}</button>
          </Form>
        </>
      )}
    </>
  );
}
