import { FilterInput, FilterSelect, Filters, Table } from "../list.tsx";
import { ConfirmButton } from "../confirm.tsx";
import { useCtx } from "../ctx.ts";
import { CheckField, ErrorSummary, Fields, Form, emptyForm, type FormState } from "../form.tsx";
import { Pager } from "../pager.tsx";
import { pageHref, type Page } from "../../paging.ts";
import { ROLES } from "../../roles.ts";
import type { PersonRow } from "../../queries/people.ts";
import { AdminBackLink } from "./home.tsx";
import { BackLink } from "../back-link.tsx";

/** A person's phone, e-mail and user name, as far as known. */
const contact = (p: PersonRow) => [p.phone, p.email, p.username].filter(Boolean).join(" · ");

/** The members of a tambon, found by name or contact and by role, and the form to add a person. */
export function PeopleList(props: {
  people: Page<PersonRow>;
  q: string;
  role: string;
  form: FormState;
  villageOptions: { value: string; label: string }[];
  canCreate: boolean;
  created: { username: string; url: string } | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/people`;
  const { people } = props;
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.people")}</h1>
      {props.created && (
        <div class="flash" role="status">
          <p>{t("people.created", { username: props.created.username })}</p>
          <p>{t("people.resetLink", { url: props.created.url })}</p>
        </div>
      )}
      <Filters action={base}>
        <FilterInput id="q" label={t("people.search")} value={props.q} />
        <FilterSelect
          id="role"
          name="role"
          label={t("people.roles")}
          any={t("people.anyRole")}
          value={props.role}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Filters>
      {people.items.length === 0 ? (
        <p>{t("people.none")}</p>
      ) : (
        <Table
          columns={[
            t("people.name"),
            t("people.contact"),
            t("people.village"),
            t("account.status"),
            t("people.roles"),
          ]}
        >
          {people.items.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`${base}/${p.id}`}>{p.name}</a>
              </td>
              <td>{contact(p)}</td>
              <td>{p.villageMoo ? t("village.mooN", { n: p.villageMoo }) : "–"}</td>
              <td>{t(`status.${p.status}` as "status.active")}</td>
              <td>
                {p.roles.map((r) => (
                  <span class="badge" key={r}>
                    {t(`role.${r}`)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={people} href={(n) => pageHref(base, { q: props.q, role: props.role }, n)} />
      {props.canCreate && (
        <>
          <h2 id="create">{t("people.create")}</h2>
          <p class="hint">{t("people.createHint")}</p>
          <ErrorSummary form={props.form} />
          <Form action={base} label={t("people.create")}>
            <Fields
              form={props.form}
              fields={[
                { name: "name", label: t("signup.name"), required: true },
                { name: "phone", type: "tel", label: t("signup.phone") },
                { name: "email", type: "email", label: t("signup.email") },
                {
                  kind: "select",
                  name: "village",
                  label: t("signup.village"),
                  options: props.villageOptions,
                },
              ]}
            />
            <button type="submit">{t("form.create")}</button>
          </Form>
        </>
      )}
    </>
  );
}

/** One member: confirm, remove or reinstate, a password link, and their roles. */
export function PersonPage({
  person,
  canManage,
  resetUrl,
}: {
  person: PersonRow;
  canManage: boolean;
  resetUrl: string | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/people/${person.id}`;
  const form = emptyForm(Object.fromEntries(person.roles.map((r) => [`role_${r}`, "1"])));
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/admin/people`}>{t("admin.people")}</BackLink>
      <h1>{person.name}</h1>
      <p>
        {contact(person)} · {t(`status.${person.status}` as "status.active")}
      </p>
      {resetUrl && (
        <p class="flash" role="status">
          {t("people.resetLink", { url: resetUrl })}
        </p>
      )}
      <div class="actions">
        {person.status !== "active" && (
          <Form action={`${base}/status`}>
            <input type="hidden" name="status" value="active" />
            <button type="submit">
              {person.status === "removed" ? t("people.reinstate") : t("people.verify")}
            </button>
          </Form>
        )}
        {canManage && person.status !== "removed" && (
          <ConfirmButton action={`${base}/status`} fields={{ status: "removed" }} reversible>
            {t("people.remove")}
          </ConfirmButton>
        )}
        <Form action={`${base}/reset`}>
          <button type="submit" class="secondary">
            {t("people.makeResetLink")}
          </button>
        </Form>
      </div>
      {canManage && (
        <>
          <h2>{t("people.roles")}</h2>
          <Form action={`${base}/roles`} label={t("people.roles")}>
            <fieldset>
              <legend>{t("people.roles")}</legend>
              {ROLES.map((r) => (
                <CheckField
                  key={r}
                  form={form}
                  name={`role_${r}`}
                  label={t(`role.${r}`)}
                  value={r}
                />
              ))}
            </fieldset>
            <button type="submit">{t("form.save")}</button>
          </Form>
        </>
      )}
    </>
  );
}
