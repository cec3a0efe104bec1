import { ErrorSummary, Form, type FormState } from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { nameIn, textIn } from "../shared/lists.ts";
import type { VisitFilter, VisitRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { requesterAnswers, type VisitStatus } from "./visit.ts";
import { VisitRequestFields } from "../centres/request-views.tsx";
import { Badge, BackToAdmin, num, useNet, ButtonLink } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { StatusFilter, visitQuery, when } from "./views.tsx";

/** The requesting tambon's list of its requests to other tambons, with its replies. */
export function OutgoingVisits(props: {
  page: Page<VisitRow>;
  filter: VisitFilter;
  hosts: Map<number, Tambon>;
  error: { id: number; message: string } | null;
}) {
  const { t, lang, admin, date } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.outgoing")}</h1>
      <p>{t("visits.outgoingIntro")}</p>
      <ButtonLink href={`${admin}/outgoing/new`}>{t("visits.newRequest")}</ButtonLink>
      <StatusFilter action={`${admin}/outgoing`} f={filter} />
      <p role="status">{t("visits.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <ul class="cards">
          {page.items.map((v) => {
            const host = props.hosts.get(v.tambonId);
            const answers = requesterAnswers(v.status as VisitStatus);
            return (
              <li key={v.id} id={`v-${v.id}`}>
                <h2>
                  {host ? (
                    <a href={`/t/${host.slug}/centres/${v.centreId}`}>
                      {textIn(v.centreTh, v.centreEn, lang)}
                    </a>
                  ) : (
                    textIn(v.centreTh, v.centreEn, lang)
                  )}
                </h2>
                <p class="muted">{host && tambonTitle(host, lang)}</p>
                <p>
                  <Badge>{t(`visit.${v.status}`)}</Badge> {when(v, date, t)} ·{" "}
                  {t("visit.visitorsN", { n: num(v.groupSize) })}
                </p>
                {v.hostNote && (
                  <p>
                    {t("visit.hostNote")}: {v.hostNote}
                  </p>
                )}
                {props.error?.id === v.id && (
                  <p class="error" role="alert">
                    {props.error.message}
                  </p>
                )}
                {answers.map((a) => (
                  <Form key={a} action={`${admin}/outgoing/${v.id}/reply`} class="inline">
                    <input type="hidden" name="answer" value={a} />
                    <button type="submit" class={a === "withdraw" ? "secondary" : undefined}>
                      {t(`answer.${a}`)}
                    </button>
                  </Form>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <Pager of={page} href={(n) => `${admin}/outgoing${visitQuery(filter, n)}`} />
    </>
  );
}

/** The form with which a tambon's staff ask another tambon for a study visit. */
export function OutgoingRequestForm(props: {
  form: FormState;
  groups: {
    tambon: Tambon;
    centres: { id: number; nameTh: string; nameEn: string; capacity: number | null }[];
  }[];
}) {
  const { t, lang, admin, tambon } = useNet();
  const f = props.form;
  const err = f.errors.centreId;
  const current = f.values.centreId ?? "";
  const chosen = props.groups.flatMap((g) => g.centres).find((c) => String(c.id) === current);
  return (
    <>
      <BackToAdmin to={`${admin}/outgoing`} label={t("admin.outgoing")} />
      <h1>{t("visits.newRequest")}</h1>
      <p>{t("visits.newRequestIntro", { tambon: tambonTitle(tambon!, lang) })}</p>
      <ErrorSummary form={f} />
      {props.groups.length === 0 ? (
        <p>{t("visits.noCentres")}</p>
      ) : (
        <Form action={`${admin}/outgoing/new`} label={t("visits.newRequest")}>
          <div class={err ? "field has-error" : "field"}>
            <label for="f-centreId">
              {t("visit.centre")}
              <span class="req"> *</span>
            </label>
            {err && (
              <p class="error" id="f-centreId-err">
                {err}
              </p>
            )}
            <select
              id="f-centreId"
              name="centreId"
              required
              aria-invalid={err ? "true" : undefined}
              aria-describedby={err ? "f-centreId-err" : undefined}
            >
              <option value="">{t("list.choose")}</option>
              {props.groups.map((g) => (
                <optgroup key={g.tambon.id} label={tambonTitle(g.tambon, lang)}>
                  {g.centres.map((c) => (
                    <option key={c.id} value={String(c.id)} selected={String(c.id) === current}>
                      {nameIn(c, lang)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <VisitRequestFields form={f} withContact={false} capacity={chosen?.capacity ?? null} />
          <button type="submit">{t("visit.send")}</button>
        </Form>
      )}
    </>
  );
}

/**
 * The page behind a public requester's private link: where the request stands, and the answers
 * they may give now (accept the date the host proposed, or withdraw).
 */
export function VisitByLink(props: { visit: VisitRow; action: string; message: string }) {
  const { t, lang, base, date } = useNet();
  const v = props.visit;
  const answers = requesterAnswers(v.status as VisitStatus);
  return (
    <>
      <h1>{t("visit.title", { group: v.groupName })}</h1>
      <p class="muted">{t("visit.linkKeep")}</p>
      <dl>
        <dt>{t("visit.centre")}</dt>
        <dd>
          <a href={`${base}/centres/${v.centreId}`}>{textIn(v.centreTh, v.centreEn, lang)}</a>
        </dd>
        <dt>{t("visit.status")}</dt>
        <dd>
          <Badge>{t(`visit.${v.status}`)}</Badge>
        </dd>
        <dt>{t("visit.date")}</dt>
        <dd>{when(v, date, t)}</dd>
        <dt>{t("visit.groupSize")}</dt>
        <dd>{t("visit.visitorsN", { n: num(v.groupSize) })}</dd>
        {v.hostNote && (
          <>
            <dt>{t("visit.hostNote")}</dt>
            <dd>{v.hostNote}</dd>
          </>
        )}
      </dl>
      {props.message && (
        <p class="error" role="alert">
          {props.message}
        </p>
      )}
      {v.status === "proposed" && v.proposedOn && (
        <p>{t("visit.linkProposed", { date: date(v.proposedOn) })}</p>
      )}
      {answers.map((a) => (
        <Form key={a} action={props.action} class="inline" label={t(`answer.${a}`)}>
          <input type="hidden" name="answer" value={a} />
          <button type="submit" class={a === "withdraw" ? "secondary" : undefined}>
            {t(`answer.${a}`)}
          </button>
        </Form>
      ))}
    </>
  );
}
