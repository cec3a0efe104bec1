import { Table } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { Area } from "../../areas/public.ts";
import { GROUP_KINDS, splitHistory, type PillarChoice } from "./group.ts";
import type { GroupRow, MembershipView } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import { Back, PeriodItem, useT, useView } from "../shared/views.tsx";
import { PersonFields, areaOptions } from "../shared/fields.tsx";
import { groupName } from "./views.tsx";

/** The fields of the group form. */
export function GroupFields({ form, areas }: { form: FormState; areas: Area[] }) {
  const { lang } = useCtx();
  const t = useT();
  const kinds = GROUP_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
  return (
    <Fields
      form={form}
      fields={[
        field.select("kind", t("groups.kind"), kinds, { required: true }),
        field.thaiEnglish("name", t("groups.nameTh"), t("groups.nameEn"), {
          required: true,
          maxLength: 200,
        }),
        field.thaiEnglish("purpose", t("groups.purposeTh"), t("groups.purposeEn"), {
          multiline: true,
        }),
        field.select("areaId", t("groups.area"), areaOptions(areas, lang)),
        field.date("formedOn", t("groups.formedOn")),
        field.date("dissolvedOn", t("groups.dissolvedOn")),
      ]}
    />
  );
}

/** The administration list of groups with the form for a new one. */
export function GroupAdminList(props: {
  groups: (GroupRow & { members: number })[];
  areas: Area[];
  form: FormState;
  hasCentral: boolean;
}) {
  const { lang, t, base } = useView();
  const ct = core.t(lang);
  return (
    <>
      <Back href={`${base}/admin`}>{ct("admin.back")}</Back>
      <h1>{t("admin.groups")}</h1>
      {!props.hasCentral && <p class="gm-warn">{t("groups.noCentral")}</p>}
      {props.groups.length > 0 && (
        <Table
          label={t("groups.title")}
          columns={[t("groups.name"), t("groups.kind"), { label: t("groups.current"), num: true }]}
        >
          {props.groups.map((g) => (
            <tr key={g.id}>
              <td>
                <a href={`${base}/admin/groups/${g.id}`}>{groupName(g, lang)}</a>
                {g.dissolvedOn && <span class="badge">{t("groups.dissolved")}</span>}
              </td>
              <td>{t(`kind.${g.kind}`)}</td>
              <td class="num">{g.members}</td>
            </tr>
          ))}
        </Table>
      )}
      <h2 id="new">{t("groups.new")}</h2>
      <ErrorSummary form={props.form} />
      <Form action={`${base}/admin/groups`} label={t("groups.new")}>
        <GroupFields form={props.form} areas={props.areas} />
        <button type="submit">{ct("form.create")}</button>
      </Form>
    </>
  );
}

/** The administration page of one group: details, members with leave forms, add-member form. */
export function GroupAdminPage(props: {
  group: GroupRow;
  areas: Area[];
  history: MembershipView[];
  today: string;
  villages: VillageRow[];
  pillars: PillarChoice[];
  groupForm: FormState;
  memberForm: FormState;
}) {
  const { lang, t, base } = useView();
  const ct = core.t(lang);
  const g = props.group;
  const h = splitHistory(props.history, props.today);
  return (
    <>
      <Back href={`${base}/admin/groups`}>{t("admin.groups")}</Back>
      <h1>{groupName(g, lang)}</h1>
      <p class="actions">
        <a href={`${base}/groups/${g.id}`}>{t("groups.view")}</a>
      </p>
      <section aria-labelledby="h-members">
        <h2 id="h-members">{t("groups.current")}</h2>
        {h.current.length === 0 && h.future.length === 0 ? (
          <p class="muted">{t("groups.noMembers")}</p>
        ) : (
          <ul class="gm-member-admin">
            {[...h.current, ...h.future].map((m) => (
              <PeriodItem
                key={m.id}
                id={m.id}
                name={m.name}
                what={t(`pos.${m.position}`)}
                startOn={m.startOn}
                endOn={m.endOn}
                note={m.task}
                action={`${base}/admin/memberships/${m.id}/end`}
                endLabel={t("groups.endMembership")}
                reason={{ name: "leaveReason", label: t("groups.reason"), maxLength: 500 }}
                today={props.today}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="h-add">
        <h2 id="h-add">{t("groups.addMember")}</h2>
        <ErrorSummary form={props.memberForm} />
        <Form action={`${base}/admin/groups/${g.id}/members`} label={t("groups.addMember")}>
          <PersonFields
            form={props.memberForm}
            villages={props.villages}
            pillars={props.pillars}
            withPeriod
          />
          <button type="submit">{t("groups.addMember")}</button>
        </Form>
      </section>
      <section aria-labelledby="h-edit">
        <h2 id="h-edit">{t("groups.edit")}</h2>
        <ErrorSummary form={props.groupForm} />
        <Form action={`${base}/admin/groups/${g.id}`} label={t("groups.edit")}>
          <GroupFields form={props.groupForm} areas={props.areas} />
          <button type="submit">{ct("form.save")}</button>
        </Form>
      </section>
    </>
  );
}
