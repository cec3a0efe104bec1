import { useCtx } from "../../../core/views/ctx.ts";
import { Fields, type FormState, field } from "../../../core/views/form.tsx";
import type { Area } from "../../areas/public.ts";
import { MEETING_KINDS, MEETING_STATUSES, STEPS } from "./meeting.ts";
import type { GroupRow } from "../groups/queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import { useT, villageLabel } from "../shared/views.tsx";
import { areaOptions } from "../shared/fields.tsx";
import { groupName } from "../groups/views.tsx";

/** What the meeting form offers to choose from: the tambon's groups, villages and issue areas. */
export interface MeetingChoices {
  groups: GroupRow[];
  villages: VillageRow[];
  areas: Area[];
}

/** The meeting form's state and choices, who is invited, and whether the minutes are confirmed. */
export interface MeetingFieldsProps extends MeetingChoices {
  form: FormState;
  invitedGroupIds: number[];
  invitedVillageIds: number[];
  locked: boolean;
}

/** The fields of the meeting form. */
export function MeetingFields(props: MeetingFieldsProps) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const f = props.form;
  const kinds = MEETING_KINDS.map((k) => ({ value: k, label: t(`mkind.${k}`) }));
  const steps = STEPS.map((s) => ({
    value: String(s),
    label: `${t("step.n", { n: s })} ${t(`step.${s}`)}`,
  }));
  const timeHint = t("meetings.timeHint");
  const groups = props.groups.map((g) => ({ value: String(g.id), label: groupName(g, lang) }));
  const statuses = MEETING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  return (
    <>
      <Fields
        form={f}
        fields={[
          field.select("kind", t("meetings.kind"), kinds, { required: true }),
          field.select("step", t("meetings.step"), steps),
          field.text("titleTh", t("meetings.titleTh"), { required: true, maxLength: 200 }),
          field.text("titleEn", t("meetings.titleEn"), { maxLength: 200 }),
          field.textarea("descriptionTh", t("meetings.description")),
          !props.locked && field.date("date", t("meetings.date"), { required: true }),
          !props.locked &&
            field.text("startTime", t("meetings.startTime"), {
              hint: timeHint,
              required: true,
              maxLength: 5,
              inputmode: "numeric",
            }),
          !props.locked &&
            field.text("endTime", t("meetings.endTime"), {
              hint: timeHint,
              maxLength: 5,
              inputmode: "numeric",
            }),
          field.text("place", t("meetings.place"), { maxLength: 200 }),
          field.text("organiser", t("meetings.organiser"), { maxLength: 200 }),
          field.select("groupId", t("meetings.heldBy"), groups),
          field.select("areaId", t("meetings.area"), areaOptions(props.areas, lang)),
        ]}
      />
      {props.groups.length > 0 && (
        <fieldset>
          <legend>{t("meetings.invitedGroups")}</legend>
          <Invited
            form={f}
            name="invitedGroupIds"
            prefix="ig"
            options={props.groups.map((g) => ({ id: g.id, label: groupName(g, lang) }))}
            checked={props.invitedGroupIds}
          />
        </fieldset>
      )}
      {!props.locked && (
        <fieldset>
          <legend>{t("meetings.quorumRule")}</legend>
          <Fields
            form={f}
            fields={[
              field.text("quorumMinPerVillage", t("meetings.quorumMin"), {
                type: "number",
                inputmode: "numeric",
                hint: t("meetings.quorumMinHint", { min: tambon!.minRepsPerVillage }),
              }),
              field.text("quorumVillagesPct", t("meetings.quorumPct"), {
                type: "number",
                inputmode: "numeric",
              }),
            ]}
          />
          <details>
            <summary>{t("meetings.invitedVillages")}</summary>
            <Invited
              form={f}
              name="invitedVillageIds"
              prefix="iv"
              hint={t("meetings.allVillages")}
              options={props.villages.map((v) => ({ id: v.id, label: villageLabel(v, lang) }))}
              checked={props.invitedVillageIds}
            />
          </details>
        </fieldset>
      )}
      <Fields
        form={f}
        fields={[
          field.select("status", t("meetings.status"), statuses, { placeholder: false }),
          field.check("isPublic", t("meetings.isPublic")),
        ]}
      />
    </>
  );
}

/** The groups or villages invited to a meeting, as checkboxes (with the field's error first). */
function Invited(props: {
  form: FormState;
  name: string;
  prefix: string;
  hint?: string;
  options: { id: number; label: string }[];
  checked: number[];
}) {
  const err = props.form.errors[props.name];
  return (
    <>
      {err && <p class="error">{err}</p>}
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.options.map((o) => (
        <div class="field check" key={o.id}>
          <input
            type="checkbox"
            id={`${props.prefix}-${o.id}`}
            name={props.name}
            value={String(o.id)}
            checked={props.checked.includes(o.id)}
          />
          <label for={`${props.prefix}-${o.id}`}>{o.label}</label>
        </div>
      ))}
    </>
  );
}
