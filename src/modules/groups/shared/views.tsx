import { Table } from "../../../core/views/list.tsx";
import type { ComponentChildren } from "preact";
import type { Lang } from "../../../core/i18n/index.ts";
import { core } from "../../../core/i18n/messages.ts";
import { formatDate, formatDateTime } from "../../../core/dates.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { DateInput, Form } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { QuorumResult } from "../attendance/quorum.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import type { VillageRow } from "./queries.ts";
import { bangkokTime } from "../meetings/meeting.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** A number in the reader's style. */
export const nf = new Intl.NumberFormat("th-TH");

/** The base URL of the current tambon. */
export function useBase(): string {
  const { tambon } = useCtx();
  return `/t/${tambon!.slug}`;
}

/** The translator of this module for the current page. */
export function useT() {
  const { lang } = useCtx();
  return msg.t(lang);
}

/** What most views of the module start from: the reader's language, the translator and the base URL. */
export function useView() {
  const { lang } = useCtx();
  return { lang, t: msg.t(lang), base: useBase() };
}

/** "หมู่ที่ 3 บ้าน…" in the reader's language. */
export function villageLabel(v: Pick<VillageRow, "moo" | "nameTh" | "nameEn">, lang: Lang): string {
  const name = lang === "en" && v.nameEn ? v.nameEn : v.nameTh;
  return `${core.t(lang)("village.mooN", { n: v.moo })} ${name}`;
}

/** A short village label: "หมู่ที่ 3". */
export function mooLabel(moo: number | null | undefined, lang: Lang): string {
  return moo == null ? "–" : core.t(lang)("village.mooN", { n: moo });
}

/** A meeting's title in the reader's language. */
export function meetingTitle(m: Pick<MeetingRow, "titleTh" | "titleEn">, lang: Lang): string {
  return lang === "en" && m.titleEn ? m.titleEn : m.titleTh;
}

/** When a meeting takes place: date and time, with the end time when known. */
export function meetingWhen(m: Pick<MeetingRow, "startsAt" | "endsAt">, lang: Lang): string {
  const start = formatDateTime(m.startsAt, lang);
  return m.endsAt ? `${start}–${bangkokTime(m.endsAt)}` : start;
}

/** A date (YYYY-MM-DD) in the reader's calendar, or a dash. */
export function day(value: string | null | undefined, lang: Lang): string {
  return value ? formatDate(value, lang) : "–";
}

/** The sub-menu of the groups-and-meetings pages. */
export function SubNav({ current }: { current: "meetings" | "groups" | "reps" | "process" }) {
  const t = useT();
  const base = useBase();
  const items = [
    { id: "meetings", href: `${base}/meetings`, label: t("nav.meetings") },
    { id: "groups", href: `${base}/groups`, label: t("nav.groups") },
    { id: "reps", href: `${base}/representatives`, label: t("nav.reps") },
    { id: "process", href: `${base}/process`, label: t("nav.process") },
  ] as const;
  return (
    <nav class="gm-subnav" aria-label={t("nav.hub")}>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <a href={i.href} aria-current={i.id === current ? "page" : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A back link. */
export function Back({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <BackLink href={href} class="gm-back">
      {children}
    </BackLink>
  );
}

/** The quorum's headline: reached or not, how far, and what is missing. */
export function QuorumStatus({
  quorum,
  villages,
  live,
}: {
  quorum: QuorumResult | null;
  villages: readonly VillageRow[];
  live?: boolean;
}) {
  const t = useT();
  const { lang } = useCtx();
  if (!quorum) return <p class="muted">{t("quorum.notRequired")}</p>;
  const byId = new Map(villages.map((v) => [v.id, v]));
  return (
    <div
      class={quorum.met ? "gm-quorum gm-quorum-met" : "gm-quorum gm-quorum-short"}
      role={live ? "status" : undefined}
      id="quorum"
    >
      <p class="gm-quorum-head">
        <span aria-hidden="true">{quorum.met ? "✓ " : "… "}</span>
        {quorum.met ? t("quorum.met") : t("quorum.notMet")}
      </p>
      <p>
        {t("quorum.rule", {
          min: quorum.minPerVillage,
          required: quorum.villagesRequired,
          total: quorum.villagesTotal,
        })}
        {" · "}
        {t("quorum.progress", { met: quorum.villagesMet, required: quorum.villagesRequired })}
      </p>
      {!quorum.met && quorum.shortBy > 0 && <p>{t("quorum.shortBy", { n: quorum.shortBy })}</p>}
      {quorum.villagesShortOfReps.length > 0 && (
        <p class="gm-warn">
          {t("quorum.shortOfReps", {
            list: quorum.villagesShortOfReps
              .map((id) => mooLabel(byId.get(id)?.moo, lang))
              .join(", "),
          })}
        </p>
      )}
    </div>
  );
}

/** The per-village table of a quorum: representatives present against the minimum. */
export function QuorumTable({
  quorum,
  villages,
  others,
  villageHref,
}: {
  quorum: QuorumResult;
  villages: readonly VillageRow[];
  others?: Map<number | null, number>;
  villageHref?: (villageId: number) => string;
}) {
  const t = useT();
  const { lang } = useCtx();
  const byId = new Map(villages.map((v) => [v.id, v]));
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t("quorum.title")}>
      <table class="gm-quorum-table">
        <thead>
          <tr>
            <th scope="col">{t("quorum.village")}</th>
            <th scope="col" class="num">
              {t("quorum.present")}
            </th>
            <th scope="col" class="num">
              {t("quorum.reps")}
            </th>
            {others && (
              <th scope="col" class="num">
                {t("quorum.others")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {quorum.villages.map((q) => {
            const v = byId.get(q.villageId);
            const label = v ? villageLabel(v, lang) : String(q.villageId);
            return (
              <tr key={q.villageId} class={q.met ? "gm-row-ok" : "gm-row-short"}>
                <th scope="row">
                  {villageHref ? <a href={villageHref(q.villageId)}>{label}</a> : label}
                </th>
                <td class="num">
                  <span class={q.met ? "gm-tag-ok" : "gm-tag-short"}>
                    {q.present}/{quorum.minPerVillage}
                    <span class="visually-hidden">
                      {" "}
                      {q.met
                        ? t("reps.ok")
                        : t("reps.short", { n: quorum.minPerVillage - q.present })}
                    </span>
                  </span>
                </td>
                <td class="num">{q.representatives}</td>
                {others && <td class="num">{others.get(q.villageId) ?? 0}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Attendance counted per village (for meetings without a village quorum). */
export function AttendanceByVillage({
  counts,
  villages,
}: {
  counts: Map<number | null, number>;
  villages: readonly VillageRow[];
}) {
  const t = useT();
  const { lang } = useCtx();
  const rows = villages.filter((v) => counts.get(v.id));
  const elsewhere = counts.get(null) ?? 0;
  if (!rows.length && !elsewhere) return null;
  return (
    <Table
      label={t("meetings.attendance")}
      columns={[t("quorum.village"), { label: t("meetings.attendance"), num: true }]}
    >
      {rows.map((v) => (
        <tr key={v.id}>
          <th scope="row">{villageLabel(v, lang)}</th>
          <td class="num">{counts.get(v.id)}</td>
        </tr>
      ))}
      {elsewhere > 0 && (
        <tr>
          <th scope="row">–</th>
          <td class="num">{elsewhere}</td>
        </tr>
      )}
    </Table>
  );
}

/**
 * A period someone holds (a membership or a representative's term) and the small form that ends
 * it on a day, with the reason.
 */
export function PeriodItem(props: {
  id: number;
  name: string;
  /** What follows the name: the position or the village. */
  what: string;
  startOn: string;
  endOn: string | null;
  /** A note after the dates: the task, or who chose the representative. */
  note: string | null;
  /** Where the form posts, its button and the reason's field. */
  action: string;
  endLabel: string;
  reason: { name: string; label: string; maxLength: number };
  today: string;
}) {
  const t = useT();
  const { lang } = useCtx();
  const { id } = props;
  return (
    <li>
      <p>
        <strong>{props.name}</strong> · {props.what} · {day(props.startOn, lang)}
        {props.endOn && ` – ${day(props.endOn, lang)}`}
        {props.note && ` · ${props.note}`}
      </p>
      <Form action={props.action} class="inline-form" label={`${props.endLabel}: ${props.name}`}>
        <DateInput
          id={`end-${id}`}
          name="endOn"
          label={t("groups.to")}
          value={props.endOn ?? props.today}
        />
        <label for={`why-${id}`}>{props.reason.label}</label>
        <input
          id={`why-${id}`}
          type="text"
          name={props.reason.name}
          maxLength={props.reason.maxLength}
        />
        <button type="submit" class="secondary">
          {props.endLabel}
        </button>
      </Form>
    </li>
  );
}

/**
 * A GET form that picks one of the tambon's villages (`village`): an empty first choice, then the
 * villages by moo, the one shown selected.
 */
export function VillagePicker(props: {
  action: string;
  /** The form's name for screen readers. */
  label: string;
  /** The select's id and label. */
  id: string;
  field: string;
  /** The empty first choice. */
  none: string;
  button: string;
  villages: readonly VillageRow[];
  village: Pick<VillageRow, "id"> | null | undefined;
}) {
  const { lang } = useCtx();
  return (
    <form method="get" action={props.action} class="filters" aria-label={props.label}>
      <div class="field">
        <label for={props.id}>{props.field}</label>
        <select id={props.id} name="village">
          <option value="">{props.none}</option>
          {props.villages.map((v) => (
            <option key={v.id} value={String(v.id)} selected={v.id === props.village?.id}>
              {villageLabel(v, lang)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {props.button}
      </button>
    </form>
  );
}
