import { useCtx } from "../../../core/views/ctx.ts";
import type { FormDefinition, FormItem, Label, Question } from "./definition.ts";
import { msg } from "../messages.ts";
import { useCommunity } from "../shared/views.tsx";

/**
 * A form as the phone shows it, rendered on the server and read only: each question with its
 * label, hint and control, groups as sections, a repeat with one entry. Skip logic is shown as a
 * note under the question (the phone applies it as answers come).
 */
export function FormPreview(p: { def: FormDefinition }) {
  return (
    <div class="cf-preview">
      {p.def.items.map((item) => (
        <PreviewItem key={item.name} def={p.def} item={item} />
      ))}
    </div>
  );
}

function PreviewItem(p: { def: FormDefinition; item: FormItem }) {
  const { lang, t } = useCommunity();
  const l = (x: Label) => (lang === "en" && x.en) || x.th;
  const item = p.item;
  if (item.kind !== "question")
    return (
      <fieldset class={`cf-section cf-${item.kind}`}>
        <legend>{l(item.label)}</legend>
        {item.relevant && <Relevant src={item.relevant} />}
        {item.kind === "repeat" && (
          <p class="hint">{t("form.repeatEntry", { max: item.maxCount ?? 30 })}</p>
        )}
        {item.items.map((child) => (
          <PreviewItem key={child.name} def={p.def} item={child} />
        ))}
      </fieldset>
    );
  const id = `pv-${item.name}`;
  return (
    <div class="field cf-question">
      <label for={id}>
        {l(item.label)}
        {item.required && <span class="req"> *</span>}
      </label>
      {item.hint && <p class="hint">{l(item.hint)}</p>}
      <Control def={p.def} q={item} id={id} />
      {item.relevant && <Relevant src={item.relevant} />}
    </div>
  );
}

function Relevant(p: { src: string }) {
  const { lang } = useCtx();
  return (
    <p class="hint cf-logic">
      {msg.t(lang)("form.showWhen")}: <code>{p.src}</code>
    </p>
  );
}

function Control(p: { def: FormDefinition; q: Question; id: string }) {
  const { lang, t } = useCommunity();
  const { q, id } = p;
  const choices =
    q.type === "yesno"
      ? [
          { name: "yes", label: { th: t("form.yes") } },
          { name: "no", label: { th: t("form.no") } },
        ]
      : (p.def.choices[q.list ?? ""] ?? []);
  switch (q.type) {
    case "note":
      return null;
    case "select_one":
    case "select_multiple":
    case "yesno":
      return (
        <div class="cf-choices" id={id} role="group">
          {choices.map((c) => (
            <label key={c.name} class="cf-choice">
              <input
                type={q.type === "select_multiple" ? "checkbox" : "radio"}
                name={q.name}
                disabled
              />{" "}
              {(lang === "en" && c.label.en) || c.label.th}
            </label>
          ))}
        </div>
      );
    case "image":
      return (
        <button type="button" id={id} class="secondary" disabled>
          {t("form.takePhoto")}
        </button>
      );
    case "geopoint":
      return (
        <button type="button" id={id} class="secondary" disabled>
          {t("form.getLocation")}
        </button>
      );
    case "date":
      return <input id={id} type="text" placeholder="วว/ดด/ปปปป (พ.ศ.)" disabled />;
    default:
      return (
        <input
          id={id}
          type="text"
          inputMode={q.type === "text" ? undefined : q.type === "integer" ? "numeric" : "decimal"}
          disabled
        />
      );
  }
}
