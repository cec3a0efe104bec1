import { ConfirmButton } from "../../../core/views/confirm.tsx";
import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  emptyForm,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import { formatDate } from "../../../core/dates.ts";
import type { RoundRow } from "./queries.ts";
import { useCommunity } from "../shared/views.tsx";

export interface RoundsProps {
  action: string;
  rounds: RoundRow[];
  failed?: FormState;
}

/** A form's rounds with their days in พ.ศ., a close button for an open one, and a new round's form. */
export function RoundsSection(p: RoundsProps) {
  const { lang, t } = useCommunity();
  const form = p.failed ?? emptyForm();
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h">{t("round.title")}</h2>
      {p.rounds.length === 0 ? (
        <p class="muted">{t("round.none")}</p>
      ) : (
        <Table
          labelledBy="rounds-h"
          columns={[t("round.name"), t("round.startsOn"), t("round.endsOn"), t("round.status"), ""]}
        >
          {p.rounds.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{formatDate(r.startsOn, lang)}</td>
              <td>{r.endsOn ? formatDate(r.endsOn, lang) : "—"}</td>
              <td>{t(`round.status.${r.status}`)}</td>
              <td>
                {r.status === "open" && (
                  <ConfirmButton
                    action={`${p.action}/${r.id}/close`}
                    label={`${t("round.close")} ${r.name}`}
                  >
                    {t("round.close")}
                  </ConfirmButton>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t("round.add")}</h3>
      <Form action={p.action} label={t("round.add")}>
        <ErrorSummary form={form} scope="r" />
        <Fields
          form={form}
          scope="r"
          fields={[
            field.text("name", t("round.name"), {
              hint: t("round.nameHint"),
              required: true,
              maxLength: 60,
            }),
            field.date("startsOn", t("round.startsOn"), { required: true }),
            field.date("endsOn", t("round.endsOn")),
          ]}
        />
        <FormError form={form} />
        <button type="submit">{t("round.add")}</button>
      </Form>
    </section>
  );
}
