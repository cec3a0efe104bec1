import { useCtx } from "../../../core/views/ctx.ts";
import type { LinkRow, CharterRow, EditionRow } from "../charters/queries.ts";
import { PROGRESS, type Progress } from "../edition.ts";
import { chapterLabel, clauseLabel, dateIn, num } from "../present.ts";
import { EditionPageTop, textIn, useT } from "../shared/views.tsx";

/** One clause in the follow-up table. */
export interface FollowRow {
  key: number;
  number: number;
  chapter: number | null;
  chapterTitle: string;
  text: string;
  status: Progress;
  note: string;
  at: Date | null;
  links: LinkRow[];
}

export function StatusTag({ status }: { status: Progress }) {
  const t = useT();
  return <span class={`badge progress-${status}`}>{t(`progress.${status}`)}</span>;
}

function Links({ links }: { links: LinkRow[] }) {
  const t = useT();
  if (!links.length) return <span class="muted">—</span>;
  return (
    <ul class="links">
      {links.map((l) => (
        <li key={l.id}>
          <span class="muted">{t(`link.${l.targetType}` as "link.other")}:</span>{" "}
          {l.url ? <a href={l.url}>{l.label}</a> : l.label}
        </li>
      ))}
    </ul>
  );
}

/** A stacked bar of the statuses (SVG, so no inline styles are needed). */
function ProgressBar({ counts, total }: { counts: Record<Progress, number>; total: number }) {
  let x = 0;
  return (
    <svg
      class="progress-bar"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {PROGRESS.map((p) => {
        const w = total ? (100 * counts[p]) / total : 0;
        const rect = <rect key={p} class={`bar-${p}`} x={x} y={0} width={w} height={6} />;
        x += w;
        return rect;
      })}
    </svg>
  );
}

/** The follow-up of a whole edition: every clause with its status and links. */
export function FollowUpPage(props: {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  rows: FollowRow[];
  counts: Record<Progress, number>;
  total: number;
  filter: Progress | "";
  canEdit: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition } = props;
  const d = charter.digits;
  const eb = `/t/${tambon!.slug}/charter-editions/${edition.id}`;
  const n = (x: number) => num(x, d, lang);
  let lastChapter: number | null | undefined;
  return (
    <>
      <EditionPageTop edition={edition} digits={d} title={props.title} page="follow" />
      <section aria-labelledby="h-summary">
        <h2 id="h-summary">{t("follow.summary")}</h2>
        <ProgressBar counts={props.counts} total={props.total} />
        <ul class="stats progress-stats">
          {PROGRESS.map((p) => (
            <li key={p}>
              <strong>{n(props.counts[p])}</strong> <StatusTag status={p} />
            </li>
          ))}
        </ul>
      </section>
      <form
        method="get"
        action={`${eb}/follow-up`}
        class="inline-form"
        aria-label={t("follow.filter")}
      >
        <label for="f-status">{t("follow.filter")}</label>
        <select id="f-status" name="status">
          <option value="">{t("follow.allStatuses")}</option>
          {PROGRESS.map((p) => (
            <option key={p} value={p} selected={props.filter === p}>
              {t(`progress.${p}`)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t("follow.filter")}
        </button>{" "}
        <a href={`${eb}/follow-up.csv`}>{t("follow.export")}</a> ·{" "}
        <a href={`${eb}/follow-up.xlsx`}>{t("follow.exportXlsx")}</a>
      </form>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("follow.title")}>
        <table class="follow-table">
          <thead>
            <tr>
              <th scope="col">{t("edition.clause", { n: "" }).trim()}</th>
              <th scope="col">{t("follow.status")}</th>
              <th scope="col">{t("follow.links")}</th>
              <th scope="col">{t("follow.note")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const head =
                r.chapter !== lastChapter ? (
                  <tr class="chapter-row" key={`h${r.key}`}>
                    <th scope="colgroup" colSpan={4}>
                      {r.chapter
                        ? `${chapterLabel(r.chapter, lang, d)} ${textIn(r.chapterTitle, d, lang)}`
                        : t("edition.closing")}
                    </th>
                  </tr>
                ) : null;
              lastChapter = r.chapter;
              const excerpt = r.text.length > 160 ? `${r.text.slice(0, 157)}…` : r.text;
              return (
                <>
                  {head}
                  <tr key={r.key} id={`c-${r.key}`}>
                    <td>
                      <a href={`${eb}/follow-up?clause=${r.key}`}>
                        <strong>{clauseLabel(r.number, lang, d)}</strong>
                      </a>{" "}
                      {textIn(excerpt, d, lang)}
                    </td>
                    <td>
                      <StatusTag status={r.status} />
                    </td>
                    <td>
                      <Links links={r.links} />
                    </td>
                    <td>
                      {textIn(r.note, d, lang)}
                      {r.at && <span class="muted"> ({dateIn(r.at, lang, d)})</span>}
                    </td>
                  </tr>
                </>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
