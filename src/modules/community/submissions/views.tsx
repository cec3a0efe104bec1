import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { Filters, FilterSelect, Table } from "../../../core/views/list.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { Form, FormError, type FormState } from "../../../core/views/form.tsx";
import { formatDateTime, formatDate } from "../../../core/dates.ts";
import { pageHref, type Page } from "../../../core/paging.ts";
import type { AnswerValue, Answers, FormDefinition, FormItem, Label } from "../forms/definition.ts";
import { msg } from "../messages.ts";
import type {
  SubmissionDetail,
  SubmissionFilter,
  SubmissionRow,
  filterChoices,
} from "./queries.ts";

type Choices = Awaited<ReturnType<typeof filterChoices>>;

const useT = () => msg.t(useCtx().lang);

export function SubmissionListPage(p: {
  base: string;
  page: Page<SubmissionRow>;
  filter: SubmissionFilter;
  choices: Choices;
}) {
  const t = useT();
  const { lang } = useCtx();
  const query = {
    form: p.filter.formId,
    round: p.filter.roundId,
    village: p.filter.villageId,
    status: p.filter.status,
  };
  return (
    <>
      <h1>{t("submission.list")}</h1>
      <Filters action={p.base}>
        <FilterSelect
          name="form"
          label={t("submission.form")}
          any={t("submission.any")}
          value={String(p.filter.formId ?? "")}
          options={p.choices.forms.map((f) => ({ value: String(f.id), label: f.title }))}
        />
        <FilterSelect
          name="round"
          label={t("submission.round")}
          any={t("submission.any")}
          value={String(p.filter.roundId ?? "")}
          options={p.choices.rounds.map((r) => ({ value: String(r.id), label: r.name }))}
        />
        <FilterSelect
          name="village"
          label={t("submission.village")}
          any={t("submission.any")}
          value={String(p.filter.villageId ?? "")}
          options={p.choices.villages.map((v) => ({
            value: String(v.id),
            label: t("submission.moo", { moo: v.moo }),
          }))}
        />
        <FilterSelect
          name="status"
          label={t("submission.status")}
          any={t("submission.any")}
          value={p.filter.status ?? ""}
          options={(["accepted", "conflict", "resolved", "rejected"] as const).map((s) => ({
            value: s,
            label: t(`submission.status.${s}`),
          }))}
        />
      </Filters>
      {p.page.items.length ? (
        <Table
          columns={[
            t("submission.household"),
            t("submission.form"),
            t("submission.status"),
            t("submission.received"),
          ]}
          label={t("submission.list")}
        >
          {p.page.items.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`${p.base}/${s.id}`}>{s.houseNo ?? `#${s.id}`}</a>{" "}
                <span class="muted">{t("submission.moo", { moo: s.villageMoo })}</span>
              </td>
              <td>
                {s.formTitle}
                {s.roundName && <span class="muted"> · {s.roundName}</span>}
              </td>
              <td class={s.status === "conflict" ? "submission-conflict" : undefined}>
                {t(`submission.status.${s.status}`)}
              </td>
              <td>{formatDateTime(s.receivedAt, lang)}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>{t("submission.none")}</p>
      )}
      <Pager of={p.page} href={(n) => pageHref(p.base, query, n)} />
    </>
  );
}

/** One answer as a reader sees it: choices by their labels, dates in พ.ศ., photos as links. */
function AnswerText(p: {
  def: FormDefinition;
  item: FormItem;
  value: AnswerValue | undefined;
  photoHref: (id: number) => string;
}) {
  const t = useT();
  const { lang } = useCtx();
  const label = (l: Label) => (lang === "en" && l.en) || l.th;
  const v = p.value;
  if (v === undefined) return <span class="muted">{t("submission.noAnswer")}</span>;
  if (p.item.kind !== "question") return null;
  const q = p.item;
  const choice = (name: string) => {
    if (q.type === "yesno") return name === "yes" ? t("collect.yes") : t("collect.no");
    const c = (p.def.choices[q.list ?? ""] ?? []).find((x) => x.name === name);
    return c ? label(c.label) : name;
  };
  if (q.type === "image" && typeof v === "number")
    return <a href={p.photoHref(v)}>{t("submission.photo")}</a>;
  if (q.type === "date" && typeof v === "string") return <>{formatDate(v, lang)}</>;
  if (Array.isArray(v)) return <>{(v as string[]).map(choice).join(", ")}</>;
  if (q.type === "select_one" || q.type === "yesno") return <>{choice(String(v))}</>;
  return <>{String(v)}</>;
}

/** The rows of a submission's answers (one or two columns), differing answers highlighted. */
function answerRows(
  def: FormDefinition,
  items: FormItem[],
  columns: (Answers | undefined)[],
  photoHref: (id: number) => string,
  lang: string,
  t: ReturnType<typeof msg.t>,
  out: ComponentChildren[] = [],
  prefix = "",
): ComponentChildren[] {
  const label = (l: Label) => (lang === "en" && l.en) || l.th;
  for (const item of items) {
    if (item.kind === "group") {
      answerRows(def, item.items, columns, photoHref, lang, t, out, prefix);
      continue;
    }
    if (item.kind === "repeat") {
      const lists = columns.map((c) =>
        Array.isArray(c?.[item.name]) ? (c![item.name] as Answers[]) : [],
      );
      const n = Math.max(0, ...lists.map((l) => l.length));
      for (let i = 0; i < n; i++) {
        out.push(
          <tr key={`${prefix}${item.name}${i}`}>
            <th scope="colgroup" colSpan={columns.length + 1}>
              {t("submission.entry", { label: label(item.label), n: i + 1 })}
            </th>
          </tr>,
        );
        answerRows(
          def,
          item.items,
          lists.map((l) => l[i]),
          photoHref,
          lang,
          t,
          out,
          `${prefix}${item.name}${i}.`,
        );
      }
      continue;
    }
    if (item.type === "note") continue;
    const values = columns.map((c) => c?.[item.name]);
    const differs = columns.length > 1 && JSON.stringify(values[0]) !== JSON.stringify(values[1]);
    out.push(
      <tr key={prefix + item.name} class={differs ? "submission-differs" : undefined}>
        <th scope="row">{label(item.label)}</th>
        {values.map((v, i) => (
          <td key={i}>
            <AnswerText def={def} item={item} value={v} photoHref={photoHref} />
          </td>
        ))}
      </tr>,
    );
  }
  return out;
}

export function SubmissionPage(p: {
  base: string;
  s: SubmissionDetail;
  other: SubmissionDetail | null;
  canResolve: boolean;
  form: FormState;
}) {
  const t = useT();
  const { lang } = useCtx();
  const { s, other } = p;
  const photo = (sub: SubmissionDetail) => (id: number) => `${p.base}/${sub.id}/photos/${id}`;
  const both = s.status === "conflict" && other;
  return (
    <>
      <p>
        <a href={p.base}>{t("submission.list")}</a>
      </p>
      <h1>{t("submission.one", { id: s.id })}</h1>
      <dl class="submission-meta">
        <dt>{t("submission.form")}</dt>
        <dd>
          {s.formTitle}
          {s.roundName && ` · ${s.roundName}`}
        </dd>
        <dt>{t("submission.household")}</dt>
        <dd>
          {s.houseNo ?? "—"} ({t("submission.moo", { moo: s.villageMoo })})
        </dd>
        <dt>{t("submission.status")}</dt>
        <dd>{t(`submission.status.${s.status}`)}</dd>
        <dt>{t("submission.by")}</dt>
        <dd>{s.submittedBy ?? "—"}</dd>
        <dt>{t("submission.received")}</dt>
        <dd>{formatDateTime(s.receivedAt, lang)}</dd>
      </dl>
      {s.reviewNote && <p>{t("submission.reviewNote", { note: s.reviewNote })}</p>}
      {both && <p class="notice">{t("submission.conflict")}</p>}
      <h2 id="answers">{t("submission.answers")}</h2>
      {both && <p class="muted">{t("submission.differs")}</p>}
      <Table
        labelledBy="answers"
        columns={
          both
            ? [
                t("submission.question"),
                t("submission.this", { id: s.id }),
                t("submission.other", { id: other.id }),
              ]
            : [t("submission.question"), t("submission.answer")]
        }
      >
        {answerRows(
          s.definition,
          s.definition.items,
          both ? [s.answers, other.answers] : [s.answers],
          photo(s),
          lang,
          t,
        )}
      </Table>
      {both && p.canResolve && (
        <Form action={`${p.base}/${s.id}/resolve`} class="submission-resolve">
          <FormError form={p.form} />
          <div class="field">
            <label for="f-note">{t("submission.note")}</label>
            <input
              id="f-note"
              name="note"
              type="text"
              maxLength={1000}
              value={p.form.values.note ?? ""}
            />
          </div>
          <div class="actions">
            <button type="submit" name="decision" value="keep_this">
              {t("submission.keepThis")}
            </button>
            <button type="submit" name="decision" value="keep_other" class="secondary">
              {t("submission.keepOther")}
            </button>
            <button type="submit" name="decision" value="reject" class="secondary">
              {t("submission.reject")}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
