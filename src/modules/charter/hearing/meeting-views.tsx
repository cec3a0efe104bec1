import { useCtx } from "../../../core/views/ctx.ts";
import { meetingUrl, type MeetingSummary } from "../../groups/public.ts";
import { dateIn } from "../present.ts";
import { RowButton, useT } from "../shared/views.tsx";
import type { CharterRow } from "../charters/queries.ts";

/** The meetings of a hearing: date, kind and title (linked to the meeting's page), place. */
export function HearingMeetings(props: {
  meetings: MeetingSummary[];
  charter: CharterRow;
  /** Where a remove button posts (the working group's page); none on the public page. */
  removeAction?: string;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const d = props.charter.digits;
  if (!props.meetings.length) return <p class="muted">{t("hearing.noMeetings")}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t("hearing.meetings")}>
      <table class="hearing-meetings">
        <thead>
          <tr>
            <th scope="col">{t("hearing.meetingWhen")}</th>
            <th scope="col">{t("hearing.meetingWhat")}</th>
            <th scope="col">{t("hearing.meetingWhere")}</th>
            {props.removeAction && (
              <th scope="col">
                <span class="visually-hidden">{t("hearing.meetingRemove")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.meetings.map((m) => {
            const title = lang === "en" && m.titleEn ? m.titleEn : m.titleTh;
            return (
              <tr key={m.id}>
                <td>{dateIn(m.day, lang, d)}</td>
                <td>
                  {t(`meetingKind.${m.kind}`)}:{" "}
                  {m.isPublic ? (
                    <a href={meetingUrl(tambon!.slug, m.id)}>{title}</a>
                  ) : (
                    <>
                      {title} {t("hearing.meetingPrivate")}
                    </>
                  )}
                </td>
                <td>{m.place}</td>
                {props.removeAction && (
                  <td>
                    <RowButton
                      action={props.removeAction}
                      class="inline-form"
                      name="meeting"
                      value={String(m.id)}
                      text={t("hearing.meetingRemove")}
                      what={title}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
