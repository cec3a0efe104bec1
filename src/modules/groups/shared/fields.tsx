import { useCtx } from "../../../core/views/ctx.ts";
import { Fields, type FormState } from "../../../core/views/form.tsx";
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
        {
          name: "name",
          label: t("attend.name"),
          required: true,
          maxLength: 200,
          hint: t("groups.personHint"),
          autocomplete: "off",
        },
        {
          kind: "select",
          name: "position",
          label: t("groups.position"),
          placeholder: false,
          options: positions,
        },
        { kind: "select", name: "pillar", label: t("groups.pillar"), options: pillars },
        {
          kind: "select",
          name: "villageId",
          label: t("groups.village"),
          options: villageOptions(props.villages, lang),
        },
        period && { name: "task", label: t("groups.task"), maxLength: 500 },
        period && { kind: "date", name: "startOn", label: t("groups.from") },
        period && { kind: "date", name: "endOn", label: t("groups.to") },
        period && {
          name: "joinReason",
          label: t("groups.reason"),
          hint: t("groups.joinReasonHint"),
          maxLength: 500,
        },
      ]}
    />
  );
}
