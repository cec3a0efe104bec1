import { useCtx } from "../../../core/views/ctx.ts";
import { CommentFields } from "../comments/fields.tsx";
import {
  Form,
  type FormState,
  ErrorSummary,
  FormError,
  Fields,
  field,
} from "../../../core/views/form.tsx";
import { type MeetingSummary } from "../../groups/public.ts";
import type { CharterDiff } from "../diff.ts";
import type { VillageParticipation } from "./participation.ts";
import { dateIn, num } from "../present.ts";
import { EditionPageTop, Paras, useT } from "../shared/views.tsx";
import type { CommentItem } from "../comments/comment-card.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { DiffView } from "../drafting/diff-views.tsx";
import { HearingMeetings } from "./meeting-views.tsx";

/** What the hearing page shows. */
export interface HearingData {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  villages: { id: number; moo: number; nameTh: string; nameEn: string }[];
  byVillage: Map<number | null, VillageParticipation>;
  people: number;
  villagesReached: number;
  acceptedInHearing: CommentItem[];
  diff: { diff: CharterDiff; fromNumber: number; adopted: boolean } | null;
  canRecord: boolean;
  aboutOptions: { value: string; label: string }[];
  form: FormState;
  showAll: boolean;
  meetings: MeetingSummary[];
}

/** The figures of the participation table, in the order of its columns, with their headings. */
const FIGURES = [
  ["people", "hearing.people"],
  ["comments", "hearing.comments"],
  ["suggestions", "hearing.suggestions"],
  ["accepted", "hearing.acceptedN"],
] as const;

type Figures = Pick<VillageParticipation, (typeof FIGURES)[number][0]>;

/** A village no one from took part. */
const NONE: Figures = { people: 0, comments: 0, suggestions: 0, accepted: 0 };

/** The public hearing of an edition: period, meetings, recording views, and the report. */
export function HearingPage({ data }: { data: HearingData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition } = data;
  const d = charter.digits;
  const eb = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
  const vName = (v: { nameTh: string; nameEn: string }) =>
    lang === "en" && v.nameEn ? v.nameEn : v.nameTh;
  const villages = data.villages.map((v) => ({ value: String(v.id), label: vName(v) }));
  const rows = data.villages.map((v) => ({ v, p: data.byVillage.get(v.id) }));
  const unknown = data.byVillage.get(null);
  const total = [...data.byVillage.values()].reduce(
    (a, p) => ({
      comments: a.comments + p.comments,
      suggestions: a.suggestions + p.suggestions,
      accepted: a.accepted + p.accepted,
    }),
    { comments: 0, suggestions: 0, accepted: 0 },
  );
  const n = (x: number) => num(x, d, lang);
  const figures = (c: Figures) =>
    FIGURES.map(([key]) => (
      <td key={key} class="num">
        {n(c[key])}
      </td>
    ));
  return (
    <>
      <EditionPageTop edition={edition} digits={d} title={data.title} page="hearing" />
      {!(data.canRecord && edition.status === "hearing") && (
        <ErrorSummary scope="hearing" form={data.form} />
      )}
      <dl class="charter-facts">
        <dt>{t("hearing.period")}</dt>
        <dd>
          {edition.hearingStartsOn && edition.hearingEndsOn
            ? `${dateIn(edition.hearingStartsOn, lang, d)} – ${dateIn(edition.hearingEndsOn, lang, d)}`
            : t("hearing.notYet")}
        </dd>
        <dt>{t("hearing.meetings")}</dt>
        <dd>
          <a href="#h-meetings">{t("hearing.meetingsHeld", { n: n(data.meetings.length) })}</a>
        </dd>
      </dl>
      {edition.hearingNote && <Paras text={edition.hearingNote} />}
      {data.canRecord && edition.status === "hearing" && (
        <section aria-labelledby="h-record">
          <h2 id="h-record">{t("hearing.record")}</h2>
          <Form action={`${eb}/hearing`} label={t("hearing.record")}>
            <FormError form={data.form} />
            <Fields
              scope="hearing"
              form={data.form}
              fields={[
                field.text("name", t("hearing.name"), { required: true, maxLength: 200 }),
                field.select("village", t("hearing.village"), villages, {
                  required: true,
                  placeholder: "",
                }),
              ]}
            />
            <CommentFields
              scope="hearing"
              form={data.form}
              aboutOptions={data.aboutOptions}
              rows={[3, 4]}
            />
            <button type="submit">{t("hearing.record")}</button>
          </Form>
        </section>
      )}
      <section aria-labelledby="h-report">
        <h2 id="h-report">{t("hearing.report")}</h2>
        <p>
          {t("hearing.villagesReached", {
            n: n(data.villagesReached),
            total: n(data.villages.length),
          })}{" "}
          · {t("hearing.people")}: {n(data.people)} ·{" "}
          {t("hearing.meetingsHeld", { n: n(data.meetings.length) })}
        </p>
        <h3 id="h-meetings">{t("hearing.meetings")}</h3>
        <HearingMeetings meetings={data.meetings} charter={charter} />
        <h3>{t("hearing.participation")}</h3>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("hearing.participation")}>
          <table class="hearing-table">
            <thead>
              <tr>
                <th scope="col">{t("hearing.village")}</th>
                {FIGURES.map(([key, label]) => (
                  <th key={key} scope="col" class="num">
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ v, p }) => (
                <tr key={v.id} class={p ? undefined : "row-none"}>
                  <th scope="row">{vName(v)}</th>
                  {figures(p ?? NONE)}
                </tr>
              ))}
              {unknown && (
                <tr>
                  <th scope="row">{t("hearing.noVillage")}</th>
                  {figures(unknown)}
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("hearing.total")}</th>
                {figures({ ...total, people: data.people })}
              </tr>
            </tfoot>
          </table>
        </div>
        <h3>{t("hearing.changed")}</h3>
        {data.acceptedInHearing.length === 0 && !data.diff ? (
          <p class="muted">{t("hearing.noChanges")}</p>
        ) : (
          <>
            {data.acceptedInHearing.length > 0 && (
              <ul>
                {data.acceptedInHearing.map((c) => (
                  <li key={c.id}>
                    <a href={`${eb}/comments?clause=${c.clauseKey ?? "preamble"}#comment-${c.id}`}>
                      {c.aboutLabel}
                    </a>{" "}
                    · {t("comments.by", { name: c.author })}
                    {c.village && ` (${c.village})`} ·{" "}
                    {t("comments.status.accepted", { n: n(c.appliedVersionNumber ?? 0) })}
                  </li>
                ))}
              </ul>
            )}
            {data.diff && (
              <>
                <p>
                  {t("hearing.sinceStart", {
                    from: n(data.diff.fromNumber),
                    to: data.diff.adopted ? t("hearing.adoptedText") : t("hearing.latest"),
                  })}
                </p>
                <DiffView
                  diff={data.diff.diff}
                  charter={charter}
                  showAll={data.showAll}
                  toggleHref={`${eb}/hearing${data.showAll ? "" : "?all=1"}`}
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
