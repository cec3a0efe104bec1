import { type Step } from "../meetings/meeting.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import { SubNav, meetingTitle, meetingWhen, useView } from "../shared/views.tsx";

/** The process page: the three steps with their meetings and outputs. */
export function ProcessPage(props: {
  steps: {
    step: Step;
    meetings: MeetingRow[];
    outputs: { href: string; title: string; meta?: string }[];
  }[];
}) {
  const { lang, t, base } = useView();
  return (
    <>
      <SubNav current="process" />
      <h1>{t("process.title")}</h1>
      <p>{t("process.intro")}</p>
      <ol class="gm-steps">
        {props.steps.map((s) => (
          <li key={s.step}>
            <h2>
              {t("step.n", { n: s.step })}: {t(`step.${s.step}`)}
            </h2>
            {s.meetings.length === 0 && s.outputs.length === 0 ? (
              <p class="muted">{t("process.nothing")}</p>
            ) : (
              <>
                {s.meetings.length > 0 && (
                  <>
                    <h3>{t("process.meetings")}</h3>
                    <ul>
                      {s.meetings.map((m) => (
                        <li key={m.id}>
                          <a href={`${base}/meetings/${m.id}`}>{meetingTitle(m, lang)}</a>{" "}
                          <span class="muted">
                            · {meetingWhen(m, lang)} · {t(`mkind.${m.kind}`)}
                          </span>
                        </li>
                      ))}
                    </ul>
                    <p>
                      <a href={`${base}/meetings?step=${s.step}`}>{t("meetings.allMeetings")}</a>
                    </p>
                  </>
                )}
                {s.outputs.length > 0 && (
                  <>
                    <h3>{t("process.outputs")}</h3>
                    <ul>
                      {s.outputs.map((o) => (
                        <li key={o.href}>
                          <a href={o.href}>{o.title}</a>
                          {o.meta && <span class="muted"> · {o.meta}</span>}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
