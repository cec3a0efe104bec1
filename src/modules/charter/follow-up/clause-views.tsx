import { useCtx } from "../../../core/views/ctx.ts";
import type { LinkItem } from "../../../core/modules.ts";
import {
  Form,
  type FormState,
  FormError,
  Fields,
  type FieldSpec,
  field,
} from "../../../core/views/form.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { LINK_TYPES, PROGRESS, type Progress } from "../edition.ts";
import { clauseLabel, dateIn } from "../present.ts";
import { Paras, textIn, useT } from "../shared/views.tsx";
import { type FollowRow, StatusTag } from "./views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { LinkSection } from "../../../core/views/list.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** A select that always holds one of its options (no empty first option). */
const chosen = { kind: "select", required: true, placeholder: false } as const;

/** A form of the working group about one clause: the clause travels with it; its button says `label`. */
function ClauseForm(props: {
  action: string;
  label: string;
  clause: number;
  scope: string;
  form: FormState;
  fields: readonly (FieldSpec | false)[];
}) {
  return (
    <Form action={props.action} label={props.label}>
      <input type="hidden" name="clause" value={String(props.clause)} />
      <FormError form={props.form} />
      <Fields scope={props.scope} form={props.form} fields={props.fields} />
      <button type="submit">{props.label}</button>
    </Form>
  );
}

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
  const progress = PROGRESS.map((p) => ({ value: p, label: t(`progress.${p}`) }));
  const linkTypes = LINK_TYPES.map((k) => ({ value: k, label: t(`link.${k}`) }));
  const partners = props.partners.map((p) => ({ value: String(p.id), label: p.name }));
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
        <ClauseForm
          action={`${eb}/follow-up`}
          label={t("follow.setStatus")}
          clause={row.key}
          scope="status"
          form={props.statusForm}
          fields={[
            {
              ...chosen,
              name: "status",
              label: t("follow.status"),
              value: row.status,
              options: progress,
            },
            field.textarea("note", t("follow.note"), { rows: 2, maxLength: 2000 }),
          ]}
        />
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
          <ClauseForm
            action={`${eb}/links`}
            label={t("follow.addLink")}
            clause={row.key}
            scope="link"
            form={props.linkForm}
            fields={[
              { ...chosen, name: "targetType", label: t("follow.linkType"), options: linkTypes },
              partners.length > 0 &&
                field.select("partner", t("follow.partner"), partners, { placeholder: "" }),
              field.text("label", t("follow.label"), {
                hint: partners.length > 0 ? t("follow.labelHint") : undefined,
                maxLength: 300,
              }),
              field.text("url", t("follow.url"), { maxLength: 1000 }),
            ]}
          />
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
