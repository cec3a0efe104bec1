import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Fields,
  Form,
  type FieldSpec,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { ATTENDEE_ROLES } from "../meetings/meeting.ts";
import type { AttendanceRow } from "./queries.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import { Back, meetingTitle, nf, villageLabel, VillagePicker, useView } from "../shared/views.tsx";
import { villageOptions } from "../shared/fields.tsx";
import { LiveStatus, LiveTable } from "./live-views.tsx";
import type { NotCountedReason } from "./quorum.ts";
import { ButtonForm } from "../../../core/views/confirm.tsx";

/** A representative on a village's sign-in sheet. */
export interface SheetPerson {
  userId: number;
  name: string;
  present: boolean;
}

/** The facilitator's attendance page: village sheets, one-at-a-time form, pasted lists, live quorum. */
export function AttendancePage(props: {
  meeting: MeetingRow;
  villages: VillageRow[];
  attendance: AttendanceRow[];
  village: VillageRow | null;
  sheet: SheetPerson[];
  names: string[];
  /** Why some recorded as representatives do not count toward the quorum, by attendance id. */
  notCounted?: ReadonlyMap<number, NotCountedReason>;
  form: FormState;
  sheetForm: FormState;
  bulkForm: FormState;
}) {
  const { lang, t, base } = useView();
  const m = props.meeting;
  const action = `${base}/admin/meetings/${m.id}/attendance`;
  const roles = ATTENDEE_ROLES.map((r) => ({ value: r, label: t(`arole.${r}`) }));
  const villages = villageOptions(props.villages, lang);
  // Both forms that add people by name ask for their village and role.
  const villageAndRole: FieldSpec[] = [
    { kind: "select", name: "villageId", label: t("attend.village"), options: villages },
    { kind: "select", name: "role", label: t("attend.role"), options: roles },
  ];
  const byVillage = new Map<number | null, AttendanceRow[]>();
  for (const a of props.attendance)
    byVillage.set(a.villageId, [...(byVillage.get(a.villageId) ?? []), a]);
  const vById = new Map(props.villages.map((v) => [v.id, v]));
  const villageValue = props.village ? String(props.village.id) : "";
  const sheetOpen = props.village !== null;
  const locked = !!m.minutesConfirmedAt || m.status === "cancelled";
  return (
    <>
      <Back href={`${base}/admin/meetings/${m.id}`}>{meetingTitle(m, lang)}</Back>
      <h1>{t("attend.title")}</h1>
      <LiveStatus meeting={m} villages={props.villages} attendance={props.attendance} />
      {locked && (
        <p class="gm-warn">
          {m.minutesConfirmedAt ? t("meetings.locked") : t("meetings.cancelledNote")}
        </p>
      )}

      {!locked && (
        <section aria-labelledby="h-sheet" id="sheet">
          <h2 id="h-sheet">{t("attend.sheet")}</h2>
          <p class="hint">{t("attend.sheetHint")}</p>
          <VillagePicker
            action={`${action}#sheet`}
            label={t("attend.openSheet")}
            id="f-sheet-village"
            field={t("attend.village")}
            none={useCtx().t("form.choose")}
            button={t("attend.openSheet")}
            villages={props.villages}
            village={props.village}
          />
          {sheetOpen && (
            <>
              <ErrorSummary form={props.sheetForm} />
              {props.sheet.length === 0 ? (
                <p class="gm-warn">{t("attend.noRepsInVillage")}</p>
              ) : (
                <Form action={`${action}/sheet`} label={t("attend.sheet")}>
                  <input type="hidden" name="villageId" value={villageValue} />
                  <fieldset class="gm-sheet" id="f-people">
                    <legend>{villageLabel(props.village!, lang)}</legend>
                    {props.sheet.map((p) => (
                      <div class="field check" key={p.userId}>
                        <input
                          type="checkbox"
                          id={`p-${p.userId}`}
                          name="people"
                          value={String(p.userId)}
                          checked={p.present}
                          disabled={p.present}
                        />
                        <label for={`p-${p.userId}`}>
                          {p.name}
                          {p.present && <span class="gm-tag-ok"> · {t("attend.alreadyHere")}</span>}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                  <div class="actions">
                    <button type="submit">{t("attend.addSheet")}</button>
                    {/* Records every representative of the village, ticked or not. */}
                    <button type="submit" name="all" value="1" class="secondary">
                      {t("attend.allPresent")}
                    </button>
                  </div>
                </Form>
              )}
            </>
          )}
        </section>
      )}

      {!locked && (
        <section aria-labelledby="h-one" id="one">
          <h2 id="h-one">{t("attend.one")}</h2>
          <ErrorSummary form={props.form} />
          <Form action={action} label={t("attend.one")}>
            <div class={props.form.errors.name ? "field has-error" : "field"}>
              <label for="f-name">
                {t("attend.name")}
                <span class="req"> *</span>
              </label>
              {props.form.errors.name && (
                <p class="error" id="f-name-err">
                  {props.form.errors.name}
                </p>
              )}
              <input
                id="f-name"
                name="name"
                type="text"
                required
                maxLength={200}
                autocomplete="off"
                list={props.names.length ? "known-names" : undefined}
                value={props.form.values.name ?? ""}
                aria-invalid={props.form.errors.name ? "true" : undefined}
                aria-describedby={props.form.errors.name ? "f-name-err" : undefined}
              />
              {props.names.length > 0 && (
                <datalist id="known-names">
                  {props.names.map((n) => (
                    <option key={n} value={n} />
                  ))}
                </datalist>
              )}
            </div>
            <Fields form={props.form} fields={villageAndRole} />
            <button type="submit">{t("attend.add")}</button>
          </Form>
        </section>
      )}

      {!locked && (
        <details id="bulk" open={Object.keys(props.bulkForm.errors).length > 0}>
          <summary>{t("attend.bulk")}</summary>
          <ErrorSummary form={props.bulkForm} />
          <Form action={`${action}/bulk`} label={t("attend.bulk")}>
            <Fields
              form={props.bulkForm}
              fields={[
                ...villageAndRole,
                field.textarea("names", t("attend.names"), {
                  hint: t("attend.bulkHint"),
                  required: true,
                  rows: 8,
                }),
              ]}
            />
            <button type="submit">{t("attend.add")}</button>
          </Form>
        </details>
      )}

      <LiveTable meeting={m} villages={props.villages} attendance={props.attendance} />

      {props.attendance.length > 0 && (
        <details id="list" open={(props.notCounted?.size ?? 0) > 0}>
          <summary>
            {t("attend.list")} ({nf.format(props.attendance.length)})
          </summary>
          {[...byVillage.entries()].map(([vid, rows]) => (
            <div key={String(vid)}>
              <h3>{vid && vById.get(vid) ? villageLabel(vById.get(vid)!, lang) : "–"}</h3>
              <ul class="gm-member-admin">
                {rows.map((a) => (
                  <li key={a.id}>
                    <span>
                      {a.name} · {t(`arole.${a.role}`)}
                      {!a.userId && ` · ${t("attend.noAccount")}`}
                      {a.selfSigned && ` · ${t("attend.self")}`}
                      {props.notCounted?.get(a.id) && (
                        <>
                          {" · "}
                          <strong class="gm-not-counted">
                            {t(`attend.notCounted.${props.notCounted.get(a.id)!}`)}
                          </strong>
                        </>
                      )}
                    </span>
                    {!locked && (
                      <ButtonForm
                        action={`${base}/admin/attendance/${a.id}/delete`}
                        label={`${t("meetings.delete")} ${a.name}`}
                        text={t("meetings.delete")}
                        confirm
                      />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </>
  );
}
