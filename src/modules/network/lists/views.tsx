import { Table } from "../../../core/views/list.tsx";
import { ArchiveToggle } from "../../../core/views/confirm.tsx";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { type ListItem, type Pillar } from "../shared/lists.ts";
import type { ListName } from "./commands.ts";
import { Badge, BackToAdmin, useNet, ButtonLink } from "../shared/views.tsx";

function ListTable(props: {
  list: ListName;
  items: (ListItem & { descriptionTh?: string })[];
  caption: string;
}) {
  const { t, admin } = useNet();
  const segment = props.list === "pillar" ? "pillars" : "lists";
  return (
    <Table
      label={props.caption}
      caption={props.caption}
      columns={[t("lists.position"), t("lists.nameTh"), t("lists.nameEn"), t("lists.actions")]}
    >
      {props.items.map((i) => (
        <tr key={i.id}>
          <td>{i.position}</td>
          <td>
            {i.nameTh} {i.archivedAt && <Badge>{t("lists.archived")}</Badge>}
          </td>
          <td>{i.nameEn}</td>
          <td class="actions">
            <a href={`${admin}/${segment}/${i.id}`}>{t("lists.edit")}</a>
            <ArchiveToggle
              action={`${admin}/${segment}/${i.id}/archive`}
              archived={!!i.archivedAt}
              name={i.nameTh}
              archive={t("lists.archive")}
              restore={t("lists.restore")}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The page with the form of one list entry (new or existing). */
export function ListItemPage(props: {
  list: ListName;
  form: FormState;
  editing: ListItem | null;
  action: string;
}) {
  const { t, ct, admin } = useNet();
  const title = props.editing
    ? t("lists.editTitle", { name: props.editing.nameTh })
    : t(addKey(props.list));
  return (
    <>
      <BackToAdmin to={`${admin}/lists`} label={t("admin.lists")} />
      <h1>{title}</h1>
      <ErrorSummary form={props.form} />
      <Form action={props.action} label={title}>
        <input type="hidden" name="list" value={props.list} />
        <Fields
          form={props.form}
          fields={[
            field.thaiEnglish("name", t("lists.nameTh"), t("lists.nameEn"), {
              required: true,
              maxLength: 160,
            }),
            props.list === "pillar" &&
              field.thaiEnglish("description", t("lists.descriptionTh"), t("lists.descriptionEn"), {
                multiline: true,
                rows: 3,
              }),
            field.text("position", t("lists.position"), { type: "number", inputmode: "numeric" }),
          ]}
        />
        <button type="submit">{props.editing ? ct("form.save") : t("lists.add")}</button>
      </Form>
    </>
  );
}

function addKey(list: ListName) {
  return list === "pillar"
    ? "lists.addPillar"
    : list === "role"
      ? "lists.addRole"
      : "lists.addKind";
}

/** The tambon's editable lists: pillars, partner roles and partner kinds. */
export function ListsAdmin(props: { pillars: Pillar[]; roles: ListItem[]; kinds: ListItem[] }) {
  const { t, admin } = useNet();
  const sections: {
    list: ListName;
    title: string;
    hint: string;
    items: ListItem[];
    add: string;
  }[] = [
    {
      list: "pillar",
      title: t("lists.pillars"),
      hint: t("lists.pillarsHint"),
      items: props.pillars,
      add: `${admin}/pillars/new`,
    },
    {
      list: "role",
      title: t("lists.roles"),
      hint: t("lists.rolesHint"),
      items: props.roles,
      add: `${admin}/lists/new?list=role`,
    },
    {
      list: "kind",
      title: t("lists.kinds"),
      hint: t("lists.kindsHint"),
      items: props.kinds,
      add: `${admin}/lists/new?list=kind`,
    },
  ];
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.lists")}</h1>
      {sections.map((s) => (
        <section key={s.list} aria-labelledby={`l-${s.list}`}>
          <h2 id={`l-${s.list}`}>{s.title}</h2>
          <p class="hint">{s.hint}</p>
          <ListTable list={s.list} items={s.items} caption={s.title} />
          <ButtonLink href={s.add} secondary>
            {t(addKey(s.list))}
          </ButtonLink>
        </section>
      ))}
    </>
  );
}
