import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { formatDate } from "../../../core/dates.ts";
import { baht } from "../shared/format.ts";
import { EDITION_KINDS } from "../shared/kinds.ts";
import { usePlans, editionName, planPeriod, ListOrNone, RedrawOrSubmit } from "../shared/views.tsx";
import type { Plan } from "../plans/queries.ts";
import type { EditionDiff } from "./diff.ts";
import { CarriedFrom } from "../evaluations/views.tsx";
import type { Round } from "../evaluations/queries.ts";
import type { Edition } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The form recording an approved edition, with the meeting and resolution to choose from. */
export function EditionAdmin(p: {
  plan: Plan;
  editions: Edition[];
  form: FormState;
  meetings: { value: string; label: string; group?: string }[];
  resolutions: { value: string; label: string; group?: string }[];
}) {
  const { lang, t, base } = usePlans();
  const kinds = EDITION_KINDS.map((k) => ({ value: k, label: t(`edition.kind.${k}`) }));
  return (
    <>
      <h2 id="editions">{t("edition.title")}</h2>
      <ListOrNone items={p.editions} none={t("edition.noEditions")} muted>
        {(e) => (
          <li key={e.id}>
            {editionName(e, lang)}
            {e.approvedOn && <span class="muted"> · {formatDate(e.approvedOn, lang)}</span>}
            {e.reason && <span> · {e.reason}</span>}
          </li>
        )}
      </ListOrNone>
      <h3>{t("edition.add")}</h3>
      <Form action={`${base}/admin/plans/${p.plan.id}/editions`} label={t("edition.add")}>
        <ErrorSummary form={p.form} scope="e" />
        <Fields
          form={p.form}
          scope="e"
          fields={[
            field.select("kind", t("edition.kind"), kinds, { required: true }),
            field.textarea("reason", t("edition.reason"), { rows: 3 }),
            field.date("approvedOn", t("edition.approvedOn"), { required: true }),
            field.select("meetingId", t("edition.meeting"), p.meetings, {
              placeholder: t("edition.none"),
            }),
            field.select("resolutionId", t("edition.resolution"), p.resolutions, {
              placeholder: t("edition.none"),
            }),
          ]}
        />
        <RedrawOrSubmit
          redraw="pick"
          redrawLabel={t("edition.pickMeeting")}
          submit={t("edition.add")}
        />
      </Form>
    </>
  );
}

/** The editions of a plan, and the differences between the two chosen. */
export function EditionsPage(p: {
  plan: Plan;
  editions: Edition[];
  meetingLinks: Map<number, { href: string; title: string }>;
  resolutionLinks: Map<number, { href: string; title: string }>;
  /** The evaluation rounds carried into each edition, by edition id. */
  carriedFrom: Map<number, Round[]>;
  from: Edition | null;
  to: Edition | null;
  diff: EditionDiff | null;
}) {
  const { lang, t, base } = usePlans();
  const options = p.editions.map((e) => ({ value: String(e.id), label: editionName(e, lang) }));
  const projectLink = (id: number, title: string) => <a href={`${base}/projects/${id}`}>{title}</a>;
  return (
    <>
      <BackLink href={`${base}/plans/${p.plan.id}`}>{p.plan.title}</BackLink>
      <h1>{t("edition.title")}</h1>
      <p class="muted">
        {p.plan.title} · {planPeriod(p.plan, lang)}
      </p>
      {p.editions.length === 0 ? (
        <p>{t("edition.noEditions")}</p>
      ) : (
        <ol>
          {p.editions.map((e) => {
            const meeting = e.meetingId != null ? p.meetingLinks.get(e.meetingId) : undefined;
            const resolution =
              e.resolutionId != null ? p.resolutionLinks.get(e.resolutionId) : undefined;
            return (
              <li key={e.id}>
                <strong>{editionName(e, lang)}</strong>
                {e.approvedOn && ` · ${t("edition.approvedOn")} ${formatDate(e.approvedOn, lang)}`}
                {e.reason && <p>{e.reason}</p>}
                {meeting && (
                  <p>
                    {t("edition.meeting")}: <a href={meeting.href}>{meeting.title}</a>
                  </p>
                )}
                {resolution && (
                  <p>
                    {t("edition.resolution")}: <a href={resolution.href}>{resolution.title}</a>
                  </p>
                )}
                <CarriedFrom rounds={p.carriedFrom.get(e.id)} />
                <p class="muted">
                  {t("edition.projectsAtApproval", { n: e.snapshot?.projects.length ?? 0 })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {p.editions.length > 1 && (
        <>
          <h2>{t("edition.compare")}</h2>
          <form method="get" action={`${base}/plans/${p.plan.id}/editions`} class="filters">
            <label>
              {t("edition.from")}{" "}
              <select name="from">
                {options.map((o) => (
                  <option key={o.value} value={o.value} selected={String(p.from?.id) === o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              {t("edition.to")}{" "}
              <select name="to">
                {options.map((o) => (
                  <option key={o.value} value={o.value} selected={String(p.to?.id) === o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit">{t("edition.show")}</button>
          </form>
        </>
      )}
      {p.diff && p.from && p.to && (
        <section class="plan-diff" aria-labelledby="diff">
          <h2 id="diff">
            {t("edition.differences")}: {editionName(p.from, lang)} → {editionName(p.to, lang)}
          </h2>
          {p.diff.added.length + p.diff.removed.length + p.diff.budgetChanged.length === 0 && (
            <p>{t("edition.noDifference")}</p>
          )}
          {p.diff.added.length > 0 && (
            <>
              <h3>{t("edition.added")}</h3>
              <ul>
                {p.diff.added.map((x) => (
                  <li key={x.id}>
                    <ins>+</ins> {projectLink(x.id, x.title)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.diff.removed.length > 0 && (
            <>
              <h3>{t("edition.removed")}</h3>
              <ul>
                {p.diff.removed.map((x) => (
                  <li key={x.id}>
                    <del>−</del> {projectLink(x.id, x.title)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.diff.budgetChanged.length > 0 && (
            <>
              <h3>{t("edition.budgetChanged")}</h3>
              <ul>
                {p.diff.budgetChanged.map((c) => (
                  <li key={c.project.id}>
                    {projectLink(c.project.id, c.project.title)}:{" "}
                    {c.years.map((y, i) => (
                      <span key={y.year}>
                        {i > 0 && "; "}
                        {t("plan.yearShort", { year: y.year })} <del>{baht(y.before, lang)}</del> →{" "}
                        <ins>{baht(y.after, lang)}</ins>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
