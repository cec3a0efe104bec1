import { FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Fields,
  Form,
  SelectField,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { nameOptions, textIn } from "../shared/lists.ts";
import type { VisitFilter, VisitRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { VISIT_STATUSES, canRecordVisit, hostAnswers } from "./visit.ts";
import { VisitRequestFields } from "../centres/request-views.tsx";
import { Badge, BackToAdmin, num, useNet, ButtonLink } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

/** The query string of a visit filter. */
export function visitQuery(f: VisitFilter, page?: number): string {
  return pageHref("", { status: f.status, centre: f.centreId }, page ?? 1);
}

export function StatusFilter(props: { action: string; f: VisitFilter }) {
  const { t } = useNet();
  return (
    <Filters action={props.action} label={t("list.filters")}>
      <FilterSelect
        name="status"
        label={t("visit.status")}
        any={t("list.any")}
        value={props.f.status}
        options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visit.${s}`) }))}
      />
      {props.f.centreId && <input type="hidden" name="centre" value={String(props.f.centreId)} />}
    </Filters>
  );
}

export function when(
  v: VisitRow,
  date: (d: string | null) => string,
  t: ReturnType<typeof useNet>["t"],
) {
  if (v.status === "done") return date(v.visitedOn);
  if (v.status === "proposed" && v.proposedOn)
    return t("visit.proposedInstead", { date: date(v.proposedOn), asked: date(v.requestedOn) });
  return date(v.requestedOn);
}

/** The host's list of requests and visits to its learning centres. */
export function IncomingVisits(props: {
  page: Page<VisitRow>;
  filter: VisitFilter;
  canRecord: boolean;
}) {
  const { t, lang, admin, date } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.visits")}</h1>
      <p>{t("visits.incomingIntro")}</p>
      {props.canRecord && (
        <ButtonLink href={`${admin}/visits/new`} secondary>
          {t("visits.recordRequest")}
        </ButtonLink>
      )}
      <StatusFilter action={`${admin}/visits`} f={filter} />
      <p role="status">{t("visits.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("admin.visits")}
          columns={[
            t("visit.group"),
            t("visit.centre"),
            t("visit.date"),
            { label: t("visit.groupSize"), num: true },
            t("visit.status"),
          ]}
        >
          {page.items.map((v) => (
            <tr key={v.id}>
              <td>
                <a href={`${admin}/visits/${v.id}`}>{v.groupName}</a>
              </td>
              <td>{textIn(v.centreTh, v.centreEn, lang)}</td>
              <td>{when(v, date, t)}</td>
              <td class="num">{num(v.groupSize)}</td>
              <td>{t(`visit.${v.status}`)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={(n) => `${admin}/visits${visitQuery(filter, n)}`} />
    </>
  );
}

function VisitFacts({ v, requester }: { v: VisitRow; requester: Tambon | null }) {
  const { t, lang, date } = useNet();
  return (
    <dl>
      <dt>{t("visit.centre")}</dt>
      <dd>{textIn(v.centreTh, v.centreEn, lang)}</dd>
      <dt>{t("visit.group")}</dt>
      <dd>
        {v.groupName}
        {requester && (
          <span class="muted">
            {" "}
            · {t("visit.fromTambon", { tambon: tambonTitle(requester, lang) })}
          </span>
        )}
        {v.source === "public" && <span class="muted"> · {t("visit.fromPublic")}</span>}
        {v.source === "host" && <span class="muted"> · {t("visit.fromHost")}</span>}
      </dd>
      <dt>{t("visit.requestedOn")}</dt>
      <dd>{date(v.requestedOn)}</dd>
      {v.proposedOn && (
        <>
          <dt>{t("visit.proposedOn")}</dt>
          <dd>{date(v.proposedOn)}</dd>
        </>
      )}
      <dt>{t("visit.groupSize")}</dt>
      <dd>{num(v.groupSize)}</dd>
      <dt>{t("visit.topics")}</dt>
      <dd>{v.topics}</dd>
      {(v.contactName || v.contactPhone || v.contactEmail) && (
        <>
          <dt>{t("visit.contact")}</dt>
          <dd>{[v.contactName, v.contactPhone, v.contactEmail].filter(Boolean).join(" · ")}</dd>
        </>
      )}
      <dt>{t("visit.status")}</dt>
      <dd>
        <Badge>{t(`visit.${v.status}`)}</Badge>
      </dd>
      {v.hostNote && (
        <>
          <dt>{t("visit.hostNote")}</dt>
          <dd>{v.hostNote}</dd>
        </>
      )}
      {v.requesterNote && (
        <>
          <dt>{t("visit.requesterNote")}</dt>
          <dd>{v.requesterNote}</dd>
        </>
      )}
      {v.status === "done" && (
        <>
          <dt>{t("visit.visitedOn")}</dt>
          <dd>
            {date(v.visitedOn)} · {t("visit.visitorsN", { n: num(v.visitorsCount ?? 0) })}
          </dd>
          <dt>{t("visit.learned")}</dt>
          <dd>{textIn(v.learnedTh, v.learnedEn, lang)}</dd>
        </>
      )}
    </dl>
  );
}

/** The host's page of one request: the facts, the answer form, and recording the visit. */
export function VisitPage(props: {
  visit: VisitRow;
  requester: Tambon | null;
  answerForm: FormState;
  recordForm: FormState;
}) {
  const { t, admin } = useNet();
  const v = props.visit;
  const answers = hostAnswers(v.status);
  return (
    <>
      <BackToAdmin to={`${admin}/visits`} label={t("admin.visits")} />
      <h1>{t("visit.title", { group: v.groupName })}</h1>
      <VisitFacts v={v} requester={props.requester} />
      {answers.length > 0 && (
        <section aria-labelledby="answer">
          <h2 id="answer">{t("visit.answer")}</h2>
          <ErrorSummary form={props.answerForm} />
          <Form action={`${admin}/visits/${v.id}/answer`} label={t("visit.answer")}>
            <fieldset class={props.answerForm.errors.answer ? "field has-error" : "field"}>
              <legend>{t("visit.answerChoice")}</legend>
              {props.answerForm.errors.answer && (
                <p class="error">{props.answerForm.errors.answer}</p>
              )}
              {answers.map((a) => (
                <div class="field check" key={a}>
                  <input
                    type="radio"
                    id={`f-answer-${a}`}
                    name="answer"
                    value={a}
                    checked={props.answerForm.values.answer === a}
                  />
                  <label for={`f-answer-${a}`}>{t(`answer.${a}`)}</label>
                </div>
              ))}
            </fieldset>
            <Fields
              form={props.answerForm}
              fields={[
                field.date("proposedOn", t("visit.proposedOn"), {
                  hint: t("visit.proposedOnHint"),
                }),
                field.textarea("hostNote", t("visit.hostNote"), {
                  hint: t("visit.hostNoteHint"),
                  rows: 3,
                }),
              ]}
            />
            <button type="submit">{t("visit.sendAnswer")}</button>
          </Form>
        </section>
      )}
      {canRecordVisit(v.status) && (
        <section aria-labelledby="record">
          <h2 id="record">{t("visit.record")}</h2>
          <ErrorSummary form={props.recordForm} />
          <Form action={`${admin}/visits/${v.id}/record`} label={t("visit.record")}>
            <Fields
              form={props.recordForm}
              fields={[
                field.date("visitedOn", t("visit.visitedOn"), { required: true }),
                field.text("visitorsCount", t("visit.visitors"), {
                  type: "number",
                  inputmode: "numeric",
                  required: true,
                }),
                field.thaiEnglish("learned", t("visit.learnedTh"), t("visit.learnedEn"), {
                  multiline: true,
                  hint: t("visit.learnedHint"),
                  required: true,
                }),
              ]}
            />
            <button type="submit">{t("visit.saveRecord")}</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** The host's form to record a request that came by phone or letter. */
export function HostRequestForm(props: {
  form: FormState;
  centres: { id: number; nameTh: string; nameEn: string }[];
}) {
  const { t, lang, admin } = useNet();
  return (
    <>
      <BackToAdmin to={`${admin}/visits`} label={t("admin.visits")} />
      <h1>{t("visits.recordRequest")}</h1>
      <p>{t("visits.recordRequestIntro")}</p>
      <ErrorSummary form={props.form} />
      <Form action={`${admin}/visits/new`} label={t("visits.recordRequest")}>
        <SelectField
          form={props.form}
          name="centreId"
          label={t("visit.centre")}
          required
          options={nameOptions(props.centres, lang)}
        />
        <VisitRequestFields form={props.form} withContact capacity={null} />
        <button type="submit">{t("visit.save")}</button>
      </Form>
    </>
  );
}
