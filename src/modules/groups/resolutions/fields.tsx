import { Field, Fields, type FormState, field } from "../../../core/views/form.tsx";
import { VOTE_CHOICES } from "./resolution.ts";
import type { AttendanceRow } from "../attendance/queries.ts";
import type { NominationRow } from "./queries.ts";
import { useT } from "../shared/views.tsx";

/** A resolution's text, in Thai and in English. */
export function ResolutionText({ form }: { form: FormState }) {
  const t = useT();
  return (
    <Fields
      form={form}
      fields={[
        field.textarea("textTh", t("res.text"), { required: true }),
        field.textarea("textEn", t("res.textEn"), { rows: 2 }),
      ]}
    />
  );
}

const VOTE_COUNTS = [
  ["votesFor", "res.for"],
  ["votesAgainst", "res.against"],
  ["votesAbstain", "res.abstain"],
] as const;

/** The counts of a show of hands: for, against, abstaining. */
export function VoteCounts({ form }: { form: FormState }) {
  const t = useT();
  return (
    <div class="gm-counts">
      {VOTE_COUNTS.map(([name, label]) => (
        <Field
          key={name}
          form={form}
          name={name}
          type="number"
          inputmode="numeric"
          label={t(label)}
        />
      ))}
    </div>
  );
}

/** Each attendee's vote, folded unless the method asks for it or it has an error. */
export function IndividualVotes(props: {
  form: FormState;
  attendance: AttendanceRow[];
  votes: Record<string, string>;
}) {
  const t = useT();
  const rf = props.form;
  return (
    <details open={!!rf.errors.votes || rf.values.method === "individual_votes"}>
      <summary>{t("res.votesIndividual")}</summary>
      <p class="hint">{t("res.votesIndividualHint")}</p>
      {rf.errors.votes && <p class="error">{rf.errors.votes}</p>}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("res.votesIndividual")}>
        <table>
          <tbody>
            {props.attendance.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <label for={`vote-${a.id}`}>{a.name}</label>
                </th>
                <td>
                  <select id={`vote-${a.id}`} name={`vote_${a.id}`}>
                    <option value="">{t("res.noVote")}</option>
                    {VOTE_CHOICES.map((c) => (
                      <option key={c} value={c} selected={props.votes[String(a.id)] === c}>
                        {t(`res.${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The proposed nominations a resolution approves, ticked by the organiser. */
export function NominationApprovals(props: {
  form: FormState;
  pending: { n: NominationRow; groupName: string }[];
  approve: string[];
}) {
  const t = useT();
  const rf = props.form;
  return (
    <fieldset class={rf.errors.approve ? "has-error" : undefined}>
      <legend>{t("res.approves")}</legend>
      <p class="hint">{t("res.approvesHint")}</p>
      {rf.errors.approve && <p class="error">{rf.errors.approve}</p>}
      {props.pending.map(({ n, groupName: gn }) => (
        <div class="field check" key={n.id}>
          <input
            type="checkbox"
            id={`ap-${n.id}`}
            name="approve"
            value={String(n.id)}
            checked={props.approve.includes(String(n.id))}
          />
          <label for={`ap-${n.id}`}>
            {n.name} · {t(`pos.${n.position}`)} · {gn}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
