import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { MEETING_KINDS, STEPS, type MeetingKind, type Step } from "./meeting.ts";
import type { MeetingRow } from "./queries.ts";
import { SubNav, meetingTitle, meetingWhen, useView } from "../shared/views.tsx";
import { pick } from "../../../core/pick.ts";

/** Filters shown on the meeting list. */
export interface ListFilters {
  kind: MeetingKind | null;
  year: number | null;
  step: Step | null;
}

function MeetingItems({ rows }: { rows: MeetingRow[] }) {
  const { lang, t, base } = useView();
  return (
    <ul class="gm-meeting-list">
      {rows.map((m) => (
        <li key={m.id}>
          <a href={`${base}/meetings/${m.id}`}>{meetingTitle(m, lang)}</a>
          <p class="muted">
            {meetingWhen(m, lang)}
            {m.place && ` · ${m.place}`}
          </p>
          <p>
            <span class="badge">{t(`mkind.${m.kind}`)}</span>
            <span class="badge">{t("step.n", { n: m.step })}</span>
            {m.status !== "planned" && <span class="badge">{t(`status.${m.status}`)}</span>}
            {!m.isPublic && <span class="badge">{t("meetings.private")}</span>}
            {m.quorumMet !== null && (
              <span class={m.quorumMet ? "badge gm-badge-ok" : "badge"}>
                {m.quorumMet ? t("quorum.met") : t("quorum.notMet")}
              </span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The meeting list: upcoming meetings, then past ones page by page; or one filtered list. */
export function MeetingList(props: {
  upcoming: MeetingRow[] | null;
  list: Page<MeetingRow>;
  filters: ListFilters;
  years: number[];
  canManage: boolean;
}) {
  const { lang, t, base } = useView();
  const f = props.filters;
  const href = (page: number) =>
    pageHref(`${base}/meetings`, { ...pick(f, "kind", "year", "step") }, page);
  return (
    <>
      <SubNav current="meetings" />
      <h1>{t("meetings.title")}</h1>
      <p class="actions">
        <a href={`${base}/meetings/calendar.ics`}>{t("meetings.feed")}</a>
        <a href={`${base}/meetings/export.csv`}>{t("meetings.exportCsv")}</a>
        <a href={`${base}/meetings/export.xlsx`}>{t("meetings.exportXlsx")}</a>
        {props.canManage && (
          <a class="button" href={`${base}/admin/meetings/new`}>
            {t("meetings.new")}
          </a>
        )}
      </p>
      <form
        method="get"
        action={`${base}/meetings`}
        class="filters"
        aria-label={t("meetings.kind")}
      >
        <div class="field">
          <label for="f-kind">{t("meetings.kind")}</label>
          <select id="f-kind" name="kind">
            <option value="">{t("meetings.anyKind")}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k} selected={k === f.kind}>
                {t(`mkind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-step">{t("meetings.step")}</label>
          <select id="f-step" name="step">
            <option value="">—</option>
            {STEPS.map((s) => (
              <option key={s} value={String(s)} selected={s === f.step}>
                {t("step.n", { n: s })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-year">{t("meetings.year")}</label>
          <select id="f-year" name="year">
            <option value="">{t("meetings.anyYear")}</option>
            {props.years.map((y) => (
              <option key={y} value={String(y)} selected={y === f.year}>
                {lang === "th" ? y + 543 : y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t("groups.show")}
        </button>
      </form>
      {props.upcoming && (
        <section aria-labelledby="h-upcoming">
          <h2 id="h-upcoming">{t("meetings.upcoming")}</h2>
          {props.upcoming.length ? (
            <MeetingItems rows={props.upcoming} />
          ) : (
            <p class="muted">{t("meetings.none")}</p>
          )}
        </section>
      )}
      <section aria-labelledby="h-list">
        <h2 id="h-list">{props.upcoming ? t("meetings.past") : t("meetings.title")}</h2>
        {props.list.items.length ? (
          <MeetingItems rows={props.list.items} />
        ) : (
          <p class="muted">{t("meetings.none")}</p>
        )}
        <Pager
          page={props.list.page}
          pages={props.list.pages}
          total={props.list.total}
          href={href}
        />
      </section>
    </>
  );
}
