import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { MAX_PDF_BYTES } from "../uploads.ts";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type AgreementKind } from "./agreement.ts";
import type { AgreementFilter, AgreementRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { BackToAdmin, num, size, useNet, ButtonLink } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { AgreementFilters, AgreementTable, agreementQuery } from "./views.tsx";

/** Staff's list of agreements (drafts included). */
export function AdminAgreementList(props: { page: Page<AgreementRow>; filter: AgreementFilter }) {
  const { t, admin } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.agreements")}</h1>
      <ButtonLink href={`${admin}/agreements/new`}>{t("agreements.add")}</ButtonLink>
      <AgreementFilters action={`${admin}/agreements`} f={filter} />
      <p role="status">{t("agreements.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <AgreementTable
          rows={page.items}
          href={(a) => `${admin}/agreements/${a.id}`}
          caption={t("admin.agreements")}
        />
      )}
      <Pager of={page} href={(n) => `${admin}/agreements${agreementQuery(filter, n)}`} />
    </>
  );
}

/** The main form of an agreement (new or existing). */
export function AgreementForm(props: {
  form: FormState;
  editing: {
    id: number;
    kind: AgreementKind;
    documentFile: string | null;
    documentBytes: number | null;
  } | null;
}) {
  const { t, ct, admin } = useNet();
  const { form, editing } = props;
  const title = editing ? t("agreement.edit") : t("agreements.add");
  return (
    <>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${admin}/agreements/${editing.id}` : `${admin}/agreements/new`}
        multipart
        label={title}
      >
        <Fields
          form={form}
          fields={[
            !editing &&
              field.select(
                "kind",
                t("agreement.kind"),
                AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
                { required: true, placeholder: false },
              ),
            field.thaiEnglish("title", t("agreement.titleTh"), t("agreement.titleEn"), {
              required: true,
              maxLength: 300,
            }),
            field.thaiEnglish("purpose", t("agreement.purposeTh"), t("agreement.purposeEn"), {
              multiline: true,
            }),
            field.thaiEnglish("scope", t("agreement.scopeTh"), t("agreement.scopeEn"), {
              multiline: true,
            }),
            field.date("signedOn", t("agreement.signedOn"), { hint: t("agreement.signedOnHint") }),
            field.date("startsOn", t("agreement.startsOn")),
            field.date("endsOn", t("agreement.endsOn")),
            field.select(
              "status",
              t("agreement.status"),
              AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              { required: true, placeholder: false },
            ),
            field.file("document", t("agreement.document"), {
              types: "PDF",
              maxBytes: MAX_PDF_BYTES,
              accept: "application/pdf",
            }),
          ]}
        />
        {editing?.documentFile && (
          <div class="field check">
            <input type="checkbox" id="f-removeDocument" name="removeDocument" value="1" />
            <label for="f-removeDocument">
              {t("agreement.removeDocument", { size: size(editing.documentBytes ?? 0) })}
            </label>
          </div>
        )}
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** A new agreement's page. */
export function NewAgreementPage(props: { form: FormState }) {
  const { t, admin } = useNet();
  return (
    <>
      <BackToAdmin to={`${admin}/agreements`} label={t("admin.agreements")} />
      <h1>{t("agreements.add")}</h1>
      <p class="hint">{t("agreements.addHint")}</p>
      <AgreementForm form={props.form} editing={null} />
    </>
  );
}
