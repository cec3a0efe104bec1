import { useCtx } from "../../../core/views/ctx.ts";
import { Fields, type FormState, field } from "../../../core/views/form.tsx";
import { POSITIONS } from "../groups/group.ts";
import { areaName, type Area } from "../../areas/public.ts";
import type { VillageRow } from "./queries.ts";
import { useT, villageLabel } from "./views.tsx";
import type { PillarChoice } from "../groups/group.ts";

/** Options of a village select. */
export function villageOptions(villages: readonly VillageRow[], lang: "th" | "en") {
  return villages.map((v) => ({ value: String(v.id), label: villageLabel(v, lang) }));
}

/** Options of an issue-area select. */
export function areaOptions(areas: readonly Area[], lang: "th" | "en") {
  return areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }));
}

/** Fields for a person joining a group (also used by nominations). */
export function PersonFields(props: {
  form: FormState;
  villages: VillageRow[];
  pillars: PillarChoice[];
  names?: string[];
  withPeriod?: boolean;
}) {
  const { lang } = useCtx();
  const t = useT();
  const positions = POSITIONS.map((p) => ({ value: p, label: t(`pos.${p}`) }));
  const pillars = props.pillars.map((p) => ({
    value: p.nameTh,
    label: lang === "en" && p.nameEn ? p.nameEn : p.nameTh,
  }));
  const period = props.withPeriod;
  return (
    <Fields
      form={props.form}
      fields={[
        field.text("name", t("attend.name"), {
          required: true,
          maxLength: 200,
          hint: t("groups.personHint"),
          autocomplete: "off",
        }),
        field.select("position", t("groups.position"), positions, { placeholder: false }),
        field.select("pillar", t("groups.pillar"), pillars),
        field.select("villageId", t("groups.village"), villageOptions(props.villages, lang)),
        period && field.text("task", t("groups.task"), { maxLength: 500 }),
        period && field.date("startOn", t("groups.from")),
        period && field.date("endOn", t("groups.to")),
        period &&
          field.text("joinReason", t("groups.reason"), {
            hint: t("groups.joinReasonHint"),
            maxLength: 500,
          }),
      ]}
    />
  );
}
