import { useCtx } from "../../../core/views/ctx.ts";
import type { LinkItem } from "../../../core/modules.ts";
import {
  Form,
  type FormState,
  FormError,
  Field,
  SelectField,
  TextArea,
} from "../../../core/views/form.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { LINK_TYPES, PROGRESS, type Progress } from "../edition.ts";
import { clauseLabel, dateIn } from "../present.ts";
import { Paras, textIn, useT } from "../shared/views.tsx";
import { type FollowRow, StatusTag } from "./views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { LinkSection } from "../../../core/views/list.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** One clause's follow-up: text, status with history, links; forms for the working group. */
export function FollowClausePage(props: {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  row: FollowRow;
  history: { id: number; status: Progress; note: string; at: Date; author: string | null }[];
  /** What other modules show for this clause (projects, indicators, ratings), non-empty ones. */
  sections: { id: string; title: string; items: LinkItem[] }[];
  canEdit: boolean;
  statusForm: FormState;
  linkForm: FormState;
  partners: { id: number; name: string }[];
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, row } = props;
  const d = charter.digits;
  const eb = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
  const label = clauseLabel(row.number, lang, d);
  return (
    <>
      <BackLink href={`${eb}/follow-up#c-${row.key}`} class="back">
        {t("follow.title")}
      </BackLink>
      <h1>
        {label} · {props.title}
      </h1>
      <blockquote>
        <Paras text={textIn(row.text, d, lang)} />
      </blockquote>
      <p>
        {t("follow.status")}: <StatusTag status={row.status} />
      </p>
      {props.canEdit && edition.status === "adopted" && (
        <Form action={`${eb}/follow-up`} label={t("follow.setStatus")}>
          <input type="hidden" name="clause" value={String(row.key)} />
          <FormError form={props.statusForm} />
          <SelectField
            scope="status"
            form={props.statusForm}
            name="status"
            label={t("follow.status")}
            required
            value={row.status}
            options={PROGRESS.map((p) => ({ value: p, label: t(`progress.${p}`) }))}
            placeholder={false}
          />
          <TextArea
            scope="status"
            form={props.statusForm}
            name="note"
            label={t("follow.note")}
            rows={2}
            maxLength={2000}
          />
          <button type="submit">{t("follow.setStatus")}</button>
        </Form>
      )}
      {props.sections.map((s) => (
        <LinkSection key={s.id} section={s} class="clause-section" />
      ))}
      <section aria-labelledby="h-links">
        <h2 id="h-links">{t("follow.links")}</h2>
        {row.links.length === 0 ? (
          <p class="muted">{t("follow.none")}</p>
        ) : (
          <ul class="links">
            {row.links.map((l) => (
              <li key={l.id}>
                <span class="muted">{t(`link.${l.targetType}` as "link.other")}:</span>{" "}
                {l.url ? <a href={l.url}>{l.label}</a> : l.label}
                {props.canEdit && (
                  <ConfirmButton
                    action={`/t/${tambon!.slug}/charter-links/${l.id}/delete`}
                    label={t("follow.removeLink", { label: l.label })}
                  >
                    {t("draft.delete")}
                  </ConfirmButton>
                )}
              </li>
            ))}
          </ul>
        )}
        {props.canEdit && (
          <Form action={`${eb}/links`} label={t("follow.addLink")}>
            <input type="hidden" name="clause" value={String(row.key)} />
            <FormError form={props.linkForm} />
            <SelectField
              scope="link"
              form={props.linkForm}
              name="targetType"
              label={t("follow.linkType")}
              required
              options={LINK_TYPES.map((k) => ({ value: k, label: t(`link.${k}`) }))}
              placeholder={false}
            />
            {props.partners.length > 0 && (
              <SelectField
                scope="link"
                form={props.linkForm}
                name="partner"
                label={t("follow.partner")}
                placeholder=""
                options={props.partners.map((p) => ({ value: String(p.id), label: p.name }))}
              />
            )}
            <Field
              scope="link"
              form={props.linkForm}
              name="label"
              label={t("follow.label")}
              hint={props.partners.length > 0 ? t("follow.labelHint") : undefined}
              maxLength={300}
            />
            <Field
              scope="link"
              form={props.linkForm}
              name="url"
              label={t("follow.url")}
              maxLength={1000}
            />
            <button type="submit">{t("follow.addLink")}</button>
          </Form>
        )}
      </section>
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t("follow.history")}</h2>
        {props.history.length === 0 ? (
          <p class="muted">{t("follow.none")}</p>
        ) : (
          <ul>
            {props.history.map((h) => (
              <li key={h.id}>
                <StatusTag status={h.status} /> {h.note}{" "}
                <span class="muted">
                  · {h.author ?? "—"} · {dateIn(h.at, lang, d)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
