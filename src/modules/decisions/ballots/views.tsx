import { useCtx } from "../../../core/views/ctx.ts";
import { assetUrl } from "../../../core/views/assets.ts";
import { Form } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { gradeRange } from "../shared/phases.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The ballot: one grade per alternative; works without JavaScript. */
export function BallotPage(props: {
  q: { id: number; title: string };
  alts: { id: number; title: string }[];
  grades: Record<string, number>;
  error: string | null;
  recordFor: { options: { value: string; label: string }[]; selected: string } | null;
  /** The member has a ballot that may still be withdrawn. */
  canWithdraw?: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/decisions/${props.q.id}`;
  const { min, max } = gradeRange(props.alts.length);
  const options: { value: number; label: string }[] = [];
  for (let g = max; g >= 1; g--)
    options.push({ value: g, label: t("ballot.approve", { n: max - g + 1 }) });
  options.push({ value: 0, label: t("ballot.abstain") });
  for (let g = -1; g >= min; g--)
    options.push({ value: g, label: g === -1 ? t("ballot.disapprove") : t("ballot.strongly") });
  return (
    <>
      <BackLink href={base}>{props.q.title}</BackLink>
      <h1>{t("ballot.title")}</h1>
      <p>{t("ballot.intro")}</p>
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      <Form
        action={`${base}/ballot`}
        label={t("ballot.title")}
        data={{
          ballot: "1",
          max: String(max),
          text: JSON.stringify({
            approve: t("ballot.colApprove"),
            abstain: t("ballot.abstain"),
            disapprove: t("ballot.disapprove"),
            toApprove: t("ballot.toApprove"),
            toAbstain: t("ballot.toAbstain"),
            toDisapprove: t("ballot.toDisapprove"),
          }),
        }}
      >
        {props.recordFor && (
          <div class="field">
            <label for="f-member">{t("ballot.recordFor")}</label>
            <select id="f-member" name="member">
              <option value="">—</option>
              {props.recordFor.options.map((o) => (
                <option
                  key={o.value}
                  value={o.value}
                  selected={o.value === props.recordFor!.selected}
                >
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {props.alts.map((a) => (
          <div class="field" key={a.id} data-alternative={String(a.id)}>
            <label for={`g-${a.id}`}>{a.title}</label>
            <select id={`g-${a.id}`} name={`grade_${a.id}`}>
              {options.map((o) => (
                <option
                  key={o.value}
                  value={String(o.value)}
                  selected={(props.grades[String(a.id)] ?? 0) === o.value}
                >
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit">{t("ballot.submit")}</button>
      </Form>
      {props.canWithdraw && (
        <Form action={`${base}/ballot/withdraw`} label={t("ballot.withdraw")}>
          <button type="submit" class="secondary">
            {t("ballot.withdraw")}
          </button>
        </Form>
      )}
      <script src={assetUrl("ballot")} defer />
    </>
  );
}
