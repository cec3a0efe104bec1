import { Table } from "../../../core/views/list.tsx";
import { AdminFrame, Facts, When, type Link, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { type Job } from "./commands.ts";
import { Form, type FormState } from "../../../core/views/form.tsx";
import { SiteForm, type SiteField } from "../shared/form.tsx";
import { formatDate } from "../../../core/dates.ts";
import { type ComponentChildren } from "preact";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The job-market links as list items, each in the reader's language when it has a label in it. */
function LinkItems({ links }: { links: Link[] }) {
  const { lang } = useCtx();
  return (
    <>
      {links.map((l) => (
        <li key={l.id}>
          <a href={l.url} rel="noopener">
            {lang === "en" && l.labelEn ? l.labelEn : l.labelTh}
          </a>
        </li>
      ))}
    </>
  );
}

export function LinksBox({ links }: { links: Link[] }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <section class="box" aria-labelledby="jobs-box-h">
      <h2 id="jobs-box-h">{t("jobs.title")}</h2>
      <ul>
        <li>
          <a href={url("/jobs")}>{t("jobs.title")}</a>
        </li>
        <LinkItems links={links} />
      </ul>
    </section>
  );
}

/** Job-market board. */
export function JobsPage(props: { jobs: Job[]; links: Link[]; canPost: boolean; form: FormState }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <>
      <h1>{t("jobs.title")}</h1>
      <p>{t("jobs.intro")}</p>
      {props.jobs.length === 0 ? (
        <p>{t("jobs.none")}</p>
      ) : (
        <ul class="cards">
          {props.jobs.map((j) => (
            <li key={j.id}>
              <h2>
                <a href={url(`/jobs/${j.id}`)}>{j.title}</a>
              </h2>
              <p>
                {j.employer}
                {j.place && ` · ${j.place}`}
                {j.wage && ` · ${j.wage}`}
              </p>
              <p class="muted">{t("jobs.closesOnDate", { date: formatDate(j.closesOn, lang) })}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("jobs.links")}</h2>
      <ul>
        <LinkItems links={props.links} />
      </ul>
      <h2>{t("jobs.post")}</h2>
      {props.canPost ? (
        <JobForm form={props.form} action={url("/jobs")} />
      ) : (
        <p>{t("jobs.loginToPost")}</p>
      )}
    </>
  );
}

/** The form of a job posting (members and staff). */
export function JobForm({ form, action }: { form: FormState; action: string }) {
  const t = useSiteT();
  const fields: SiteField[] = [
    { name: "title", label: t("jobs.jobTitle"), required: true, maxLength: 200 },
    { name: "employer", label: t("jobs.employer"), required: true, maxLength: 200 },
    { name: "place", label: t("jobs.place"), maxLength: 200 },
    { name: "wage", label: t("jobs.wage"), maxLength: 100 },
    { name: "contact", label: t("jobs.contact"), required: true, maxLength: 200 },
    { kind: "date", name: "closesOn", label: t("jobs.closesOn"), required: true },
    { kind: "textarea", name: "details", label: t("jobs.details"), rows: 4 },
  ];
  return <SiteForm form={form} action={action} label={t("jobs.post")} fields={fields} />;
}

/** One job posting. */
export function JobView({ job }: { job: Job }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  return (
    <article>
      <BackLink href={url("/jobs")}>{t("jobs.title")}</BackLink>
      <h1>{job.title}</h1>
      <Facts
        rows={[
          [t("jobs.employer"), job.employer],
          [t("jobs.place"), job.place],
          [t("jobs.wage"), job.wage],
          [t("jobs.contact"), job.contact],
          [t("jobs.closesOn"), formatDate(job.closesOn, lang)],
        ]}
      />
      {job.details && <p class="pre">{job.details}</p>}
    </article>
  );
}

/** Job postings for staff: approve, hide, add. */
export function JobsAdmin(props: {
  jobs: { id: number; title: string; employer: string; status: string; closesOn: string }[];
  children: ComponentChildren;
}) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <AdminFrame title={t("admin.jobs")}>
      <Table
        label={t("admin.jobs")}
        columns={[
          t("jobs.jobTitle"),
          t("jobs.closesOn"),
          t("field.status"),
          { label: t("admin.edit"), muted: true },
        ]}
      >
        {props.jobs.map((j) => (
          <tr key={j.id}>
            <td>
              {j.title} <span class="muted">({j.employer})</span>
            </td>
            <td>
              <When at={j.closesOn} />
            </td>
            <td>{t(`corner.${j.status as "pending" | "approved" | "hidden"}`)}</td>
            <td class="actions">
              {j.status !== "approved" && (
                <Form action={url(`/admin/site/jobs/${j.id}/moderate`)} class="inline">
                  <input type="hidden" name="decision" value="approved" />
                  <button type="submit">{t("jobs.approve")}</button>
                </Form>
              )}
              {j.status !== "hidden" && (
                <Form action={url(`/admin/site/jobs/${j.id}/moderate`)} class="inline">
                  <input type="hidden" name="decision" value="hidden" />
                  <button type="submit" class="secondary">
                    {t("jobs.hide")}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <h2>{t("jobs.post")}</h2>
      {props.children}
    </AdminFrame>
  );
}
