import { Table } from "../../../core/views/list.tsx";
import type { ResolutionRow } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import type { Resolution } from "../public.ts";
import { Back, QuorumStatus, QuorumTable, day, nf, useT, useView } from "../shared/views.tsx";

/** How a resolution was decided, in one line. */
export function MethodLine({
  r,
}: {
  r: Pick<ResolutionRow, "method" | "votesFor" | "votesAgainst" | "votesAbstain">;
}) {
  const t = useT();
  return (
    <span>
      {t(`method.${r.method}`)}
      {r.votesFor !== null &&
        ` · ${t("res.counts", {
          for: nf.format(r.votesFor),
          against: nf.format(r.votesAgainst ?? 0),
          abstain: nf.format(r.votesAbstain ?? 0),
        })}`}
    </span>
  );
}

/** Whether the quorum held, in words. */
export function QuorumLine({ met }: { met: boolean | null }) {
  const t = useT();
  if (met === null) return <span class="muted">{t("res.quorumNone")}</span>;
  return met ? (
    <span class="gm-tag-ok">{t("res.quorumHeld")}</span>
  ) : (
    <span class="gm-tag-short">{t("res.quorumFailed")}</span>
  );
}

/** A resolution inside a meeting page: number, text, outcome, method and quorum. */
export function ResolutionSummary({ r, all }: { r: ResolutionRow; all: ResolutionRow[] }) {
  const { lang, t, base } = useView();
  const correctedBy = all.find((x) => x.correctsId === r.id);
  return (
    <div class={correctedBy ? "gm-resolution gm-superseded" : "gm-resolution"}>
      <p class="gm-resolution-head">
        <a href={`${base}/resolutions/${r.id}`}>
          {t("res.title", { n: r.number })}
          {r.correctsId && ` (${t("res.correction")})`}
        </a>{" "}
        <strong>{t(`outcome.${r.outcome}`)}</strong>
      </p>
      <p class="prose">{lang === "en" && r.textEn ? r.textEn : r.textTh}</p>
      <p class="muted">
        <MethodLine r={r} /> · <QuorumLine met={r.quorumMet} />
      </p>
      {correctedBy && (
        <p class="gm-warn">
          {t("res.correctedBy")}{" "}
          <a href={`${base}/resolutions/${correctedBy.id}`}>
            {t("res.title", { n: correctedBy.number })}
          </a>
        </p>
      )}
    </div>
  );
}

/** What a resolution's links point to, ready to show. */
export interface LinkView {
  href: string | null;
  label: string;
}

/** A resolution's own page: text, how decided, quorum at the time, what it decided, corrections. */
export function ResolutionPage(props: {
  r: Resolution;
  meetingTitle: string;
  villages: VillageRow[];
  links: LinkView[];
  votes: { name: string; choice: "for" | "against" | "abstain"; moo: number | null }[] | null;
  correctionReason: string;
  canCorrect: boolean;
}) {
  const { lang, t, base } = useView();
  const r = props.r;
  return (
    <article>
      <Back href={`${base}/meetings/${r.meetingId}`}>{props.meetingTitle}</Back>
      <h1>
        {t("res.title", { n: r.number })}
        {r.correctsId && ` (${t("res.correction")})`}
      </h1>
      <p>
        {t("res.decidedAt")} <a href={`${base}/meetings/${r.meetingId}`}>{props.meetingTitle}</a> ·{" "}
        {day(r.decidedOn, lang)}
      </p>
      <blockquote class="prose">{lang === "en" && r.textEn ? r.textEn : r.textTh}</blockquote>
      <dl class="gm-facts">
        <dt>{t("res.method")}</dt>
        <dd>
          <MethodLine
            r={{
              method: r.method,
              votesFor: r.votes?.for ?? null,
              votesAgainst: r.votes?.against ?? null,
              votesAbstain: r.votes?.abstain ?? null,
            }}
          />
        </dd>
        <dt>{t("meetings.status")}</dt>
        <dd>
          <strong>{t(`outcome.${r.outcome}`)}</strong>
        </dd>
        <dt>{t("quorum.title")}</dt>
        <dd>
          <QuorumLine met={r.quorumMet} />
        </dd>
      </dl>
      {r.correctsId && (
        <p>
          {t("res.corrects")}: <a href={`${base}/resolutions/${r.correctsId}`}>#{r.correctsId}</a>
          {props.correctionReason && ` — ${props.correctionReason}`}
        </p>
      )}
      {r.correctedById && (
        <p class="gm-warn">
          {t("res.correctedBy")}{" "}
          <a href={`${base}/resolutions/${r.correctedById}`}>#{r.correctedById}</a>
        </p>
      )}
      {props.links.length > 0 && (
        <section aria-labelledby="h-links">
          <h2 id="h-links">{t("res.links")}</h2>
          <ul>
            {props.links.map((l, i) => (
              <li key={i}>{l.href ? <a href={l.href}>{l.label}</a> : l.label}</li>
            ))}
          </ul>
        </section>
      )}
      {props.votes && props.votes.length > 0 && (
        <section aria-labelledby="h-votes">
          <h2 id="h-votes">{t("res.votesIndividual")}</h2>
          <Table
            label={t("res.votesIndividual")}
            columns={[t("groups.name"), t("groups.village"), t("res.method")]}
          >
            {props.votes.map((v, i) => (
              <tr key={i}>
                <td>{v.name}</td>
                <td>{v.moo ?? "–"}</td>
                <td>{t(`res.${v.choice}`)}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      {r.quorum && (
        <section aria-labelledby="h-quorum">
          <h2 id="h-quorum">{t("quorum.title")}</h2>
          <QuorumStatus quorum={r.quorum} villages={props.villages} />
          <QuorumTable quorum={r.quorum} villages={props.villages} />
        </section>
      )}
      {props.canCorrect && !r.correctedById && (
        <p class="actions">
          <a class="button secondary" href={`${base}/admin/resolutions/${r.id}/correct`}>
            {t("res.correct")}
          </a>
        </p>
      )}
    </article>
  );
}
