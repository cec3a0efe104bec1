import type { EditionAdminData } from "../charters/edition-admin-views.tsx";
import { Form, FormError, SelectField } from "../../../core/views/form.tsx";
import { ConfirmButton, ConfirmTick } from "../../../core/views/confirm.tsx";
import { FoldingPanel, PickOneForm, useEditionAdminHref, useT } from "../shared/views.tsx";

/** Adoption: put to the vote (then check or withdraw it), or adopt by an assembly's resolution. */
export function AdoptionPanel({ data }: { data: EditionAdminData }) {
  const t = useT();
  const { charter, edition } = data;
  const ab = useEditionAdminHref(edition.id);
  return (
    <FoldingPanel
      id="h-adopt"
      title={t("adopt.title")}
      open={
        edition.status === "hearing" ||
        !!(data.forms.vote || data.forms.resolution || data.forms.adopt || data.vote)
      }
    >
      <FormError form={data.forms.adopt} />
      <h3>{t("adopt.byVote")}</h3>
      <p class="hint">{t("adopt.byVoteHint")}</p>
      {data.vote ? (
        <>
          <p>
            {t("adopt.question")}: <a href={data.vote.href}>{data.vote.phase}</a>
          </p>
          <div class="inline-forms">
            <ConfirmButton action={`${ab}/adopt-vote`} label={t("adopt.check")}>
              {t("adopt.check")}
            </ConfirmButton>
            <ConfirmButton action={`${ab}/withdraw-vote`} label={t("adopt.withdraw")}>
              {t("adopt.withdraw")}
            </ConfirmButton>
          </div>
        </>
      ) : (
        <Form action={`${ab}/vote`} label={t("adopt.byVote")}>
          <FormError form={data.forms.vote} />
          <SelectField
            scope="vote"
            form={data.forms.vote}
            name="area"
            label={t("adopt.area")}
            required
            value={charter.areaId ? String(charter.areaId) : ""}
            placeholder=""
            options={data.areas.map((a) => ({ value: String(a.id), label: a.label }))}
          />
          <p>
            <ConfirmTick />
          </p>
          <button type="submit">{t("adopt.putToVote")}</button>
        </Form>
      )}
      <h3>{t("adopt.byResolution")}</h3>
      <p class="hint">{t("adopt.byResolutionHint")}</p>
      {data.resolutions.length === 0 ? (
        <p class="muted">{t("adopt.noResolutions")}</p>
      ) : (
        <PickOneForm
          action={`${ab}/adopt-resolution`}
          title={t("adopt.byResolution")}
          scope="resolution"
          form={data.forms.resolution}
          name="resolution"
          label={t("adopt.resolution")}
          choices={data.resolutions}
          submit={t("adopt.adopt")}
          confirm
        />
      )}
    </FoldingPanel>
  );
}
