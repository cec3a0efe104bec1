import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  SelectField,
  type FieldSpec,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import { todayIso } from "../../../core/dates.ts";
import { formatThaiId } from "../../../core/thai-id.ts";
import {
  CONDITIONS,
  CONSENT_STATUSES,
  LAWFUL_BASES,
  PERSON_STATUSES,
  RELATIONS,
  SEXES,
} from "../shared/kinds.ts";
import type { Household, Person } from "../households/queries.ts";
import { History } from "../registry/views.tsx";
import type { HistoryRow } from "../registry/history.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { useCommunity } from "../shared/views.tsx";
import { pick } from "../../../core/pick.ts";

type Option = { value: string; label: string };

/** Whole years from a birth date (YYYY-MM-DD) to today. */
export function ageOn(birthDate: string, today = todayIso()): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The people of a household: name, age, sex, relation, conditions, status. */
export function PeopleTable({ people }: { people: Person[] }) {
  const { tambon, t } = useCommunity();
  return (
    <Table
      label={t("household.peopleHeading")}
      columns={[
        t("person.name"),
        { label: t("person.age"), num: true },
        t("person.sex"),
        t("person.relationShort"),
        t("person.conditions"),
        t("person.status"),
      ]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <td>
            <a href={`/t/${tambon!.slug}/community/people/${p.id}`}>{p.name}</a>
          </td>
          <td class="num">{p.birthDate ? t("person.ageN", { n: ageOn(p.birthDate) }) : "—"}</td>
          <td>{t(`person.sex.${p.sex}`)}</td>
          <td>{t(`person.relation.${p.relation}`)}</td>
          <td>{p.conditions.map((c) => t(`person.condition.${c}`)).join(", ") || "—"}</td>
          <td>{t(`person.status.${p.status}`)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The form values of a stored person. */
export function personValues(p: Person): Record<string, string> {
  return {
    name: p.name,
    thaiId: p.thaiId ? formatThaiId(p.thaiId) : "",
    birthDate: p.birthDate ?? "",
    ...pick(p, "sex", "relation", "status", "purpose", "lawfulBasis", "consent"),
    consentAt: p.consentAt ? todayIso(p.consentAt) : "",
    retainUntil: p.retainUntil ?? "",
    version: String(p.version),
  };
}

/** A person's form: new in a household, or an edit with the move form and history below. */
export function PersonForm(p: {
  household: Household;
  form: FormState;
  conditions: string[];
  person?: Person;
  moveForm?: FormState;
  moveTo?: Option[];
  history?: HistoryRow[];
  names?: Map<number, string>;
}) {
  const { tambon, t } = useCommunity();
  const f = p.form;
  const slug = tambon!.slug;
  const back = `/t/${slug}/community/households/${p.household.id}`;
  const action = p.person ? `/t/${slug}/community/people/${p.person.id}` : `${back}/people`;
  const choices = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}${v}` as Parameters<typeof t>[0]) }));
  /** A select of one of the kinds, without an empty first option. */
  const pick = <T extends string>(
    name: string,
    label: string,
    values: readonly T[],
    prefix: string,
  ): FieldSpec => ({
    kind: "select",
    name,
    label,
    placeholder: false,
    options: choices(values, prefix),
  });
  return (
    <>
      <BackLink href={back}>{t("person.in", { no: p.household.houseNo })}</BackLink>
      <h1>{p.person ? p.person.name : t("person.add")}</h1>
      <p class="registry-note">{t("household.logged")}</p>
      <ErrorSummary form={f} />
      <Form action={action} label={p.person ? t("person.edit") : t("person.add")}>
        {p.person && (
          <input
            type="hidden"
            name="version"
            value={f.values.version ?? String(p.person.version)}
          />
        )}
        <Fields
          form={f}
          fields={[
            field.text("name", t("person.name"), {
              required: true,
              maxLength: 200,
              autocomplete: "off",
            }),
            field.text("thaiId", t("person.thaiId"), {
              hint: t("person.thaiIdHint"),
              inputmode: "numeric",
              maxLength: 20,
              autocomplete: "off",
            }),
            field.date("birthDate", t("person.birthDate")),
            pick("sex", t("person.sex"), SEXES, "person.sex."),
            pick("relation", t("person.relation"), RELATIONS, "person.relation."),
            field.checks(
              "conditions",
              t("person.conditions"),
              choices(CONDITIONS, "person.condition."),
              { checked: p.conditions },
            ),
            pick("status", t("person.status"), PERSON_STATUSES, "person.status."),
          ]}
        />
        <fieldset>
          <legend>{t("person.pdpa")}</legend>
          <Fields
            form={f}
            fields={[
              field.textarea("purpose", t("person.purpose"), { rows: 2, maxLength: 1000 }),
              pick("lawfulBasis", t("person.lawfulBasis"), LAWFUL_BASES, "person.basis."),
              pick("consent", t("person.consent"), CONSENT_STATUSES, "person.consent."),
              field.date("consentAt", t("person.consentAt")),
              field.date("retainUntil", t("person.retainUntil"), { hint: t("person.retainHint") }),
            ]}
          />
        </fieldset>
        <FormError form={f} />
        <button type="submit">{t("person.save")}</button>
      </Form>
      {p.person && p.moveForm && p.moveTo && (
        <section aria-labelledby="move-h">
          <h2 id="move-h">{t("person.move")}</h2>
          <ErrorSummary form={p.moveForm} scope="m" />
          <Form
            action={`/t/${slug}/community/people/${p.person.id}/move`}
            class="inline-form"
            label={t("person.move")}
          >
            <SelectField
              form={p.moveForm}
              scope="m"
              name="householdId"
              label={t("person.moveTo")}
              options={p.moveTo}
              required
            />
            <button type="submit" class="secondary">
              {t("person.move")}
            </button>
          </Form>
        </section>
      )}
      {p.history && <History rows={p.history} names={p.names ?? new Map()} />}
    </>
  );
}
