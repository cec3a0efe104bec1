import type { ComponentChildren } from "preact";
import type { Lang } from "../../../core/i18n/index.ts";
import type { DigitStyle } from "../digits.ts";
import type { CharterDoc } from "../document.ts";
import { chapterLabel, clauseLabel } from "../present.ts";
import { msg } from "../messages.ts";
import { Paras, textIn } from "../shared/views.tsx";

/**
 * The full text of a charter version: preamble, definitions, chapters with clauses, closing
 * clauses. The text is Thai, so its own words (หมวด, ข้อ, หมายความว่า) stay Thai in every UI
 * language, with the charter's digits.
 */
export function CharterText(props: {
  doc: CharterDoc;
  /** The reader's language (the text itself is always shown as written, in Thai). */
  lang?: Lang;
  digits: DigitStyle;
  /** Something to show after each clause (comment links on drafts, status on follow-up). */
  after?: (key: number, number: number) => ComponentChildren;
  /** Something to show after the preamble. */
  afterPreamble?: ComponentChildren;
}) {
  const { doc, digits } = props;
  const lang = "th";
  const t = msg.t(lang);
  const tx = (s: string) => textIn(s, digits, lang);
  let n = 0;
  const clause = (key: number, text: string) => {
    const number = ++n;
    const label = clauseLabel(number, lang, digits);
    return (
      <div class="clause" id={`c-${key}`} key={key}>
        <Paras text={tx(text)} lead={<strong class="clause-no">{label} </strong>} />
        {props.after?.(key, number)}
      </div>
    );
  };
  return (
    <div class="charter-text" lang="th">
      {doc.preamble && (
        <section class="preamble" aria-labelledby="h-preamble">
          <h2 id="h-preamble">{t("edition.preamble")}</h2>
          <Paras text={tx(doc.preamble)} />
          {props.afterPreamble}
        </section>
      )}
      {doc.definitions.length > 0 && (
        <section aria-labelledby="h-definitions">
          <h2 id="h-definitions">{t("edition.definitions")}</h2>
          <dl class="definitions">
            {doc.definitions.map((d) => (
              <div key={d.key} id={`d-${d.key}`}>
                <dt>“{tx(d.term)}”</dt>
                <dd>
                  {t("edition.means")} {tx(d.meaning)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {doc.chapters.map((c, i) => (
        <section key={c.key} class="chapter" aria-labelledby={`h-ch-${c.key}`}>
          <h2 id={`h-ch-${c.key}`}>
            <span class="chapter-no">{chapterLabel(i + 1, lang, digits)}</span>{" "}
            <span class="chapter-title">{tx(c.title)}</span>
          </h2>
          {c.clauses.map((cl) => clause(cl.key, cl.text))}
        </section>
      ))}
      {doc.closing.length > 0 && (
        <section class="chapter closing" aria-labelledby="h-closing">
          <h2 id="h-closing">{t("edition.closing")}</h2>
          {doc.closing.map((cl) => clause(cl.key, cl.text))}
        </section>
      )}
    </div>
  );
}
