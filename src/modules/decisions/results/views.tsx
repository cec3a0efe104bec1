import { Table } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { Form } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { TallyResult } from "../tally-types.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

const nf = new Intl.NumberFormat("th-TH");

/** The stored result of a closed question, shown as its voting rules' secrecy allows. */
export function ResultsPage(props: {
  q: { id: number; title: string };
  result: TallyResult;
  pairwise: number[][];
  alternatives: { id: number; title: string }[];
  membersWithRight: number;
  secret: boolean;
  /** chains, names and the export (members of the tambon, public ballots) */
  detailed: boolean;
  names: Map<number, string>;
  chartSvg: string;
  chainHash: string;
  /** Village code → "หมู่ที่ 2 บ้าน…" (the tally names villages by code). */
  villageNames: Map<string, string>;
  receipt: { found: { grades: Record<string, number>; weight: number } | null } | null;
  ballotList: { hash: string; grades: Record<string, number> }[] | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const r = props.result;
  const base = `/t/${tambon!.slug}/decisions/${props.q.id}`;
  const title = (id: number) => props.alternatives.find((a) => a.id === id)?.title ?? `#${id}`;
  const name = (id: number) => props.names.get(id) ?? `#${id}`;
  // Where who voted is not shown (a secret ballot, or a visitor): the weights alone, largest first.
  const weightsWithoutNames = Object.values(r.weights ?? {})
    .sort((a, b) => b - a)
    .join(", ");
  const candidates = [...props.alternatives.map((a) => a.title), t("q.statusQuo")];
  const gradesText = (g: Record<string, number>) =>
    Object.entries(g)
      .map(([id, v]) => `${title(Number(id))}: ${v > 0 ? "+" : ""}${v}`)
      .join(", ") || t("ballot.abstain");
  const quorumDetail = r.quorum.failed
    .map((f) =>
      f.kind === "quorum"
        ? t("res.quorumMissing", { n: f.missing, required: f.required, actual: f.actual })
        : t("res.villageMissing", {
            min: f.minPerVillage,
            villages: f.villages
              .map((v) => `${props.villageNames.get(v.village) ?? v.village} (${v.voters})`)
              .join(", "),
          }),
    )
    .join("; ");
  return (
    <>
      <BackLink href={base}>{props.q.title}</BackLink>
      <h1>
        {t("res.title")}: {props.q.title}
      </h1>
      <p class="result-winner">
        <strong>
          {r.winner !== null ? t("res.winner", { name: title(r.winner) }) : t("res.noWinner")}
        </strong>
      </p>
      <p class={r.quorum.met ? "flash" : "error-summary"}>
        {r.quorum.met ? t("res.quorumMet") : t("res.quorumFailed", { detail: quorumDetail })}
      </p>
      <ul class="stats">
        {(
          [
            [r.voters, "res.voters"],
            [r.weightCounted, "res.weightCounted"],
            [r.weightLost, "res.weightLost"],
            [props.membersWithRight, "res.membersWithRight"],
          ] as const
        ).map(([n, label]) => (
          <li key={label}>
            <strong>{nf.format(n)}</strong> {t(label)}
          </li>
        ))}
      </ul>
      <Table
        label={t("res.title")}
        columns={[
          t("res.rank"),
          t("q.alternatives"),
          { label: t("res.positive"), num: true },
          { label: t("res.negative"), num: true },
          t("res.eligible"),
        ]}
      >
        {r.alternatives.map((a) => (
          <tr key={a.id}>
            <td>{a.rank}</td>
            <th scope="row">{title(a.id)}</th>
            <td class="num">{nf.format(a.positive)}</td>
            <td class="num">{nf.format(a.negative)}</td>
            <td>{a.eligible ? t("res.yes") : t("res.no")}</td>
          </tr>
        ))}
        <tr>
          <td>{r.statusQuoRank}</td>
          <th scope="row">{t("q.statusQuo")}</th>
          <td class="num">–</td>
          <td class="num">–</td>
          <td>–</td>
        </tr>
      </Table>
      <figure class="chart" aria-label={t("res.chart")}>
        <div dangerouslySetInnerHTML={{ __html: props.chartSvg }} />
        <figcaption class="muted">{t("res.chart")}</figcaption>
      </figure>
      <h2>{t("res.pairwise")}</h2>
      <div class="table-wrap" role="region" aria-label={t("res.pairwise")} tabIndex={0}>
        <table class="pairwise">
          <thead>
            <tr>
              <td />
              {candidates.map((c, i) => (
                <th scope="col" key={i}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.pairwise.map((row, x) => (
              <tr key={x}>
                <th scope="row">{candidates[x]}</th>
                {row.map((v, y) => (
                  <td class="num" key={y}>
                    {x === y ? "–" : nf.format(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.secret ? (
        <>
          <p>{t("res.private")}</p>
          <Form action={`${base}/results`} class="filters" label={t("res.checkReceipt")}>
            <div class="field">
              <label for="receipt">{t("res.checkReceipt")}</label>
              <input id="receipt" name="receipt" autocomplete="off" />
            </div>
            <button type="submit" class="secondary">
              {t("res.checkReceipt")}
            </button>
          </Form>
          {props.receipt && (
            <p class={props.receipt.found ? "flash" : "error-summary"} role="status">
              {props.receipt.found
                ? t("res.receiptFound", {
                    grades: gradesText(props.receipt.found.grades),
                    weight: props.receipt.found.weight,
                  })
                : t("res.receiptMissing")}
            </p>
          )}
          <details>
            <summary>{t("res.ballotList")}</summary>
            <ol class="ballot-list">
              {(props.ballotList ?? []).map((b) => (
                <li key={b.hash}>
                  <code>{b.hash.slice(0, 16)}</code> {gradesText(b.grades)}
                </li>
              ))}
            </ol>
          </details>
          <h2>{t("res.weights")}</h2>
          <p>{weightsWithoutNames}</p>
        </>
      ) : !props.detailed ? (
        <>
          <p>{t("res.membersOnly")}</p>
          <h2>{t("res.weights")}</h2>
          <p>{weightsWithoutNames}</p>
          <p>
            <a href={`${base}/export.json`}>{t("res.export")}</a>
          </p>
        </>
      ) : (
        <>
          <h2>{t("res.weights")}</h2>
          <ul>
            {Object.entries(r.weights ?? {}).map(([id, w]) => (
              <li key={id}>
                {name(Number(id))}: {w}
              </li>
            ))}
          </ul>
          <h2>{t("res.chains")}</h2>
          <ul>
            {Object.entries(r.chains ?? {}).map(([id, chain]) => (
              <li key={id}>{chain.map(name).join(" → ")}</li>
            ))}
          </ul>
          <p>
            <a href={`${base}/export.json`}>{t("res.export")}</a>
          </p>
        </>
      )}
      <p class="muted hash">{t("res.hash", { hash: props.chainHash })}</p>
    </>
  );
}
