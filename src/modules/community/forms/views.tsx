import {
  ErrorSummary,
  Fields,
  FileField,
  Form,
  FormError,
  emptyForm,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { FORM_LEVELS } from "../shared/kinds.ts";
import { QUESTION_TYPES, type FormDefinition, type FormItem } from "./definition.ts";
import type { FormListItem, FormRow } from "./queries.ts";
import { containersOf } from "./draft.ts";
import { RoundsSection, type RoundsProps } from "../rounds/views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";
import { useCommunity } from "../shared/views.tsx";

export const formsBase = (slug: string) => `/t/${slug}/admin/community/forms`;

/** The tambon's forms, and the form to create one. */
export function FormsListPage(p: { forms: FormListItem[]; form: FormState }) {
  const { tambon, t } = useCommunity();
  const base = formsBase(tambon!.slug);
  const levels = FORM_LEVELS.map((l) => ({ value: l, label: t(`form.level.${l}`) }));
  return (
    <>
      <h1>{t("form.title")}</h1>
      <p class="lead">{t("form.intro")}</p>
      {p.forms.length === 0 ? (
        <p class="muted">{t("form.none")}</p>
      ) : (
        <Table
          label={t("form.title")}
          columns={[
            t("form.name"),
            t("form.level"),
            t("form.status"),
            t("form.version"),
            { label: t("form.rounds"), num: true },
          ]}
        >
          {p.forms.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={`${base}/${f.id}`}>{f.title}</a>
              </td>
              <td>{t(`form.level.${f.level}`)}</td>
              <td>{t(`form.status.${f.status}`)}</td>
              <td>
                {f.currentVersion
                  ? t("form.versionN", { n: f.currentVersion })
                  : t("form.noVersion")}
              </td>
              <td class="num">{f.rounds}</td>
            </tr>
          ))}
        </Table>
      )}
      <h2 id="new">{t("form.add")}</h2>
      <Form action={base} label={t("form.add")}>
        <ErrorSummary form={p.form} />
        <Fields
          form={p.form}
          fields={[
            field.text("title", t("form.name"), { required: true, maxLength: 200 }),
            field.textarea("description", t("form.description"), { rows: 3 }),
            field.select("level", t("form.level"), levels, { required: true, placeholder: false }),
          ]}
        />
        <FormError form={p.form} />
        <button type="submit">{t("form.add")}</button>
      </Form>
    </>
  );
}

/** Which of the form page's forms failed, with its state (or the problems listed). */
export interface Failed {
  which: "question" | "group" | "upload" | "publish" | "status" | "round";
  state: FormState;
  list?: string[];
}

/** A form's page: status, publish, the draft with its items, adding, XLSForm, versions, rounds. */
export function FormPage(p: {
  form: FormRow;
  versions: { version: number; publishedAt: Date }[];
  rounds: RoundsProps;
  failed?: Failed;
}) {
  const { lang, tambon, t } = useCommunity();
  const base = `${formsBase(tambon!.slug)}/${p.form.id}`;
  const def = p.form.draft;
  const state = (w: Failed["which"]) => (p.failed?.which === w ? p.failed.state : emptyForm());
  const list = (w: Failed["which"]) => (p.failed?.which === w ? (p.failed.list ?? []) : []);
  return (
    <>
      <BackLink href={formsBase(tambon!.slug)}>{t("form.back")}</BackLink>
      <h1>{p.form.title}</h1>
      {p.form.description && <p class="lead">{p.form.description}</p>}
      <p>
        {t(`form.level.${p.form.level}`)} · {t(`form.status.${p.form.status}`)} ·{" "}
        {p.form.currentVersion
          ? t("form.versionN", { n: p.form.currentVersion })
          : t("form.noVersion")}
      </p>
      <div class="cf-actions">
        <ConfirmButton action={`${base}/publish`} label={t("form.publish")}>
          {t("form.publish")}
        </ConfirmButton>
        <Form
          action={`${base}/status`}
          label={p.form.status === "open" ? t("form.close") : t("form.open")}
        >
          <input type="hidden" name="status" value={p.form.status === "open" ? "closed" : "open"} />
          <button type="submit" class="secondary">
            {p.form.status === "open" ? t("form.close") : t("form.open")}
          </button>
        </Form>
        <a class="button secondary" href={`${base}/preview`}>
          {t("form.preview")}
        </a>
      </div>
      <FormError form={state("status")} />
      {p.failed?.which === "publish" && (
        <ProblemList title={t("form.publishErrors")} problems={list("publish")} />
      )}
      <h2>{t("form.draft")}</h2>
      {def.items.length === 0 ? (
        <p class="muted">{t("form.emptyDraft")}</p>
      ) : (
        <ItemList items={def.items} base={base} />
      )}
      <details class="cf-add" open={p.failed?.which === "question"}>
        <summary>{t("form.addQuestion")}</summary>
        <Form action={`${base}/items`} label={t("form.addQuestion")}>
          <input type="hidden" name="kind" value="question" />
          <ItemFields def={def} form={state("question")} kind="question" scope="q" />
          <button type="submit">{t("form.addQuestion")}</button>
        </Form>
      </details>
      <details class="cf-add" open={p.failed?.which === "group"}>
        <summary>{t("form.addGroup")}</summary>
        <Form action={`${base}/items`} label={t("form.addGroup")}>
          <ItemFields def={def} form={state("group")} kind="group" scope="g" />
          <button type="submit">{t("form.addGroup")}</button>
        </Form>
      </details>
      <h2>{t("form.xlsform")}</h2>
      <p>
        <a href={`${base}/xlsform`}>{t("form.downloadDraft")}</a>
      </p>
      <Form action={`${base}/xlsform`} multipart label={t("form.upload")}>
        {p.failed?.which === "upload" && (
          <ProblemList title={t("form.uploadErrors")} problems={list("upload")} />
        )}
        <FileField
          form={state("upload")}
          scope="x"
          name="file"
          label={t("form.uploadFile")}
          accept=".xlsx"
          types="XLSX"
          maxBytes={5 * 1024 * 1024}
          required
        />
        <button type="submit" class="secondary">
          {t("form.upload")}
        </button>
      </Form>
      <h2>{t("form.versions")}</h2>
      {p.versions.length === 0 ? (
        <p class="muted">{t("form.noVersion")}</p>
      ) : (
        <ul>
          {p.versions.map((v) => (
            <li key={v.version}>
              {t("form.versionN", { n: v.version })} · {t("form.publishedAt")}{" "}
              {formatDateTime(v.publishedAt, lang)} ·{" "}
              <a href={`${base}/preview?version=${v.version}`}>{t("form.preview")}</a> ·{" "}
              <a href={`${base}/xlsform?version=${v.version}`}>{t("form.download")}</a>
            </li>
          ))}
        </ul>
      )}
      <RoundsSection
        {...p.rounds}
        failed={p.failed?.which === "round" ? p.failed.state : undefined}
      />
    </>
  );
}

/** The problems found in what was sent (a draft to publish, an XLSForm uploaded), under a title. */
function ProblemList(p: { title: string; problems: string[] }) {
  return (
    <div class="error-summary" role="alert">
      <p>{p.title}</p>
      <ul>
        {p.problems.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

function ItemList(p: { items: FormItem[]; base: string }) {
  const { lang, t } = useCommunity();
  return (
    <ol class="cf-items">
      {p.items.map((item) => (
        <li key={item.name} class={`cf-item cf-${item.kind}`}>
          <div class="cf-item-head">
            <strong>{(lang === "en" && item.label.en) || item.label.th}</strong>{" "}
            <code>{item.name}</code>{" "}
            <span class="muted">
              {item.kind === "question" ? t(`form.type.${item.type}`) : t(`form.kind.${item.kind}`)}
              {item.kind === "question" && item.required ? ` · ${t("form.requiredMark")}` : ""}
            </span>
            {item.relevant && (
              <span class="hint cf-logic">
                {" "}
                · {t("form.showWhen")} <code>{item.relevant}</code>
              </span>
            )}
          </div>
          <div class="cf-item-actions">
            <a href={`${p.base}/items/${item.name}`}>{t("form.edit")}</a>
            {(["up", "down"] as const).map((dir) => (
              <Form
                key={dir}
                action={`${p.base}/items/${item.name}/move`}
                class="inline"
                label={t(`form.${dir}`)}
              >
                <input type="hidden" name="dir" value={dir} />
                <button
                  type="submit"
                  class="secondary small"
                  aria-label={`${t(`form.${dir}`)} ${item.name}`}
                >
                  {dir === "up" ? "↑" : "↓"}
                </button>
              </Form>
            ))}
            <ConfirmButton
              action={`${p.base}/items/${item.name}/delete`}
              label={`${t("form.delete")}: ${item.name}`}
            >
              {t("form.delete")}
            </ConfirmButton>
          </div>
          {item.kind !== "question" && item.items.length > 0 && (
            <ItemList items={item.items} base={p.base} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** The fields of a question, or of a group or repeat. */
export function ItemFields(p: {
  def: FormDefinition;
  form: FormState;
  kind: "question" | "group" | "repeat";
  scope: string;
  editing?: string;
}) {
  const { t } = useCommunity();
  const f = { form: p.form, scope: p.scope };
  const question = p.kind === "question";
  const types = QUESTION_TYPES.map((q) => ({ value: q, label: t(`form.type.${q}`) }));
  const kinds = (["group", "repeat"] as const).map((k) => ({
    value: k,
    label: t(`form.kind.${k}`),
  }));
  const parents = containersOf(p.def)
    .filter((c) => c.name !== p.editing)
    .map((c) => ({ value: c.name, label: `${c.label.th} (${c.name})` }));
  return (
    <>
      <ErrorSummary form={p.form} scope={p.scope} />
      <Fields
        {...f}
        fields={[
          question
            ? {
                kind: "select",
                name: "type",
                label: t("form.type"),
                required: true,
                options: types,
              }
            : !p.editing && {
                kind: "select",
                name: "kind",
                label: t("form.kind"),
                required: true,
                placeholder: false,
                options: kinds,
              },
          field.text("name", t("form.itemName"), {
            hint: t("form.itemNameHint"),
            required: true,
            maxLength: 60,
          }),
          field.text("label_th", t("form.labelTh"), { required: true, maxLength: 500 }),
          field.text("label_en", t("form.labelEn"), { maxLength: 500 }),
          question && field.text("hint_th", t("form.hintTh"), { maxLength: 500 }),
          question && field.text("hint_en", t("form.hintEn"), { maxLength: 500 }),
          question && field.check("required", t("form.required"), { value: "yes" }),
        ]}
      />
      {question && (
        <div class="cf-range">
          <Fields
            {...f}
            fields={[
              field.text("min", t("form.min"), { inputmode: "text" }),
              field.text("max", t("form.max"), { inputmode: "text" }),
            ]}
          />
        </div>
      )}
      <Fields
        {...f}
        fields={[
          question &&
            field.textarea("choices", t("form.choices"), { hint: t("form.choicesHint"), rows: 4 }),
          !question && field.text("max_count", t("form.maxCount"), { inputmode: "numeric" }),
          field.text("relevant", t("form.relevant"), {
            hint: t("form.relevantHint"),
            maxLength: 1000,
          }),
          question &&
            field.text("constraint", t("form.constraint"), {
              hint: t("form.constraintHint"),
              maxLength: 1000,
            }),
          question &&
            field.text("constraint_msg_th", t("form.constraintMsgTh"), { maxLength: 500 }),
          question &&
            field.text("constraint_msg_en", t("form.constraintMsgEn"), { maxLength: 500 }),
          field.select("parent", t("form.parent"), parents, { placeholder: t("form.top") }),
        ]}
      />
      <FormError form={p.form} />
    </>
  );
}

/** One item's edit page. */
export function ItemPage(p: { form: FormRow; item: FormItem; state: FormState }) {
  const { tambon, t } = useCommunity();
  const base = `${formsBase(tambon!.slug)}/${p.form.id}`;
  return (
    <>
      <BackLink href={base}>{t("form.backToForm")}</BackLink>
      <h1>{t("form.editItem", { name: p.item.name })}</h1>
      <Form
        action={`${base}/items/${p.item.name}`}
        label={t("form.editItem", { name: p.item.name })}
      >
        <ItemFields
          def={p.form.draft}
          form={p.state}
          kind={p.item.kind === "question" ? "question" : p.item.kind}
          scope="e"
          editing={p.item.name}
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}
